/** The baseline: bench/baseline-relay.ts, published to with a plain PUBLISH, read by raw `ws` clients. */
import { randomBytes } from 'node:crypto';
import { connectRedis, waitForRedis } from '~/store/redis';
import { WebSocket, type RawData } from 'ws';
import { readyOrClosed, spread, type OnMessage, type SubscriberSet, type System, type Topic } from './fanout';
import { benchEvent, paddingFor } from './payload';
import { startBaselineRelay } from './proc';

const ATTACH_TIMEOUT_MS = 60_000;

export async function startBaseline(redisUrl: string): Promise<System> {
  const relay = await startBaselineRelay(redisUrl);
  const redis = connectRedis(redisUrl, 'bench-baseline-publisher');
  try {
    await waitForRedis(redis, redisUrl);
  } catch (err) {
    redis.disconnect();
    await relay.kill9();
    throw err;
  }
  return {
    name: 'baseline',
    serverPid: relay.pid,
    openTopic(label) {
      const suffix = randomBytes(4).toString('hex');
      // The same run id shape as jobstream's, so that the events weigh the same.
      const runId = `run_bench_${label}_${suffix}`;
      const channel = `bench:live:${runId}`;
      const detail = paddingFor(runId);
      let seq = 0;
      const topic: Topic = {
        subscribe: (count, onMessage, onError) => subscribeChannel(relay.url, channel, count, onMessage, onError),
        async publish(message) {
          seq += 1;
          await redis.publish(channel, JSON.stringify(benchEvent(runId, message, seq, detail)));
        },
      };
      return Promise.resolve(topic);
    },
    async stop() {
      redis.disconnect();
      await relay.kill9();
    },
  };
}

const text = (data: RawData): string =>
  Buffer.isBuffer(data) ? data.toString() : Array.isArray(data) ? Buffer.concat(data).toString() : Buffer.from(data).toString();

/** The event's message, or null for the relay's {"subscribed": …} acknowledgement. */
function messageOf(data: RawData): string | null {
  const parsed: unknown = JSON.parse(text(data));
  if (typeof parsed !== 'object' || parsed === null || !('message' in parsed)) return null;
  return typeof parsed.message === 'string' ? parsed.message : null;
}

function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function closeSocket(ws: WebSocket): Promise<void> {
  if (ws.readyState === ws.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      ws.terminate();
      resolve();
    }, 2000);
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    ws.close();
  });
}

/**
 * `count` subscriptions over raw sockets, SUBSCRIPTIONS_PER_SOCKET to a socket like
 * the jobstream clients; each subscription gets its own copy of every event. Every
 * message is JSON-parsed once, as the tRPC client does. Resolves on every ack.
 */
async function subscribeChannel(
  url: string,
  channel: string,
  count: number,
  onMessage: OnMessage,
  onError: (err: Error) => void,
): Promise<SubscriberSet> {
  const plan = spread(count);
  const sockets = await Promise.all(plan.map(() => openSocket(url)));
  const set: SubscriberSet = {
    sockets: sockets.length,
    close: async () => {
      await Promise.all(sockets.map(closeSocket));
    },
  };
  let acked = 0;
  const allAcked = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${acked}/${count} subscriptions acknowledged`)), ATTACH_TIMEOUT_MS);
    sockets.forEach((ws, i) => {
      ws.on('message', (data) => {
        const message = messageOf(data);
        if (message !== null) return onMessage(message);
        acked += 1;
        if (acked !== count) return;
        clearTimeout(timer);
        resolve();
      });
      ws.on('error', onError);
      for (let n = 0; n < (plan[i] ?? 0); n++) ws.send(JSON.stringify({ subscribe: channel }));
    });
  });
  return readyOrClosed(set, allAcked);
}
