/** The baseline: bench/baseline-relay.ts, published to with a plain PUBLISH, read by raw `ws` clients. */
import { randomBytes } from 'node:crypto';
import { WebSocket, type RawData } from 'ws';
import { readyOrClosed, spread, type OnMessage, type SubscriberSet, type System, type Topic } from './fanout';
import { benchEvent, paddingFor } from './payload';
import { startBaselineRelay, type Child } from './proc';
import { inWaves } from './waves';
import { relayPublisher } from './relay-publisher';

/** How long subscribers may take to be acknowledged: a minute, plus time for thousands of sockets. */
const attachTimeoutMs = (sockets: number) => 60_000 + sockets * 10;

export interface BaselineOptions {
  /** The system's name in reports (default baseline). */
  name?: string;
  /** Node flags for the relay process (--expose-gc, a preload). */
  nodeArgs?: string[];
}

/** The relay process behind a started baseline, for what only the process can tell (its output). */
export interface BaselineSystem extends System {
  readonly relay: Child;
}

export async function startBaseline(redisUrl: string, opts: BaselineOptions = {}): Promise<BaselineSystem> {
  const relay = await startBaselineRelay(redisUrl, opts.nodeArgs);
  const redis = await relayPublisher(redisUrl, 'bench-baseline-publisher', relay);
  return {
    name: opts.name ?? 'baseline',
    serverPid: relay.pid,
    relay,
    openTopic(label) {
      const suffix = randomBytes(4).toString('hex');
      // The same run id shape as jobstream's, so that the events weigh the same.
      const runId = `run_bench_${label}_${suffix}`;
      const channel = `bench:live:${runId}`;
      const detail = paddingFor(runId);
      let seq = 0;
      const topic: Topic = {
        subscribe: (count, onMessage, onError, perSocket) =>
          subscribeChannel(relay.url, channel, spread(count, perSocket), onMessage, onError),
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
 * Subscriptions over raw sockets, plan[i] on socket i (as many to a socket as the
 * jobstream clients); each subscription gets its own copy of every event. Every
 * message is JSON-parsed once, as the tRPC client does. Resolves on every ack.
 */
async function subscribeChannel(
  url: string,
  channel: string,
  plan: number[],
  onMessage: OnMessage,
  onError: (err: Error) => void,
): Promise<SubscriberSet> {
  const count = plan.reduce((a, b) => a + b, 0);
  const sockets: WebSocket[] = [];
  let closed = false;
  const set: SubscriberSet = {
    sockets: plan.length,
    close: async () => {
      closed = true;
      await Promise.all(sockets.map(closeSocket));
    },
  };
  let acked = 0;
  const allAcked = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${acked}/${count} subscriptions acknowledged`)), attachTimeoutMs(plan.length));
    inWaves(plan.length, async (i) => {
      if (closed) return;
      const ws = await openSocket(url);
      sockets.push(ws);
      const n = plan[i] ?? 0;
      await new Promise<void>((waveDone) => {
        let mine = 0;
        ws.on('message', (data) => {
          const message = messageOf(data);
          if (message !== null) return onMessage(message, i);
          acked += 1;
          mine += 1;
          if (mine === n) waveDone();
        });
        ws.on('error', onError);
        for (let k = 0; k < n; k++) ws.send(JSON.stringify({ subscribe: channel }));
      });
    }).then(() => {
      clearTimeout(timer);
      resolve();
    }, reject);
  });
  return readyOrClosed(set, allAcked);
}
