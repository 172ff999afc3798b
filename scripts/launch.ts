/**
 * `npm run dev` and `npm start`: the web server and a worker together, with Redis
 * taken care of. Development runs from source with reload; start runs the build.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { env } from '../src/env';
import { projectRoot } from '../src/project-root';

const mode = process.argv[2];
if (mode !== 'dev' && mode !== 'start') {
  console.error('usage: tsx scripts/launch.ts dev|start');
  process.exit(2);
}

const root = projectRoot();
const children: ChildProcess[] = [];

function run(name: string, command: string, args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  children.push(child);
  child.once('exit', (code, signal) => {
    if (shuttingDown) return;
    console.error(`[launch] ${name} exited (${signal ?? code}); stopping the others`);
    shutdown(code ?? 1);
  });
  return child;
}

let shuttingDown = false;
function shutdown(code: number): void {
  shuttingDown = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 12_000).unref();
  const exits = children.filter((c) => c.exitCode === null).map((c) => new Promise((r) => c.once('exit', r)));
  void Promise.all(exits).then(() => process.exit(code));
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

async function redisAnswers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1500 });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/** Uses the configured Redis, or starts a local redis-server when it is local and missing. */
async function ensureRedis(url: string): Promise<void> {
  if (await redisAnswers(url)) return;
  const { hostname, port } = new URL(url);
  const local = ['127.0.0.1', 'localhost', '::1'].includes(hostname);
  const installed = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!local || !installed) {
    console.error(
      `[launch] Redis is not answering at ${hostname}:${port || 6379}. ` +
        (local
          ? 'Install Redis ≥ 6.2 (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or set REDIS_URL.'
          : 'Start it, or point REDIS_URL at a running Redis ≥ 6.2.'),
    );
    process.exit(1);
  }
  console.log(`[launch] no Redis on port ${port || 6379}; starting a local redis-server (nothing saved to disk)`);
  run('redis-server', 'redis-server', ['--port', port || '6379', '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning']);
  for (let i = 0; i < 50 && !(await redisAnswers(url)); i++) await new Promise((r) => setTimeout(r, 100));
}

const config = env();
await ensureRedis(config.REDIS_URL);

if (mode === 'dev') {
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  run('web', tsx, ['watch', '--clear-screen=false', 'src/server/main.ts'], { NODE_ENV: 'development' });
  run('worker', tsx, ['watch', '--clear-screen=false', 'worker/main.ts'], { NODE_ENV: 'development' });
} else {
  if (!existsSync(join(root, 'dist', 'server.js')) || !existsSync(join(root, '.next', 'BUILD_ID'))) {
    console.error('[launch] no production build found: run `npm run build` first.');
    process.exit(1);
  }
  run('web', process.execPath, ['--enable-source-maps', 'dist/server.js'], { NODE_ENV: 'production' });
  run('worker', process.execPath, ['--enable-source-maps', 'dist/worker.js'], { NODE_ENV: 'production' });
}
