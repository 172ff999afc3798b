import { beforeAll, describe, expect, it } from 'vitest';
import { sandboxFormFields, type LayoutName, type SandboxField } from '~/sandbox';
import type { RunEvent } from '~/shared/events';
import type { LiveFrame } from '~/shared/frames';
import { answerQuestions, approveEverything, setUpApplicant, TEST_PROFILE } from '../helpers/applicant';
import { seqGaps, watchRun } from '../helpers/client';
import { oneQuestionRun } from '../helpers/runs';
import { useStack } from '../helpers/stack';
import { until } from '../helpers/wait';

const t = useStack();

interface Receipt {
  receiptId: string;
  jobId: string;
  layout: LayoutName;
  fields: Record<string, string>;
  files: { field: string; fileName: string; bytes: number; contentType: string }[];
}

const web = () => t.stack.webs[0]!.url;

async function receipt(confirmation: string): Promise<Receipt> {
  const res = await fetch(`${web()}/sandbox/applications/${confirmation}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Receipt;
}

/** What a correct applier puts in a field, worked out from the profile independently of the applier. */
function expectedValue(field: SandboxField): string | undefined {
  const p = TEST_PROFILE;
  switch (field.profileKey) {
    case 'workAuthorization':
      return p.workAuthorization === 'yes' ? 'Yes' : 'No';
    case 'requiresSponsorship':
      return p.requiresSponsorship === 'yes' ? 'Yes' : 'No';
    case 'yearsOfExperience':
      return field.options ? '6-9 years' : String(p.yearsOfExperience);
    case 'name':
    case 'firstName':
    case 'lastName':
    case 'email':
    case 'phone':
    case 'location':
    case 'linkedinUrl':
    case 'githubUrl':
    case 'websiteUrl':
    case 'currentCompany':
    case 'desiredSalary':
    case 'earliestStartDate':
    case 'resumeText':
      return p[field.profileKey] ?? '';
    default:
      return undefined;
  }
}

function eventsOf<T extends RunEvent['type']>(events: RunEvent[], type: T): Extract<RunEvent, { type: T }>[] {
  return events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);
}

beforeAll(async () => {
  await setUpApplicant(t.api.client);
});

describe('the applier, in a real browser on the sandbox board', () => {
  it('fills applications of different layouts from the profile, asks about the rest, and submits approved drafts', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate({
      query: 'python',
      location: 'anywhere',
      sources: ['sandbox'],
      autoApply: true,
      draftMode: true,
      minMatchScore: 0,
      maxApplications: 5,
    });
    const watch = watchRun(t.api.client, runId);
    // The first draft is looked at for a few seconds, as a person would: the live view is measured meanwhile.
    let reviewed = 0;
    const asked = answerQuestions(t.api.client, watch, {
      ...approveEverything,
      thinkMs: (q) => (q.data.options.includes('approve') && reviewed++ === 0 ? 3000 : 0),
    });
    const frames: { frame: LiveFrame; at: number }[] = [];
    const frameSub = t.api.client.pipeline.frames.subscribe({ runId }, { onData: (frame) => frames.push({ frame, at: Date.now() }) });
    const events = await watch.done;
    frameSub.unsubscribe();

    if (process.env.DEBUG_EVENTS) console.log(events.map((e) => `${e.seq} ${e.type} ${e.message}`).join("\n"));
    expect(seqGaps(events)).toEqual([]);
    expect(events.at(-1)?.type).toBe('pipeline_complete');
    const submitted = eventsOf(events, 'applier_submitted');
    expect(submitted.length).toBeGreaterThanOrEqual(3);

    // Each submission, as the board received it, checked field by field against the profile.
    const receipts = await Promise.all(submitted.map((e) => receipt(e.data.confirmation)));
    expect(new Set(receipts.map((r) => r.layout)).size).toBeGreaterThanOrEqual(3);
    for (const r of receipts) {
      for (const field of sandboxFormFields(r.layout)) {
        const want = expectedValue(field);
        const got = r.fields[field.name];
        if (want !== undefined && (field.required || got)) expect(got, `${r.layout}: ${field.label}`).toBe(want);
        if (field.profileKey === 'resume') {
          expect(r.files.find((f) => f.field === field.name), `${r.layout}: resume uploaded`).toMatchObject({ fileName: 'jordan-rivera-resume.pdf' });
        }
        // Voluntary self-identification is declined where the form allows it, never answered.
        if (field.section === 'eeo' && got) expect(got, `${r.layout}: ${field.label}`).toMatch(/decline|don't wish/i);
      }
    }

    // Fields only the human can answer were asked about, and their answers used.
    const fieldQuestions = asked.filter((q) => !q.data.options.includes('approve'));
    expect(fieldQuestions.length).toBeGreaterThan(0);
    const humanFields = receipts.flatMap((r) => sandboxFormFields(r.layout).filter((f) => f.needsHuman && f.required).map((f) => ({ r, f })));
    for (const { r, f } of humanFields) {
      expect(asked.some((q) => q.data.question.includes(f.label.slice(0, 40))), `asked "${f.label}"`).toBe(true);
      expect(r.fields[f.name], `${r.layout}: ${f.label}`).toBeTruthy();
    }

    // Every submission followed a draft the user approved, showing the filled values and the page.
    const drafts = eventsOf(events, 'applier_draft_ready');
    for (const s of submitted) {
      const draft = drafts.find((d) => d.data.jobUrl === s.data.jobUrl);
      expect(draft?.data.screenshot?.length).toBeGreaterThan(1000);
      expect(draft?.data.fields.find((f) => /e-?mail/i.test(f.label))?.value).toBe(TEST_PROFILE.email);
    }
    for (const type of ['applier_navigate', 'applier_type', 'applier_upload', 'applier_click', 'browser_action'] as const) {
      expect(eventsOf(events, type).length, type).toBeGreaterThan(0);
    }
    expect(events.some((e) => e.type === 'browser_screenshot')).toBe(false); // frames are not history

    // The live view: JPEG frames at about 5 per second, measured while the first draft was being reviewed.
    const review = asked.find((q) => q.data.options.includes('approve'))!;
    const answeredAt = events.find((e) => e.type === 'hitl_response' && e.data.hitlId === review.data.hitlId)!;
    const during = frames.filter((f) => f.at >= Date.parse(review.timestamp) && f.at <= Date.parse(answeredAt.timestamp));
    expect(during.length).toBeGreaterThanOrEqual(10);
    const first = during[0]!;
    const last = during.at(-1)!;
    const perSecond = ((during.length - 1) * 1000) / (last.at - first.at);
    console.log(`[measure] ${submitted.length} applications in ${new Set(receipts.map((r) => r.layout)).size} layouts; ${frames.length} frames, ${perSecond.toFixed(2)}/s during a review; ${fieldQuestions.length} field questions`);
    expect(perSecond).toBeGreaterThanOrEqual(4);
    expect(perSecond).toBeLessThanOrEqual(6);
    expect(Buffer.from(first.frame.screenshot, 'base64').subarray(0, 2).toString('hex')).toBe('ffd8');

    const apps = await t.api.client.pipeline.get.query({ runId });
    expect(apps.status).toBe('completed');
  }, 300_000);

  it('a stop while the applier waits for approval closes its browser: the run ends and the live view goes still', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate(oneQuestionRun(2));
    const watch = watchRun(t.api.client, runId);
    const frames: LiveFrame[] = [];
    let framesEnded = false;
    t.api.client.pipeline.frames.subscribe({ runId }, { onData: (f) => frames.push(f), onComplete: () => (framesEnded = true) });
    await watch.next((e) => e.type === 'hitl_request' && e.data.options.includes('approve'), 120_000);
    await until(() => Promise.resolve(frames.length > 3));
    const stopAt = Date.now();
    await t.api.client.pipeline.stop.mutate({ runId, reason: 'not this one' });
    const events = await watch.done;
    console.log(`[measure] stop during the applier → pipeline_stopped in ${Date.now() - stopAt} ms`);
    const stopped = events.at(-1);
    expect(stopped?.type).toBe('pipeline_stopped');
    expect(events.some((e) => e.type === 'applier_submitted')).toBe(false);
    // The frames subscription ends with the run, and nothing was captured after the stop.
    await until(() => Promise.resolve(framesEnded), 15_000);
    const stoppedAt = Date.parse(stopped!.timestamp);
    expect(frames.filter((f) => Date.parse(f.capturedAt) > stoppedAt + 250)).toEqual([]);
    const jobId = /\/sandbox\/jobs\/(\d+)/.exec(events.find((e) => e.type === 'applier_navigate')?.message ?? '')?.[1];
    const stats = (await (await fetch(`${web()}/sandbox/api/jobs/${jobId}/stats`)).json()) as { submissions: number };
    expect(stats.submissions).toBe(0);
  }, 180_000);
});
