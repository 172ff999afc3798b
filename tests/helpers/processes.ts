import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Proc {
  name: string;
  child: ChildProcess;
  output: () => string;
  /** SIGKILL, no goodbye. */
  kill9: () => Promise<void>;
  /** SIGTERM and wait for the exit code. */
  stop: () => Promise<number | null>;
}

function launch(name: string, command: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const append = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    name,
    child,
    output: () => log,
    kill9: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
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

const tsx = (entry: string, nodeArgs: string[] = []) => [...nodeArgs, '--import', 'tsx', entry];

/** A throwaway redis-server on a free port, keeping nothing on disk. */
export async function startRedis(port?: number): Promise<Proc & { url: string; port: number }> {
  const p = port ?? (await freePort());
  const proc = launch('redis', 'redis-server', ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {});
  await waitForOutput(proc, /Ready to accept connections/, 10_000);
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
  await waitForOutput(proc, /\[web\] ready/, 60_000);
  return { ...proc, url: `http://127.0.0.1:${p}`, port: p };
}

export async function startWorker(env: AppEnv): Promise<Proc> {
  const proc = launch('worker', process.execPath, tsx('worker/main.ts'), clean(env));
  await waitForOutput(proc, /\[worker\] .* ready/, 30_000);
  return proc;
}
