import { describe, expect, it } from 'vitest';
import type { SandboxJob } from '~/sandbox/job-json';
import { errorOf, watchRun } from '../helpers/client';
import { useStack } from '../helpers/stack';

const t = useStack();

/** A sandbox posting the test applicant's profile answers completely (see tests/helpers/runs.ts). */
async function posting(query: string): Promise<SandboxJob> {
  const res = await fetch(`${t.stack.env.APP_URL}/sandbox/api/jobs?q=${encodeURIComponent(query)}`);
  const { jobs } = (await res.json()) as { jobs: SandboxJob[] };
  const job = jobs[0];
  if (!job) throw new Error(`no sandbox posting for "${query}"`);
  return job;
}

describe('applications.applyToUrl: one job link', () => {
  it('reads and scores the page, fills its form, asks for approval, and submits once', async () => {
    const job = await posting('Tessellate Senior Cloud Engineer');
    const { runId } = await t.api.client.applications.applyToUrl.mutate({ url: job.applyUrl, draftMode: true });
    const run = await t.api.client.pipeline.get.query({ runId });
    expect(run.params).toMatchObject({ applyUrl: job.applyUrl, autoApply: true, draftMode: true });
    const watch = watchRun(t.api.client, runId);
    const question = await watch.next((e) => e.type === 'hitl_request', 60_000);
    if (question.type !== 'hitl_request') throw new Error('narrowing');
    expect(question.message).toMatch(/^Submit the application/);
    await t.api.client.hitl.respond.mutate({ hitlId: question.data.hitlId, response: 'approve' });
    const events = await watch.done;
    const types = events.map((e) => e.type);
    // No search: the link itself is the job.
    expect(types).not.toContain('scout_start');
    expect(types).toContain('analyst_result');
    const analysed = events.find((e) => e.type === 'analyst_result');
    expect(analysed?.message).toContain(job.title);
    expect(events.filter((e) => e.type === 'applier_submitted')).toHaveLength(1);
    const last = events.at(-1);
    if (last?.type !== 'pipeline_complete') throw new Error(`ended with ${last?.type}`);
    expect(last.data.applicationsSubmitted).toBe(1);
  });

  it('a link that is not a web address is BAD_REQUEST saying so; nothing starts', async () => {
    const before = (await t.api.client.pipeline.list.query()).length;
    for (const url of ['javascript:alert(1)', 'not a link', 'file:///etc/passwd']) {
      const err = await errorOf(t.api.client.applications.applyToUrl.mutate({ url }));
      expect(err.code).toBe('BAD_REQUEST');
      expect(err.message).toMatch(/url: a web address/);
    }
    expect(await t.api.client.pipeline.list.query()).toHaveLength(before);
  });

  it('a link to a private address is refused in the user’s words, and the run ends cleanly', async () => {
    const { runId } = await t.api.client.applications.applyToUrl.mutate({ url: 'http://10.0.0.1:8080/jobs/1/apply' });
    const events = await watchRun(t.api.client, runId).done;
    const failed = events.find((e) => e.type === 'applier_error');
    expect(failed?.message).toMatch(/private address/);
    expect(events.some((e) => e.type === 'applier_draft_ready')).toBe(false);
    expect(events.at(-1)?.type).toBe('pipeline_complete');
  });
});
