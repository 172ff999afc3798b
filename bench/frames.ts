/**
 * The frames workload's measurement core, the same for both systems: N applier
 * sessions publish live frames at `fps`; each session's run has one fast and one
 * slow viewer (bench/frame-viewers.ts). Everything timed happens here, on this
 * process's clock: the publisher stamps each frame, the viewers stamp its arrival.
 */
import { randomBytes } from 'node:crypto';
import type { LiveFrame } from '~/shared/frames';
import { captionFor, openFastViewer, openSlowViewer, type FrameMark, type Viewer, type ViewerEvents } from './frame-viewers';
import type { FrameSystem, ServerMemory } from './frame-systems';
import { nowMs } from './payload';
import { readCpuMs, readMemoryKiB, readTcpQueues, sleep } from './proc';
import { percentile } from './stats';

export interface FrameStepConfig {
  sessions: number;
  /** Frames per second per session (production: BROWSER_FPS). */
  fps: number;
  /** Length of the measured part of the step. */
  frameSeconds: number;
  /** Frames per session before the measured ones: connections and code paths warm up. */
  warmupFrames: number;
  /** How long after the last publish arrivals still count. */
  graceMs: number;
  /** The slow viewer's link. */
  slowReadBytesPerSec: number;
}

const ATTACH_TIMEOUT_MS = 30_000;
const SAMPLE_EVERY_MS = 1000;
const SCREEN = { width: 1280, height: 800 };

/**
 * Screenshots as the worker's would weigh: 40–80 KB of base64, of random bytes,
 * which compress no better than JPEG does. A pool, so that generating them costs
 * nothing during the step.
 */
export function screenshotPool(count = 16, minChars = 40_000, maxChars = 80_000): string[] {
  return Array.from({ length: count }, (_, i) => {
    const chars = minChars + Math.round(((maxChars - minChars) * i) / Math.max(1, count - 1));
    return randomBytes(Math.floor((chars * 3) / 4)).toString('base64');
  });
}

type ViewerClass = 'fast' | 'slow';

interface Arrival {
  frame: number;
  sentAt: number;
  receivedAt: number;
}

/** One viewer's arrivals, kept whole and cut to the measured window at the end. */
class ViewerLog implements ViewerEvents {
  readonly arrivals: Arrival[] = [];
  readonly errors: string[] = [];
  viewer: Viewer | null = null;

  constructor(readonly kind: ViewerClass) {}

  onFrame(mark: FrameMark, receivedAt: number): void {
    this.arrivals.push({ frame: mark.frame, sentAt: mark.sentAt, receivedAt });
  }

  onError(message: string): void {
    if (this.errors.length < 5) this.errors.push(message);
  }
}

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

function summarize(samples: number[]): Summary {
  const sorted = Float64Array.from(samples).sort();
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    max: sorted.length ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
  };
}

export interface ViewerClassResult {
  viewers: number;
  /** Measured frames received per second, per viewer. */
  fps: { mean: number; min: number };
  /** capturedAt → received, over every measured frame any viewer of the class got. */
  latencyMs: Summary;
  /** Measured frames received, all viewers of the class. */
  received: number;
  /** Frames jumped over: older than one the viewer got, never received (per viewer). */
  skipped: { mean: number; max: number };
  /** Frames newer than the last one the viewer got, when the window closed (per viewer). */
  behind: { mean: number; max: number };
  /** Viewers whose connection had ended before the window closed. */
  disconnected: number;
}

export interface MemorySample extends ServerMemory {
  /** Since the step began, before any viewer connected. */
  atMs: number;
  rssKiB: number | null;
  /** Kernel send queues of the server's connections to viewers. */
  kernelSendBytes: number | null;
  /** Kernel receive queues of the viewers' connections: arrived, not read yet. */
  kernelUnreadBytes: number | null;
}

interface Range {
  start: number | null;
  max: number | null;
  end: number | null;
}

interface HeapAfterGc {
  beforeViewers: number | null;
  endOfWindow: number | null;
  afterViewers: number | null;
}

export interface FrameStepResult {
  system: string;
  sessions: number;
  /** Measured frames published per session. */
  framesPerSession: number;
  publishErrors: number;
  /** First measured publish to the close of the window (last publish + grace). */
  windowMs: number;
  /** CPU used from the first publish to the end of the window, as % of one core. */
  cpuPercent: { server: number | null; bench: number };
  fast: ViewerClassResult;
  slow: ViewerClassResult;
  server: {
    /** The live heap after a forced GC: before any viewer, at the end of the window, once all are gone. */
    heapAfterGcMiB: HeapAfterGc;
    rssMiB: Range;
    heapUsedMiB: Range;
    externalMiB: Range;
    /** Only the baseline relay can tell what its sockets hold unsent. */
    bufferedMiB: Range;
    /** Between the server's sockets and the viewers' reads, in the kernel (send + unread queues). */
    kernelQueuedMiB: Range;
    samples: MemorySample[];
  };
  errors: string[];
}

/**
 * One system at one session count: attach, publish, measure, detach. The heap is
 * read after a forced GC with no viewer, at the end of the window with all of them,
 * and once they are gone: what serving them holds, and whether it is given back.
 */
export async function runFrameStep(system: FrameSystem, cfg: FrameStepConfig, screenshots: string[]): Promise<FrameStepResult> {
  const beforeViewers = await system.heapAfterGc();
  const logs: ViewerLog[] = [];
  let step: Omit<FrameStepResult, 'server'> & { samples: MemorySample[]; endOfWindow: number | null };
  const sampler = sampleMemory(system);
  try {
    step = await measureStep(system, cfg, screenshots, logs, sampler);
  } finally {
    for (const log of logs) log.viewer?.close();
    await sampler.stop();
    // Let the server tear the subscriptions down before the heap is read and the next step starts.
    await sleep(500);
  }
  const { samples, endOfWindow, ...rest } = step;
  const heap = { beforeViewers, endOfWindow, afterViewers: await system.heapAfterGc() };
  return { ...rest, server: serverResult(samples, heap) };
}

async function measureStep(system: FrameSystem, cfg: FrameStepConfig, screenshots: string[], logs: ViewerLog[], sampler: Sampler) {
  const runIds = await Promise.all(Array.from({ length: cfg.sessions }, (_, i) => system.openRun(`${cfg.sessions}x${i}`)));
  await attachAll(system, runIds, cfg, logs);
  const cpu = cpuMeter(system.serverPid);
  const timing = await publishAll(system, runIds, cfg, screenshots);
  await sleep(cfg.graceMs);
  const windowEnd = nowMs();
  const cpuPercent = cpu.percent();
  const samples = await sampler.stop();
  const measure = (kind: ViewerClass) =>
    classResult(
      logs.filter((l) => l.kind === kind),
      cfg,
      timing.measuredFrom,
      windowEnd,
    );
  const fast = measure('fast');
  const slow = measure('slow');
  return {
    system: system.name,
    sessions: cfg.sessions,
    framesPerSession: framesOf(cfg),
    publishErrors: timing.errors.length,
    windowMs: windowEnd - timing.firstMeasuredAt,
    cpuPercent,
    fast,
    slow,
    errors: [...timing.errors.slice(0, 5), ...logs.flatMap((l) => l.errors).slice(0, 10)],
    samples,
    // Last: a forced GC pauses the server, which must not happen inside the window.
    endOfWindow: await system.heapAfterGc(),
  };
}

/** The server's and this process's CPU from now on, as % of one core: the load behind the latencies. */
function cpuMeter(pid: number) {
  const startedAt = nowMs();
  const server = readCpuMs(pid);
  const bench = process.cpuUsage();
  return {
    percent() {
      const elapsed = nowMs() - startedAt;
      const serverNow = readCpuMs(pid);
      const benchUsed = process.cpuUsage(bench);
      return {
        server: server !== null && serverNow !== null ? ((serverNow - server) / elapsed) * 100 : null,
        bench: ((benchUsed.user + benchUsed.system) / 1000 / elapsed) * 100,
      };
    },
  };
}

const framesOf = (cfg: FrameStepConfig) => Math.round(cfg.frameSeconds * cfg.fps);

/**
 * A fast and a slow viewer on each run, every one subscribed before anything is
 * published. Each goes into `logs` as soon as it opens, so that the caller closes
 * whatever was opened, even when another one failed.
 */
async function attachAll(system: FrameSystem, runIds: string[], cfg: FrameStepConfig, logs: ViewerLog[]): Promise<void> {
  const opened = runIds.flatMap((runId) => {
    const fast = new ViewerLog('fast');
    const slow = new ViewerLog('slow');
    logs.push(fast, slow);
    return [
      openFastViewer(system.protocol, runId, fast).then((v) => (fast.viewer = v)),
      openSlowViewer(system.protocol, runId, slow, cfg.slowReadBytesPerSec).then((v) => (slow.viewer = v)),
    ];
  });
  const settled = await Promise.allSettled(opened);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  const viewers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${system.name}: not every viewer subscribed within ${ATTACH_TIMEOUT_MS} ms`)), ATTACH_TIMEOUT_MS);
  });
  try {
    await Promise.race([Promise.all(viewers.map((v) => v.ready)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface PublishTiming {
  /** Frame numbers from here on are measured; the ones before warm up. */
  measuredFrom: number;
  firstMeasuredAt: number;
  errors: string[];
}

/**
 * Each session publishes on its own 1/fps clock, the sessions spread evenly over one
 * interval, as independent browsers would be. A publish is not awaited before the
 * next is due: a slow one must not hold the clock back.
 */
async function publishAll(system: FrameSystem, runIds: string[], cfg: FrameStepConfig, screenshots: string[]): Promise<PublishTiming> {
  const interval = 1000 / cfg.fps;
  const total = cfg.warmupFrames + framesOf(cfg);
  const start = nowMs() + 50;
  const errors: string[] = [];
  const pending: Promise<void>[] = [];
  const session = async (runId: string, i: number) => {
    const offset = (interval * i) / runIds.length;
    for (let n = 1; n <= total; n++) {
      const due = start + offset + (n - 1) * interval;
      const wait = due - nowMs();
      if (wait > 0) await sleep(wait);
      const frame = frameOf(runId, n, screenshots[(n + i) % screenshots.length] ?? '');
      pending.push(system.publish(frame).catch((err: unknown) => void errors.push(String(err))));
    }
  };
  await Promise.all(runIds.map(session));
  await Promise.all(pending);
  return { measuredFrom: cfg.warmupFrames + 1, firstMeasuredAt: start + cfg.warmupFrames * interval, errors };
}

function frameOf(runId: string, frame: number, screenshot: string): LiveFrame {
  const capturedAt = nowMs();
  return {
    runId,
    frame,
    capturedAt: new Date(capturedAt).toISOString(),
    caption: captionFor(capturedAt),
    screenshot,
    format: 'jpeg',
    ...SCREEN,
  };
}

function classResult(logs: ViewerLog[], cfg: FrameStepConfig, measuredFrom: number, windowEnd: number): ViewerClassResult {
  const lastFrame = measuredFrom + framesOf(cfg) - 1;
  const perViewer = logs.map((log) => {
    const measured = log.arrivals.filter((a) => a.frame >= measuredFrom && a.receivedAt <= windowEnd);
    const newest = measured.reduce((m, a) => Math.max(m, a.frame), measuredFrom - 1);
    const distinct = new Set(measured.map((a) => a.frame)).size;
    return {
      measured,
      fps: measured.length / cfg.frameSeconds,
      skipped: newest - measuredFrom + 1 - distinct,
      behind: lastFrame - newest,
      open: log.viewer?.isOpen() ?? false,
    };
  });
  const fps = perViewer.map((v) => v.fps);
  const skipped = perViewer.map((v) => v.skipped);
  const behind = perViewer.map((v) => v.behind);
  return {
    viewers: logs.length,
    fps: { mean: mean(fps), min: Math.min(...fps) },
    latencyMs: summarize(perViewer.flatMap((v) => v.measured.map((a) => a.receivedAt - a.sentAt))),
    received: perViewer.reduce((n, v) => n + v.measured.length, 0),
    skipped: { mean: mean(skipped), max: Math.max(...skipped) },
    behind: { mean: mean(behind), max: Math.max(...behind) },
    disconnected: perViewer.filter((v) => !v.open).length,
  };
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN);

/**
 * Samples the server's memory every second until stopped: RSS from /proc, heap and
 * the rest from the server itself. stop() takes a last sample and is idempotent.
 */
interface Sampler {
  stop(): Promise<MemorySample[]>;
}

function sampleMemory(system: FrameSystem): Sampler {
  const startedAt = nowMs();
  const samples: MemorySample[] = [];
  const take = async () => {
    const atMs = nowMs() - startedAt;
    const rssKiB = readMemoryKiB(system.serverPid, 'VmRSS');
    const tcp = readTcpQueues(system.serverPort);
    const kernel = { kernelSendBytes: tcp?.serverSendBytes ?? null, kernelUnreadBytes: tcp?.clientUnreadBytes ?? null };
    samples.push({ atMs, rssKiB, ...kernel, ...(await system.memory()) });
  };
  let running: Promise<void> = take();
  const timer = setInterval(() => {
    running = running.then(take);
  }, SAMPLE_EVERY_MS);
  let stopped: Promise<MemorySample[]> | null = null;
  return {
    stop(): Promise<MemorySample[]> {
      stopped ??= (async () => {
        clearInterval(timer);
        await running;
        await take();
        return [...samples].sort((a, b) => a.atMs - b.atMs);
      })();
      return stopped;
    },
  };
}

const MiB = 2 ** 20;

const sumOrNull = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

function range(samples: MemorySample[], pick: (s: MemorySample) => number | null, scale: number): Range {
  const values = samples.map(pick).filter((v): v is number => v !== null).map((v) => v / scale);
  return {
    start: values[0] ?? null,
    max: values.length ? Math.max(...values) : null,
    end: values[values.length - 1] ?? null,
  };
}

function serverResult(samples: MemorySample[], heap: HeapAfterGc): FrameStepResult['server'] {
  const mib = (bytes: number | null) => (bytes === null ? null : bytes / MiB);
  return {
    heapAfterGcMiB: { beforeViewers: mib(heap.beforeViewers), endOfWindow: mib(heap.endOfWindow), afterViewers: mib(heap.afterViewers) },
    rssMiB: range(samples, (s) => s.rssKiB, 1024),
    heapUsedMiB: range(samples, (s) => s.heapUsedBytes, MiB),
    externalMiB: range(samples, (s) => s.externalBytes, MiB),
    bufferedMiB: range(samples, (s) => s.bufferedBytes, MiB),
    kernelQueuedMiB: range(samples, (s) => sumOrNull(s.kernelSendBytes, s.kernelUnreadBytes), MiB),
    samples,
  };
}
