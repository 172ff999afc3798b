import { describe, expect, it } from 'vitest';
import { connect, seqGaps, watchRun } from '../helpers/client';
import { startWeb } from '../helpers/processes';
import { jobState } from '../helpers/queue';
import { useStack } from '../helpers/stack';

// Slow steps, so that a run is still busy when the test stops or pauses it.
const t = useStack({ env: { AGENT_STEP_DELAY_MS: '100' } });

const agentEvent = (e: { agent: string }) => ['scout', 'analyst', 'applier'].includes(e.agent);

describe('stop', () => {
  it('ends a busy run at once and leaves no active BullMQ job', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate({ query: 'engineer', location: '', minMatchScore: 0 });
    const watch = watchRun(t.api.client, runId);
    await watch.next((e) => e.type === 'analyst_start' && e.data.jobIndex === 3);
    const seenAtStop = watch.events.length;
    const stopAt = performance.now();
    const result = await t.api.client.pipeline.stop.mutate({ runId });
    expect(result).toMatchObject({ runId, changed: true });
    const events = await watch.done;
    const stoppedAfterMs = performance.now() - stopAt;
    console.log(`[measure] stop → pipeline_stopped in ${stoppedAfterMs.toFixed(0)} ms`);

    expect(events.at(-1)?.type).toBe('pipeline_stopped');
    expect(events.at(-1)?.data).toMatchObject({ reason: 'Stopped by user', stage: 'analyst' });
    // The agent was mid-step; at most the events of that one step may still come out.
    expect(events.slice(seenAtStop).filter(agentEvent).length).toBeLessThanOrEqual(2);
    expect(seqGaps(events)).toEqual([]);
    expect(await jobState(t.stack.env.REDIS_URL, t.stack.env.KEY_PREFIX!, runId)).toBe('completed');
    expect((await t.api.client.pipeline.get.query({ runId })).status).toBe('stopped');
  });

  it('on a finished run is a clear no-op answer', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate({ query: 'kotlin' });
    await watchRun(t.api.client, runId).done;
    for (const call of [t.api.client.pipeline.stop, t.api.client.pipeline.pause, t.api.client.pipeline.resume]) {
      const result = await call.mutate({ runId });
      expect(result).toMatchObject({ runId, status: 'completed', changed: false });
      expect(result.message).toMatch(/already completed/);
    }
  });

  it('cancels a run that no worker has started yet', async () => {
    // A second web instance on a key prefix no worker serves: the job stays queued.
    const web = await startWeb({ ...t.stack.env, KEY_PREFIX: `${t.stack.env.KEY_PREFIX}q` });
    const other = connect(web.url, t.user.cookie);
    try {
      const { runId } = await other.client.pipeline.start.mutate({ query: 'python' });
      const watch = watchRun(other.client, runId);
      expect((await other.client.pipeline.get.query({ runId })).status).toBe('queued');
      expect(await other.client.pipeline.pause.mutate({ runId })).toMatchObject({ changed: true });
      const result = await other.client.pipeline.stop.mutate({ runId, reason: 'not now' });
      expect(result).toMatchObject({ status: 'stopped', changed: true });
      const events = await watch.done;
      // task_queued comes from a worker's side of the queue; none serves this prefix.
      expect(events.map((e) => e.type)).toEqual(['job_paused', 'job_cancelled', 'pipeline_stopped']);
      expect((await other.client.pipeline.get.query({ runId })).status).toBe('stopped');
      expect(await jobState(t.stack.env.REDIS_URL, `${t.stack.env.KEY_PREFIX}q`, runId)).toBe('missing');
    } finally {
      await other.close();
      await web.kill9();
    }
  });
});

describe('pause and resume', () => {
  it('holds at the next step boundary, emits nothing while paused, then completes', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate({ query: 'python', minMatchScore: 0 });
    const watch = watchRun(t.api.client, runId);
    await watch.next((e) => e.type === 'analyst_start' && e.data.jobIndex === 2);
    expect(await t.api.client.pipeline.pause.mutate({ runId })).toMatchObject({ changed: true });
    const paused = await watch.next((e) => e.type === 'pipeline_paused');
    expect(paused.data).toMatchObject({ stage: 'analyst' });
    expect((await t.api.client.pipeline.get.query({ runId })).status).toBe('paused');

    const countWhilePaused = watch.events.length;
    await new Promise((r) => setTimeout(r, 1000));
    expect(watch.events.length).toBe(countWhilePaused);

    expect(await t.api.client.pipeline.resume.mutate({ runId })).toMatchObject({ changed: true });
    const resumed = await watch.next((e) => e.type === 'pipeline_resumed');
    if (resumed.type !== 'pipeline_resumed') throw new Error('narrowing');
    expect(resumed.data.pausedMs).toBeGreaterThanOrEqual(1000);
    const events = await watch.done;
    expect(events.at(-1)?.type).toBe('pipeline_complete');
    expect(seqGaps(events)).toEqual([]);
    expect((await t.api.client.pipeline.get.query({ runId })).status).toBe('completed');
  });

  it('a stop while paused ends the run', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate({ query: 'python', minMatchScore: 0 });
    const watch = watchRun(t.api.client, runId);
    await watch.next((e) => e.type === 'analyst_start');
    await t.api.client.pipeline.pause.mutate({ runId });
    await watch.next((e) => e.type === 'pipeline_paused');
    await t.api.client.pipeline.stop.mutate({ runId });
    const events = await watch.done;
    expect(events.at(-1)?.type).toBe('pipeline_stopped');
    expect((await t.api.client.pipeline.get.query({ runId })).status).toBe('stopped');
  });
});
