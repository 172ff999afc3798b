import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { StepConfig, StepResult } from './fanout';
import { ratio } from './stats';

export const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

/** jobstream ÷ baseline at one subscriber count: throughput below 1 and latencies above 1 mean jobstream is slower. */
export interface Ratios {
  subscribers: number;
  throughput: number | null;
  p50: number | null;
  p99: number | null;
  idleP50: number | null;
  idleP99: number | null;
  serverCpuPerDelivery: number | null;
}

export function ratiosOf(ours: StepResult, base: StepResult): Ratios {
  const cpu = (r: StepResult) => r.server.cpuMsPer1000Deliveries ?? Number.NaN;
  return {
    subscribers: ours.subscribers,
    throughput: ratio(ours.load.deliveriesPerSec, base.load.deliveriesPerSec),
    p50: ratio(ours.load.latencyMs.p50, base.load.latencyMs.p50),
    p99: ratio(ours.load.latencyMs.p99, base.load.latencyMs.p99),
    idleP50: ratio(ours.idle.latencyMs.p50, base.idle.latencyMs.p50),
    idleP99: ratio(ours.idle.latencyMs.p99, base.idle.latencyMs.p99),
    serverCpuPerDelivery: ratio(cpu(ours), cpu(base)),
  };
}

const COLUMNS = [
  ['subscribers', 11],
  ['system', 9],
  ['events/s', 10],
  ['p50 ms', 8],
  ['p99 ms', 8],
  ['idle p50', 8],
  ['idle p99', 8],
  ['delivered', 17],
  ['RSS MiB', 7],
  ['cpu ms/1k', 9],
] as const;

export const fixed = (v: number | null, digits: number) => (v === null || !Number.isFinite(v) ? '-' : v.toFixed(digits));
const row = (cells: string[]) => cells.map((c, i) => c.padEnd(COLUMNS[i]?.[1] ?? 0)).join(' | ');

export function tableHeader(): string {
  const header = row(COLUMNS.map(([name]) => name));
  return `${header}\n${'-'.repeat(header.length)}`;
}

export function tableRow(r: StepResult): string {
  const rss = r.server.rssKiB.afterLoad;
  return row([
    String(r.subscribers),
    r.system,
    fixed(r.load.deliveriesPerSec, 0),
    fixed(r.load.latencyMs.p50, 2),
    fixed(r.load.latencyMs.p99, 2),
    fixed(r.idle.latencyMs.p50, 2),
    fixed(r.idle.latencyMs.p99, 2),
    `${r.load.delivered}/${r.load.expected}${r.load.stalled || r.idle.stalled ? ' STALLED' : ''}`,
    fixed(rss === null ? null : rss / 1024, 0),
    fixed(r.server.cpuMsPer1000Deliveries, 1),
  ]);
}

export function ratioLine(r: Ratios): string {
  return (
    `ratio (jobstream/baseline) @ ${r.subscribers}: throughput ${fixed(r.throughput, 2)}, ` +
    `p50 ${fixed(r.p50, 2)}, p99 ${fixed(r.p99, 2)}, idle p50 ${fixed(r.idleP50, 2)}, ` +
    `idle p99 ${fixed(r.idleP99, 2)}, server cpu/delivery ${fixed(r.serverCpuPerDelivery, 2)}`
  );
}

export interface Report {
  benchmark: 'fanout';
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; cpuModel: string; totalMemMiB: number; platform: string; release: string; node: string };
  config: {
    steps: StepConfig[];
    eventBytes: number;
    subscriptionsPerSocket: number;
    notes: string[];
  };
  results: StepResult[];
  ratios: Ratios[];
}

export function machineInfo(): Report['machine'] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    totalMemMiB: Math.round(totalmem() / 2 ** 20),
    platform: platform(),
    release: release(),
    node: process.version,
  };
}

/** Writes fanout-<timestamp>.json and fanout-latest.json; returns the first path. */
export function writeReport(report: Report): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const stamped = `${RESULTS_DIR}fanout-${report.startedAt.replace(/[:.]/g, '-')}.json`;
  writeFileSync(stamped, json);
  writeFileSync(`${RESULTS_DIR}fanout-latest.json`, json);
  return stamped;
}
