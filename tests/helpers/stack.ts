import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { setUpApplicant } from './applicant';
import { newUser, TEST_AUTH_SECRET, type TestUser } from './auth';
import { connect, type Connection } from './client';
import { freshPglite, freshPostgres, type ThrowawayDatabase } from './databases';
import { freePort } from './ports';
import { startRedis, startWeb, startWorker, type AppEnv, type Proc } from './processes';

export interface Stack {
  redis: Awaited<ReturnType<typeof startRedis>>;
  database: ThrowawayDatabase;
  env: AppEnv;
  webs: Awaited<ReturnType<typeof startWeb>>[];
  workers: Proc[];
  addWeb(port?: number): Promise<Awaited<ReturnType<typeof startWeb>>>;
  addWorker(extra?: Record<string, string>): Promise<Proc>;
  stop(): Promise<void>;
}

/**
 * A throwaway Redis and database (PostgreSQL, or PGlite with TEST_DATABASE=pglite)
 * plus real web and worker processes pointed at them.
 */
export async function startStack(opts: { webs?: number; workers?: number; env?: Record<string, string> } = {}): Promise<Stack> {
  const redis = await startRedis();
  // TEST_DATABASE=pglite runs the stack on the embedded default instead of PostgreSQL.
  const embedded = process.env.TEST_DATABASE === 'pglite';
  const database = embedded ? freshPglite() : await freshPostgres();
  const env: AppEnv = {
    REDIS_URL: redis.url,
    ...(database.target.kind === 'postgresql'
      ? { DATABASE_URL: database.target.url }
      : { DATABASE_URL: '', PGLITE_DATA_DIR: database.target.dataDir }),
    AUTH_SECRET: TEST_AUTH_SECRET,
    KEY_PREFIX: `t${randomBytes(3).toString('hex')}`,
    // Generous limits, so that only the limits tests meet them.
    START_RATE_PER_MINUTE: '1000',
    MAX_CONCURRENT_RUNS: '100',
    WS_MAX_CALLS_PER_SECOND: '1000',
    ...opts.env,
  };
  const stack: Stack = {
    redis,
    database,
    env,
    webs: [],
    workers: [],
    async addWeb(port) {
      if (embedded && stack.webs.some((w) => w.child.exitCode === null && w.child.signalCode === null)) {
        throw new Error('The embedded database serves one web process; run this test on PostgreSQL.');
      }
      const web = await startWeb(env, port);
      stack.webs.push(web);
      return web;
    },
    async addWorker(extra = {}) {
      const worker = await startWorker({ ...env, ...extra });
      stack.workers.push(worker);
      return worker;
    },
    async stop() {
      // Every step is tried even when one fails, so that a failure leaves no process behind.
      const results = await Promise.allSettled([...stack.webs, ...stack.workers].map((p) => p.kill9()));
      // A test that restarts Redis puts the new one in stack.redis: both go.
      results.push(...(await Promise.allSettled([redis, stack.redis].map((r) => r.kill9()))));
      results.push(...(await Promise.allSettled([database.drop()])));
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
  try {
    // The app's public URL is the first web instance (as a load balancer's would be):
    // workers put it in sandbox links, and the applier's browser opens them.
    const firstPort = await freePort();
    env.APP_URL ??= `http://127.0.0.1:${firstPort}`;
    if ((opts.webs ?? 1) > 0) await stack.addWeb(firstPort);
    for (let i = 1; i < (opts.webs ?? 1); i++) await stack.addWeb();
    for (let i = 0; i < (opts.workers ?? 1); i++) await stack.addWorker();
  } catch (err) {
    await stack.stop();
    throw err;
  }
  return stack;
}

/**
 * Starts a stack before the file's tests and stops it after them; `user` is a
 * signed-up, signed-in user and `api` their client on the first web instance.
 */
export function useStack(opts: Parameters<typeof startStack>[0] & { applicant?: boolean } = {}): {
  readonly stack: Stack;
  readonly api: Connection;
  readonly user: TestUser;
} {
  let stack: Stack | undefined;
  let api: Connection | undefined;
  let user: TestUser | undefined;
  beforeAll(async () => {
    stack = await startStack(opts);
    const web = stack.webs[0];
    if (web) {
      user = await newUser(web.url);
      api = connect(web.url, user.cookie);
      // A complete profile and resume, as the agents need; `applicant: false` leaves it empty.
      if (opts.applicant !== false) await setUpApplicant(api.client);
    }
  });
  afterAll(async () => {
    try {
      await api?.close();
    } finally {
      await stack?.stop();
    }
  });
  return {
    get stack() {
      if (!stack) throw new Error('the stack did not start');
      return stack;
    },
    get api() {
      if (!api) throw new Error('no web instance to connect to');
      return api;
    },
    get user() {
      if (!user) throw new Error('no web instance to sign up on');
      return user;
    },
  };
}
