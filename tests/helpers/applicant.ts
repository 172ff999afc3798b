import type { RunEvent } from '~/shared/events';
import type { ProfileFields } from '~/shared/profile';
import type { Client, EventWatch } from './client';

export const TEST_RESUME_TEXT = `Jordan Rivera
Senior Backend Engineer — Lisbon, Portugal

Summary
Backend engineer with 7 years of experience building Python and Go services on AWS.

Experience
Senior Backend Engineer, Tidepool Payments (2021 – present)
- Designed Python (Django, FastAPI) services on PostgreSQL and Redis handling 3k requests/s
- Ran them on Kubernetes with Docker and Terraform; built CI/CD with GitHub Actions
- Led the move to event-driven processing with Kafka

Backend Engineer, Northbeam Analytics (2018 – 2021)
- Built REST APIs in Python and Go; wrote SQL for reporting on PostgreSQL
- Introduced automated testing (pytest) and code review practices

Skills
Python, Go, Django, FastAPI, PostgreSQL, Redis, Kafka, Docker, Kubernetes, Terraform, AWS, REST, SQL, CI/CD, Linux, testing`;

/** A complete, realistic applicant, so the applier only asks what a profile cannot answer. */
export const TEST_PROFILE: ProfileFields = {
  name: 'Jordan Rivera',
  firstName: 'Jordan',
  lastName: 'Rivera',
  email: 'jordan.rivera@example.com',
  phone: '+351 912 345 678',
  location: 'Lisbon, Portugal',
  linkedinUrl: 'https://www.linkedin.com/in/jordan-rivera-dev',
  githubUrl: 'https://github.com/jordanrivera',
  websiteUrl: 'https://jordanrivera.dev',
  currentCompany: 'Tidepool Payments',
  yearsOfExperience: 7,
  workAuthorization: 'yes',
  requiresSponsorship: 'no',
  desiredSalary: '95000',
  earliestStartDate: '2027-02-01',
  resumeText: TEST_RESUME_TEXT,
  jobSources: [],
  savedAnswers: [],
};

/** A small but valid one-page PDF showing `text`, built by hand (offsets and all). */
export function tinyPdf(text: string): Buffer {
  const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`);
  const stream = `BT /F1 12 Tf 72 720 Td (${escaped}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Gives the signed-in user the test profile and a resume PDF. */
export async function setUpApplicant(client: Client, overrides: Partial<ProfileFields> = {}): Promise<void> {
  await client.profile.update.mutate({ ...TEST_PROFILE, ...overrides });
  await client.profile.uploadResume.mutate({
    fileName: 'jordan-rivera-resume.pdf',
    contentBase64: tinyPdf('Jordan Rivera - Senior Backend Engineer').toString('base64'),
  });
}

type Question = Extract<RunEvent, { type: 'hitl_request' }>;

export interface AnswerPolicy {
  /** The answer for a question, or null to leave it for the test to answer itself. */
  answer(question: Question): string | null;
  /** How long a person takes to answer it (0 when left out). */
  thinkMs?(question: Question): number;
}

/** Approves drafts; picks "Yes" or the first option for field questions; writes a line for free text. */
export const approveEverything: AnswerPolicy = {
  answer(q) {
    const { options } = q.data;
    if (options.includes('approve')) return 'approve';
    if (options.includes('skip')) return 'skip';
    return options.find((o) => /^yes\b/i.test(o)) ?? options[0] ?? 'I enjoy building reliable backend systems.';
  },
};

/**
 * Answers the run's questions as they come, by the policy, and remembers each one.
 * Stops with the run.
 */
export function answerQuestions(client: Client, watch: EventWatch, policy: AnswerPolicy = approveEverything): Question[] {
  const asked: Question[] = [];
  const seen = new Set<string>();
  const loop = async () => {
    for (;;) {
      const q = await watch.next((e) => e.type === 'hitl_request' && !seen.has(e.data.hitlId), 10 * 60_000);
      if (q.type !== 'hitl_request') continue;
      seen.add(q.data.hitlId);
      asked.push(q);
      const answer = policy.answer(q);
      const think = policy.thinkMs?.(q) ?? 0;
      if (think > 0) await new Promise((r) => setTimeout(r, think));
      if (answer !== null) await client.hitl.respond.mutate({ hitlId: q.data.hitlId, response: answer }).catch(() => undefined);
    }
  };
  void Promise.race([loop(), watch.done]).catch(() => undefined);
  return asked;
}

