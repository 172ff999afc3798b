/** Our stack: the real web server, published to through the real event log, read by tRPC clients. */
import { randomBytes } from 'node:crypto';
import { parseEnv } from '~/env';
import { pipelineParamsSchema } from '~/shared/pipeline';
import { createStores, type Stores } from '~/store';
import { connectRedis, waitForRedis } from '~/store/redis';
import { newUser, TEST_AUTH_SECRET } from '../tests/helpers/auth';
import { connect } from '../tests/helpers/client';
import { freshPglite } from '../tests/helpers/databases';
import { startWeb } from '../tests/helpers/processes';
import { readyOrClosed, spread, type OnMessage, type SubscriberSet, type System, type Topic } from './fanout';
import { EVENT_AGENT, EVENT_TYPE, paddingFor } from './payload';

const ATTACH_TIMEOUT_MS = 60_000;

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
  /** A run record owned by the bench user, so that its subscriptions are allowed. */
  createRun(runId: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startJobstreamStack(redisUrl: string, nodeArgs: string[] = []): Promise<JobstreamStack> {
  const keyPrefix = `bench_${randomBytes(4).toString('hex')}`;
  // The embedded database, as a one-machine install runs it.
  const database = freshPglite();
  const dataDir = database.target.kind === 'pglite' ? database.target.dataDir : '';
  const web = await startWeb({
    REDIS_URL: redisUrl,
    KEY_PREFIX: keyPrefix,
    NODE_ENV: 'production',
    DATABASE_URL: '',
    PGLITE_DATA_DIR: dataDir,
    AUTH_SECRET: TEST_AUTH_SECRET,
  }, undefined, nodeArgs);
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
    return {
      url: web.url,
      port: web.port,
      pid: web.child.pid ?? -1,
      output: web.output,
      cookie: user.cookie,
      userId,
      stores,
      createRun: (runId) => stores.runs.create(runId, userId, { kind: 'pipeline', params: pipelineParamsSchema.parse({ query: 'bench' }) }, 'bench'),
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

export async function startJobstream(redisUrl: string): Promise<System> {
  const stack = await startJobstreamStack(redisUrl);
  return {
    name: 'jobstream',
    serverPid: stack.pid,
    async openTopic(label) {
      const runId = `run_bench_${label}_${randomBytes(4).toString('hex')}`;
      // Subscriptions are to runs that exist (NOT_FOUND otherwise), so make one.
      await stack.createRun(runId);
      return runTopic(stack.url, stack.cookie, stack.stores, runId);
    },
    stop: () => stack.stop(),
  };
}

function runTopic(baseUrl: string, cookie: string, stores: Stores, runId: string): Topic {
  const detail = paddingFor(runId);
  return {
    subscribe: (count, onMessage, onError) => subscribeRun(baseUrl, cookie, runId, count, onMessage, onError),
    async publish(message) {
      await stores.log.publish({ runId, type: EVENT_TYPE, agent: EVENT_AGENT, message, data: { action: 'bench', detail } });
    },
  };
}

/**
 * `count` subscriptions to the run's events, multiplexed SUBSCRIPTIONS_PER_SOCKET to
 * a tRPC wsClient (one socket each), as a browser tab multiplexes its subscriptions.
 * Resolves when the server has started every one of them.
 */
async function subscribeRun(
  baseUrl: string,
  cookie: string,
  runId: string,
  count: number,
  onMessage: OnMessage,
  onError: (err: Error) => void,
): Promise<SubscriberSet> {
  const connections = spread(count).map((n) => ({ conn: connect(baseUrl, cookie), n }));
  const set: SubscriberSet = {
    sockets: connections.length,
    close: async () => {
      await Promise.all(connections.map(({ conn }) => conn.close()));
    },
  };
  let started = 0;
  const allStarted = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${started}/${count} subscriptions started`)), ATTACH_TIMEOUT_MS);
    for (const { conn, n } of connections) {
      for (let i = 0; i < n; i++) {
        conn.client.pipeline.events.subscribe(
          { runId, lastEventId: null },
          {
            onStarted: () => {
              started += 1;
              if (started !== count) return;
              clearTimeout(timer);
              resolve();
            },
            onData: (envelope) => onMessage(envelope.data.message),
            onError,
          },
        );
      }
    }
  });
  return readyOrClosed(set, allStarted);
}
