import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Redis } from 'ioredis';
import type { SubmissionStore } from '../submissions';

/** What the web server hands the sandbox: its public origin and where to keep submissions. */
export interface SandboxDeps {
  /** The app's public origin (APP_URL), for the absolute URLs in the API. */
  appUrl: string;
  redis: Redis;
  /** The deployment's Redis key prefix; sandbox keys live under `${prefix}:sandbox:`. */
  keyPrefix: string;
}

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  appUrl: string;
  submissions: SubmissionStore;
}
