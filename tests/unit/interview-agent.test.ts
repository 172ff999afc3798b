import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { validateNewEvent, type EventData, type EventType } from '~/shared/events';
import type { InterviewParams } from '~/shared/sessions/interview';
import type { AgentContext, UserTurn } from '~worker/agent-context';
import { interview } from '~worker/agents/interview';
import type { ChatMessage, LlmClient } from '~worker/llm/types';
import { engineFeedback } from '~worker/sessions/interview/feedback';
import { checkFeedbackDraft, feedbackRules } from '~worker/sessions/interview/llm-feedback';
import { pickQuestions } from '~worker/sessions/interview/questions';
import { scoreAnswer } from '~worker/sessions/interview/score';
import { seedFrom } from '~worker/sessions/interview/seed';
import { postingFromPage } from '~worker/sessions/interview/posting';
import type { Question } from '~worker/sessions/interview/types';

const RUN_ID = 'run_interview_test01';

const POSTING_PAGE = `<!doctype html><html><head>
<title>Senior Backend Engineer - Acme Pay</title>
<meta property="og:title" content="Senior Backend Engineer">
<meta property="og:site_name" content="Acme Pay">
</head><body>
<nav><a href="/">Careers</a></nav>
<h1>Senior Backend Engineer</h1>
<h2>About the role</h2>
<p>You will build the payment services that move money for thousands of merchants, working with product and design in a small team.</p>
<h2>Requirements</h2>
<ul>
<li>5+ years of experience with Python and Django</li>
<li>Strong PostgreSQL skills, including query tuning</li>
<li>Experience with Kafka in production</li>
<li>Kubernetes and AWS</li>
</ul>
<h2>Nice to have</h2>
<ul><li>Terraform</li><li>Experience with Go</li></ul>
<h2>Benefits</h2>
<p>Remote-first team, a learning budget and a pension plan.</p>
<footer>© Acme Pay</footer>
</body></html>`;

/** What the fake sandbox board lists: two backend postings with known skills, and noise. */
function sandboxJobs(base: string) {
  const job = (id: string, title: string, description: string) => ({
    id, title, company: 'Sandbox Co', location: 'Remote', remote: true, salaryMin: 100_000, salaryMax: 140_000, currency: 'USD',
    url: `${base}/sandbox/jobs/${id}`, applyUrl: `${base}/sandbox/jobs/${id}/apply`, postedAt: '2026-01-01T00:00:00Z', description,
  });
  return [
    job('1', 'Backend Engineer', 'Requirements\n- Go and PostgreSQL\n- Docker\nNice to have\n- Redis'),
    job('2', 'Senior Backend Engineer', 'Requirements\n- Go, PostgreSQL and Kafka\nNice to have\n- Docker'),
    job('3', 'Office Manager', 'Requirements\n- Excel and Salesforce. Work with our backend engineers.'),
  ];
}

let server: Server;
let base = '';
let sandboxFails = false;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/jobs/backend') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(POSTING_PAGE);
    } else if (url.pathname === '/sandbox/api/jobs') {
      if (sandboxFails) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('database exploded: ECONNRESET at pool.js:42');
        return;
      }
      const words = (url.searchParams.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const jobs = sandboxJobs(base).filter((j) => words.every((w) => `${j.title} ${j.description}`.toLowerCase().includes(w)));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ jobs, total: jobs.length }));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The worker's egress policy is read from the environment on first use (nothing in this
  // file used it before): allow the test's loopback server, as EGRESS_ALLOW would.
  process.env.EGRESS_ALLOW = base;
});

afterAll(async () => {
  delete process.env.EGRESS_ALLOW;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
  sandboxFails = false;
  vi.restoreAllMocks();
});

interface Emitted {
  type: EventType;
  message: string;
  data: unknown;
}

type Script = (string | null)[];

/** A small AgentContext: scripted turns (null = no answer in time), events checked against the catalog. */
function fakeContext(params: Partial<InterviewParams>, turns: Script, llm: LlmClient | null = null) {
  const events: Emitted[] = [];
  /** Events and pauses in the order they happened. */
  const timeline: string[] = [];
  const rounds: number[] = [];
  let next = 0;
  const full: InterviewParams = { questions: 5, ...params };
  const ctx = {
    runId: RUN_ID,
    userId: 'u1',
    params: full,
    profile: { jobSources: [], resumeText: '' },
    settings: { SOURCE_TIMEOUT_MS: 2_000, GREENHOUSE_API_URL: 'https://boards-api.greenhouse.io/v1', LEVER_API_URL: 'https://api.lever.co/v0' },
    appUrl: base,
    llm,
    signal: new AbortController().signal,
    emit<T extends EventType>(type: T, message: string, data: EventData<T>) {
      // The publisher validates every event; an agent that emits a malformed one fails here as it would there.
      validateNewEvent({ runId: RUN_ID, type, agent: 'interview', message, data } as Parameters<typeof validateNewEvent>[0]);
      events.push({ type, message, data });
      timeline.push(type);
      return Promise.resolve();
    },
    pausePoint: () => Promise.resolve(),
    pace: () => {
      timeline.push('pace');
      return Promise.resolve();
    },
    progress: () => Promise.resolve(),
    session: {
      turnTimeoutMs: 90_000,
      idleTimeoutMs: 600_000,
      nextTurn({ round }: { round: number }): Promise<UserTurn | null> {
        rounds.push(round);
        const text = turns[next++];
        return Promise.resolve(text ? { text, offer: null, round, turnId: `turn-${round}` } : null);
      },
      typing: () => ({ write: () => undefined, end: () => undefined }),
    },
  } as unknown as AgentContext<InterviewParams>;
  return { ctx, events, timeline, rounds };
}

const dataOf = <T extends EventType>(events: readonly Emitted[], type: T): EventData<T>[] =>
  events.filter((e) => e.type === type).map((e) => e.data as EventData<T>);

const STRONG = `At my last company, a payments startup, our merchant dashboard started timing out every Monday morning. I was the backend engineer on call, so it was my job to find out why. I ran EXPLAIN ANALYZE in PostgreSQL and saw a sequential scan over 40 million rows, because we only had an index on created_at. I added a composite index on merchant_id and created_at, built it concurrently so writes kept flowing, and rewrote one subquery in our Python code as a join. As a result, the report went from 14 seconds to 180 milliseconds, and support tickets about it dropped from 30 a week to two. Since then I check query plans in code review for anything that touches the big tables, and I taught the two juniors on the team to do the same.`;
const WEAK = 'I always work hard and get things done.';
const ADEQUATE = 'We had a slow report, so I looked at the query and added an index. It got a lot faster and the team was happy. We also talked about caching it later.';

const ORDER_WITH_SILENCE = [
  'interview_start',
  'interview_question', 'interview_answer', 'interview_feedback',
  'interview_question', 'interview_answer', 'interview_feedback',
  'interview_question', 'interview_feedback',
  'interview_question', 'interview_answer', 'interview_feedback',
  'interview_question', 'interview_answer', 'interview_feedback',
  'interview_complete',
];

describe('the interview agent', () => {
  it('interviews from a posting: question, answer, feedback, and a debrief', async () => {
    const { ctx, events, timeline, rounds } = fakeContext({ jobUrl: `${base}/jobs/backend` }, [STRONG, WEAK, null, ADEQUATE, STRONG]);
    const outcome = await interview(ctx);

    expect(events.map((e) => e.type)).toEqual(ORDER_WITH_SILENCE);
    expect(rounds).toEqual([1, 2, 3, 4, 5]);
    const [start] = dataOf(events, 'interview_start');
    expect(start).toEqual({
      role: 'Senior Backend Engineer',
      company: 'Acme Pay',
      questions: 5,
      skills: ['Python', 'Django', 'PostgreSQL', 'Kafka', 'Kubernetes', 'AWS'],
      fromPosting: true,
      answerSeconds: 90,
    });

    const questions = dataOf(events, 'interview_question');
    expect(questions.map((q) => q.index)).toEqual([1, 2, 3, 4, 5]);
    expect(questions.filter((q) => q.kind === 'technical').map((q) => q.skill)).toEqual(['Python', 'Django']);

    const answers = dataOf(events, 'interview_answer');
    expect(answers.map((a) => [a.index, a.turnId])).toEqual([[1, 'turn-1'], [2, 'turn-2'], [4, 'turn-4'], [5, 'turn-5']]);

    const feedback = dataOf(events, 'interview_feedback');
    expect(feedback.map((f) => f.index)).toEqual([1, 2, 3, 4, 5]);
    const silent = feedback[2]!;
    expect(silent.score).toBe(0);
    expect(silent.feedback).toMatch(/^No answer within 90 seconds\./);
    expect(feedback[0]!.score).toBeGreaterThan(feedback[3]!.score);
    expect(feedback[3]!.score).toBeGreaterThan(feedback[1]!.score);
    // The interviewer takes a moment before each feedback.
    timeline.forEach((entry, i) => {
      if (entry === 'interview_feedback') expect(timeline[i - 1]).toBe('pace');
    });

    const [complete] = dataOf(events, 'interview_complete');
    const answered = [feedback[0]!, feedback[1]!, feedback[3]!, feedback[4]!];
    expect(complete!.answered).toBe(4);
    expect(complete!.averageScore).toBe(Math.round(answered.reduce((sum, f) => sum + f.score, 0) / 4));
    expect(complete!.workOn.length).toBeLessThanOrEqual(3);
    expect(complete!.workOn[0]).toBe('Answer every question, even briefly: 1 question went unanswered, and a silence scores 0.');

    expect(outcome.outcome).toBe('completed');
    expect(outcome.summary).toContain('You answered 4 of 5 questions for Senior Backend Engineer at Acme Pay');
  });

  it('scores each answer as the engine does, on the question asked', async () => {
    const { ctx, events } = fakeContext({ jobUrl: `${base}/jobs/backend` }, [STRONG, WEAK, null, ADEQUATE, STRONG]);
    await interview(ctx);
    const posting = postingFromPage({ url: `${base}/jobs/backend`, title: 'Senior Backend Engineer', company: 'Acme Pay', text: 'Requirements\n- Python, Django, PostgreSQL, Kafka, Kubernetes and AWS\nNice to have\n- Terraform, Go' });
    const questions: Question[] = pickQuestions(posting, 5, seedFrom(RUN_ID));
    expect(dataOf(events, 'interview_question').map((q) => q.question)).toEqual(questions.map((q) => q.question));
    const first = scoreAnswer(questions[0]!, STRONG, { postingSkills: [...posting.skills, ...posting.preferred] });
    const [feedback] = dataOf(events, 'interview_feedback');
    expect(feedback!.score).toBe(first.score);
    expect(feedback!.feedback).toBe(engineFeedback(first));
    expect(feedback!.criteria.structure).toEqual({ score: first.criteria.structure.score, note: first.criteria.structure.note });
  });

  it('ends as abandoned after two unanswered questions in a row', async () => {
    const { ctx, events, rounds } = fakeContext({ jobUrl: `${base}/jobs/backend` }, [STRONG, null, null, STRONG, STRONG]);
    const outcome = await interview(ctx);
    expect(events.map((e) => e.type)).toEqual([
      'interview_start',
      'interview_question', 'interview_answer', 'interview_feedback',
      'interview_question', 'interview_feedback',
      'interview_question', 'interview_feedback',
      'interview_complete',
    ]);
    expect(rounds).toEqual([1, 2, 3]);
    const [complete] = dataOf(events, 'interview_complete');
    expect(complete!.answered).toBe(1);
    expect(complete!.workOn[0]).toContain('2 questions went unanswered');
    expect(outcome.outcome).toBe('abandoned');
    expect(outcome.summary).toContain('two questions in a row went unanswered within 90 seconds');
  });

  it('goes on after a silence that is not followed by another', async () => {
    const { ctx, events } = fakeContext({ jobUrl: `${base}/jobs/backend` }, [null, STRONG, null, ADEQUATE, null]);
    const outcome = await interview(ctx);
    expect(dataOf(events, 'interview_question')).toHaveLength(5);
    expect(outcome.outcome).toBe('completed');
  });

  it('reports nothing answered as no average', async () => {
    const { ctx, events } = fakeContext({ role: 'Backend Engineer', questions: 1 }, [null]);
    const outcome = await interview(ctx);
    expect(dataOf(events, 'interview_complete')).toEqual([{ averageScore: null, answered: 0, workOn: [expect.stringContaining('1 question went unanswered')] }]);
    expect(outcome.outcome).toBe('completed');
  });

  it('takes the skills from the role’s postings when the posting cannot be read, and says what to do', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const jobUrl = `${base}/jobs/gone`;
    const { ctx, events } = fakeContext({ jobUrl, role: 'Backend Engineer' }, [STRONG, STRONG, STRONG, STRONG, STRONG]);
    await interview(ctx);
    const start = events[0]!;
    expect(start.type).toBe('interview_start');
    expect(start.message).toContain(`Could not read the posting at ${jobUrl} (the site did not send a readable page); the questions come from the role instead`);
    expect(start.message).toContain('skills counted across 2 postings for the role on sandbox');
    const data = start.data as EventData<'interview_start'>;
    expect(data.fromPosting).toBe(false);
    expect(data.role).toBe('Backend Engineer');
    // Go and PostgreSQL in both postings, then Kafka (required once), then Docker (1.5), Redis (0.5).
    expect(data.skills).toEqual(['Go', 'PostgreSQL', 'Docker', 'Kafka', 'Redis']);
    expect(JSON.stringify(events)).not.toMatch(/HTTP 404|not here|Error:/);
    expect(errors).not.toHaveBeenCalled();
  });

  it('falls back to the role’s words when no posting matches or the board fails, without its error text', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    sandboxFails = true;
    const { ctx, events } = fakeContext({ role: 'Frontend Engineer', seniority: 'junior' }, [STRONG, STRONG, STRONG, STRONG, STRONG]);
    await interview(ctx);
    const data = events[0]!.data as EventData<'interview_start'>;
    expect(data.skills).toEqual(['JavaScript', 'CSS', 'accessibility', 'testing']);
    expect(events[0]!.message).toContain("skills from the role's name");
    expect(JSON.stringify(events)).not.toMatch(/exploded|ECONNRESET|500/);
  });

  it('asks general questions when neither the posting nor a role gives skills', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { ctx, events } = fakeContext({ jobUrl: `${base}/jobs/gone` }, [STRONG, STRONG, STRONG, STRONG, STRONG]);
    await interview(ctx);
    const data = events[0]!.data as EventData<'interview_start'>;
    expect(data.skills).toEqual([]);
    expect(data.role).toBe('The job at 127.0.0.1');
    expect(events[0]!.message).toContain('Give the role as well');
    expect(dataOf(events, 'interview_question').every((q) => q.kind !== 'technical')).toBe(true);
  });

  it('stops when the run is stopped while it waits for an answer', async () => {
    const { ctx, events } = fakeContext({ jobUrl: `${base}/jobs/backend` }, []);
    const stop = new Error('stopped');
    ctx.session.nextTurn = () => Promise.reject(stop);
    await expect(interview(ctx)).rejects.toBe(stop);
    expect(events.map((e) => e.type)).toEqual(['interview_start', 'interview_question']);
  });
});

/** A model that answers every request with `reply` (or fails), recording what it was asked. */
function fakeLlm(reply: string | Error) {
  const requests: ChatMessage[][] = [];
  const llm: LlmClient = {
    model: 'fake',
    complete(messages: ChatMessage[]) {
      requests.push(messages);
      return reply instanceof Error ? Promise.reject(reply) : Promise.resolve(reply);
    },
  };
  return { llm, requests };
}

describe('the model’s feedback', () => {
  const run = async (reply: string | Error) => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const model = fakeLlm(reply);
    const withModel = fakeContext({ jobUrl: `${base}/jobs/backend`, questions: 1 }, [STRONG], model.llm);
    await interview(withModel.ctx);
    const withoutModel = fakeContext({ jobUrl: `${base}/jobs/backend`, questions: 1 }, [STRONG]);
    await interview(withoutModel.ctx);
    return {
      model: dataOf(withModel.events, 'interview_feedback')[0]!,
      engine: dataOf(withoutModel.events, 'interview_feedback')[0]!,
      requests: model.requests,
    };
  };

  it('uses a draft that keeps to the answer, with the engine’s score and criteria', async () => {
    const draft = 'You told a clear story about the slow PostgreSQL report, and the drop from 14 seconds to 180 milliseconds makes it convincing. Say a little more about why the index was the right fix.';
    const { model, engine, requests } = await run(draft);
    expect(model.feedback).toBe(draft);
    expect(model.score).toBe(engine.score);
    expect(model.criteria).toEqual(engine.criteria);
    expect(requests).toHaveLength(1);
    expect(requests[0]![0]!.content).toContain(`The score (${engine.score}/100)`);
    expect(requests[0]![1]!.content).toContain('Answer: At my last company');
  });

  it('refuses a draft that praises a skill neither the job nor the answer has', async () => {
    const { model, engine } = await run('Great use of Rust and Elasticsearch to fix the report. Add more on the result.');
    expect(model.feedback).toBe(engine.feedback);
  });

  it('refuses a draft with a figure the answer does not have', async () => {
    const { model, engine } = await run('You cut the report time by 95%, impressive. Add more on the trade-offs.');
    expect(model.feedback).toBe(engine.feedback);
  });

  it('uses the engine’s words when the model fails', async () => {
    const { model, engine } = await run(new Error('model down'));
    expect(model.feedback).toBe(engine.feedback);
  });
});

describe('checking a feedback draft', () => {
  const question: Question = {
    index: 1,
    question: 'Tell me about a time you used PostgreSQL to fix a slow query or a data problem.',
    kind: 'technical',
    skill: 'PostgreSQL',
    theme: 'query or data problem',
    keywords: [['slow']],
    hypothetical: false,
  };
  const answer = 'I added an index in our Django app and the query went from 14 seconds to 1.5 seconds, which cut tickets by 40%.';
  const rules = feedbackRules(question, answer, ['PostgreSQL', 'Kafka'], 72);

  it.each([
    ['Clear story, 72/100: the drop from 14 to 1.5 seconds and the 40% fewer tickets make it concrete.', true],
    ['Good use of PostgreSQL and Python; mention Kafka next time.', true],
    ['You handled the Django side well.', true],
    ['Nice work with Redis caching.', false],
    ['You cut it by 90%.', false],
    ['That is an 80/100 answer.', false],
    ['Tell me 3 more things.', false],
    ['   ', false],
  ])('%s → %s', (draft, ok) => {
    expect(checkFeedbackDraft(draft, rules).ok).toBe(ok);
  });

  it('says why it refused', () => {
    expect(checkFeedbackDraft('Nice work with Redis caching.', rules)).toEqual({ ok: false, reason: 'the draft names a skill neither the job nor the answer has (Redis)' });
    expect(checkFeedbackDraft('You cut it by 90%.', rules)).toEqual({ ok: false, reason: 'the draft names a figure the answer does not have (90)' });
  });
});
