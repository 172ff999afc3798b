import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Member, killLeftovers, waitUntil } from '../../scripts/cluster/member';
import { freePort } from '../../scripts/cluster/ports';
import { redisArgs } from '../../scripts/cluster/redis';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("a cluster's leftovers", () => {
  it('are found and stopped by the next start, redis-server included (it rewrites its command line)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobstream-leftovers-'));
    dirs.push(dir);
    const pids = join(dir, 'pids');
    mkdirSync(pids);
    mkdirSync(join(dir, 'data'));
    const port = await freePort();
    // A member whose runner died without stopping it: nothing but its pid file knows of it.
    const member = new Member({
      name: 'redis',
      command: 'redis-server',
      args: redisArgs(port, join(dir, 'data')),
      logFile: join(dir, 'redis.log'),
      pidDir: pids,
      ready: (m) => waitUntil('redis', () => Promise.resolve(/Ready to accept connections/.test(m.output())), 10_000),
    });
    await member.start();
    const pid = member.pid ?? 0;
    try {
      expect(killLeftovers(pids)).toEqual(['redis']);
      await waitUntil('the leftover to exit', () => Promise.resolve(!alive(pid)), 10_000);
      expect(killLeftovers(pids)).toEqual([]);
    } finally {
      await member.dispose();
    }
  });
});
