import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * How the suite finds every process it started, however it was left behind.
 *
 * Each process a helper launches gets a mark, <run>/<test worker pid>/<n>, two ways:
 * - a line in this run's registry file (.tmp/test-processes/<run>.jsonl) with its pid and
 *   start time, so that it is found even after its test worker died, and a reused pid is
 *   never mistaken for it;
 * - JOBSTREAM_TEST_PROCESS=<mark> in its environment, which whatever it starts in turn (a
 *   worker's Chromium and its crash handler) inherits, and which Linux shows in
 *   /proc/<pid>/environ even once that child was handed to init. (A process that rewrites
 *   its title over its environment, as redis-server does unless told not to, loses it:
 *   hence the registry.)
 * The run id comes from JOBSTREAM_TEST_RUN, set afresh by the global setup for each
 * `vitest run`, so one run never touches another's processes (a nested run, a colleague's).
 */
const RUN_VARIABLE = 'JOBSTREAM_TEST_RUN';
const MARK_VARIABLE = 'JOBSTREAM_TEST_PROCESS';
const REGISTRY_DIR = join(fileURLToPath(new URL('../..', import.meta.url)), '.tmp', 'test-processes');

export interface MarkedProcess {
  pid: number;
  /** Its command line, for the report. */
  args: string;
}

interface Launch extends MarkedProcess {
  mark: string;
  /** Clock ticks after boot (/proc/<pid>/stat): tells the process from a later one with its pid. */
  startedAt: string;
}

/** A new run id, for the global setup; the test workers inherit it. */
export function startTestRun(): string {
  const runId = `run-${process.pid}-${randomBytes(3).toString('hex')}`;
  process.env[RUN_VARIABLE] = runId;
  return runId;
}

/** This run's id; a helper used outside `vitest run` makes one up, so its marks still match. */
function currentRun(): string {
  return process.env[RUN_VARIABLE] ?? startTestRun();
}

function ownerMark(): string {
  return `${currentRun()}/${process.pid}`;
}

let launched = 0;

/** The mark for the next launch, and the environment that carries it. */
export function newMark(): { mark: string; env: Record<string, string> } {
  launched += 1;
  const mark = `${ownerMark()}/${launched}`;
  return { mark, env: { [MARK_VARIABLE]: mark } };
}

/** Writes a launched process into the run's registry. */
export function recordLaunch(mark: string, pid: number | undefined, args: string): void {
  if (pid === undefined) return; // it did not start; nothing to find later
  const entry: Launch = { mark, pid, args, startedAt: startTime(pid) ?? '' };
  mkdirSync(REGISTRY_DIR, { recursive: true });
  appendFileSync(registryFile(currentRun()), `${JSON.stringify(entry)}\n`);
}

/** Live processes marked `prefix` or `prefix/…`, from the registry and from their environment. */
export function findMarked(prefix: string): MarkedProcess[] {
  const matches = (mark: string) => mark === prefix || mark.startsWith(`${prefix}/`);
  const runId = prefix.split('/')[0] ?? prefix;
  const found = new Map<number, MarkedProcess>();
  for (const entry of registered(runId)) {
    if (matches(entry.mark) && startTime(entry.pid) === entry.startedAt) found.set(entry.pid, entry);
  }
  for (const pid of allPids()) {
    const mark = markOf(pid);
    if (mark !== null && matches(mark) && !found.has(pid) && isRunning(pid)) found.set(pid, { pid, args: commandLine(pid) });
  }
  return [...found.values()].map(({ pid, args }) => ({ pid, args }));
}

/** SIGKILL each one; one that has exited meanwhile is already what we want. */
export function killAll(processes: MarkedProcess[]): void {
  for (const { pid } of processes) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

let reaping = false;

/**
 * Once per test worker: when the worker ends, whatever its test file left running dies
 * with it. Vitest ends a worker with SIGTERM (SIGKILL 500 ms later), which runs no
 * 'exit' handlers, so the signal is caught, the processes killed, and the signal raised
 * again for its default effect. Only a SIGKILLed worker escapes this; the end-of-run
 * check catches what it left.
 */
export function reapWhenThisWorkerEnds(): void {
  if (reaping) return;
  reaping = true;
  const reap = () => killAll(findMarked(ownerMark()));
  process.once('exit', reap);
  process.once('SIGTERM', () => {
    reap();
    process.kill(process.pid, 'SIGTERM');
  });
}

/**
 * The end-of-run check: whatever of this run is still alive has outlived its test file
 * and its test worker. It is killed, listed, and the run fails, so a leak is noticed.
 */
export async function killLeftovers(runId: string): Promise<void> {
  const left = await stillRunningAfter(runId, WORKERS_SETTLE_MS);
  killAll(left);
  rmSync(registryFile(runId), { force: true });
  if (left.length === 0) return;
  const list = left.map((p) => `  pid ${p.pid}: ${p.args}`).join('\n');
  console.error(
    `\n[tests] ${left.length} process(es) started by the tests were still running after the run; killed them now:\n${list}\n` +
      '[tests] Whatever a test starts, it must stop (useStack stops its stack in afterAll).\n',
  );
  process.exitCode = 1;
  throw new Error(`${left.length} process(es) outlived the test run (listed above)`);
}

/**
 * Vitest runs this teardown while its last test workers are still ending (each killing
 * what its file left, and those processes take a moment to die): only what is still
 * running after that is a leak.
 */
const WORKERS_SETTLE_MS = 3000;

async function stillRunningAfter(runId: string, settleMs: number): Promise<MarkedProcess[]> {
  const deadline = Date.now() + settleMs;
  let left = findMarked(runId);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    left = findMarked(runId);
  }
  return left;
}

function registryFile(runId: string): string {
  return join(REGISTRY_DIR, `${runId}.jsonl`);
}

function registered(runId: string): Launch[] {
  return read(registryFile(runId))
    .split('\n')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Launch];
      } catch {
        return []; // empty, or a line another test worker is writing right now
      }
    });
}

function allPids(): number[] {
  try {
    return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number).filter((pid) => pid !== process.pid);
  } catch {
    return []; // no /proc: the registry alone
  }
}

/** Whether the process runs (a zombie, dead and waiting for init to reap it, does not). */
export function isRunning(pid: number): boolean {
  return startTime(pid) !== null;
}

/** Its start time, or null once it is gone or a zombie. */
function startTime(pid: number): string | null {
  const stat = read(`/proc/${pid}/stat`);
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (stat === '' || fields[0] === 'Z') return null;
  return fields[19] ?? null;
}

function markOf(pid: number): string | null {
  // A zombie's or another user's environment reads as empty or fails: neither is ours to kill.
  const entry = read(`/proc/${pid}/environ`)
    .split('\0')
    .find((e) => e.startsWith(`${MARK_VARIABLE}=`));
  return entry === undefined ? null : entry.slice(MARK_VARIABLE.length + 1);
}

function commandLine(pid: number): string {
  return read(`/proc/${pid}/cmdline`).replaceAll('\0', ' ').trim();
}

function read(path: string): string {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return '';
  }
}
