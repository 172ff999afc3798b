import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports';
import { findMarked, killAll, newMark, reapWhenThisWorkerEnds, recordLaunch } from './process-marks';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Proc {
  name: string;
  child: ChildProcess;
  output: () => string;
  /** SIGKILL, no goodbye (and nothing it started outlives it). */
  kill9: () => Promise<void>;
  /** SIGTERM and wait for the exit code (then kill whatever it left behind). */
  stop: () => Promise<number | null>;
  /** SIGSTOP: it stays, with its sockets open, and answers nothing, as an unreachable server would. */
  freeze: () => void;
  /** SIGCONT after freeze. */
  thaw: () => void;
}

/**
 * Starts a process marked as this test worker's (see process-marks.ts), so that it and
 * everything it starts are killed when the worker ends, even if the test file never
 * stopped it.
 */
export function launch(name: string, command: string, args: string[], env: Record<string, string>): Proc {
  reapWhenThisWorkerEnds();
  const { env: markEnv, mark } = newMark();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, ...markEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  recordLaunch(mark, child.pid, [command, ...args].join(' '));
  let log = '';
  const append = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running = () => child.exitCode === null && child.signalCode === null;
  // What it started (Chromium, its crash handler) may outlive it, handed to init.
  const killDescendants = () => killAll(findMarked(mark));
  return {
    name,
    child,
    output: () => log,
    kill9: async () => {
      if (running()) child.kill('SIGKILL');
      await exited;
      killDescendants();
    },
    stop: async () => {
      if (running()) child.kill('SIGTERM');
      const code = await exited;
      killDescendants();
      return code;
    },
    freeze: () => void child.kill('SIGSTOP'),
    thaw: () => void child.kill('SIGCONT'),
  };
}

async function waitForOutput(proc: Proc, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(proc.output())) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited early:\n${proc.output()}`);
    if (Date.now() > deadline) throw new Error(`${proc.name} not ready after ${timeoutMs} ms:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits for `pattern`; a process that never gets there is killed, since nobody else holds it. */
async function ready(proc: Proc, pattern: RegExp, timeoutMs: number): Promise<void> {
  try {
    await waitForOutput(proc, pattern, timeoutMs);
  } catch (err) {
    await proc.kill9();
    throw err;
  }
}

const tsx = (entry: string, nodeArgs: string[] = []) => [...nodeArgs, '--import', 'tsx', entry];

/**
 * A throwaway redis-server on a free port, keeping nothing on disk. Its title stays as
 * launched: redis-server would otherwise write it over its environment, mark included.
 */
export async function startRedis(port?: number): Promise<Proc & { url: string; port: number }> {
  const p = port ?? (await freePort());
  const args = ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--set-proc-title', 'no'];
  const proc = launch('redis', 'redis-server', args, {});
  await ready(proc, /Ready to accept connections/, 10_000);
  return { ...proc, url: `redis://127.0.0.1:${p}`, port: p };
}

export interface AppEnv {
  REDIS_URL: string;
  KEY_PREFIX?: string;
  [key: string]: string | undefined;
}

const testDefaults = {
  NODE_ENV: 'production',
  AGENT_STEP_DELAY_MS: '5',
  WORKER_HEARTBEAT_MS: '500',
};

function clean(env: AppEnv): Record<string, string> {
  const merged: Record<string, string | undefined> = { ...testDefaults, ...env };
  const entries = Object.entries(merged).flatMap(([k, v]) => (v === undefined ? [] : [[k, v] as const]));
  return Object.fromEntries(entries);
}

/**
 * The web server from source (tsx), or with `entry: 'dist/server.js'` the production
 * bundle `npm start` runs (built by `npm run build`).
 */
export async function startWeb(
  env: AppEnv,
  port?: number,
  nodeArgs: string[] = [],
  entry: 'src/server/main.ts' | 'dist/server.js' = 'src/server/main.ts',
): Promise<Proc & { url: string; port: number }> {
  const p = port ?? (await freePort());
  const args = entry.endsWith('.ts') ? tsx(entry, nodeArgs) : [...nodeArgs, entry];
  const proc = launch('web', process.execPath, args, clean({ ...env, PORT: String(p), HOST: '127.0.0.1' }));
  await ready(proc, /\[web\] ready/, 60_000);
  return { ...proc, url: `http://127.0.0.1:${p}`, port: p };
}

export async function startWorker(env: AppEnv): Promise<Proc> {
  const proc = launch('worker', process.execPath, tsx('worker/main.ts'), clean(env));
  await ready(proc, /\[worker\] .* ready/, 30_000);
  return proc;
}
