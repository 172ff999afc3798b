/**
 * CPU placement for the browser workload, so that "one server core" is literal: every
 * server process on SERVER_CPU, the benchmark (publisher and all clients) on
 * BENCH_CPU. Uses taskset(1); where it is missing, or the machine has one CPU, nothing
 * is pinned and the report says so.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

export const SERVER_CPU = 0;
export const BENCH_CPU = 1;

function taskset(args: string[]): string | null {
  try {
    return execFileSync('taskset', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return null;
  }
}

/** Why pinning cannot happen here, or null when it can. */
export function pinningUnavailable(): string | null {
  if (cpus().length < 2) return `only ${cpus().length} CPU: nothing pinned`;
  if (taskset(['-p', String(process.pid)]) === null) return 'taskset not found: nothing pinned';
  return null;
}

/** The CPU list a process may run on now ("0,1", "0-3"), or null. */
export function affinityOf(pid: number): string | null {
  const out = taskset(['-c', '-p', String(pid)]);
  return out?.split(':').pop()?.trim() ?? null;
}

/**
 * Pins every thread of the process (-a: libuv's pool, V8's helpers, PGlite's worker)
 * to `cpus`; threads started later inherit it from their parent thread.
 */
export function pin(pid: number, cpus: string): boolean {
  return taskset(['-a', '-c', '-p', cpus, String(pid)]) !== null;
}

/** Where the benchmark's processes run, and how to undo it. */
export interface Placement {
  /** Why nothing is pinned, or null when servers and bench are. */
  note: string | null;
  /** Pins that failed, for the report. */
  warnings: string[];
  /** Pins a server's every thread to SERVER_CPU (a no-op when nothing is pinned). */
  placeServer(pid: number, name: string): void;
  /** Gives this process back the CPUs it had. */
  restore(): void;
}

/** Pins this process (and its threads) to BENCH_CPU, remembering what it had. */
export function placeProcesses(): Placement {
  const note = pinningUnavailable();
  const original = affinityOf(process.pid);
  const placement: Placement = {
    note,
    warnings: [],
    placeServer(pid, name) {
      if (note === null && !pin(pid, String(SERVER_CPU))) placement.warnings.push(`could not pin ${name} to CPU ${SERVER_CPU}`);
    },
    restore() {
      if (note === null && original !== null) pin(process.pid, original);
    },
  };
  if (note === null && !pin(process.pid, String(BENCH_CPU))) placement.warnings.push(`could not pin the bench process to CPU ${BENCH_CPU}`);
  return placement;
}
