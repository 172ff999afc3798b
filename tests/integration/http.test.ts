import { describe, expect, it } from 'vitest';
import { watchRun } from '../helpers/client';
import { startRedis } from '../helpers/processes';
import { useStack } from '../helpers/stack';

const t = useStack();

const get = (path: string) => fetch(`${t.stack.webs[0]!.url}${path}`);

async function eventually(check: () => Promise<void>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe('monitoring endpoints', () => {
  it('serves the UI and the API on one port', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('jobstream');
    const health = await get('/api/trpc/system.health');
    expect(((await health.json()) as { result: { data: { status: string } } }).result.data.status).toBe('ok');
  });

  it('/api/health is 200 with Redis, workers and connection counts when all is well', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { connections: Record<string, unknown> };
    expect(body).toMatchObject({ status: 'ok', redis: { ok: true }, workers: { live: 1 } });
    expect(Object.keys(body.connections).sort()).toEqual(['runsWatched', 'sockets', 'subscriptions']);
  });

  it('/api/metrics reports sockets, subscriptions, events relayed, relay lag and HITL counts', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate({ query: 'python' });
    const watch = watchRun(t.api.client, runId);
    await watch.next((e) => e.type === 'scout_found');
    const during = await (await get('/api/metrics')).text();
    expect(during).toMatch(/^jobstream_ws_open_sockets 1$/m);
    expect(during).toMatch(/^jobstream_active_subscriptions 1$/m);
    const events = await watch.done;
    const after = await (await get('/api/metrics')).text();
    const relayed = Number(/^jobstream_events_relayed_total (\d+)$/m.exec(after)?.[1]);
    expect(relayed).toBeGreaterThanOrEqual(events.length);
    expect(after).toMatch(/^jobstream_relay_lag_seconds_count [1-9]\d*$/m);
    expect(after).toMatch(/^jobstream_hitl_pending 0$/m);
    expect(after).toContain('jobstream_hitl_settled');
  });

  it('/api/health is 503 and says why when no worker is alive, and 200 again when one is back', async () => {
    await Promise.all(t.stack.workers.map((w) => w.stop()));
    await eventually(async () => {
      const res = await get('/api/health');
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'degraded', redis: { ok: true }, workers: { live: 0 } });
    });
    await t.stack.addWorker();
    await eventually(async () => expect((await get('/api/health')).status).toBe(200));
  });

  it('/api/health is 503 while Redis is down, and the server recovers when it returns', async () => {
    await t.stack.redis.kill9();
    await eventually(async () => {
      const res = await get('/api/health');
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ redis: { ok: false } });
    });
    t.stack.redis = await startRedis(t.stack.redis.port);
    await eventually(async () => expect((await get('/api/health')).status).toBe(200));
    const { runId } = await t.api.client.pipeline.start.mutate({ query: 'python' });
    expect((await watchRun(t.api.client, runId).done).at(-1)?.type).toBe('pipeline_complete');
  });
});
