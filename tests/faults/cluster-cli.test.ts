import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterPidDir } from '../../scripts/cluster/cluster';
import { killLeftovers } from '../../scripts/cluster/member';
import { freePort } from '../../scripts/cluster/ports';
import { ROOT } from '../helpers/processes';
import { FAULT_DIR_PREFIX } from './fault-cluster';

/** `npm run cluster` as a user runs it, with its output. */
function runCluster(args: string[], env: Record<string, string> = {}) {
  // Its own process group, as in a terminal: Ctrl-C signals the whole group (npm, sh, tsx, node).
  const child = spawn('npm', ['run', '--silent', 'cluster', '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid ?? 0), name);
    } catch {
      // The group has exited.
    }
  };
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(output)) {
      if (child.exitCode !== null) throw new Error(`npm run cluster exited:\n${output}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} after ${timeoutMs} ms:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  return { child, signal, output: () => output, exited, waitFor };
}

describe('npm run cluster', () => {
  it('starts HAProxy, the web instances, the workers, Redis and PostgreSQL, serves through the balancer, and Ctrl-C stops every one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), FAULT_DIR_PREFIX));
    const port = await freePort();
    const cluster = runCluster([`--port=${port}`, '--webs=2', '--workers=1', `--data-dir=${dataDir}`]);
    try {
      await cluster.waitFor(/\[cluster\] ready/, 240_000);
      expect(cluster.output()).toContain(`balancer (open this)               http://127.0.0.1:${port}`);
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { workers: { live: number } }).workers.live).toBe(1);
      expect((await fetch(`http://127.0.0.1:${port}/signin`)).status).toBe(200);
      cluster.signal('SIGINT');
      // npm itself dies of the signal at once; the cluster's script stops its members, then says so.
      await cluster.waitFor(/\[cluster\] stopped/, 60_000);
      expect(killLeftovers(clusterPidDir(dataDir))).toEqual([]);
    } finally {
      cluster.signal('SIGKILL');
      killLeftovers(clusterPidDir(dataDir));
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('says what is missing, and starts and installs nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), FAULT_DIR_PREFIX));
    // HAProxy lives in /usr/sbin: a PATH without it is a machine without HAProxy.
    const path = (process.env.PATH ?? '').split(':').filter((dir) => !dir.endsWith('sbin')).join(':');
    const cluster = runCluster([`--data-dir=${dataDir}`], { PATH: path });
    try {
      expect(await cluster.exited).toBe(1);
      expect(cluster.output()).toContain('HAProxy is not installed: sudo apt-get install haproxy');
      expect(cluster.output()).toContain('nothing was installed or started');
      expect(killLeftovers(clusterPidDir(dataDir))).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
