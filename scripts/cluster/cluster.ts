import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/project-root';
import { haproxyMember, serverState } from './haproxy';
import { freePort } from './ports';
import { killLeftovers, Member, waitUntil } from './member';
import { startPostgres } from './postgres';
import { findPrograms, missingPrograms } from './prerequisites';
import { redisMember } from './redis';

export interface ClusterOptions {
  webs: number;
  workers: number;
  /** Where Redis's AOF, PostgreSQL's data, the logs and the balancer's config live. */
  dataDir: string;
  /** The balancer's port; 0 picks a free one. */
  port: number;
  /** Wipe dataDir first. */
  fresh?: boolean;
  /** More environment for web instances and workers (test speed-ups, limits). */
  env?: Record<string, string>;
  /** The Redis URL web instance i uses (a test puts a cuttable link in between); the cluster's Redis by default. */
  webRedisUrl?: (index: number, redisUrl: string) => string;
  /**
   * Sockets the balancer must carry. One HAProxy process holds two descriptors per
   * socket, so past what one process's open-file limit allows, more HAProxy processes
   * share the port (SO_REUSEPORT) and the kernel spreads connections over them.
   */
  sockets?: number;
}

export interface Cluster {
  /** The balancer: what users and tests connect to. */
  url: string;
  redisUrl: string;
  redisPort: number;
  /** Where Redis keeps its append-only file. */
  redisDataDir: string;
  databaseUrl: string;
  authSecret: string;
  redis: Member;
  postgres: Member;
  /** The balancer: one HAProxy process, or several sharing its port. */
  haproxy: Member[];
  webs: Member[];
  workers: Member[];
  webPorts: number[];
  /** Starts one more worker (as the cluster's others are). */
  addWorker(): Promise<Member>;
  /** Resolves when HAProxy's checks see web instance i up (or down). */
  waitForBalancer(index: number, state: 'UP' | 'DOWN', timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export class MissingProgramsError extends Error {
  constructor(readonly missing: string[]) {
    super(`npm run cluster needs programs this machine does not have:\n  ${missing.join('\n  ')}`);
  }
}


/** Sockets one HAProxy process can carry within this process's open-file limit (two descriptors each). */
function balancerCapacity(): number {
  const limit = Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
  return Number.isFinite(limit) ? Math.max(100, Math.floor((limit - 200) / 2)) : 10_000;
}

/** Where a cluster in dataDir keeps its members' pids. */
export function clusterPidDir(dataDir: string): string {
  return join(dataDir, 'pids');
}

/** The production build the cluster runs; says how to make it when it is missing. */
export function missingBuild(root = projectRoot()): string | null {
  const needed = ['dist/server.js', 'dist/worker.js', '.next/BUILD_ID'];
  const absent = needed.filter((file) => !existsSync(join(root, file)));
  return absent.length > 0 ? `no production build (${absent.join(', ')} missing): run \`npm run build\` first` : null;
}

/** One secret per cluster folder, so sessions survive a restart of the cluster. */
function authSecret(dataDir: string): string {
  const file = join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function serves(port: number): Promise<boolean> {
  const res = await fetch(`http://127.0.0.1:${port}/api/health/ready`, { signal: AbortSignal.timeout(2000) });
  return res.status === 200;
}

function appMember(kind: 'web' | 'worker', index: number, env: Record<string, string>, logDir: string, pidDir: string): Member {
  const name = `${kind}${index + 1}`;
  const port = env.PORT;
  return new Member({
    name,
    command: process.execPath,
    args: ['--enable-source-maps', kind === 'web' ? 'dist/server.js' : 'dist/worker.js'],
    cwd: projectRoot(),
    env: { ...env, JOBSTREAM_INSTANCE: name },
    logFile: join(logDir, `${name}.log`),
    pidDir,
    ready: (member) =>
      kind === 'web'
        ? waitUntil(name, () => serves(Number(port)), 120_000)
        : waitUntil(name, () => Promise.resolve(/\[worker\] .* ready/.test(member.output())), 120_000),
  });
}

/**
 * PostgreSQL, Redis (AOF), N web instances, M workers and HAProxy in front, each a real
 * process on its own port: the topology of compose.yaml, on one machine.
 */
export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const programs = findPrograms();
  const missing = missingPrograms(programs);
  const build = missingBuild();
  if (build) missing.push(build);
  if (missing.length > 0) throw new MissingProgramsError(missing);

  if (opts.fresh) rmSync(opts.dataDir, { recursive: true, force: true });
  const logDir = join(opts.dataDir, 'logs');
  const pidDir = clusterPidDir(opts.dataDir);
  mkdirSync(logDir, { recursive: true });
  mkdirSync(pidDir, { recursive: true });
  const leftovers = killLeftovers(pidDir);
  if (leftovers.length > 0) console.warn(`[cluster] stopped what an earlier run left behind: ${leftovers.join(', ')}`);
  const [pgPort, redisPort, lbPort, ...webPorts] = await Promise.all(
    [0, 1, 2, ...Array.from({ length: opts.webs }, (_, i) => 3 + i)].map(async (i) => (i === 2 && opts.port ? opts.port : freePort())),
  );
  const url = `http://127.0.0.1:${lbPort}`;
  const members: Member[] = [];
  const stop = async () => {
    // Front to back: the balancer, then the app, then what the app depends on.
    for (const member of [...members].reverse()) await member.stop('SIGTERM', 15_000).catch(() => undefined);
    for (const member of members) await member.dispose();
  };
  try {
    const postgres = await startPostgres({
      programs: { postgres: programs.postgres.path ?? '', initdb: programs.initdb.path ?? '' },
      dataDir: join(opts.dataDir, 'postgres'),
      port: pgPort ?? 0,
      logFile: join(logDir, 'postgres.log'),
      pidDir,
    });
    members.push(postgres.member);
    const redisDataDir = join(opts.dataDir, 'redis');
    const redis = redisMember({ program: programs.redis.path ?? '', port: redisPort ?? 0, dataDir: redisDataDir, logFile: join(logDir, 'redis.log'), pidDir });
    members.push(redis);
    await redis.start();
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    const secret = authSecret(opts.dataDir);
    const shared = {
      NODE_ENV: 'production',
      DATABASE_URL: postgres.url,
      AUTH_SECRET: secret,
      APP_URL: url,
      NEXTAUTH_URL: url,
      TRUST_PROXY: 'true',
      ...opts.env,
    };
    const webs = webPorts.map((port, i) =>
      appMember('web', i, { ...shared, PORT: String(port), HOST: '127.0.0.1', REDIS_URL: opts.webRedisUrl?.(i, redisUrl) ?? redisUrl }, logDir, pidDir),
    );
    members.push(...webs);
    // One first, so that it migrates the database alone; the rest in parallel.
    await webs[0]?.start();
    await Promise.all(webs.slice(1).map((w) => w.start()));
    const workers: Member[] = [];
    const addWorker = async () => {
      const worker = appMember('worker', workers.length, { ...shared, REDIS_URL: redisUrl }, logDir, pidDir);
      workers.push(worker);
      members.push(worker);
      await worker.start();
      return worker;
    };
    await Promise.all(Array.from({ length: opts.workers }, () => addWorker()));
    const perBalancer = balancerCapacity();
    const balancers = Array.from({ length: Math.max(1, Math.ceil((opts.sockets ?? 0) / perBalancer)) }, (_, i) =>
      haproxyMember({
        program: programs.haproxy.path ?? '',
        name: i === 0 ? 'haproxy' : `haproxy${i + 1}`,
        port: lbPort ?? 0,
        webPorts,
        configFile: join(opts.dataDir, `haproxy${i + 1}.cfg`),
        statsSocket: join(opts.dataDir, `haproxy${i + 1}.sock`),
        logFile: join(logDir, `haproxy${i + 1}.log`),
        pidDir,
        maxconn: perBalancer,
      }),
    );
    members.push(...balancers);
    for (const balancer of balancers) await balancer.start();
    const waitForBalancer = (index: number, state: 'UP' | 'DOWN', timeoutMs = 30_000) =>
      waitUntil(
        `HAProxy sees web${index + 1} ${state}`,
        async () => {
          const states = await Promise.all(balancers.map((_, b) => serverState(join(opts.dataDir, `haproxy${b + 1}.sock`), 'web', `web${index + 1}`)));
          return states.every((st) => st?.startsWith(state) ?? false);
        },
        timeoutMs,
      );
    await Promise.all(webs.map((_, i) => waitForBalancer(i, 'UP')));
    return {
      url,
      redisUrl,
      redisPort: redisPort ?? 0,
      redisDataDir,
      databaseUrl: postgres.url,
      authSecret: secret,
      redis,
      postgres: postgres.member,
      haproxy: balancers,
      webs,
      workers,
      webPorts: webPorts,
      addWorker,
      waitForBalancer,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
