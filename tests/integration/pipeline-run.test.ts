import { describe, expect, it } from 'vitest';
import type { EventType } from '~/shared/events';
import { pipelineParamsSchema } from '~/shared/pipeline';
import { errorOf, seqGaps, watchRun } from '../helpers/client';
import { ONE_QUESTION_RUN } from '../helpers/runs';
import { useStack } from '../helpers/stack';

const t = useStack();

describe('a full pipeline run', () => {
  it('streams a typed, ordered event sequence from queue to completion, with a HITL approval', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate(ONE_QUESTION_RUN);
    expect(runId).toMatch(/^run_/);
    const watch = watchRun(t.api.client, runId);

    const question = await watch.next((e) => e.type === 'hitl_request');
    if (question.type !== 'hitl_request') throw new Error('narrowing');
    expect(question.data.options).toEqual(['approve', 'reject']);
    expect(question.data.question).toMatch(/Submit the application/);
    const pending = await t.api.client.hitl.pending.query({ runId });
    expect(pending.map((p) => p.hitlId)).toEqual([question.data.hitlId]);
    await t.api.client.hitl.respond.mutate({ hitlId: question.data.hitlId, response: 'approve' });

    const events = await watch.done;
    expect(seqGaps(events)).toEqual([]);
    const types = events.map((e) => e.type);
    const order: EventType[] = ['task_queued', 'task_started', 'pipeline_start', 'scout_start', 'scout_found', 'scout_complete',
      'analyst_start', 'analyst_result', 'analyst_complete', 'applier_start', 'applier_draft_ready', 'hitl_request',
      'hitl_response', 'applier_submitted', 'applier_complete', 'task_complete', 'pipeline_complete'];
    const positions = order.map((t) => types.indexOf(t));
    expect(positions.every((p) => p >= 0), `missing: ${order.filter((_, i) => positions[i]! < 0).join(', ')}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(types.at(-1)).toBe('pipeline_complete');

    const progress = events.flatMap((e) => (e.type === 'task_progress' ? [e.data.progress] : []));
    expect(progress.at(-1)).toBe(100);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);

    const final = events.at(-1);
    if (final?.type !== 'pipeline_complete') throw new Error('narrowing');
    expect(final.data.applicationsSubmitted).toBe(1);
    const found = events.find((e) => e.type === 'scout_found');
    if (found?.type !== 'scout_found') throw new Error('narrowing');
    expect(final.data.jobsFound).toBe(found.data.count);
    expect(found.data.urls).toHaveLength(found.data.count);

    const run = await t.api.client.pipeline.get.query({ runId });
    expect(run).toMatchObject({ runId, status: 'completed', progress: 100, stage: 'done', lastSeq: events.length });
    expect(run.finishedAt).not.toBeNull();
    const list = await t.api.client.pipeline.list.query();
    expect(list.map((r) => r.runId)).toContain(runId);
    expect(await t.api.client.hitl.pending.query({ runId })).toEqual([]);
  });

  it('applies the schema’s defaults to a minimal start and skips the applier without autoApply', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate({ query: 'data engineer' });
    const run = await t.api.client.pipeline.get.query({ runId });
    expect(run.params).toEqual(pipelineParamsSchema.parse({ query: 'data engineer' }));
    const events = await watchRun(t.api.client, runId).done;
    expect(events.some((e) => e.agent === 'applier')).toBe(false);
    expect(events.some((e) => e.type === 'hitl_request')).toBe(false);
    expect(events.at(-1)?.type).toBe('pipeline_complete');
  });
});

describe('bad input', () => {
  it('answers BAD_REQUEST with the zod messages and starts nothing', async () => {
    const before = (await t.api.client.pipeline.list.query()).length;
    const err = await errorOf(
      t.api.client.pipeline.start.mutate({ query: '   ', minMatchScore: 150, sources: ['sandbox', 'sandbox'] }),
    );
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toContain('query: say what job to search for');
    expect(err.message).toContain('minMatchScore: 0 to 100');
    expect(err.message).toContain('sources: each source once');
    expect((await t.api.client.pipeline.list.query()).length).toBe(before);
  });

  it('rejects malformed ids with BAD_REQUEST and unknown ones with NOT_FOUND', async () => {
    expect((await errorOf(t.api.client.pipeline.get.query({ runId: 'nope' }))).code).toBe('BAD_REQUEST');
    expect((await errorOf(t.api.client.pipeline.stop.mutate({ runId: 'run_doesnotexist00' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(t.api.client.hitl.respond.mutate({ hitlId: 'hitl_doesnotexist00', response: 'yes' }))).code).toBe('NOT_FOUND');
    const sub = await new Promise<string>((resolve) => {
      t.api.client.pipeline.events.subscribe(
        { runId: 'run_doesnotexist00', lastEventId: null },
        { onError: (e) => resolve((e.data as { code: string }).code), onData: () => resolve('data') },
      );
    });
    expect(sub).toBe('NOT_FOUND');
  });
});
