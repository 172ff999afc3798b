import type { IncomingMessage, ServerResponse } from 'node:http';
import { archiveLag } from '../archive/archiver';
import type { ServerServices } from '../services';
import { checkHealth, checkReady } from './health';
import { sendJson } from './json-reply';

/** GET /api/health: 200 when Redis and a worker are up, 503 otherwise. */
export async function handleHealth(s: ServerServices, _req: IncomingMessage, res: ServerResponse): Promise<void> {
  const health = await checkHealth(s);
  sendJson(res, health.status === 'ok' ? 200 : 503, health);
}

/**
 * GET /api/health/ready: 200 when this instance can serve its users (Redis answers, the
 * database is open). A load balancer routes by this one: an instance is not taken out
 * of rotation because no worker is up, which /api/health reports for the whole app.
 */
export async function handleReady(s: ServerServices, _req: IncomingMessage, res: ServerResponse): Promise<void> {
  const ready = await checkReady(s);
  sendJson(res, ready.status === 'ok' ? 200 : 503, ready);
}

/** GET /api/metrics: Prometheus text format. */
export async function handleMetrics(s: ServerServices, _req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const [pending, settled, lag] = await Promise.all([
      s.stores.hitl.countPending(),
      s.stores.hitl.settledCounts(),
      archiveLag(s.redis, s.stores.keys),
    ]);
    s.metrics.hitlPending.set(pending);
    s.metrics.archiveLag.set(lag);
    for (const outcome of ['answered', 'timed_out', 'cancelled'] as const) {
      s.metrics.hitlSettled.set({ outcome }, settled[outcome] ?? 0);
    }
  } catch {
    // Redis down: report the process metrics anyway; /api/health says what is wrong.
  }
  res.writeHead(200, { 'content-type': s.metrics.registry.contentType });
  res.end(await s.metrics.registry.metrics());
}
