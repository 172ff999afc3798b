import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '~/shared/events';
import { answerQuestions } from '../helpers/applicant';
import { watchRun } from '../helpers/client';
import { startFakeLlm, type FakeLlm } from '../helpers/fake-llm';
import { oneQuestionRun } from '../helpers/runs';
import { useStack } from '../helpers/stack';

const t = useStack({ workers: 0 });
let llm: FakeLlm;

beforeAll(async () => {
  llm = await startFakeLlm();
});
afterAll(async () => {
  await llm.close();
});

function only<T extends RunEvent['type']>(events: RunEvent[], type: T): Extract<RunEvent, { type: T }> {
  const found = events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
}

describe('the document stages, through the real worker', () => {
  it('researches the company, tailors the resume and writes a letter, and the applier sends what the user approved', async () => {
    const worker = await t.stack.addWorker();
    try {
      const { runId } = await t.api.client.pipeline.start.mutate({
        ...oneQuestionRun(0),
        useCompanyResearch: true,
        useResumeTailoring: true,
        useCoverLetter: true,
      });
      const watch = watchRun(t.api.client, runId);
      const asked = answerQuestions(t.api.client, watch);
      const events = await watch.done;
      expect(events.at(-1)?.type).toBe('pipeline_complete');

      const types = events.map((e) => e.type);
      const order = ['company_start', 'company_result', 'resume_start', 'resume_tailoring', 'resume_ats_scored', 'resume_generated',
        'resume_review', 'resume_complete', 'cover_letter_start', 'cover_letter_review_requested', 'cover_letter_complete',
        'applier_start', 'applier_draft_ready', 'applier_submitted'] as const;
      const positions = order.map((type) => types.indexOf(type));
      expect(positions.every((p) => p >= 0), `missing: ${order.filter((_, i) => positions[i]! < 0).join(', ')}`).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);

      const ats = only(events, 'resume_ats_scored');
      expect(ats.data.after).toBeGreaterThanOrEqual(ats.data.before);
      // The review event names the question that follows it.
      const review = only(events, 'resume_review');
      const question = events[events.indexOf(review) + 1];
      expect(question?.type === 'hitl_request' && question.data.hitlId).toBe(review.data.hitlId);
      expect(asked.map((q) => q.data.hitlId)).toContain(review.data.hitlId);
      expect(only(events, 'resume_complete').data.approved).toBe(true);
      expect(only(events, 'cover_letter_complete').data.approved).toBe(true);

      // At the board: the tailored PDF was uploaded and the approved letter pasted.
      const submitted = only(events, 'applier_submitted');
      const receipt = (await (await fetch(`${t.stack.webs[0]!.url}/sandbox/applications/${submitted.data.confirmation}`)).json()) as {
        fields: Record<string, string>;
        files: { fileName: string; bytes: number }[];
      };
      const generated = only(events, 'resume_generated');
      expect(receipt.files.map((f) => f.fileName)).toContain(generated.data.fileName);
      const letter = only(events, 'cover_letter_review_requested').data.preview;
      // A browser sends a textarea's line breaks as CRLF.
      expect(Object.values(receipt.fields).map((v) => v.replaceAll('\r\n', '\n'))).toContain(letter);
    } finally {
      await worker.kill9();
    }
  }, 180_000);

  it('uses an OpenAI-compatible model when LLM_BASE_URL is set, with its key, streaming', async () => {
    llm.fallback = {
      text: JSON.stringify({ score: 88, explanation: 'Strong Python and AWS match (scored by the model).', matchedSkills: ['Python'], missingSkills: [] }),
    };
    const worker = await t.stack.addWorker({ LLM_BASE_URL: llm.baseUrl, LLM_API_KEY: 'test-key-123', LLM_MODEL: 'fake-model' });
    try {
      const { runId } = await t.api.client.pipeline.start.mutate({ ...oneQuestionRun(1), autoApply: false });
      const events = await watchRun(t.api.client, runId).done;
      expect(events.at(-1)?.type).toBe('pipeline_complete');
      const result = only(events, 'analyst_result');
      expect(result.data.matchScore).toBe(88);
      expect(result.data.explanation).toContain('scored by the model');
      const request = llm.requests.at(-1);
      expect(request?.headers.authorization).toBe('Bearer test-key-123');
      expect(request?.body).toMatchObject({ model: 'fake-model', stream: true });
      // The key never shows up in what the user sees.
      expect(JSON.stringify(events)).not.toContain('test-key-123');
    } finally {
      await worker.kill9();
    }
  }, 120_000);
});
