import { describe, expect, it } from 'vitest';
import type { RunEvent } from '~/shared/events';
import { errorOf, watchRun, type EventWatch } from '../helpers/client';
import { oneQuestionRun } from '../helpers/runs';
import { useStack } from '../helpers/stack';

// Short timeout so that the timeout case runs quickly; answers in the other cases come at once.
const t = useStack({ env: { HITL_TIMEOUT_MS: '3000', AGENT_STEP_DELAY_MS: '5' } });

let runs = 0;

async function runUntilQuestion(): Promise<{ runId: string; watch: EventWatch; hitlId: string }> {
  // A posting of its own each time: an approved one is never applied to again.
  const { runId } = await t.api.client.pipeline.start.mutate(oneQuestionRun(runs++));
  const watch = watchRun(t.api.client, runId);
  const question = await watch.next((e) => e.type === 'hitl_request');
  if (question.type !== 'hitl_request') throw new Error('narrowing');
  return { runId, watch, hitlId: question.data.hitlId };
}

const final = (events: RunEvent[]) => events.at(-1);

describe('human in the loop', () => {
  it('an answer unblocks the agent, and a second answer gets CONFLICT', async () => {
    const { watch, hitlId } = await runUntilQuestion();
    await expect(t.api.client.hitl.respond.mutate({ hitlId, response: 'reject' })).resolves.toEqual({ hitlId, status: 'answered', savedToProfile: false });
    const second = await errorOf(t.api.client.hitl.respond.mutate({ hitlId, response: 'approve' }));
    expect(second.code).toBe('CONFLICT');
    const events = await watch.done;
    const response = events.find((e) => e.type === 'hitl_response');
    expect(response?.data).toEqual({ hitlId, response: 'reject' });
    const last = final(events);
    if (last?.type !== 'pipeline_complete') throw new Error(`ended with ${last?.type}`);
    expect(last.data.applicationsSubmitted).toBe(0);
  });

  it('an answer outside the offered options is BAD_REQUEST and leaves the question open', async () => {
    const { watch, hitlId, runId } = await runUntilQuestion();
    const err = await errorOf(t.api.client.hitl.respond.mutate({ hitlId, response: 'maybe' }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toContain('"approve", "reject"');
    expect((await t.api.client.hitl.pending.query({ runId })).map((q) => q.hitlId)).toEqual([hitlId]);
    await t.api.client.hitl.respond.mutate({ hitlId, response: 'approve' });
    const last = final(await watch.done);
    if (last?.type !== 'pipeline_complete') throw new Error(`ended with ${last?.type}`);
    expect(last.data.applicationsSubmitted).toBe(1);
  });

  it('times out, applies the declared default, and then refuses a late answer with NOT_FOUND', async () => {
    const { watch, hitlId } = await runUntilQuestion();
    const timeout = await watch.next((e) => e.type === 'hitl_timeout', 20_000);
    expect(timeout.data).toEqual({ hitlId, timeoutMs: 3000, appliedDefault: 'reject' });
    expect((await errorOf(t.api.client.hitl.respond.mutate({ hitlId, response: 'approve' }))).code).toBe('NOT_FOUND');
    const events = await watch.done;
    expect(events.some((e) => e.type === 'applier_submitted')).toBe(false);
    expect(final(events)?.type).toBe('pipeline_complete');
  });

  it('a stop during the wait cancels the question and ends the run', async () => {
    const { runId, watch, hitlId } = await runUntilQuestion();
    await t.api.client.pipeline.stop.mutate({ runId, reason: 'changed my mind' });
    const events = await watch.done;
    const types = events.map((e) => e.type);
    expect(types.slice(-3)).toEqual(['hitl_cancelled', 'task_complete', 'pipeline_stopped']);
    expect(events.find((e) => e.type === 'hitl_cancelled')?.data).toMatchObject({ hitlId });
    expect(final(events)?.data).toMatchObject({ reason: 'changed my mind' });
    expect((await errorOf(t.api.client.hitl.respond.mutate({ hitlId, response: 'approve' }))).code).toBe('NOT_FOUND');
    expect(await t.api.client.hitl.pending.query({})).toEqual([]);
    expect((await t.api.client.pipeline.get.query({ runId })).status).toBe('stopped');
  });

  it('counts answered, timed-out and cancelled questions on /api/metrics', async () => {
    const text = await (await fetch(`${t.stack.webs[0]!.url}/api/metrics`)).text();
    expect(text).toMatch(/jobstream_hitl_settled\{outcome="answered"\} 2/);
    expect(text).toMatch(/jobstream_hitl_settled\{outcome="timed_out"\} 1/);
    expect(text).toMatch(/jobstream_hitl_settled\{outcome="cancelled"\} 1/);
    expect(text).toMatch(/jobstream_hitl_pending 0/);
  });
});
