/**
 * Archive throughput (jobstream arms): a burst of events to one run (a run in the
 * database, so every event is really written), published as fast as this process
 * can, while the web's archive lag is sampled every 100 ms until it is back at 0.
 * Throughput = events ÷ (first publish → first zero-lag sample after the last publish).
 */
import type { Arm } from './browser-arms';
import type { BrowserOptions } from './browser-options';
import type { Topic } from './fanout';
import { runTopic } from './jobstream-system';
import { nowMs, tagMessage } from './payload';
import { sleep } from './proc';
import { awaitArchiveCaughtUp, LagSampler, readArchiveMetrics } from './web-metrics';

/** Publishes in flight at once: as fast as the publisher goes, without an unbounded queue. */
const BURST_CHUNK = 500;

export interface ArchiveResult {
  arm: string;
  events: number;
  /** The archive had caught up (lag 0) before the burst began. */
  startedCaughtUp: boolean;
  publishMs: number;
  /** First publish until the first zero-lag sample after the last publish; null if it never got there. */
  drainMs: number | null;
  eventsPerSec: number | null;
  peakLag: number | null;
  /** jobstream_events_archived_total grew by this much over the burst. */
  archivedDelta: number | null;
  samples: number;
}

async function publishBurst(topic: Topic, events: number): Promise<void> {
  for (let start = 0; start < events; start += BURST_CHUNK) {
    const chunk = Array.from({ length: Math.min(BURST_CHUNK, events - start) }, (_, i) =>
      topic.publish(tagMessage({ phase: 'burst', index: start + i, sentAt: nowMs() })),
    );
    await Promise.all(chunk);
  }
}

/** Waits for a zero-lag sample taken after sample `from`; its time since the sampler started, or null. */
async function zeroAfter(sampler: LagSampler, from: number, timeoutMs: number): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const zero = sampler.samples.slice(from).find((s) => s.lag === 0);
    if (zero) return zero.atMs;
    await sleep(50);
  }
  return null;
}

export async function runArchiveBurst(arm: Arm, cfg: BrowserOptions['archive']): Promise<ArchiveResult> {
  const stack = arm.stack;
  if (!stack) throw new Error(`${arm.name}: the archive is measured on jobstream arms only`);
  const startedCaughtUp = await awaitArchiveCaughtUp(stack.url, 60_000);
  const topic = runTopic(stack, await stack.startRun());
  const archivedBefore = (await readArchiveMetrics(stack.url)).archived;
  const sampler = new LagSampler(stack.url, 100);
  const publishStart = Date.now() - sampler.startedAt;
  await publishBurst(topic, cfg.events);
  const publishMs = Date.now() - sampler.startedAt - publishStart;
  const zeroAt = await zeroAfter(sampler, sampler.samples.length, cfg.timeoutMs);
  const samples = await sampler.stop();
  const archivedAfter = (await readArchiveMetrics(stack.url)).archived;
  const drainMs = zeroAt === null ? null : zeroAt - publishStart;
  return {
    arm: arm.name,
    events: cfg.events,
    startedCaughtUp,
    publishMs,
    drainMs,
    eventsPerSec: drainMs === null || drainMs <= 0 ? null : (cfg.events / drainMs) * 1000,
    peakLag: samples.length ? Math.max(...samples.map((s) => s.lag)) : null,
    archivedDelta: archivedBefore !== null && archivedAfter !== null ? archivedAfter - archivedBefore : null,
    samples: samples.length,
  };
}
