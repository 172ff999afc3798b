/**
 * The two systems of the frames workload. jobstream: the real web server, frames
 * published through FrameStore.publish (the worker's path), viewed through the
 * `pipeline.frames` tRPC subscription. baseline: bench/baseline-relay.ts, frames
 * published with a plain PUBLISH and forwarded, every one, to every viewer.
 */
import { randomBytes } from 'node:crypto';
import { heapUsedAfterGc, inspectorUrl } from '../tests/helpers/inspector';
import type { LiveFrame } from '~/shared/frames';
import { markOf, type ServerMessage, type ViewerProtocol } from './frame-viewers';
import { startJobstreamStack } from './jobstream-system';
import { startBaselineRelay } from './proc';
import { relayPublisher } from './relay-publisher';

/** The server's own account of its memory (RSS is read from /proc by the sampler). */
export interface ServerMemory {
  heapUsedBytes: number | null;
  /** Buffers outside the JS heap: socket writes of large frames live here. */
  externalBytes: number | null;
  /** Bytes queued unsent in the server's WebSockets, when the server can tell. */
  bufferedBytes: number | null;
}

export interface FrameSystem {
  readonly name: string;
  /** The process doing the fan-out, for its memory. */
  readonly serverPid: number;
  /** The port viewers connect to, for the kernel's queues on those connections. */
  readonly serverPort: number;
  readonly protocol: ViewerProtocol;
  /** A fresh run to publish frames of and view. */
  openRun(label: string): Promise<string>;
  publish(frame: LiveFrame): Promise<void>;
  memory(): Promise<ServerMemory>;
  /** The live heap after a full GC, in bytes: what the server really holds, garbage aside. */
  heapAfterGc(): Promise<number | null>;
  stop(): Promise<void>;
}

/** The web's tRPC WebSocket path (importing it would load the whole server here). */
const WS_PATH = '/api/trpc-ws';

const runIdFor = (label: string) => `run_bench_frames_${label}_${randomBytes(4).toString('hex')}`;

/** How long a memory probe may take before the sample goes without it. */
const PROBE_TIMEOUT_MS = 900;

/**
 * Both servers run with the inspector on (no session attached while measuring), so
 * that the bench can force a GC between phases and read the heap that is left.
 */
const INSPECT = ['--inspect=127.0.0.1:0'];

function gcProbe(output: () => string): () => Promise<number | null> {
  return async () => {
    try {
      return await heapUsedAfterGc(inspectorUrl(output()));
    } catch {
      return null; // no inspector: the table shows '-'
    }
  };
}

export async function startJobstreamFrames(redisUrl: string): Promise<FrameSystem> {
  const stack = await startJobstreamStack(redisUrl, { nodeArgs: INSPECT });
  const metricsUrl = `${stack.url}/api/metrics`;
  return {
    name: 'jobstream',
    serverPid: stack.pid,
    serverPort: stack.port,
    protocol: trpcProtocol(`${stack.url.replace(/^http/, 'ws')}${WS_PATH}`, stack.cookie),
    async openRun(label) {
      const runId = runIdFor(label);
      // pipeline.frames answers NOT_FOUND for a run the user does not own.
      await stack.createRun(runId);
      return runId;
    },
    publish: (frame) => stack.stores.frames.publish(frame),
    memory: () => scrapeMemory(metricsUrl),
    heapAfterGc: gcProbe(stack.output),
    stop: () => stack.stop(),
  };
}

/** tRPC's WebSocket wire protocol, spoken directly, for one subscription per socket. */
function trpcProtocol(url: string, cookie: string): ViewerProtocol {
  return {
    url,
    cookie,
    subscribe: (runId) => JSON.stringify({ id: 1, method: 'subscription', params: { path: 'pipeline.frames', input: { runId } } }),
    decode: decodeTrpc,
  };
}

function decodeTrpc(text: string): ServerMessage {
  // tRPC's keep-alive: a client that does not answer is cut off.
  if (text === 'PING') return { kind: 'reply', text: 'PONG' };
  const message: unknown = JSON.parse(text);
  if (typeof message !== 'object' || message === null) return { kind: 'other' };
  if ('error' in message) return { kind: 'error', message: `server: ${JSON.stringify(message.error).slice(0, 300)}` };
  if (!('result' in message) || typeof message.result !== 'object' || message.result === null) return { kind: 'other' };
  const result: { type?: unknown; data?: unknown } = message.result;
  if (result.type === 'started') return { kind: 'ready' };
  if (result.type === 'stopped') return { kind: 'error', message: 'server: subscription stopped' };
  const mark = result.type === 'data' ? markOf(result.data) : null;
  return mark ? { kind: 'frame', mark } : { kind: 'other' };
}

/** Heap and external memory from the web's Prometheus metrics (prom-client's defaults). */
async function scrapeMemory(metricsUrl: string): Promise<ServerMemory> {
  try {
    const res = await fetch(metricsUrl, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    const text = await res.text();
    const gauge = (name: string) => {
      const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
      return match?.[1] ? Number(match[1]) : null;
    };
    return {
      heapUsedBytes: gauge('jobstream_nodejs_heap_size_used_bytes'),
      externalBytes: gauge('jobstream_nodejs_external_memory_bytes'),
      bufferedBytes: null,
    };
  } catch {
    return { heapUsedBytes: null, externalBytes: null, bufferedBytes: null }; // too busy to answer in time
  }
}

export async function startBaselineFrames(redisUrl: string): Promise<FrameSystem> {
  const relay = await startBaselineRelay(redisUrl, INSPECT);
  const redis = await relayPublisher(redisUrl, 'bench-baseline-frames', relay);
  const channelOf = (runId: string) => `bench:frames:${runId}`;
  const statsUrl = `${relay.url.replace(/^ws/, 'http')}/stats`;
  return {
    name: 'baseline',
    serverPid: relay.pid,
    serverPort: Number(new URL(relay.url).port),
    protocol: {
      url: relay.url,
      cookie: null,
      subscribe: (runId) => JSON.stringify({ subscribe: channelOf(runId) }),
      decode: decodeRelay,
    },
    openRun: (label) => Promise.resolve(runIdFor(label)),
    async publish(frame) {
      await redis.publish(channelOf(frame.runId), JSON.stringify(frame));
    },
    memory: () => relayMemory(statsUrl),
    heapAfterGc: gcProbe(relay.output),
    async stop() {
      redis.disconnect();
      await relay.kill9();
    },
  };
}

/** The relay forwards frames as published; its only message of its own is the ack. */
function decodeRelay(text: string): ServerMessage {
  const message: unknown = JSON.parse(text);
  if (typeof message === 'object' && message !== null && 'subscribed' in message) return { kind: 'ready' };
  const mark = markOf(message);
  return mark ? { kind: 'frame', mark } : { kind: 'other' };
}

async function relayMemory(statsUrl: string): Promise<ServerMemory> {
  try {
    const res = await fetch(statsUrl, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    const stats: unknown = await res.json();
    const field = (name: string) => {
      if (typeof stats !== 'object' || stats === null || !(name in stats)) return null;
      const value: unknown = (stats as Record<string, unknown>)[name];
      return typeof value === 'number' ? value : null;
    };
    return { heapUsedBytes: field('heapUsed'), externalBytes: field('external'), bufferedBytes: field('bufferedBytes') };
  } catch {
    return { heapUsedBytes: null, externalBytes: null, bufferedBytes: null };
  }
}
