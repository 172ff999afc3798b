import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { parseEnv } from '~/env';
import { createStores } from '~/store';
import { connectRedis, waitForRedis } from '~/store/redis';
import { connect } from '../helpers/client';
import { metric } from '../helpers/wait';
import { FULL, report, sleep, useFaultCluster } from './fault-cluster';

const SOCKETS = Number(process.env.SCALE_SOCKETS ?? (FULL ? 10_000 : 2_000));
const HOLD_MS = Number(process.env.SCALE_HOLD_MS ?? (FULL ? 5 * 60_000 : 30_000));
const USERS = 10;
const RUNS = Math.max(USERS, Math.round(SOCKETS / 100));
/** Events per second over all runs: each socket gets one a second, so 10,000 sockets take 10,000 deliveries a second. */
const EVENTS_PER_SECOND = RUNS;

// No workers: the runs stay queued and this test publishes their events through the
// real event log at a steady pace, for as long as it likes.
const c = useFaultCluster({ webs: 2, workers: 0, sockets: SOCKETS, env: { MAX_CONCURRENT_RUNS: '1000', WS_MAX_UNAUTHENTICATED: '100', SIGNIN_FREE_ATTEMPTS: '1000' } });

interface Tab {
  ws: WebSocket;
  runId: string;
  seqs: number[];
  closed: boolean;
}

/** One browser tab: an authenticated socket through the balancer with one run subscription. */
function openTab(url: string, cookie: string, runId: string): Promise<Tab> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/trpc-ws`, { headers: { cookie } });
    const tab: Tab = { ws, runId, seqs: [], closed: false };
    ws.once('open', () => {
      ws.send(JSON.stringify({ id: 1, method: 'subscription', params: { path: 'pipeline.events', input: { runId, lastEventId: null } } }));
      resolve(tab);
    });
    ws.once('error', reject);
    ws.on('close', () => (tab.closed = true));
    ws.on('message', (raw: Buffer) => {
      // tRPC's keep-alive: answer as its client does.
      if (raw.length === 4 && raw.toString() === 'PING') return ws.send('PONG');
      // tracked(): { id, data: event } inside the JSON-RPC result.
      const message = JSON.parse(raw.toString()) as { result?: { type?: string; data?: { data?: { seq?: number } } } };
      const seq = message.result?.type === 'data' ? message.result.data?.data?.seq : undefined;
      if (seq !== undefined) tab.seqs.push(seq);
    });
  });
}

async function webFigures(port: number) {
  const url = `http://127.0.0.1:${port}`;
  const [rss, heap, cpu, sockets] = await Promise.all(
    ['jobstream_process_resident_memory_bytes', 'jobstream_nodejs_heap_size_used_bytes', 'jobstream_process_cpu_seconds_total', 'jobstream_ws_open_sockets'].map((m) => metric(url, m)),
  );
  return { rss: rss ?? 0, heap: heap ?? 0, cpu: cpu ?? 0, sockets: sockets ?? 0 };
}

describe('scale', () => {
  it(`${SOCKETS.toLocaleString('en')} authenticated sockets, one run subscription each, over two instances behind HAProxy for ${HOLD_MS / 1000} s with events flowing: 0 dropped`, async () => {
    const users = await Promise.all(Array.from({ length: USERS }, () => c.user()));
    const runs: { runId: string; cookie: string }[] = [];
    for (const user of users) {
      const api = connect(c.url, user.cookie);
      for (let i = 0; i < RUNS / USERS; i++) {
        const { runId } = await api.client.pipeline.start.mutate({ query: `scale ${i}`, location: '', sources: ['sandbox'] });
        runs.push({ runId, cookie: user.cookie });
      }
      await api.close();
    }
    const before = await Promise.all(c.cluster.webPorts.map(webFigures));

    const tabs: Tab[] = [];
    const openedAt = Date.now();
    for (let i = 0; i < SOCKETS; i += 250) {
      const wave = Array.from({ length: Math.min(250, SOCKETS - i) }, (_, k) => runs[(i + k) % runs.length]!);
      tabs.push(...(await Promise.all(wave.map((r) => openTab(c.url, r.cookie, r.runId)))));
    }
    const openMs = Date.now() - openedAt;

    const redis = connectRedis(c.cluster.redisUrl, 'scale-publisher');
    await waitForRedis(redis, c.cluster.redisUrl);
    const stores = createStores(redis, parseEnv({ REDIS_URL: c.cluster.redisUrl, NODE_ENV: 'test' }));
    let published = 0;
    let publishFailures = 0;
    const publishOne = (runId: string) =>
      stores.log
        .publish({ runId, type: 'browser_action', agent: 'applier', message: 'scale test tick', data: { action: 'scale', detail: `tick ${published}` } })
        .then(
          () => {
            published++;
          },
          () => {
            publishFailures++;
          },
        );
    const heldFrom = await Promise.all(c.cluster.webPorts.map(webFigures));
    const holdStart = Date.now();
    let next = 0;
    while (Date.now() - holdStart < HOLD_MS) {
      // A tenth of a second's events, spread round robin over the runs.
      await Promise.all(Array.from({ length: Math.ceil(EVENTS_PER_SECOND / 10) }, () => publishOne(runs[next++ % runs.length]!.runId)));
      await sleep(100);
    }
    const held = await Promise.all(c.cluster.webPorts.map(webFigures));
    const heldMs = Date.now() - holdStart;

    // Every socket ends with its run's whole log, each event once, in order.
    const lastSeqs = new Map(await Promise.all(runs.map(async (r) => [r.runId, await stores.log.latestSeq(r.runId)] as const)));
    const caughtUp = () => tabs.every((t) => t.seqs.at(-1) === lastSeqs.get(t.runId));
    for (let i = 0; i < 100 && !caughtUp(); i++) await sleep(200);
    let dropped = 0;
    let duplicated = 0;
    for (const tab of tabs) {
      const last = lastSeqs.get(tab.runId) ?? 0;
      const unique = new Set(tab.seqs);
      duplicated += tab.seqs.length - unique.size;
      dropped += last - [...unique].filter((s) => s >= 1 && s <= last).length;
    }
    const closed = tabs.filter((t) => t.closed).length;
    for (const tab of tabs) tab.ws.terminate();
    redis.disconnect();

    const perWeb = held.map((h, i) => {
      const b = before[i]!;
      const sockets = h.sockets;
      const cpuShare = (h.cpu - heldFrom[i]!.cpu) / (heldMs / 1000);
      return `${c.cluster.webs[i]!.name}: ${sockets} sockets, ${Math.round((h.rss - b.rss) / Math.max(1, sockets) / 102.4) / 10} KB RSS and ${Math.round((h.heap - b.heap) / Math.max(1, sockets) / 102.4) / 10} KB heap per socket, ${Math.round(cpuShare * 100)} % of a core`;
    });
    report({
      fault: `scale: ${SOCKETS} sockets for ${Math.round(heldMs / 1000)} s`,
      trials: 1,
      lost: dropped,
      duplicated,
      recoveryMs: [],
      notes: `opened in ${Math.round(openMs / 1000)} s; ${published} events published, ${published * (SOCKETS / RUNS)} deliveries; ${closed} sockets closed; ${perWeb.join('; ')}`,
    });
    expect(publishFailures).toBe(0);
    expect({ dropped, duplicated, closed }).toEqual({ dropped: 0, duplicated: 0, closed: 0 });
    for (const h of held) expect(h.sockets).toBeGreaterThan(SOCKETS * 0.3);
  });
});
