/**
 * Idle memory per connection: a full GC in the server, its RSS; then N connections,
 * each authenticated (jobstream: the bench user's session cookie) and with one
 * subscription (jobstream: pipeline.events of one run; raw: subscribe; socketio:
 * join a room), all acknowledged; another full GC, RSS again. No event flows.
 */
import type { Arm } from './browser-arms';
import { readMemoryKiB, sleep } from './proc';
import { forceGc } from './server-gc';

export interface IdleResult {
  arm: string;
  connections: number;
  /** From the first connect until the last subscription was acknowledged. */
  openMs: number;
  rssBeforeKiB: number | null;
  rssAfterKiB: number | null;
  kibPerConnection: number | null;
  /** Both GCs reported done; false: RSS was read without a settled heap. */
  gcForced: boolean;
  errors: string[];
}

/** Lets the server finish what the last acknowledgements started, then collects. */
const SETTLE_MS = 1000;

async function rssAfterGc(arm: Arm): Promise<{ rss: number | null; gc: boolean }> {
  const gc = await forceGc(arm.pid, arm.output);
  return { rss: readMemoryKiB(arm.pid, 'VmRSS'), gc };
}

export async function runIdleMemory(arm: Arm, connections: number): Promise<IdleResult> {
  const topic = await arm.system.openTopic('idle');
  const errors: string[] = [];
  const onError = (err: Error) => {
    if (errors.length < 20) errors.push(err.message);
  };
  const before = await rssAfterGc(arm);
  const startedAt = performance.now();
  const subs = await topic.subscribe(connections, () => undefined, onError, 1);
  const openMs = performance.now() - startedAt;
  try {
    await sleep(SETTLE_MS);
    const after = await rssAfterGc(arm);
    const grew = before.rss !== null && after.rss !== null ? after.rss - before.rss : null;
    return {
      arm: arm.name,
      connections,
      openMs,
      rssBeforeKiB: before.rss,
      rssAfterKiB: after.rss,
      kibPerConnection: grew === null ? null : grew / connections,
      gcForced: before.gc && after.gc,
      errors,
    };
  } finally {
    await subs.close();
    // Thousands of closes: give the server time before the next arm or phase.
    await sleep(2000);
  }
}
