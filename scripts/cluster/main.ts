/**
 * `npm run cluster`: the deployment's topology from real processes on this machine.
 * HAProxy in front of N web instances, M workers, Redis with AOF and a PostgreSQL of
 * its own, each on its own port, data in .data/cluster. Ctrl-C stops them all.
 *
 *   npm run cluster -- --webs=2 --workers=2 --port=8080 [--fresh] [--data-dir=.data/cluster]
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../src/project-root';
import { clusterPidDir, MissingProgramsError, startCluster, type Cluster } from './cluster';
import { killLeftovers } from './member';

const { values } = parseArgs({
  options: {
    webs: { type: 'string', default: '2' },
    workers: { type: 'string', default: '2' },
    port: { type: 'string', default: '8080' },
    fresh: { type: 'boolean', default: false },
    'data-dir': { type: 'string', default: join(projectRoot(), '.data', 'cluster') },
  },
});

function count(name: string, value: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    console.error(`[cluster] --${name} must be a whole number from 1 to ${max} (got "${value}")`);
    process.exit(2);
  }
  return n;
}

const webs = count('webs', values.webs, 16);
const workers = count('workers', values.workers, 16);
const port = count('port', values.port, 65535);
const dataDir = resolve(values['data-dir']);

// Until the cluster is up, a Ctrl-C stops whatever has started so far.
const stopWhileStarting = () => {
  console.log('[cluster] stopping what has started…');
  killLeftovers(clusterPidDir(dataDir), 'SIGTERM');
  setTimeout(() => {
    killLeftovers(clusterPidDir(dataDir), 'SIGKILL');
    process.exit(1);
  }, 5000);
};
process.once('SIGINT', stopWhileStarting);
process.once('SIGTERM', stopWhileStarting);

console.log(`[cluster] starting PostgreSQL, Redis (AOF), ${webs} web instance(s), ${workers} worker(s) and HAProxy…`);
let cluster: Cluster;
try {
  cluster = await startCluster({ webs, workers, port, dataDir, fresh: values.fresh });
} catch (err) {
  if (err instanceof MissingProgramsError) {
    console.error(`[cluster] ${err.message}`);
    console.error('[cluster] nothing was installed or started; install the above and run it again.');
  } else {
    console.error(`[cluster] could not start: ${(err as Error).message}`);
    console.error(`[cluster] each process's log is in ${join(dataDir, 'logs')}`);
  }
  process.exit(1);
}

const table = [
  ['balancer (open this)', cluster.url],
  ...cluster.webPorts.map((p, i) => [`web${i + 1}`, `http://127.0.0.1:${p}`]),
  ...cluster.workers.map((w) => [w.name, `pid ${w.pid}`]),
  ['redis (AOF everysec, noeviction)', cluster.redisUrl],
  ['postgresql', cluster.databaseUrl],
  ['logs and data', dataDir],
];
for (const [what, where] of table) console.log(`  ${what?.padEnd(34)} ${where}`);
console.log(`[cluster] ready. Ctrl-C stops everything (data stays in ${dataDir}; --fresh starts empty).`);

process.off('SIGINT', stopWhileStarting);
process.off('SIGTERM', stopWhileStarting);
let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  console.log('[cluster] stopping…');
  void cluster.stop().then(() => {
    console.log('[cluster] stopped');
    process.exit(0);
  });
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

// A member that dies on its own is reported, not restarted: the operator sees what a
// deployment's supervisor would have to handle.
setInterval(() => {
  for (const member of [cluster.postgres, cluster.redis, ...cluster.haproxy, ...cluster.webs, ...cluster.workers]) {
    if (!member.running && !stopping) console.error(`[cluster] ${member.name} is not running (exit code ${member.exitCode()}); see its log`);
  }
}, 5000).unref();
