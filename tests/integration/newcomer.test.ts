import { describe, expect, it } from 'vitest';
import type { RunEvent } from '~/shared/events';
import { FILE_ANSWER_PREFIX } from '~/shared/hitl';
import { newUser } from '../helpers/auth';
import { connect, watchRun, type Client } from '../helpers/client';
import { oneQuestionRun } from '../helpers/runs';
import { useStack } from '../helpers/stack';

// A newcomer: signed up, nothing in the profile, no resume.
const t = useStack({ applicant: false, env: { HITL_TIMEOUT_MS: '60000' } });

/** What the newcomer types when asked, by what the question is about. */
const ANSWERS: [RegExp, string][] = [
  [/first name/i, 'Sam'],
  [/last name|surname/i, 'Newcomer'],
  [/name/i, 'Sam Newcomer'],
  [/e-?mail/i, 'sam.newcomer@example.com'],
  [/phone|mobile/i, '+1 503 555 0100'],
  [/linked ?in/i, 'https://www.linkedin.com/in/sam-newcomer'],
  [/git ?hub/i, 'https://github.com/samnewcomer'],
  [/website|portfolio/i, 'https://samnewcomer.dev'],
  [/location|city|based|where/i, 'Portland, OR'],
  [/sponsor/i, 'No'],
  [/authori[sz]|eligible|right to work/i, 'Yes'],
  [/salary|compensation/i, '95000'],
  [/start/i, '2027-03-01'],
  [/years/i, '5'],
  [/company|employer/i, 'Acme'],
];

const INTERNAL = /locator\.|Error:|TypeError|playwright|node_modules|\bat \w+ \(|stack trace|ECONN|fetch failed/i;

function answerFor(question: string, options: readonly string[]): string {
  const typed = ANSWERS.find(([pattern]) => pattern.test(question))?.[1] ?? 'Yes';
  if (options.length === 0) return typed;
  return options.find((o) => o.toLowerCase() === typed.toLowerCase()) ?? options.find((o) => o.toLowerCase().startsWith(typed.toLowerCase())) ?? options[0]!;
}

async function putResume(hitlId: string, cookie: string): Promise<void> {
  const res = await fetch(`${t.stack.webs[0]!.url}/api/hitl/${hitlId}/file`, {
    method: 'PUT',
    headers: { cookie, 'content-type': 'application/pdf', 'x-file-name': 'sam-newcomer.pdf', 'x-save-to-profile': 'yes' },
    body: new Uint8Array(Buffer.from('%PDF-1.4\nSam Newcomer, backend engineer: Python, Go, PostgreSQL, AWS\n%%EOF')),
  });
  if (res.status !== 200) throw new Error(`the file answer was refused (${res.status}): ${await res.text()}`);
}

/** Runs one auto-apply run to its end, answering as the newcomer, keeping every answer the question offers to keep. */
async function applyAsNewcomer(api: Client, cookie: string, run: number): Promise<{ events: RunEvent[]; asked: string[] }> {
  const { runId } = await api.pipeline.start.mutate(oneQuestionRun(run));
  const watch = watchRun(api, runId);
  const asked: string[] = [];
  const answered = new Set<string>();
  const answering = (async () => {
    for (;;) {
      const question = await watch.next((e) => (e.type === 'hitl_request' && !answered.has(e.data.hitlId)) || e.type === 'pipeline_complete' || e.type === 'pipeline_error', 120_000);
      if (question.type !== 'hitl_request') return;
      answered.add(question.data.hitlId);
      asked.push(question.data.question);
      if (question.data.answerKind === 'file') {
        await putResume(question.data.hitlId, cookie);
        continue;
      }
      const approval = question.data.options.includes('approve');
      const response = approval ? 'approve' : answerFor(question.data.question, question.data.options);
      await api.hitl.respond.mutate({ hitlId: question.data.hitlId, response, saveToProfile: question.data.saveAs != null });
    }
  })();
  const events = await watch.done;
  await answering;
  return { events, asked };
}

describe('a newcomer’s first runs', () => {
  it('is asked each missing thing once, keeps the answers, never sees an internal error, and ends with submitted applications', { timeout: 300_000 }, async () => {
    const url = t.stack.webs[0]!.url;
    const newcomer = await newUser(url, 'Sam');
    const api = connect(url, newcomer.cookie);
    try {
      const first = await applyAsNewcomer(api.client, newcomer.cookie, 0);
      const profile = await api.client.profile.get.query();
      console.log(`[measure] first run asked ${first.asked.length} questions: ${first.asked.join(' | ')}`);
      // The file itself was asked for, and kept as the profile's resume.
      expect(first.events.some((e) => e.type === 'hitl_request' && e.data.answerKind === 'file')).toBe(true);
      expect(first.events.some((e) => e.type === 'hitl_response' && e.data.response.startsWith(FILE_ANSWER_PREFIX))).toBe(true);
      expect(profile.resumeFile?.fileName).toBe('sam-newcomer.pdf');
      expect(profile.email).toBe('sam.newcomer@example.com');
      expect(first.events.filter((e) => e.type === 'applier_submitted')).toHaveLength(1);

      const second = await applyAsNewcomer(api.client, newcomer.cookie, 1);
      console.log(`[measure] second run asked ${second.asked.length} questions: ${second.asked.join(' | ')}`);
      // What the newcomer kept is not asked again; only what this form asks anew, and the approval.
      const label = (q: string) => /"([^"]+)"/.exec(q)?.[1] ?? q;
      const keptInFirst = new Set(first.asked.filter((q) => !/^Submit the application/.test(q)).map(label));
      expect(second.asked.map(label).filter((l) => keptInFirst.has(l))).toEqual([]);
      expect(second.asked.length).toBeLessThan(first.asked.length);
      expect(second.events.filter((e) => e.type === 'applier_submitted')).toHaveLength(1);

      for (const event of [...first.events, ...second.events]) {
        expect(event.message, `${event.type}: ${event.message}`).not.toMatch(INTERNAL);
      }
      // No question was asked twice within a run either.
      expect(new Set(first.asked).size).toBe(first.asked.length);
    } finally {
      await api.close();
    }
  });
});
