import { describe, expect, it } from 'vitest';
import { seqGaps, watchRun } from '../helpers/client';
import { jobState } from '../helpers/queue';
import { useStack } from '../helpers/stack';

/** Short locks, so that a lost worker is noticed within seconds instead of 30 s. */
const FAST_STALL = { WORKER_LOCK_MS: '2000', WORKER_STALLED_INTERVAL_MS: '1000' };

const t = useStack({ workers: 0, env: { AGENT_STEP_DELAY_MS: '40', ...FAST_STALL } });

async function startBusyRun() {
  const { runId } = await t.api.client.pipeline.start.mutate({ query: 'engineer', location: '', minMatchScore: 0 });
  const watch = watchRun(t.api.client, runId);
  await watch.next((e) => e.type === 'analyst_start' && e.data.jobIndex === 3);
  return { runId, watch };
}

describe('a worker that dies mid-run', () => {
  it('kill -9: another worker retries the run, which says so and completes', async () => {
    const doomed = await t.stack.addWorker();
    const { runId, watch } = await startBusyRun();
    await doomed.kill9();
    await t.stack.addWorker();
    const retry = await watch.next((e) => e.type === 'pipeline_error', 30_000);
    expect(retry.data).toEqual({ error: 'worker lost', retrying: true, attempt: 2 });
    const events = await watch.done;
    expect(seqGaps(events)).toEqual([]);
    expect(events.at(-1)?.type).toBe('pipeline_complete');
    expect(events.filter((e) => e.type === 'task_started').map((e) => e.data)).toMatchObject([{ attempt: 1 }, { attempt: 2 }]);
    expect(await t.api.client.pipeline.get.query({ runId })).toMatchObject({ status: 'completed', attempt: 2 });
    expect(await jobState(t.stack.env.REDIS_URL, t.stack.env.KEY_PREFIX!, runId)).toBe('completed');
    await Promise.all(t.stack.workers.map((w) => w.kill9()));
  });

  it('kill -9 with no retries left: the run fails with an event instead of staying "running"', async () => {
    const doomed = await t.stack.addWorker();
    const { runId, watch } = await startBusyRun();
    await doomed.kill9();
    await t.stack.addWorker({ WORKER_MAX_STALLED: '0' });
    const events = await watch.done;
    const last = events.at(-1);
    if (last?.type !== 'pipeline_error') throw new Error(`ended with ${last?.type}`);
    expect(last.data.retrying).toBe(false);
    expect(last.message).toMatch(/Start a new run/);
    expect(await t.api.client.pipeline.get.query({ runId })).toMatchObject({ status: 'failed' });
    expect(await jobState(t.stack.env.REDIS_URL, t.stack.env.KEY_PREFIX!, runId)).toBe('failed');
    await Promise.all(t.stack.workers.map((w) => w.kill9()));
  });
});

describe('graceful shutdown', () => {
  it('SIGTERM hands a busy run back to the queue, and another worker finishes it', async () => {
    const leaving = await t.stack.addWorker({ WORKER_SHUTDOWN_GRACE_MS: '300' });
    const { runId, watch } = await startBusyRun();
    expect(await leaving.stop()).toBe(0);
    expect(leaving.output()).toMatch(/\[worker\] stopped/);
    await watch.next((e) => e.type === 'task_queued' && e.seq > 1);
    expect((await t.api.client.pipeline.get.query({ runId })).status).toBe('queued');
    await t.stack.addWorker();
    const resumed = await watch.next((e) => e.type === 'pipeline_error');
    expect(resumed.data).toEqual({ error: 'worker shut down', retrying: true, attempt: 2 });
    const events = await watch.done;
    expect(seqGaps(events)).toEqual([]);
    expect(events.at(-1)?.type).toBe('pipeline_complete');
    await Promise.all(t.stack.workers.map((w) => w.kill9()));
  });

  it('SIGTERM lets a run that finishes within the grace period complete on the same worker', async () => {
    const leaving = await t.stack.addWorker({ WORKER_SHUTDOWN_GRACE_MS: '20000' });
    const { runId } = await t.api.client.pipeline.start.mutate({ query: 'kotlin' });
    const watch = watchRun(t.api.client, runId);
    await watch.next((e) => e.type === 'task_started');
    const exit = leaving.stop();
    const events = await watch.done;
    expect(await exit).toBe(0);
    expect(events.at(-1)?.type).toBe('pipeline_complete');
    expect(events.filter((e) => e.type === 'task_started')).toHaveLength(1);
  });
});
