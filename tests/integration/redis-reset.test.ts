import { randomUUID } from 'node:crypto';
import { TRPCClientError } from '@trpc/client';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '~/env';
import type { RunEvent } from '~/shared/events';
import { pipelineParamsSchema } from '~/shared/pipeline';
import { createStores } from '~/store';
import { RunStateLostError } from '~/store/event-log';
import { connect, errorOf, seqGaps, watchRun, type Client } from '../helpers/client';
import { startRedis } from '../helpers/processes';
import { BIG_RUN, BIG_RUN_ENV } from '../helpers/runs';
import { useStack } from '../helpers/stack';
import { metric, until } from '../helpers/wait';

/**
 * Redis restarted empty (kill -9, no persistence) under two web instances and a worker.
 * One run at a time may be unfinished, so a lost run that still counted would block
 * the next start. The archive writes every 1.5 s, so the newest events exist only in
 * Redis and the instances' memory when Redis goes.
 */
const t = useStack({
  webs: 2,
  // A slow archive: the newest events are not yet in the database when Redis goes, as under load.
  env: { AGENT_STEP_DELAY_MS: '10', MAX_CONCURRENT_RUNS: '1', ARCHIVE_BATCH_WAIT_MS: '1500', ...BIG_RUN_ENV },
});

const LOST = /jobstream lost this run's live state \(its Redis was reset\)\. Everything up to this point is kept in the history; start the run again\./;

/** The run's whole history as pipeline.history pages it (the archive, then Redis). */
async function history(client: Client, runId: string): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  let cursor: number | null = 0;
  while (cursor !== null) {
    const page: { events: RunEvent[]; nextCursor: number | null } = await client.pipeline.history.query({ runId, cursor, limit: 500 });
    events.push(...page.events);
    cursor = page.nextCursor;
  }
  return events;
}

/** The tRPC code and our reason of a subscription that ended with an error. */
async function subscriptionError(done: Promise<unknown>): Promise<{ code?: string; reason?: string | null; message: string }> {
  try {
    await done;
  } catch (err) {
    if (!(err instanceof TRPCClientError)) throw err;
    const data = err.data as { code?: string; reason?: string | null } | undefined;
    return { code: data?.code, reason: data?.reason, message: err.message };
  }
  throw new Error('expected the subscription to end with an error');
}

async function resetRedis(): Promise<void> {
  const { port } = t.stack.redis;
  await t.stack.redis.kill9();
  t.stack.redis = await startRedis(port);
}

const strictlyIncreasing = (events: readonly RunEvent[]) => events.every((e, i) => i === 0 || e.seq > (events[i - 1]?.seq ?? 0));

describe('Redis restarted empty', () => {
  let finished: { runId: string; events: RunEvent[] };
  let lost: { runId: string; events: RunEvent[]; lastSeq: number };

  it('a run in progress ends with a clear error event for a subscriber that stays connected, on either instance', async () => {
    // One run that finished before the reset, for the archive's sake below.
    const small = await t.api.client.pipeline.start.mutate({ query: 'python' });
    finished = { runId: small.runId, events: await watchRun(t.api.client, small.runId).done };
    expect(finished.events.at(-1)?.type).toBe('pipeline_complete');

    const other = connect(t.stack.webs[1]!.url, t.user.cookie);
    try {
      const { runId } = await t.api.client.pipeline.start.mutate(BIG_RUN);
      const onA = watchRun(t.api.client, runId);
      const onB = watchRun(other.client, runId);
      await onA.next((e) => e.seq >= 300);
      await resetRedis();
      const backAt = Date.now();
      // Resumed while the run's state is lost and not yet closed: it waits for the close.
      const early = watchRun(t.api.client, runId, '100');

      const [eventsA, eventsB, eventsEarly] = await Promise.all([onA.done, onB.done, early.done]);
      const last = eventsA.at(-1);
      if (last?.type !== 'pipeline_error') throw new Error(`ended with ${last?.type}`);
      expect(last.message).toMatch(LOST);
      expect(last.data).toMatchObject({ retrying: false, error: expect.stringMatching(LOST) as unknown });
      console.log(`[measure] reset after ${eventsA.length - 1} events; closed at seq ${last.seq}, ${Date.now() - backAt} ms after Redis was back`);

      for (const events of [eventsA, eventsB]) {
        expect(strictlyIncreasing(events)).toBe(true);
        expect(seqGaps(events)).toEqual([]);
      }
      expect(eventsB).toEqual(eventsA);
      expect(eventsEarly).toEqual(eventsA.slice(100));
      lost = { runId, events: eventsA, lastSeq: last.seq };
    } finally {
      await other.close();
    }
  });

  it('the history (archive) holds every event the subscribers saw, once, and the run is failed', async () => {
    const { runId, events } = lost;
    await until(async () => (await metric(t.stack.webs[0]!.url, 'jobstream_archive_lag_events')) === 0);
    expect(await history(t.api.client, runId)).toEqual(events);
    await until(async () => (await t.api.client.pipeline.get.query({ runId })).status === 'failed');
    const run = await t.api.client.pipeline.get.query({ runId });
    expect(run).toMatchObject({ status: 'failed', lastSeq: lost.lastSeq, error: expect.stringMatching(LOST) as unknown });
  });

  it('a subscriber resuming with an old cursor gets the rest from the archive, then the error event', async () => {
    const tail = await watchRun(t.api.client, lost.runId, '250').done;
    expect(tail[0]?.seq).toBe(251);
    expect(tail).toEqual(lost.events.slice(250));
    const whole = await watchRun(t.api.client, lost.runId).done;
    expect(whole).toEqual(lost.events);
  });

  it('a cursor past what was kept gets a typed error instead of silence', async () => {
    const ahead = watchRun(t.api.client, lost.runId, String(lost.lastSeq + 50));
    expect(await subscriptionError(ahead.done)).toEqual({
      code: 'PRECONDITION_FAILED',
      reason: 'HISTORY_RESET',
      message: "This run's live history was reset on the server; reload to see what was kept.",
    });
    expect(ahead.events).toEqual([]);
  });

  it("a finished run's history is still served, from the database", async () => {
    const { runId, events } = finished;
    expect(await t.api.client.pipeline.get.query({ runId })).toMatchObject({ status: 'completed', lastSeq: events.length });
    expect(await history(t.api.client, runId)).toEqual(events);
    expect(await watchRun(t.api.client, runId).done).toEqual(events);
    expect(await watchRun(t.api.client, runId, '5').done).toEqual(events.slice(5));
    // The dashboard still lists it beside the run that was lost.
    const listed = await t.api.client.pipeline.list.query();
    expect(listed.map((r) => [r.runId, r.status])).toEqual([
      [lost.runId, 'failed'],
      [runId, 'completed'],
    ]);
  });

  it('the worker survives, a new run starts (the lost one no longer counts) and completes', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate({ query: 'golang' });
    const events = await watchRun(t.api.client, runId).done;
    expect(seqGaps(events)).toEqual([]);
    expect(events.at(-1)?.type).toBe('pipeline_complete');
    const [worker] = t.stack.workers;
    expect(worker?.child.exitCode).toBeNull();
    expect(worker?.output()).toMatch(/live state in Redis is gone/);
  });

  it("a session waiting for the user's turn is stopped by its worker on noticing the reset, and ends with the session's error", async () => {
    const { runId } = await t.api.client.salary.startBattle.mutate({ role: 'Backend Engineer', company: 'Northwind Labs', targetSalary: 150_000, currency: 'USD', seed: 7 });
    const watch = watchRun(t.api.client, runId);
    await watch.next((e) => e.type === 'salary_battle_ai_response');
    await until(async () => (await t.api.client.sessions.turn.query({ runId })) !== null);
    await resetRedis();

    const events = await watch.done;
    const last = events.at(-1);
    if (last?.type !== 'pipeline_error') throw new Error(`ended with ${last?.type}`);
    expect(last.message).toMatch(/lost this session's live state .* start the session again\./);
    expect(seqGaps(events)).toEqual([]);
    // Nothing published while it waited: the worker learnt of the reset from the epoch, not from a refused event.
    expect(t.stack.workers[0]?.output()).toContain(`stopping run ${runId}`);
    const turn = t.api.client.sessions.say.mutate({ runId, turnId: randomUUID(), text: 'I would like 165,000.', offer: 165_000 });
    expect((await errorOf(turn)).code).toBe('NOT_FOUND');
  });
});

describe('what a process still holding a lost run can write', () => {
  it('nothing: no event (a typed error instead), no half-made record, no second record over a closed one', async () => {
    const redis = new Redis(t.stack.redis.url);
    try {
      const stores = createStores(redis, parseEnv({ ...process.env, ...t.stack.env }));
      const runId = `run_lost${randomUUID().replaceAll('-', '')}`;
      const event = { runId, type: 'pipeline_start', agent: 'system', message: 'Started', data: { params: pipelineParamsSchema.parse({ query: 'python' }), attempt: 1 } } as const;
      await expect(stores.log.publish(event)).rejects.toBeInstanceOf(RunStateLostError);
      await stores.runs.setProgress(runId, 'analyst', 40);
      expect(await redis.exists(stores.keys.runMeta(runId), stores.keys.runSeq(runId), stores.keys.runLog(runId))).toBe(0);

      // Closed as lost: its seq follows on from the last one handed out, and nothing else may append.
      const closing = { runId, type: 'pipeline_error', agent: 'system', message: 'lost', data: { error: 'lost', retrying: false, attempt: 1 } } as const;
      const record = { runId, userId: 'user_x', fields: { runId, userId: 'user_x', kind: 'pipeline', status: 'failed' }, createdAtMs: Date.now(), lastSeq: 41 };
      expect((await stores.log.closeLostRun(record, closing))?.seq).toBe(42);
      expect(await stores.log.closeLostRun(record, closing)).toBeNull();
      await expect(stores.log.publish(event)).rejects.toBeInstanceOf(RunStateLostError);
      await expect(stores.runs.create(runId, 'user_x', { kind: 'pipeline', params: pipelineParamsSchema.parse({ query: 'python' }) }, runId)).rejects.toThrow();
      expect(await stores.runs.transition(runId, ['queued', 'running', 'paused'], 'running')).toEqual({ ok: false, status: 'failed' });
      expect(await stores.log.latestSeq(runId)).toBe(42);
    } finally {
      redis.disconnect();
    }
  });
});
