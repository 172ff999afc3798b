import { mkdirSync, writeFileSync } from 'node:fs';
import type { FrameStepConfig, FrameStepResult, ViewerClassResult } from './frames';
import { RESULTS_DIR, type Report } from './report';
import { ratio } from './stats';

/** jobstream ÷ baseline at one session count. */
export interface FrameRatios {
  sessions: number;
  /** Above 1: jobstream's fast viewers got more frames per second. */
  fastFps: number | null;
  /** Below 1: jobstream's slow viewers saw fresher frames. */
  slowLatencyP95: number | null;
  /** Peak RSS of the server process; mostly what each is before any viewer (Next.js and PGlite vs a bare relay). */
  serverPeakRss: number | null;
  /**
   * Peak bytes on their way to viewers outside the server's heap: kernel queues on
   * both ends, plus the relay's own unsent buffers. What a slow viewer costs the host.
   */
  peakQueued: number | null;
}

const num = (v: number | null) => v ?? Number.NaN;
const queued = (r: FrameStepResult) => num(r.server.kernelQueuedMiB.max) + (r.server.bufferedMiB.max ?? 0);

export function frameRatiosOf(ours: FrameStepResult, base: FrameStepResult): FrameRatios {
  return {
    sessions: ours.sessions,
    fastFps: ratio(ours.fast.fps.mean, base.fast.fps.mean),
    slowLatencyP95: ratio(ours.slow.latencyMs.p95, base.slow.latencyMs.p95),
    serverPeakRss: ratio(num(ours.server.rssMiB.max), num(base.server.rssMiB.max)),
    peakQueued: ratio(queued(ours), queued(base)),
  };
}

const fixed = (v: number | null, digits: number) => (v === null || !Number.isFinite(v) ? '-' : v.toFixed(digits));

type Columns = readonly (readonly [string, number])[];

function table(columns: Columns) {
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(columns[i]?.[1] ?? 0)).join(' | ');
  const header = line(columns.map(([name]) => name));
  return { header: `${header}\n${'-'.repeat(header.length)}`, line };
}

const VIEWERS = table([
  ['sessions', 8],
  ['system', 9],
  ['viewer', 6],
  ['fps mean', 8],
  ['fps min', 7],
  ['p50 ms', 8],
  ['p95 ms', 8],
  ['p99 ms', 8],
  ['max ms', 8],
  ['skipped/viewer', 14],
  ['behind/viewer', 13],
  ['dropped', 7],
]);

const MEMORY = table([
  ['sessions', 8],
  ['system', 9],
  ['RSS MiB start/max/end', 21],
  ['heap MiB start/max/end', 22],
  ['heap after GC MiB before/end/after', 34],
  ['external MiB s/max/e', 20],
  ['relay unsent MiB max', 20],
  ['kernel queued MiB max', 21],
  ['cpu % server/bench', 18],
]);

export const viewerTableHeader = () => VIEWERS.header;

export function viewerRows(r: FrameStepResult): string {
  const rowOf = (name: string, v: ViewerClassResult) =>
    VIEWERS.line([
      String(r.sessions),
      r.system,
      name,
      fixed(v.fps.mean, 2),
      fixed(v.fps.min, 2),
      fixed(v.latencyMs.p50, 1),
      fixed(v.latencyMs.p95, 1),
      fixed(v.latencyMs.p99, 1),
      fixed(v.latencyMs.max, 1),
      `${fixed(v.skipped.mean, 1)} (max ${v.skipped.max})`,
      `${fixed(v.behind.mean, 1)} (max ${v.behind.max})`,
      String(v.disconnected),
    ]);
  return `${rowOf('fast', r.fast)}\n${rowOf('slow', r.slow)}`;
}

export const memoryTableHeader = () => MEMORY.header;

export function memoryRow(r: FrameStepResult): string {
  const triple = (x: { start: number | null; max: number | null; end: number | null }, digits = 0) =>
    `${fixed(x.start, digits)}/${fixed(x.max, digits)}/${fixed(x.end, digits)}`;
  const gc = r.server.heapAfterGcMiB;
  return MEMORY.line([
    String(r.sessions),
    r.system,
    triple(r.server.rssMiB),
    triple(r.server.heapUsedMiB),
    `${fixed(gc.beforeViewers, 1)}/${fixed(gc.endOfWindow, 1)}/${fixed(gc.afterViewers, 1)}`,
    triple(r.server.externalMiB),
    fixed(r.server.bufferedMiB.max, 1),
    fixed(r.server.kernelQueuedMiB.max, 1),
    `${fixed(r.cpuPercent.server, 0)}/${fixed(r.cpuPercent.bench, 0)}`,
  ]);
}

export function frameRatioLine(r: FrameRatios): string {
  return (
    `ratio (jobstream/baseline) @ ${r.sessions} sessions: fast fps ${fixed(r.fastFps, 2)}, ` +
    `slow latency p95 ${fixed(r.slowLatencyP95, 2)}, server peak RSS ${fixed(r.serverPeakRss, 2)}, ` +
    `peak bytes queued to viewers ${fixed(r.peakQueued, 3)}`
  );
}

export interface FramesReport {
  benchmark: 'frames';
  startedAt: string;
  finishedAt: string;
  machine: Report['machine'];
  config: {
    steps: FrameStepConfig[];
    screenshotChars: { min: number; max: number; mean: number };
    notes: string[];
  };
  results: FrameStepResult[];
  ratios: FrameRatios[];
}

/** Writes frames-<timestamp>.json and frames-latest.json; returns the first path. */
export function writeFramesReport(report: FramesReport): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const stamped = `${RESULTS_DIR}frames-${report.startedAt.replace(/[:.]/g, '-')}.json`;
  writeFileSync(stamped, json);
  writeFileSync(`${RESULTS_DIR}frames-latest.json`, json);
  return stamped;
}
