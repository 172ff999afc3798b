/**
 * The arms of the browser workload, each its own server process against the one
 * Redis: raw (bench/baseline-relay.ts), socketio (bench/socketio-relay.ts), and the
 * real web server on PostgreSQL and on PGlite — plus, for two paced cells, the web on
 * PostgreSQL with its archiver paused. Every server runs with GC_NODE_ARGS, so the
 * bench can force a GC in it before reading its RSS.
 */
import { startBaseline } from './baseline-system';
import type { System } from './fanout';
import { jobstreamSystem, startJobstreamStack, type JobstreamStack } from './jobstream-system';
import { GC_NODE_ARGS } from './server-gc';
import { startSocketIo } from './socketio-system';

export interface Arm {
  readonly name: string;
  readonly system: System;
  readonly pid: number;
  /** The server's output so far (for the GC preload's reports). */
  readonly output: () => string;
  /** The jobstream arms' web server, for catch-up and archive measurements; null for the relays. */
  readonly stack: JobstreamStack | null;
}

export const RAW = 'raw';
export const SOCKETIO = 'socketio';
export const JOBSTREAM_PG = 'jobstream-pg';
export const JOBSTREAM_PGLITE = 'jobstream-pglite';
export const JOBSTREAM_PG_PAUSED = 'jobstream-pg, archive paused';

/**
 * Room for the benchmark's runs: every cell starts a run through the API, and
 * none ever finishes (no worker), so the defaults (10 a minute, 3 at once) would refuse them.
 */
const BENCH_LIMITS = { START_RATE_PER_MINUTE: '1000', MAX_CONCURRENT_RUNS: '1000' };

export async function startRawArm(redisUrl: string): Promise<Arm> {
  const system = await startBaseline(redisUrl, { name: RAW, nodeArgs: GC_NODE_ARGS });
  return { name: RAW, system, pid: system.serverPid, output: system.relay.output, stack: null };
}

export async function startSocketIoArm(redisUrl: string): Promise<Arm> {
  const system = await startSocketIo(redisUrl, { name: SOCKETIO, nodeArgs: GC_NODE_ARGS });
  return { name: SOCKETIO, system, pid: system.serverPid, output: system.relay.output, stack: null };
}

/**
 * The web server on a fresh database; its runs are started through the API (in the
 * database too), so that the archiver writes their events as it would in use.
 * `archive: false` starts it with ARCHIVER_ENABLED=false.
 */
export async function startJobstreamArm(
  redisUrl: string,
  name: string,
  database: 'postgres' | 'pglite',
  archive = true,
): Promise<Arm> {
  const stack = await startJobstreamStack(redisUrl, {
    database,
    nodeArgs: GC_NODE_ARGS,
    env: { ...BENCH_LIMITS, ...(archive ? {} : { ARCHIVER_ENABLED: 'false' }) },
  });
  const system = jobstreamSystem(name, stack, () => stack.startRun());
  return { name, system, pid: stack.pid, output: stack.output, stack };
}
