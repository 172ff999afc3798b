import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { clusterPidDir, startCluster, type Cluster, type ClusterOptions } from '../../scripts/cluster/cluster';
import { killLeftovers } from '../../scripts/cluster/member';
import { newUser, type TestUser } from '../helpers/auth';
import { ROOT } from '../helpers/processes';

/** Each file's cluster lives in a temporary folder named so (tests/faults/setup.ts finds leftovers by it). */
export const FAULT_DIR_PREFIX = 'jobstream-faults-';

/** `npm run test:faults` runs the full form; `.ci/run` sets FAULTS=short for a shorter one. */
export const FULL = process.env.FAULTS !== 'short';

/** Workers noticed quickly when they die, generous user limits, fast agents, long runs. */
export const FAULT_ENV = {
  AGENT_STEP_DELAY_MS: '5',
  WORKER_HEARTBEAT_MS: '500',
  WORKER_LOCK_MS: '3000',
  WORKER_STALLED_INTERVAL_MS: '1500',
  WORKER_MAX_STALLED: '3',
  WORKER_SHUTDOWN_GRACE_MS: '5000',
  MAX_CONCURRENT_RUNS: '100',
  START_RATE_PER_MINUTE: '1000',
  WS_MAX_CALLS_PER_SECOND: '1000',
  SCOUT_MAX_POSTINGS: '300',
};

export interface FaultCluster {
  readonly cluster: Cluster;
  readonly url: string;
  /** A user signed up through the balancer. */
  user(): Promise<TestUser>;
}

/**
 * A cluster (HAProxy, web instances, workers, Redis with AOF, PostgreSQL) for one test
 * file, in a temporary folder that is removed afterwards (KEEP_FAULT_DATA=1 keeps it,
 * logs included).
 */
export function useFaultCluster(opts: Partial<ClusterOptions> = {}): FaultCluster {
  let cluster: Cluster | undefined;
  let dataDir = '';
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), FAULT_DIR_PREFIX));
    cluster = await startCluster({ webs: 2, workers: 2, port: 0, dataDir, ...opts, env: { ...FAULT_ENV, ...opts.env } });
  }, 300_000);
  afterAll(async () => {
    await cluster?.stop();
    // Every process the cluster started has exited: nothing is left behind.
    expect(killLeftovers(clusterPidDir(dataDir))).toEqual([]);
    if (!process.env.KEEP_FAULT_DATA) rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);
  const self: FaultCluster = {
    get cluster() {
      if (!cluster) throw new Error('the cluster has not started');
      return cluster;
    },
    get url() {
      return self.cluster.url;
    },
    user: () => newUser(self.url),
  };
  return self;
}

export interface FaultReport {
  fault: string;
  trials: number;
  lost: number;
  duplicated: number;
  /** Milliseconds from the fault to the clients' first event after it (or to recovery). */
  recoveryMs: number[];
  notes?: string;
}

/** Appends one fault's figures to .tmp/faults/report.jsonl (the suite prints them as a table at the end). */
export function report(row: FaultReport): void {
  const dir = join(ROOT, '.tmp', 'faults');
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, 'report.jsonl'), `${JSON.stringify(row)}\n`);
  console.log(`[fault] ${summarise(row)}`);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export function summarise(row: FaultReport): string {
  const recovery = row.recoveryMs.length > 0 ? `recovery p50 ${percentile(row.recoveryMs, 50)} ms, max ${Math.max(...row.recoveryMs)} ms` : 'recovery n/a';
  return `${row.fault}: ${row.trials} trial(s), ${row.lost} lost, ${row.duplicated} duplicated, ${recovery}${row.notes ? ` (${row.notes})` : ''}`;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const randomBetween = (min: number, max: number) => min + Math.floor(Math.random() * (max - min));
