import { describe, expect, it } from 'vitest';
import { connect, seqGaps, watchRun } from '../helpers/client';
import { startWeb } from '../helpers/processes';
import { BIG_RUN, BIG_RUN_ENV, ONE_QUESTION_RUN } from '../helpers/runs';
import { useStack } from '../helpers/stack';

const t = useStack({ webs: 2, env: { AGENT_STEP_DELAY_MS: '5', ...BIG_RUN_ENV } });

describe('delivery', () => {
  it('a late subscriber gets the history, then the live tail, with no gap or duplicate at the seam', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate(BIG_RUN);
    const early = watchRun(t.api.client, runId);
    await early.next((e) => e.type === 'analyst_start' && e.data.jobIndex === 40);
    const late = watchRun(t.api.client, runId);
    const [earlyEvents, lateEvents] = await Promise.all([early.done, late.done]);
    expect(earlyEvents.length).toBeGreaterThan(1000);
    expect(seqGaps(lateEvents)).toEqual([]);
    expect(lateEvents).toEqual(earlyEvents);
  });

  it('resumes after a given lastEventId', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate({ query: 'python' });
    const all = await watchRun(t.api.client, runId).done;
    const tail = await watchRun(t.api.client, runId, '10').done;
    expect(tail[0]?.seq).toBe(11);
    expect(tail).toEqual(all.slice(10));
  });

  it('two web instances: start on one, watch and answer on the other', async () => {
    const a = connect(t.stack.webs[0]!.url, t.user.cookie);
    const b = connect(t.stack.webs[1]!.url, t.user.cookie);
    try {
      const { runId } = await a.client.pipeline.start.mutate(ONE_QUESTION_RUN);
      const onA = watchRun(a.client, runId);
      const onB = watchRun(b.client, runId);
      const question = await onB.next((e) => e.type === 'hitl_request');
      if (question.type !== 'hitl_request') throw new Error('narrowing');
      expect((await b.client.hitl.pending.query({ runId })).map((q) => q.hitlId)).toEqual([question.data.hitlId]);
      await b.client.hitl.respond.mutate({ hitlId: question.data.hitlId, response: 'approve' });
      const [eventsA, eventsB] = await Promise.all([onA.done, onB.done]);
      expect(eventsB).toEqual(eventsA);
      expect(eventsB.some((e) => e.type === 'applier_submitted')).toBe(true);
      expect((await a.client.pipeline.get.query({ runId })).status).toBe('completed');
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('kill -9 of the web server mid-run: after a restart the client resumes with 0 lost and 0 duplicated', async () => {
    const victim = await startWeb(t.stack.env);
    const api = connect(victim.url, t.user.cookie);
    let restarted: Awaited<ReturnType<typeof startWeb>> | undefined;
    try {
      const { runId } = await api.client.pipeline.start.mutate(BIG_RUN);
      const watch = watchRun(api.client, runId);
      await watch.next((e) => e.seq >= 300);
      await victim.kill9();
      const beforeCrash = watch.events.length;
      restarted = await startWeb(t.stack.env, victim.port);
      const events = await watch.done;
      const seqs = events.map((e) => e.seq);
      console.log(`[measure] web killed after ${beforeCrash} events; ${events.length} delivered in total`);
      expect(events.length).toBeGreaterThanOrEqual(1000);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(seqGaps(events)).toEqual([]);
      expect(events.at(-1)?.type).toBe('pipeline_complete');
      expect(events.length).toBe((await api.client.pipeline.get.query({ runId })).lastSeq);
    } finally {
      await api.close();
      await restarted?.kill9();
      await victim.kill9();
    }
  });
});
