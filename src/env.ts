import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from './project-root';

/**
 * Configuration for the web server and the worker, read once from the environment
 * and validated at start-up so that a typo fails loudly instead of running with a
 * surprising default. Every variable is documented in .env.example.
 */
const int = (fallback: number, min = 0) =>
  z.coerce.number({ error: 'expected a whole number' }).int('expected a whole number').min(min).default(fallback);

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: int(3000, 1).refine((p) => p < 65536, 'PORT must be below 65536'),
  HOST: z.string().default('0.0.0.0'),
  /** The app's public origin; links in events (sandbox postings) point here. */
  APP_URL: z.url('APP_URL must be a URL such as http://localhost:3000').optional(),
  REDIS_URL: z
    .string()
    .default('redis://127.0.0.1:6379')
    .refine((u) => /^rediss?:\/\//.test(u), 'REDIS_URL must start with redis:// or rediss://'),
  /** Prefix of every Redis key and of the BullMQ queue, so that several deployments can share one Redis. */
  KEY_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]{1,32}$/, 'KEY_PREFIX may hold letters, digits, _ and - only')
    .default('jobstream'),

  /** PostgreSQL (postgresql://…); unset, the app uses PGlite in PGLITE_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .refine((u) => /^postgres(ql)?:\/\//.test(u), 'DATABASE_URL must start with postgresql://')
    .optional(),
  PGLITE_DATA_DIR: z.string().min(1).default('.data/pglite'),

  /** Signs session tokens; AUTH_SECRET or NEXTAUTH_SECRET. Required in production. */
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  NEXTAUTH_SECRET: z.string().min(32, 'NEXTAUTH_SECRET must be at least 32 characters').optional(),
  /** The app's public URL for sign-in callbacks; defaults to APP_URL. */
  NEXTAUTH_URL: z.url('NEXTAUTH_URL must be a URL').optional(),
  SESSION_MAX_AGE_SECONDS: int(30 * 24 * 3600, 5),
  /** How often a socket re-checks its session (sign-out, expiry). */
  AUTH_RECHECK_MS: int(30_000, 100),
  /** Wrong passwords allowed per account, and per client address, before sign-in slows down. */
  SIGNIN_FREE_ATTEMPTS: int(5, 1),
  /** The longest a throttled sign-in waits; the wait doubles with each further failure up to this. */
  SIGNIN_MAX_BACKOFF_SECONDS: int(900, 1),
  /** Trust X-Forwarded-For from the load balancer for the client address (sign-in throttling). */
  TRUST_PROXY: z.enum(['true', 'false'], { error: 'TRUST_PROXY must be true or false' }).default('false').transform((v) => v === 'true'),
  /** Operators (comma-separated emails, any case) who may open /ops and the ops.* procedures; empty: nobody. */
  ADMIN_EMAILS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean))
    .superRefine((list, ctx) => {
      const bad = list.find((e) => !z.email().safeParse(e).success);
      if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `"${bad}" is not an email address; list operators' emails separated by commas` });
    }),
  GITHUB_ID: z.string().optional(),
  GITHUB_SECRET: z.string().optional(),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),

  EVENT_RETENTION: int(10_000, 100),
  /**
   * Whether this web instance writes the event archive (in a thread of its own). Every
   * instance does by default; set false on instances that should only serve sockets,
   * as long as at least one instance archives.
   */
  ARCHIVER_ENABLED: z.enum(['true', 'false'], { error: 'ARCHIVER_ENABLED must be true or false' }).default('true').transform((v) => v === 'true'),
  /** How long the archiver waits for a batch to fill once events arrive: the most an event waits to be written. */
  ARCHIVE_BATCH_WAIT_MS: int(200, 0),
  RUN_TTL_SECONDS: int(7 * 24 * 3600, 60),
  HITL_TIMEOUT_MS: int(120_000, 100),
  /** How long a session (a negotiation) waits for the user's turn before it ends as abandoned. */
  SESSION_TURN_TIMEOUT_MS: int(180_000, 100),
  /** How long a conversation (career chat) stays open without a message before it ends. */
  SESSION_IDLE_TIMEOUT_MS: int(900_000, 100),

  WS_MAX_PAYLOAD_BYTES: int(1024 * 1024, 1024),
  WS_MAX_BUFFERED_BYTES: int(4 * 1024 * 1024, 16 * 1024),
  WS_STALL_TIMEOUT_MS: int(10_000, 100),
  WS_KEEPALIVE_MS: int(30_000, 1000),
  /** Calls per socket per second (a message may batch several); WS_MAX_MESSAGES_PER_SECOND is its old name. */
  WS_MAX_CALLS_PER_SECOND: int(50, 1),
  WS_MAX_SUBSCRIPTIONS: int(100, 1),
  /** Calls one WebSocket message (a JSON array) may carry; a reconnect resends every subscription in one. */
  WS_MAX_CALLS_PER_MESSAGE: int(100, 1),
  /** Sockets without a session kept open per instance, answering every call with UNAUTHORIZED. */
  WS_MAX_UNAUTHENTICATED: int(1000, 0),
  /** Calls one HTTP batch request may carry. */
  HTTP_MAX_BATCH_SIZE: int(20, 1),
  /** Open AG-UI streams (POST /api/agui) per user on one web instance. */
  AGUI_MAX_STREAMS_PER_USER: int(20, 1),
  /** How often an open AG-UI stream checks that its token was not revoked and its session not ended. */
  AGUI_REAUTH_MS: int(30_000, 500),
  /** pipeline.start calls a user may make per minute. */
  START_RATE_PER_MINUTE: int(10, 1),
  /** Runs a user may have queued, running or paused at once. */
  MAX_CONCURRENT_RUNS: int(3, 1),

  WORKER_CONCURRENCY: int(4, 1),
  WORKER_LOCK_MS: int(30_000, 1000),
  WORKER_STALLED_INTERVAL_MS: int(30_000, 500),
  WORKER_MAX_STALLED: int(1, 0),
  /** On SIGTERM, how long runs may take to finish before they are handed back; the worker exits at most 5 s later. */
  WORKER_SHUTDOWN_GRACE_MS: int(10_000, 0),
  /** On SIGTERM, the longest a web instance takes to exit, even with Redis or the database unreachable. */
  WEB_SHUTDOWN_GRACE_MS: int(10_000, 100),
  WORKER_HEARTBEAT_MS: int(5_000, 100),
  /** Archive lag (events) over which /ops raises a system alert, once each time it is crossed. */
  OPS_ARCHIVE_LAG_ALERT: int(5_000, 1),
  AGENT_STEP_DELAY_MS: int(250, 0),

  /** Serve the offline sandbox job board at /sandbox (postings, application forms). */
  SANDBOX_ENABLED: z.enum(['true', 'false'], { error: 'SANDBOX_ENABLED must be true or false' }).default('true').transform((v) => v === 'true'),
  /** Greenhouse's public job board API; boards come from each profile's jobSources. */
  GREENHOUSE_API_URL: z.url('GREENHOUSE_API_URL must be a URL').default('https://boards-api.greenhouse.io/v1/boards'),
  /** GitHub's REST API, for the network agent's public organisation members. */
  GITHUB_API_URL: z.url('GITHUB_API_URL must be a URL').default('https://api.github.com'),
  /** Lever's public postings API. */
  LEVER_API_URL: z.url('LEVER_API_URL must be a URL').default('https://api.lever.co/v0/postings'),
  /** Most postings one search keeps (the analyst fetches and reads each one). */
  SCOUT_MAX_POSTINGS: int(100, 1).refine((n) => n <= 500, 'SCOUT_MAX_POSTINGS: at most 500'),
  /** How long a job source or posting fetch may take. */
  SOURCE_TIMEOUT_MS: int(15_000, 100),
  /** An OpenAI-compatible endpoint (…/v1); unset, the agents use their deterministic engines. */
  LLM_BASE_URL: z.url('LLM_BASE_URL must be a URL such as https://api.openai.com/v1').optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
  LLM_TIMEOUT_MS: int(60_000, 100),
  /** The Chromium the applier drives (Debian's package by default). */
  BROWSER_EXECUTABLE_PATH: z.string().min(1).default('/usr/bin/chromium'),
  /** Live browser view: frames per second and JPEG quality (1–100). */
  BROWSER_FPS: int(5, 1).refine((n) => n <= 30, 'BROWSER_FPS: at most 30'),
  BROWSER_JPEG_QUALITY: int(50, 1).refine((n) => n <= 100, 'BROWSER_JPEG_QUALITY: 1 to 100'),
  /** Origins (scheme://host:port) the worker may reach even on private addresses, comma-separated. */
  EGRESS_ALLOW: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .refine((list) => list.every(isOrigin), 'EGRESS_ALLOW: comma-separated origins such as http://10.0.0.5:8080'),
  /** Chromium's sandbox: auto (on wherever the machine allows it), on (fail without it) or off. */
  BROWSER_SANDBOX: z.enum(['auto', 'on', 'off'], { error: 'BROWSER_SANDBOX must be auto, on or off' }).default('auto'),
  /** When the worker runs as root, Chromium runs as this user, so that its sandbox can work. */
  BROWSER_SANDBOX_USER: z.string().regex(/^[a-z_][a-z0-9_-]{0,31}$/, 'BROWSER_SANDBOX_USER: a user name').default('nobody'),
  /** How long the applier waits for a page or an element before it gives up on that step. */
  BROWSER_STEP_TIMEOUT_MS: int(15_000, 500),
});

export type Env = z.infer<typeof envSchema> & { APP_URL: string };

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable (`DATABASE_URL=` in .env) means "unset", not "invalid".
  const set = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  set.WS_MAX_CALLS_PER_SECOND ??= set.WS_MAX_MESSAGES_PER_SECOND;
  const result = envSchema.safeParse(set);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(
      `Invalid configuration:\n${lines.join('\n')}\nFix these environment variables (see .env.example).`,
    );
  }
  const data = result.data;
  if (data.NODE_ENV === 'production' && !data.AUTH_SECRET && !data.NEXTAUTH_SECRET) {
    throw new Error(
      'Invalid configuration:\n  - AUTH_SECRET: required in production (32+ random characters, e.g. `openssl rand -base64 32`).\n' +
        'Fix these environment variables (see .env.example).',
    );
  }
  return { ...data, APP_URL: data.APP_URL ?? `http://localhost:${data.PORT}` };
}

let cached: Env | undefined;

/** The validated environment of this process; a .env file fills what the environment leaves unset. */
export function env(): Env {
  if (!cached) {
    const file = join(projectRoot(), '.env');
    if (existsSync(file)) process.loadEnvFile(file);
    cached = parseEnv();
  }
  return cached;
}
