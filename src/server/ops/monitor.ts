import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { Gauge } from 'prom-client';
import type { WorkerHeartbeat } from '~/shared/ops';
import type { SystemAlert } from '~/shared/rooms';
import { InstanceRegistry } from '~/store/instance-registry';
import { archiveLag } from '../archive/archiver';
import type { ServerServices } from '../services';
import { staleAfterMs } from './overview';

/** A lost worker's once-only marker outlives any heartbeat gap worth reporting. */
const LOST_MARKER_TTL_SECONDS = 24 * 3600;

export interface OpsMonitorOptions {
  port: number;
  /** This instance's name in the archive's consumer group; null when it does not archive. */
  archiveConsumer: string | null;
}

export interface OpsMonitor {
  instanceId: string;
  /** Stops beating and says goodbye, so the fleet view drops this instance at once. */
  stop(): Promise<void>;
}

/**
 * What each web instance does for the operator's dashboard, every WORKER_HEARTBEAT_MS:
 * announces itself (sockets, subscriptions), declares workers that went silent without a
 * goodbye lost, and watches the archive's lag; and it says when its Redis connection
 * came back. Alerts go through the Notifier, so the dashboard room hears them too. The
 * ones every instance would see (a lost worker, the archive falling behind) are raised
 * once across the cluster, by whichever instance sets their marker first.
 */
export function startOpsMonitor(services: ServerServices, opts: OpsMonitorOptions): OpsMonitor {
  const instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const startedAt = new Date().toISOString();
  const instances = new InstanceRegistry(services.redis, services.stores.keys);
  const intervalMs = services.env.WORKER_HEARTBEAT_MS;
  let reconnectedAt = 0;
  const stopWatching = watchReconnects(services.redis, (downMs) => {
    reconnectedAt = Date.now();
    void raise(services, {
      severity: 'warning',
      source: 'web',
      subject: instanceId,
      message: `Web instance ${instanceId} lost its Redis connection for ${seconds(downMs)} and reconnected`,
    });
  });

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const beat = async () => {
    const socketsOpen = await gaugeValue(services.metrics.openSockets);
    const subscriptions = await gaugeValue(services.metrics.activeSubscriptions);
    // A beat after the goodbye would list this instance again until it went stale.
    if (stopped) return;
    await instances.beat({
      instanceId,
      host: hostname(),
      pid: process.pid,
      port: opts.port,
      socketsOpen,
      subscriptions,
      runsWatched: services.hub.runsWatched,
      archiveConsumer: opts.archiveConsumer,
      startedAt,
      beatAt: new Date().toISOString(),
    });
  };
  // While Redis was away no worker could beat either: give them time before calling any lost.
  const settling = () => Date.now() - reconnectedAt < staleAfterMs(services);
  const tick = () => Promise.allSettled([beat(), declareLostWorkers(services, settling), watchArchiveLag(services)]);

  // One tick at a time: while Redis is away, commands wait, and so does the next tick.
  const loop = () => {
    void tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, intervalMs);
    });
  };
  loop();

  return {
    instanceId,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      stopWatching();
      await instances.leave(instanceId).catch(() => undefined);
    },
  };
}

/** Workers whose heartbeat went stale without a goodbye: one alert each, cluster-wide. */
async function declareLostWorkers(services: ServerServices, settling: () => boolean): Promise<void> {
  const heartbeats = await services.stores.workers.heartbeats();
  // Asked after the read: a read queued while Redis was away answers only once it is back.
  if (settling()) return;
  const now = Date.now();
  const silent = heartbeats.filter((w) => now - Date.parse(w.beatAt) > staleAfterMs(services));
  await Promise.all(silent.map((w) => declareLost(services, w, now - Date.parse(w.beatAt))));
}

async function declareLost(services: ServerServices, worker: WorkerHeartbeat, silentMs: number): Promise<void> {
  const { redis, stores } = services;
  const marker = stores.keys.workerLostMark(worker.workerId);
  const first = (await redis.set(marker, '1', 'EX', LOST_MARKER_TTL_SECONDS, 'NX')) === 'OK';
  if (first) {
    const held = worker.runs.length > 0 ? `; it held ${worker.runs.length} run(s): ${worker.runs.join(', ')}` : '';
    await raise(services, {
      severity: worker.runs.length > 0 ? 'critical' : 'warning',
      source: 'worker',
      subject: worker.workerId,
      message: `Worker ${worker.workerId} stopped sending heartbeats ${seconds(silentMs)} ago without saying goodbye${held}`,
    });
    await stores.workers.statusChanged(worker.workerId, worker.status, 'lost');
  }
  await stores.workers.leave(worker.workerId);
}

/**
 * One alert each time the lag crosses OPS_ARCHIVE_LAG_ALERT upwards, and one when it is
 * back under: the marker is set while the archive is behind, and whoever clears it says so.
 */
async function watchArchiveLag(services: ServerServices): Promise<void> {
  const { redis, stores, env } = services;
  const lag = await archiveLag(redis, stores.keys).catch(() => null);
  if (lag === null) return; // no archive stream yet
  const marker = stores.keys.archiveBehindMark;
  if (lag > env.OPS_ARCHIVE_LAG_ALERT) {
    if ((await redis.set(marker, String(lag), 'NX')) !== 'OK') return;
    await raise(services, {
      severity: 'warning',
      source: 'archive',
      subject: 'archive',
      message: `The event archive is ${lag} events behind (alert at ${env.OPS_ARCHIVE_LAG_ALERT}): run history reaches the database late`,
    });
  } else if ((await redis.del(marker)) === 1) {
    await raise(services, { severity: 'info', source: 'archive', subject: 'archive', message: `The event archive caught up (${lag} events behind)` });
  }
}

/** Alerts are best effort: one that cannot be sent is logged, never thrown into the loop. */
async function raise(services: ServerServices, alert: Omit<SystemAlert, 'at'>): Promise<void> {
  console.warn(`[ops] ${alert.severity}: ${alert.message}`);
  await services.stores.notifier.alert(alert).catch((err: unknown) => console.error('[ops] alert not sent:', err instanceof Error ? err.message : err));
}

/** Calls back when the connection is ready again after being lost (not at the first connect). */
function watchReconnects(redis: Redis, onReconnect: (downMs: number) => void): () => void {
  let lostAt: number | null = null;
  const onClose = () => {
    lostAt ??= Date.now();
  };
  const onReady = () => {
    if (lostAt === null) return;
    const downMs = Date.now() - lostAt;
    lostAt = null;
    onReconnect(downMs);
  };
  redis.on('close', onClose);
  redis.on('ready', onReady);
  return () => {
    redis.off('close', onClose);
    redis.off('ready', onReady);
  };
}

async function gaugeValue(gauge: Gauge): Promise<number> {
  return (await gauge.get()).values[0]?.value ?? 0;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
