import type { Gauge } from 'prom-client';
import type { ServerServices } from '../services';

async function gaugeValue(gauge: Gauge): Promise<number> {
  return (await gauge.get()).values[0]?.value ?? 0;
}

async function pingRedis(s: ServerServices): Promise<{ ok: boolean; latencyMs: number | null; error?: string }> {
  const started = performance.now();
  try {
    await Promise.race([
      s.redis.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 1 s')), 1000).unref()),
    ]);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
  } catch (err) {
    // The details (addresses, the client's wording) are for the log, not a public endpoint.
    console.error('[web] health: Redis did not answer:', (err as Error).message);
    return { ok: false, latencyMs: null, error: 'Redis did not answer' };
  }
}

function databaseHealth(s: ServerServices): { ok: boolean; error?: string } {
  return s.db.failure ? { ok: false, error: 'the embedded database stopped; restart the web server (its log says why)' } : { ok: true };
}

/** This instance can serve: Redis reachable and the database open (workers aside). */
export async function checkReady(s: ServerServices) {
  const redis = await pingRedis(s);
  const database = databaseHealth(s);
  return { status: redis.ok && database.ok ? ('ok' as const) : ('degraded' as const), redis, database };
}

/** Redis reachable and at least one worker heartbeat recent: the app can run pipelines. */
export async function checkHealth(s: ServerServices) {
  const redis = await pingRedis(s);
  const workers = redis.ok ? await s.stores.workers.live(s.env.WORKER_HEARTBEAT_MS * 3) : [];
  const database = databaseHealth(s);
  const ok = redis.ok && database.ok && workers.length > 0;
  return {
    status: ok ? ('ok' as const) : ('degraded' as const),
    redis,
    database,
    workers: { live: workers.length },
    connections: {
      sockets: await gaugeValue(s.metrics.openSockets),
      subscriptions: await gaugeValue(s.metrics.activeSubscriptions),
      runsWatched: s.hub.runsWatched,
    },
    checkedAt: new Date().toISOString(),
  };
}
