/**
 * The browser workload's tables, ratio lines and JSON report. Ratios are jobstream ÷
 * the relay at the same cell: above 1 means jobstream spends more (CPU, latency,
 * memory) or, for throughput, delivers more.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { ArchiveResult } from './browser-archive';
import type { PacedCellResult } from './browser-cells';
import type { CatchupResult } from './browser-catchup';
import type { IdleResult } from './browser-idle';
import type { BrowserOptions } from './browser-options';
import type { SaturationResult } from './browser-saturation';
import { CLIENT_BOUND_PERCENT } from './cpu-window';
import { fixed, RESULTS_DIR, type Report } from './report';
import { ratio } from './stats';

type Columns = readonly (readonly [string, number])[];

function table(columns: Columns) {
  const row = (cells: string[]) => cells.map((c, i) => c.padEnd(columns[i]?.[1] ?? 0)).join(' | ');
  const header = row(columns.map(([name]) => name));
  return { header: `${header}\n${'-'.repeat(header.length)}`, row };
}

const ARM_WIDTH = 28;
const mib = (kib: number | null) => (kib === null ? null : kib / 1024);

export const pacedTable = table([
  ['sockets', 7],
  ['ev/s offered', 12],
  ['ev/s run', 8],
  ['arm', ARM_WIDTH],
  ['cpu ms/1k', 9],
  ['cpu %', 5],
  ['bench %', 7],
  ['other %', 7],
  ['p50 ms', 7],
  ['p99 ms', 7],
  ['max ms', 7],
  ['delivered', 17],
  ['miss/dup/ooo', 12],
  ['archive lag max', 15],
  ['note', 12],
]);

/** Publisher timer later than this: the open-loop schedule slipped (the bench process was busy). */
const SLIP_NOTE_MS = 50;

function pacedNote(r: PacedCellResult): string {
  const notes = [
    r.cpu.benchPercent >= CLIENT_BOUND_PERCENT ? 'client-bound' : '',
    r.publisher.maxSlipMs > SLIP_NOTE_MS ? `slip ${r.publisher.maxSlipMs.toFixed(0)} ms` : '',
    r.publisher.failures ? `${r.publisher.failures} publishes failed` : '',
  ];
  return notes.filter(Boolean).join(', ');
}

export function pacedRow(r: PacedCellResult): string {
  return pacedTable.row([
    String(r.sockets),
    String(r.offeredRate),
    String(r.rate),
    r.arm,
    fixed(r.cpuMsPer1000Deliveries, 1),
    fixed(r.cpu.serverPercent, 0),
    fixed(r.cpu.benchPercent, 0),
    fixed(r.cpu.otherPercent, 0),
    fixed(r.latencyMs.p50, 2),
    fixed(r.latencyMs.p99, 2),
    fixed(r.latencyMs.max, 1),
    `${r.delivered}/${r.expected}`,
    `${r.missing}/${r.duplicates}/${r.outOfOrder}${r.unexpected ? ` +${r.unexpected}?` : ''}`,
    r.archiveLag ? fixed(r.archiveLag.max, 0) : '',
    pacedNote(r),
  ]);
}

export interface CellRatio {
  cell: string;
  ours: string;
  base: string;
  cpuPer1000: number | null;
  p50: number | null;
  p99: number | null;
  max: number | null;
}

export function cellRatio(ours: PacedCellResult, base: PacedCellResult): CellRatio {
  return {
    cell: `${ours.sockets}×${ours.offeredRate}`,
    ours: ours.arm,
    base: base.arm,
    cpuPer1000: ratio(ours.cpuMsPer1000Deliveries ?? Number.NaN, base.cpuMsPer1000Deliveries ?? Number.NaN),
    p50: ratio(ours.latencyMs.p50, base.latencyMs.p50),
    p99: ratio(ours.latencyMs.p99, base.latencyMs.p99),
    max: ratio(ours.latencyMs.max, base.latencyMs.max),
  };
}

export function cellRatioLine(r: CellRatio): string {
  return (
    `ratio ${r.ours} / ${r.base} @ ${r.cell}: cpu/1k ${fixed(r.cpuPer1000, 2)}, ` +
    `p50 ${fixed(r.p50, 2)}, p99 ${fixed(r.p99, 2)}, max ${fixed(r.max, 2)}`
  );
}

/** Live latency of jobstream-pg with the archiver running vs paused, at one cell. */
export function pausedLine(running: PacedCellResult, paused: PacedCellResult): string {
  return (
    `archive running vs paused (jobstream-pg) @ ${running.sockets}×${running.offeredRate}: ` +
    `p50 ${fixed(running.latencyMs.p50, 2)} vs ${fixed(paused.latencyMs.p50, 2)} ms, ` +
    `p99 ${fixed(running.latencyMs.p99, 2)} vs ${fixed(paused.latencyMs.p99, 2)} ms, ` +
    `cpu ms/1k ${fixed(running.cpuMsPer1000Deliveries, 1)} vs ${fixed(paused.cpuMsPer1000Deliveries, 1)}` +
    (running.archiveLag || paused.archiveLag
      ? `, archive lag max ${fixed(running.archiveLag?.max ?? null, 0)} vs ${fixed(paused.archiveLag?.max ?? null, 0)}`
      : '')
  );
}

export const saturationTable = table([
  ['arm', ARM_WIDTH],
  ['sockets', 7],
  ['deliveries/s', 12],
  ['events/s', 8],
  ['p50 ms', 7],
  ['p99 ms', 7],
  ['server cpu %', 12],
  ['bench cpu %', 11],
  ['other %', 7],
  ['delivered', 17],
  ['note', 12],
]);

export function saturationRow(r: SaturationResult): string {
  const notes = [r.clientBound ? 'client-bound' : '', r.load.stalled ? 'STALLED' : ''].filter(Boolean);
  return saturationTable.row([
    r.arm,
    String(r.sockets),
    fixed(r.load.deliveriesPerSec, 0),
    fixed(r.load.eventsPublishedPerSec, 0),
    fixed(r.load.latencyMs.p50, 2),
    fixed(r.load.latencyMs.p99, 2),
    fixed(r.cpu.serverPercent, 0),
    fixed(r.cpu.benchPercent, 0),
    fixed(r.cpu.otherPercent, 0),
    `${r.load.delivered}/${r.load.expected}`,
    notes.join(', '),
  ]);
}

export function saturationRatioLine(ours: SaturationResult, base: SaturationResult): string {
  return `ratio ${ours.arm} / ${base.arm} saturation deliveries/s: ${fixed(ratio(ours.load.deliveriesPerSec, base.load.deliveriesPerSec), 2)}`;
}

export const idleTable = table([
  ['arm', ARM_WIDTH],
  ['connections', 11],
  ['open s', 7],
  ['RSS before MiB', 14],
  ['RSS after MiB', 13],
  ['KB/conn', 8],
  ['gc forced', 9],
]);

export function idleRow(r: IdleResult): string {
  return idleTable.row([
    r.arm,
    String(r.connections),
    fixed(r.openMs / 1000, 1),
    fixed(mib(r.rssBeforeKiB), 1),
    fixed(mib(r.rssAfterKiB), 1),
    fixed(r.kibPerConnection, 1),
    r.gcForced ? 'yes' : 'NO',
  ]);
}

export function idleRatioLine(ours: IdleResult, base: IdleResult): string {
  return `ratio ${ours.arm} / ${base.arm} idle KB/conn: ${fixed(ratio(ours.kibPerConnection ?? Number.NaN, base.kibPerConnection ?? Number.NaN), 2)}`;
}

export const catchupTable = table([
  ['arm', ARM_WIDTH],
  ['history', 7],
  ['catch-up s', 10],
  ['events/s', 8],
  ['received', 8],
  ['dup/ooo', 7],
  ['live p99 before', 15],
  ['live p99 during', 15],
  ['live delivered', 15],
]);

export function catchupRow(r: CatchupResult): string {
  return catchupTable.row([
    r.arm,
    String(r.events),
    `${fixed(r.catchupMs / 1000, 2)}${r.complete ? '' : ' INCOMPLETE'}`,
    fixed(r.catchupMs > 0 ? (r.received / r.catchupMs) * 1000 : null, 0),
    String(r.received),
    `${r.duplicates}/${r.outOfOrder}`,
    fixed(r.live.before.p99, 2),
    fixed(r.live.during.p99, 2),
    `${r.live.delivery.delivered}/${r.live.delivery.expected}`,
  ]);
}

export const archiveTable = table([
  ['arm', ARM_WIDTH],
  ['events', 6],
  ['publish s', 9],
  ['drained s', 9],
  ['archived ev/s', 13],
  ['peak lag', 8],
  ['archived Δ', 10],
]);

export function archiveRow(r: ArchiveResult): string {
  return archiveTable.row([
    r.arm,
    String(r.events),
    fixed(r.publishMs / 1000, 2),
    r.drainMs === null ? 'NEVER' : fixed(r.drainMs / 1000, 2),
    fixed(r.eventsPerSec, 0),
    fixed(r.peakLag, 0),
    fixed(r.archivedDelta, 0),
  ]);
}

export interface BrowserReport {
  benchmark: 'browser';
  startedAt: string;
  finishedAt: string;
  machine: Report['machine'];
  config: BrowserOptions & { eventBytes: number; arms: string[]; notes: string[] };
  paced: PacedCellResult[];
  pacedRatios: CellRatio[];
  pausedArchive: PacedCellResult[];
  saturation: SaturationResult[];
  idle: IdleResult[];
  catchup: CatchupResult[];
  archive: ArchiveResult[];
  failures: string[];
}

/** Writes browser-<timestamp>.json and browser-latest.json; returns the first path. */
export function writeBrowserReport(report: BrowserReport): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const stamped = `${RESULTS_DIR}browser-${report.startedAt.replace(/[:.]/g, '-')}.json`;
  writeFileSync(stamped, json);
  writeFileSync(`${RESULTS_DIR}browser-latest.json`, json);
  return stamped;
}
