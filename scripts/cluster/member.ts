import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';

/** How to (re)start one process of the cluster. */
export interface MemberSpec {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
  logFile: string;
  /** A folder where the running process's pid is kept, so that leftovers can be found (killLeftovers). */
  pidDir: string;
  /** The program the process runs once started, when `command` only launches it (setpriv). */
  execs?: string;
  /** Resolves when the process serves; rejects with what went wrong. */
  ready: (member: Member) => Promise<void>;
}

const RECENT_OUTPUT = 64 * 1024;

/**
 * One process of the cluster: started in its own process group (so a kill reaches
 * its children too), its output appended to a log file and kept in memory in part,
 * and restartable with the same command, port and data.
 */
export class Member {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private recent = '';
  private log: WriteStream;

  constructor(readonly spec: MemberSpec) {
    this.log = createWriteStream(spec.logFile, { flags: 'a' });
  }

  get name(): string {
    return this.spec.name;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last 64 KB this process wrote. */
  output(): string {
    return this.recent;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.recent = '';
    const child = spawn(this.spec.command, this.spec.args, {
      cwd: this.spec.cwd,
      env: { ...process.env, ...this.spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.child = child;
    const append = (chunk: Buffer) => {
      this.log.write(chunk);
      this.recent = (this.recent + chunk.toString()).slice(-RECENT_OUTPUT);
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const pidFile = join(this.spec.pidDir, this.name);
    if (child.pid !== undefined) writeFileSync(pidFile, `${child.pid}\n${this.spec.execs ?? this.spec.command}\n`);
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        rmSync(pidFile, { force: true });
        resolve();
      }),
    );
    try {
      await Promise.race([
        this.spec.ready(this),
        this.exited.then(() => {
          throw new Error(`${this.name} exited while starting:\n${this.recent.slice(-4000)}`);
        }),
      ]);
    } catch (err) {
      await this.kill9();
      throw err;
    }
  }

  /** SIGKILL to the process and everything it started: no goodbye. */
  async kill9(): Promise<void> {
    this.signalGroup('SIGKILL');
    await this.exited;
  }

  /** A polite signal (SIGTERM unless told otherwise); waits for the exit, then kills what is left. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 30_000): Promise<void> {
    if (!this.running) return;
    this.child?.kill(signal);
    const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), graceMs).unref());
    if ((await Promise.race([this.exited.then(() => 'exited' as const), timer])) === 'late') await this.kill9();
    this.signalGroup('SIGKILL');
  }

  /** Freezes the process (SIGSTOP) until resume(): it holds its connections but answers nothing. */
  pause(): void {
    this.signalGroup('SIGSTOP');
  }

  resume(): void {
    this.signalGroup('SIGCONT');
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Waits for the process to exit on its own; returns how long that took, or null past the timeout. */
  async waitForExit(timeoutMs: number): Promise<number | null> {
    const started = Date.now();
    const timer = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs).unref());
    const done = await Promise.race([this.exited.then(() => Date.now() - started), timer]);
    return done;
  }

  exitCode(): number | null {
    return this.child?.exitCode ?? null;
  }

  /** Closes the log file; the member cannot be started again. */
  async dispose(): Promise<void> {
    await this.kill9();
    await new Promise<void>((resolve) => this.log.end(() => resolve()));
  }

  private signalGroup(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is gone already.
    }
  }
}

/** Polls `probe` until it returns true, or fails with `what` after timeoutMs. */
export async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The program a process runs. redis-server rewrites its command line into one string ("redis-server 127.0.0.1:6379"), hence the split on spaces too. */
function commandOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/)[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * Signals the process groups of members a cluster started and did not see exit (its
 * runner was killed, or stopped while starting). A pid is only signalled while it
 * still runs the command it was started with, so a reused pid is left alone.
 * Returns the names of the members it found.
 */
export function killLeftovers(pidDir: string, signal: NodeJS.Signals = 'SIGKILL'): string[] {
  if (!existsSync(pidDir)) return [];
  const found: string[] = [];
  for (const name of readdirSync(pidDir)) {
    const [pidText, command] = readFileSync(join(pidDir, name), 'utf8').split('\n');
    const pid = Number(pidText);
    if (Number.isInteger(pid) && pid > 1 && command && commandOf(pid) === command) {
      found.push(name);
      try {
        process.kill(-pid, signal);
      } catch {
        // Gone in the meantime.
      }
    }
    if (signal === 'SIGKILL') rmSync(join(pidDir, name), { force: true });
  }
  return found;
}
