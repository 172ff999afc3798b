import { mkdirSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApplicant } from '../helpers/applicant';
import { connect, watchRun, type Client, type EventWatch } from '../helpers/client';
import { BIG_RUN, oneQuestionRun } from '../helpers/runs';
import { metric, until } from '../helpers/wait';
import { FULL, report, sleep, useFaultCluster } from './fault-cluster';
import { tally } from './run-tally';
import { TcpLink } from './tcp-link';

// Web instance 2 reaches Redis through a link the test can cut.
const link = new TcpLink();
beforeAll(() => link.listen());
afterAll(() => link.close());
const c = useFaultCluster({
  webs: 2,
  workers: 2,
  webRedisUrl: (index, redisUrl) => {
    if (index !== 1) return redisUrl;
    link.to(Number(new URL(redisUrl).port));
    return link.url;
  },
});

async function signedIn(): Promise<{ client: Client; close: () => Promise<void> }> {
  const user = await c.user();
  const conn = connect(c.url, user.cookie);
  await setUpApplicant(conn.client);
  return conn;
}

/** Checks a finished run's stream against its log: each of 1..lastSeq once, in order. */
async function exactness(client: Client, runId: string, watch: EventWatch) {
  const events = await watch.done;
  const { lastSeq } = await client.pipeline.get.query({ runId });
  return { ...tally(events, lastSeq), events, lastSeq };
}

/** Milliseconds from `since` until the watch gets an event newer than the one it had. */
async function nextEventAfter(watch: EventWatch, since: number): Promise<number> {
  const before = watch.events.at(-1)?.seq ?? 0;
  await watch.next((e) => e.seq > before, 120_000);
  return Date.now() - since;
}

/** Every event of the run as the database archive holds it, once the archive has caught up. */
async function archived(client: Client, runId: string, lastSeq: number): Promise<number[]> {
  await until(async () => (await metric(`http://127.0.0.1:${c.cluster.webPorts[0]}`, 'jobstream_archive_lag_events')) === 0, 60_000);
  const seqs: number[] = [];
  let cursor = 0;
  for (;;) {
    const page = await client.pipeline.history.query({ runId, cursor, limit: 1000 });
    seqs.push(...page.events.map((e) => e.seq));
    if (page.nextCursor === null || page.events.length === 0) break;
    cursor = page.nextCursor;
  }
  expect(seqs.length, `archive of ${runId}`).toBeGreaterThanOrEqual(Math.min(lastSeq, 1));
  return seqs;
}

function archiveTally(seqs: number[], lastSeq: number): { lost: number; duplicated: number } {
  const unique = new Set(seqs);
  let lost = 0;
  for (let seq = 1; seq <= lastSeq; seq++) if (!unique.has(seq)) lost++;
  return { lost, duplicated: seqs.length - unique.size };
}

describe('faults in what the instances depend on', () => {
  it('a Redis restart with AOF loses no acknowledged event; a pending question and the runs carry on', async () => {
    const { client, close } = await signedIn();
    try {
      const asking = await client.pipeline.start.mutate(oneQuestionRun(0));
      const big = await client.pipeline.start.mutate(BIG_RUN);
      const askingWatch = watchRun(client, asking.runId);
      const bigWatch = watchRun(client, big.runId);
      const question = await askingWatch.next((e) => e.type === 'hitl_request', 120_000);
      if (question.type !== 'hitl_request') throw new Error('narrowing');
      await bigWatch.next((e) => e.seq >= 200, 120_000);
      const acknowledged = [...bigWatch.events];

      const restartedAt = Date.now();
      await c.cluster.redis.stop('SIGTERM');
      await sleep(1000);
      await c.cluster.redis.start();
      const recovery = await nextEventAfter(bigWatch, restartedAt);

      await client.hitl.respond.mutate({ hitlId: question.data.hitlId, response: 'approve' });
      const big1 = await exactness(client, big.runId, bigWatch);
      const asked = await exactness(client, asking.runId, askingWatch);
      expect(big1.events.slice(0, acknowledged.length)).toEqual(acknowledged);
      expect(asked.events.some((e) => e.type === 'applier_submitted')).toBe(true);
      for (const run of [big1, asked]) expect(run.events.at(-1)?.type).toBe('pipeline_complete');
      const lost = big1.lost + asked.lost;
      const duplicated = big1.duplicated + asked.duplicated;
      report({ fault: 'Redis restart with AOF (everysec)', trials: 1, lost, duplicated, recoveryMs: [recovery], notes: `${big1.lastSeq + asked.lastSeq} events, a question answered after the restart` });
      expect({ lost, duplicated, outOfOrder: big1.outOfOrder + asked.outOfOrder }).toEqual({ lost: 0, duplicated: 0, outOfOrder: 0 });
    } finally {
      await close();
    }
  });

  it('a PostgreSQL restart: live events keep flowing and the archive catches up with 0 lost and 0 duplicated', async () => {
    const { client, close } = await signedIn();
    try {
      const { runId } = await client.pipeline.start.mutate(BIG_RUN);
      const watch = watchRun(client, runId);
      await watch.next((e) => e.seq >= 100, 120_000);
      const downAt = Date.now();
      await c.cluster.postgres.stop('SIGINT');
      const duringOutage = watch.events.length;
      await sleep(4000);
      const deliveredWhileDown = watch.events.length - duringOutage;
      await c.cluster.postgres.start();
      const run = await exactness(client, runId, watch);
      const seqs = await archived(client, runId, run.lastSeq);
      const recovery = Date.now() - downAt;
      const archive = archiveTally(seqs, run.lastSeq);
      report({
        fault: 'PostgreSQL restart (4 s down)',
        trials: 1,
        lost: run.lost + archive.lost,
        duplicated: run.duplicated + archive.duplicated,
        recoveryMs: [recovery],
        notes: `${deliveredWhileDown} events delivered live while it was down; archive complete ${Math.round(recovery / 1000)} s after the stop`,
      });
      expect(deliveredWhileDown).toBeGreaterThan(0);
      expect({ ...archive, live: run.lost + run.duplicated }).toEqual({ lost: 0, duplicated: 0, live: 0 });
    } finally {
      await close();
    }
  });

  it('a cut between a web instance and Redis for a few seconds: its subscribers resume exactly once it is back', async () => {
    const user = await c.user();
    // Straight to the instance whose link is cut, so that these subscribers are its own.
    const onCut = connect(`http://127.0.0.1:${c.cluster.webPorts[1]}`, user.cookie);
    const viaBalancer = connect(c.url, user.cookie);
    try {
      const { runId } = await viaBalancer.client.pipeline.start.mutate(BIG_RUN);
      const watch = watchRun(onCut.client, runId);
      const other = watchRun(viaBalancer.client, runId);
      await watch.next((e) => e.seq >= 100, 120_000);
      await link.cut();
      await sleep(4000);
      const restoredAt = Date.now();
      await link.restore();
      const recovery = await nextEventAfter(watch, restoredAt);
      const cut = await exactness(viaBalancer.client, runId, watch);
      const elsewhere = await exactness(viaBalancer.client, runId, other);
      report({ fault: 'web ↔ Redis cut for 4 s', trials: 1, lost: cut.lost, duplicated: cut.duplicated, recoveryMs: [recovery], notes: `${cut.lastSeq} events; recovery counted from the link's return` });
      expect({ lost: cut.lost, duplicated: cut.duplicated, outOfOrder: cut.outOfOrder }).toEqual({ lost: 0, duplicated: 0, outOfOrder: 0 });
      expect(elsewhere.events).toEqual(cut.events);
    } finally {
      await onCut.close();
      await viaBalancer.close();
    }
  });

  it(`a client that drops and reconnects every few seconds for ${FULL ? 5 : 1} minute(s): an exact stream, and the server's memory does not grow`, async () => {
    const user = await c.user();
    const webUrls = c.cluster.webPorts.map((p) => `http://127.0.0.1:${p}`);
    const heap = async () => (await Promise.all(webUrls.map((u) => metric(u, 'jobstream_nodejs_heap_size_used_bytes')))).reduce((a, b) => a + b, 0);
    const sockets = async () => (await Promise.all(webUrls.map((u) => metric(u, 'jobstream_ws_open_sockets')))).reduce((a, b) => a + b, 0);
    const baselineSockets = await sockets();
    const starter = connect(c.url, user.cookie);
    const deadline = Date.now() + (FULL ? 5 : 1) * 60_000;
    const heapSamples: number[] = [];
    let cycles = 0;
    let lost = 0;
    let duplicated = 0;
    try {
      while (Date.now() < deadline) {
        const { runId } = await starter.client.pipeline.start.mutate(BIG_RUN);
        const received: EventWatch['events'] = [];
        let lastEventId: string | undefined;
        let finished = false;
        while (!finished) {
          // One short life of a browser tab: connect, resume from the last id, drop.
          const tab = connect(c.url, user.cookie);
          const watch = watchRun(tab.client, runId, lastEventId);
          await Promise.race([sleep(2000 + Math.random() * 2000), watch.done]);
          watch.unsubscribe();
          await tab.close();
          received.push(...watch.events);
          lastEventId = received.at(-1)?.id ?? lastEventId;
          finished = received.at(-1)?.type === 'pipeline_complete';
          cycles++;
          heapSamples.push(await heap());
        }
        const { lastSeq } = await starter.client.pipeline.get.query({ runId });
        const t = tally(received, lastSeq);
        lost += t.lost;
        duplicated += t.duplicated;
      }
      await starter.close();
      await until(async () => (await sockets()) === baselineSockets, 30_000);
      // Heap samples are taken without a forced GC: compare the lowest of the first and last quarters.
      const quarter = Math.max(1, Math.floor(heapSamples.length / 4));
      const early = Math.min(...heapSamples.slice(0, quarter));
      const late = Math.min(...heapSamples.slice(-quarter));
      report({
        fault: 'client reconnecting every 2–4 s',
        trials: cycles,
        lost,
        duplicated,
        recoveryMs: [],
        notes: `heap of both instances ${Math.round(early / 1e6)} MB early, ${Math.round(late / 1e6)} MB late; sockets back to ${baselineSockets}`,
      });
      expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
      expect(late).toBeLessThan(early * 1.25 + 10e6);
    } finally {
      await starter.close();
    }
  });

  it('Redis loses its data (restarted empty): the run ends with a clear error, nothing replayed or skipped, history from the archive, and a new run works', async () => {
    const { client, close } = await signedIn();
    try {
      const { runId } = await client.pipeline.start.mutate(BIG_RUN);
      const watch = watchRun(client, runId);
      await watch.next((e) => e.seq >= 200, 120_000);
      await c.cluster.redis.kill9();
      rmSync(c.cluster.redisDataDir, { recursive: true, force: true });
      mkdirSync(c.cluster.redisDataDir, { recursive: true });
      const restartedAt = Date.now();
      await c.cluster.redis.start();
      const events = await watch.done;
      const recovery = Date.now() - restartedAt;
      const last = events.at(-1);
      expect(last?.type).toBe('pipeline_error');
      expect(last?.message).toMatch(/lost this run's live state/);
      const seqs = events.map((e) => e.seq);
      const increasing = seqs.every((seq, i) => i === 0 || seq > (seqs[i - 1] ?? 0));
      expect(increasing).toBe(true);
      expect(new Set(seqs).size).toBe(seqs.length);
      const history = await archived(client, runId, last?.seq ?? 0);
      expect(history).toEqual(seqs);
      expect((await client.pipeline.get.query({ runId })).status).toBe('failed');
      // The user starts it again, and the new run completes on the same workers.
      const again = await client.pipeline.start.mutate(oneQuestionRun(1));
      const againWatch = watchRun(client, again.runId);
      const question = await againWatch.next((e) => e.type === 'hitl_request', 180_000);
      if (question.type !== 'hitl_request') throw new Error('narrowing');
      await client.hitl.respond.mutate({ hitlId: question.data.hitlId, response: 'approve' });
      expect((await againWatch.done).at(-1)?.type).toBe('pipeline_complete');
      report({
        fault: 'Redis restarted empty (data lost)',
        trials: 1,
        lost: 0,
        duplicated: seqs.length - new Set(seqs).size,
        recoveryMs: [recovery],
        notes: `run ended with its error event ${Math.round(recovery / 100) / 10} s after Redis came back; ${seqs.length} events, the same as the archive's history; a new run completed`,
      });
    } finally {
      await close();
    }
  });
});
