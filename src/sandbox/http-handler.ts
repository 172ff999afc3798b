import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleJobStats, handleJobsApi, handleReceipt } from './http/api';
import { handleApplyEmbed, handleApplyForm, handleApplySubmit } from './http/apply';
import type { RouteContext, SandboxDeps } from './http/context';
import { handleBoard, handlePosting } from './http/pages';
import { handleTeamApi, handleTeamPage } from './http/team';
import { sendHtml, sendJson } from './http/respond';
import { messagePage } from './pages/message-page';
import { SubmissionStore } from './submissions';

export type { SandboxDeps } from './http/context';

type Handler = (ctx: RouteContext, param: string) => void | Promise<void>;

interface Route {
  pattern: RegExp;
  /** JSON routes answer errors in JSON, pages in HTML. */
  json: boolean;
  methods: Readonly<Partial<Record<'GET' | 'POST', Handler>>>;
}

const ID = '([A-Za-z0-9_-]{1,64})';

const ROUTES: readonly Route[] = [
  { pattern: /^\/sandbox$/, json: false, methods: { GET: handleBoard } },
  { pattern: /^\/sandbox\/api\/jobs$/, json: true, methods: { GET: handleJobsApi } },
  { pattern: new RegExp(`^/sandbox/api/jobs/${ID}/stats$`), json: true, methods: { GET: handleJobStats } },
  { pattern: new RegExp(`^/sandbox/jobs/${ID}$`), json: false, methods: { GET: handlePosting } },
  { pattern: new RegExp(`^/sandbox/jobs/${ID}/apply$`), json: false, methods: { GET: handleApplyForm, POST: handleApplySubmit } },
  { pattern: new RegExp(`^/sandbox/jobs/${ID}/apply/embed$`), json: false, methods: { GET: handleApplyEmbed } },
  { pattern: new RegExp(`^/sandbox/applications/${ID}$`), json: true, methods: { GET: handleReceipt } },
  { pattern: new RegExp(`^/sandbox/api/companies/${ID}/team$`), json: true, methods: { GET: handleTeamApi } },
  { pattern: new RegExp(`^/sandbox/companies/${ID}/team$`), json: false, methods: { GET: handleTeamPage } },
];

/** Paths that answer in JSON even when no route matches. */
const isJsonPath = (path: string) => path.startsWith('/sandbox/api/') || path.startsWith('/sandbox/applications/');

function notFound(res: ServerResponse, json: boolean): void {
  if (json) sendJson(res, 404, { error: 'not found' });
  else sendHtml(res, 404, messagePage('Page not found', 'There is nothing at this address.'));
}

function methodNotAllowed(res: ServerResponse, json: boolean, allowed: readonly string[]): void {
  const headers = { allow: allowed.join(', ') };
  if (json) sendJson(res, 405, { error: `method not allowed; use ${allowed.join(' or ')}` }, headers);
  else sendHtml(res, 405, messagePage('Method not allowed', `This address answers ${allowed.join(' and ')} only.`), headers);
}

function failed(res: ServerResponse, json: boolean, err: unknown): void {
  console.error(`[sandbox] request failed: ${err instanceof Error ? err.message : String(err)}`);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (json) sendJson(res, 500, { error: 'internal error' });
  else sendHtml(res, 500, messagePage('Something went wrong', 'Please try again in a moment.'));
}

/** HEAD is GET without a body (Node drops the body); the allowed list names both. */
function allowedMethods(route: Route): string[] {
  const methods = Object.keys(route.methods);
  return methods.includes('GET') ? [...methods, 'HEAD'] : methods;
}

async function dispatch(req: IncomingMessage, res: ServerResponse, deps: SandboxDeps, path: string, query: URLSearchParams): Promise<void> {
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const handler = method === 'GET' || method === 'POST' ? route.methods[method] : undefined;
    if (!handler) {
      req.resume();
      return methodNotAllowed(res, route.json, allowedMethods(route));
    }
    const ctx: RouteContext = { req, res, query, appUrl: deps.appUrl, submissions: new SubmissionStore(deps.redis, deps.keyPrefix) };
    try {
      await handler(ctx, match[1] ?? '');
    } catch (err) {
      failed(res, route.json, err);
    }
    return;
  }
  req.resume();
  notFound(res, isJsonPath(path));
}

/**
 * The offline sandbox job board under /sandbox: a job list, postings, application forms
 * in several ATS layouts, and a small JSON API for the agents and the tests.
 */
export function handleSandbox(req: IncomingMessage, res: ServerResponse, deps: SandboxDeps): Promise<void> {
  const raw = req.url ?? '/sandbox';
  const q = raw.indexOf('?');
  const rawPath = q === -1 ? raw : raw.slice(0, q);
  const path = rawPath.length > '/sandbox'.length ? rawPath.replace(/\/+$/, '') : rawPath;
  return dispatch(req, res, deps, path, new URLSearchParams(q === -1 ? '' : raw.slice(q + 1)));
}
