/** Our stack: the real web server, published to through the real event log, read by tRPC clients. */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { parseEnv } from '~/env';
import type { AppRouter } from '~/server/api/root';
import { pipelineParamsSchema } from '~/shared/pipeline';
import { createStores, type Stores } from '~/store';
import { connectRedis, waitForRedis } from '~/store/redis';
import { newUser, TEST_AUTH_SECRET } from '../tests/helpers/auth';
import { connect, type Connection } from '../tests/helpers/client';
import { freshPglite, freshPostgres, type ThrowawayDatabase } from '../tests/helpers/databases';
import { ROOT, startWeb } from '../tests/helpers/processes';
import { readyOrClosed, spread, type OnMessage, type SubscriberSet, type System, type Topic } from './fanout';
import { EVENT_AGENT, EVENT_TYPE, paddingFor } from './payload';
import { inWaves } from './waves';

/** How long subscribers may take to start: a minute, plus time for thousands of sockets. */
const attachTimeoutMs = (sockets: number) => 60_000 + sockets * 10;

/** The web server, its bench user and a publisher's stores: what every jobstream workload needs. */
export interface JobstreamStack {
  url: string;
  port: number;
  pid: number;
  /** What the web process printed so far. */
  output: () => string;
  cookie: string;
  userId: string;
  stores: Stores;
  /** A run record owned by the bench user, in Redis only, so that its subscriptions are allowed. */
  createRun(runId: string): Promise<void>;
  /**
   * A run started through the API (pipeline.start), as the app starts one: in the
   * database as well, so the archiver really writes its events (it drops events of
   * runs the database does not know). No worker runs: the run stays queued.
   */
  startRun(): Promise<string>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Node flags for the web process (--inspect, --expose-gc, a preload). */
  nodeArgs?: string[];
  /** pglite (default): the embedded database, as a one-machine install runs it; postgres: a fresh PostgreSQL database. */
  database?: 'pglite' | 'postgres';
  /** More environment for the web process (limits, ARCHIVER_ENABLED). */
  env?: Record<string, string>;
}

/** The web's database settings: DATABASE_URL for PostgreSQL, or an empty one and a PGlite folder. */
function databaseEnv(database: ThrowawayDatabase): Record<string, string> {
  const { target } = database;
  return target.kind === 'postgresql' ? { DATABASE_URL: target.url } : { DATABASE_URL: '', PGLITE_DATA_DIR: target.dataDir };
}

let built: Promise<'dist/server.js'> | null = null;

/** Bundles the web server (scripts/build-server.mjs, under a second) once per benchmark run. */
function builtServer(): Promise<'dist/server.js'> {
  built ??= new Promise((resolve, reject) => {
    execFile(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT }, (err) =>
      err ? reject(new Error(`could not bundle the web server: ${err.message}`)) : resolve('dist/server.js'),
    );
  });
  return built;
}

export async function startJobstreamStack(redisUrl: string, opts: StackOptions = {}): Promise<JobstreamStack> {
  const keyPrefix = `bench_${randomBytes(4).toString('hex')}`;
  // The web migrates either database at start (src/server/main.ts), as tests/helpers/stack.ts relies on.
  const database = opts.database === 'postgres' ? await freshPostgres() : freshPglite();
  const web = await startWeb(
    {
      REDIS_URL: redisUrl,
      KEY_PREFIX: keyPrefix,
      NODE_ENV: 'production',
      ...databaseEnv(database),
      AUTH_SECRET: TEST_AUTH_SECRET,
      ...opts.env,
    },
    undefined,
    opts.nodeArgs ?? [],
    // What `npm start` runs: tsx's transform (it names every function at run time) would
    // weigh on the measurement.
    await builtServer(),
  ).catch(async (err: unknown) => {
    await database.drop();
    throw err;
  });
  const stopWeb = async () => {
    await web.kill9();
    await database.drop();
  };
  // The publisher is this process, through the same stores the worker calls.
  const redis = connectRedis(redisUrl, 'bench-publisher');
  try {
    // Subscribers are one signed-in user watching their own runs.
    const user = await newUser(web.url, 'Bench');
    const me = connect(web.url, user.cookie);
    const userId = (await me.client.auth.me.query())?.id;
    await me.close();
    if (!userId) throw new Error('bench user did not sign in');
    await waitForRedis(redis, redisUrl);
    const stores = createStores(redis, parseEnv({ ...process.env, REDIS_URL: redisUrl, KEY_PREFIX: keyPrefix }));
    // HTTP only: a wsClient would hold a socket of its own open on the server.
    const api = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${web.url}/api/trpc`, headers: { cookie: user.cookie } })],
    });
    return {
      url: web.url,
      port: web.port,
      pid: web.child.pid ?? -1,
      output: web.output,
      cookie: user.cookie,
      userId,
      stores,
      createRun: (runId) => stores.runs.create(runId, userId, { kind: 'pipeline', params: pipelineParamsSchema.parse({ query: 'bench' }) }, 'bench'),
      startRun: async () => (await api.pipeline.start.mutate(pipelineParamsSchema.parse({ query: 'bench' }))).runId,
      async stop() {
        redis.disconnect();
        await stopWeb();
      },
    };
  } catch (err) {
    redis.disconnect();
    await stopWeb();
    throw err;
  }
}

/** The fan-out workload's system: runs in Redis only, as before. */
export async function startJobstream(redisUrl: string): Promise<System> {
  const stack = await startJobstreamStack(redisUrl);
  return jobstreamSystem('jobstream', stack, async (label) => {
    const runId = `run_bench_${label}_${randomBytes(4).toString('hex')}`;
    // Subscriptions are to runs that exist (NOT_FOUND otherwise), so make one.
    await stack.createRun(runId);
    return runId;
  });
}

/** A System over a started stack; `newRun` makes the run each topic publishes to. */
export function jobstreamSystem(name: string, stack: JobstreamStack, newRun: (label: string) => Promise<string>): System {
  return {
    name,
    serverPid: stack.pid,
    openTopic: async (label) => runTopic(stack, await newRun(label)),
    stop: () => stack.stop(),
  };
}

export function runTopic(stack: JobstreamStack, runId: string): Topic {
  const detail = paddingFor(runId);
  return {
    subscribe: (count, onMessage, onError, perSocket) =>
      subscribeRun(stack.url, stack.cookie, runId, { count, perSocket }, onMessage, onError),
    async publish(message) {
      await stack.stores.log.publish({ runId, type: EVENT_TYPE, agent: EVENT_AGENT, message, data: { action: 'bench', detail } });
    },
  };
}

/** Starts `n` subscriptions to the run's events on one connection; resolves once the server started them all. */
function subscribeOn(conn: Connection, runId: string, n: number, onMessage: (message: string) => void, onError: (err: Error) => void) {
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<void>((resolve) => {
          conn.client.pipeline.events.subscribe(
            { runId, lastEventId: null },
            { onStarted: () => resolve(), onData: (envelope) => onMessage(envelope.data.message), onError },
          );
        }),
    ),
  );
}

/**
 * `count` subscriptions to the run's events, `perSocket` (by default
 * SUBSCRIPTIONS_PER_SOCKET) to a tRPC wsClient (one socket each), as a browser tab
 * multiplexes its subscriptions. Resolves when the server has started every one.
 */
async function subscribeRun(
  baseUrl: string,
  cookie: string,
  runId: string,
  shape: { count: number; perSocket: number | undefined },
  onMessage: OnMessage,
  onError: (err: Error) => void,
): Promise<SubscriberSet> {
  const plan = spread(shape.count, shape.perSocket);
  const connections: Connection[] = [];
  // A wave still opening when the set is closed (a timeout) closes what it opens.
  let closed = false;
  const set: SubscriberSet = {
    sockets: plan.length,
    close: async () => {
      closed = true;
      await Promise.all(connections.map((conn) => conn.close()));
    },
  };
  let started = 0;
  const allStarted = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${started}/${shape.count} subscriptions started`)),
      attachTimeoutMs(plan.length),
    );
    inWaves(plan.length, async (socket) => {
      if (closed) return;
      const conn = connect(baseUrl, cookie);
      connections.push(conn);
      const n = plan[socket] ?? 0;
      await subscribeOn(conn, runId, n, (message) => onMessage(message, socket), onError);
      started += n;
    }).then(() => {
      clearTimeout(timer);
      resolve();
    }, reject);
  });
  return readyOrClosed(set, allStarted);
}
