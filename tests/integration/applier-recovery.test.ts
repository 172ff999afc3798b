import { describe, expect, it } from 'vitest';
import type { RunEvent } from '~/shared/events';
import { answerQuestions, setUpApplicant } from '../helpers/applicant';
import { newUser } from '../helpers/auth';
import { connect, watchRun, type Client } from '../helpers/client';
import type { Proc } from '../helpers/processes';
import { useStack } from '../helpers/stack';

// Workers that are noticed quickly when they die, so the retry comes within seconds.
const FAST_RECOVERY = { WORKER_LOCK_MS: '2000', WORKER_STALLED_INTERVAL_MS: '1000', WORKER_MAX_STALLED: '2' };
const t = useStack({ workers: 0 });

const web = () => t.stack.webs[0]!.url;

async function submissionsTo(jobUrl: string): Promise<number> {
  const jobId = /\/sandbox\/jobs\/(\d+)/.exec(jobUrl)?.[1];
  const res = await fetch(`${web()}/sandbox/api/jobs/${jobId}/stats`);
  return ((await res.json()) as { submissions: number }).submissions;
}

async function applicant(): Promise<{ client: Client; close: () => Promise<void> }> {
  const user = await newUser(web());
  const conn = connect(web(), user.cookie);
  await setUpApplicant(conn.client);
  return conn;
}

const start = (client: Client) =>
  client.pipeline.start.mutate({
    query: 'python',
    location: 'anywhere',
    sources: ['sandbox'],
    autoApply: true,
    draftMode: false,
    minMatchScore: 0,
    maxApplications: 2,
  });

async function killAt(worker: Proc, watch: ReturnType<typeof watchRun>, moment: (e: RunEvent) => boolean): Promise<RunEvent> {
  const event = await watch.next(moment, 120_000);
  await worker.kill9();
  await t.stack.addWorker(FAST_RECOVERY);
  return event;
}

describe('a worker lost while applying', () => {
  it('never submits an application twice when the worker dies after submitting it', async () => {
    const { client, close } = await applicant();
    try {
      const worker = await t.stack.addWorker(FAST_RECOVERY);
      const { runId } = await start(client);
      const watch = watchRun(client, runId);
      answerQuestions(client, watch);
      const first = await killAt(worker, watch, (e) => e.type === 'applier_submitted');
      if (first.type !== 'applier_submitted') throw new Error('narrowing');

      const events = await watch.done;
      expect(events.some((e) => e.type === 'pipeline_error' && e.data.retrying)).toBe(true);
      expect(events.at(-1)?.type).toBe('pipeline_complete');
      const skipped = events.filter((e) => e.type === 'browser_action' && e.seq > first.seq && e.data.action === 'skip');
      expect(skipped.map((e) => e.message).join('\n')).toContain(first.data.company);
      const submittedUrls = new Set(events.flatMap((e) => (e.type === 'applier_submitted' ? [e.data.jobUrl] : [])));
      for (const url of submittedUrls) expect(await submissionsTo(url), url).toBe(1);
      const apps = await client.pipeline.get.query({ runId });
      expect(apps.status).toBe('completed');
    } finally {
      await close();
      await Promise.all(t.stack.workers.map((w) => w.kill9()));
    }
  }, 240_000);

  it('asks before submitting again when the worker died in the middle of a submit', async () => {
    const { client, close } = await applicant();
    try {
      const worker = await t.stack.addWorker(FAST_RECOVERY);
      const { runId } = await start(client);
      const watch = watchRun(client, runId);
      const asked = answerQuestions(client, watch); // answers "skip" to "submit again?"
      const submitting = await killAt(worker, watch, (e) => e.type === 'applier_submit');
      if (submitting.type !== 'applier_submit') throw new Error('narrowing');

      const events = await watch.done;
      expect(events.at(-1)?.type).toBe('pipeline_complete');
      const retryQuestion = asked.find((q) => /interrupted while submitting/.test(q.data.question));
      expect(retryQuestion?.data.options).toEqual(['skip', 'submit again']);
      expect(await submissionsTo(submitting.data.jobUrl)).toBeLessThanOrEqual(1);
      const resubmitted = events.filter((e) => e.type === 'applier_submitted' && e.data.jobUrl === submitting.data.jobUrl && e.seq > submitting.seq);
      expect(resubmitted).toEqual([]);
    } finally {
      await close();
      await Promise.all(t.stack.workers.map((w) => w.kill9()));
    }
  }, 240_000);
});
