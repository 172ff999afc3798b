import type { OpsOverview, QueueCounts } from '~/shared/ops';
import { InstanceRegistry } from '~/store/instance-registry';
import { archiveLag, archivePendingByConsumer } from '../archive/archiver';
import type { ServerServices } from '../services';

/** A worker or web instance silent for this long is gone (the same rule as /api/health). */
export const staleAfterMs = (services: ServerServices): number => services.env.WORKER_HEARTBEAT_MS * 3;

/** ops.overview: the fleet as Redis knows it right now, from whichever instance is asked. */
export async function readOverview(services: ServerServices): Promise<OpsOverview> {
  const { redis, stores } = services;
  const now = Date.now();
  const [instances, workers, queue, lag, pending] = await Promise.all([
    new InstanceRegistry(redis, stores.keys).live(staleAfterMs(services), now),
    stores.workers.heartbeats(),
    queueCounts(services),
    // Before the first event there is no archive stream (nor group) to ask.
    archiveLag(redis, stores.keys).catch(() => null),
    archivePendingByConsumer(redis, stores.keys).catch(() => new Map<string, number>()),
  ]);
  const age = (beatAt: string) => Math.max(0, now - Date.parse(beatAt));
  return {
    instances: instances
      .map((i) => ({ ...i, heartbeatAgeMs: age(i.beatAt), archivePending: i.archiveConsumer === null ? null : (pending.get(i.archiveConsumer) ?? 0) }))
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
    workers: workers
      .map((w) => ({ ...w, heartbeatAgeMs: age(w.beatAt), silent: age(w.beatAt) > staleAfterMs(services) }))
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
    queue,
    archive: { lag, alertAt: services.env.OPS_ARCHIVE_LAG_ALERT },
    checkedAt: new Date(now).toISOString(),
  };
}

async function queueCounts(services: ServerServices): Promise<QueueCounts> {
  const counts = await services.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
  const of = (state: keyof QueueCounts) => counts[state] ?? 0;
  return { waiting: of('waiting'), active: of('active'), delayed: of('delayed'), failed: of('failed'), completed: of('completed') };
}
