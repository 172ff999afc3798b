import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateNewEvent, type EventData, type EventType, type NewEvent } from '~/shared/events';
import { pipelineParamsSchema } from '~/shared/pipeline';
import type { ProfileFields } from '~/shared/profile';
import type { CareerChatParams } from '~/shared/sessions/career';
import type { AgentContext, TypingStream, UserTurn } from '~worker/agent-context';
import { careerChat } from '~worker/agents/career-chat';
import type { ChatMessage, CompletionOptions, LlmClient } from '~worker/llm';
import {
  greenhouseJob,
  sandboxJob,
  startFakeJobBoards,
  type FakeJobBoards,
  type GreenhousePayRangeJson,
} from '../helpers/fake-job-boards';

/**
 * The career chat agent end to end in a small real context: scripted turns, then
 * silence; the sources are real HTTP servers answering like the sandbox board and
 * Greenhouse; every event is checked as the event log checks it at publish.
 */

const RUN_ID = 'run_careertest01';

let boards: FakeJobBoards;

beforeAll(async () => {
  boards = await startFakeJobBoards();
});

afterAll(async () => {
  await boards.close();
});

beforeEach(() => {
  seedBoards();
  boards.requests.length = 0;
});

interface Emitted {
  type: EventType;
  message: string;
  data: unknown;
}

interface Typed {
  messageId: string;
  text: string;
  ended: boolean;
}

interface Harness {
  ctx: AgentContext<CareerChatParams>;
  events: Emitted[];
  typed: Typed[];
  rounds: { round: number; timeoutMs: number | undefined }[];
  paces: number;
}

const IDLE_MS = 180_000;

/** Turns to hand out in order; after them nextTurn answers null, as when the user stops writing. */
function harness(opening: string, turns: string[], options: { llm?: LlmClient; profile?: Partial<ProfileFields>; signal?: AbortSignal } = {}): Harness {
  const events: Emitted[] = [];
  const typed: Typed[] = [];
  const rounds: Harness['rounds'] = [];
  const queue = [...turns];
  const signal = options.signal ?? new AbortController().signal;
  const h: Harness = { ctx: undefined as unknown as Harness['ctx'], events, typed, rounds, paces: 0 };
  const typing = (messageId: string): TypingStream => {
    const entry: Typed = { messageId, text: '', ended: false };
    typed.push(entry);
    return {
      write: (delta) => {
        entry.text += delta;
      },
      end: () => {
        entry.ended = true;
      },
    };
  };
  h.ctx = {
    runId: RUN_ID,
    userId: 'user_careertest',
    params: { opening },
    profile: { ...PROFILE, ...options.profile },
    resumeFile: () => Promise.reject(new Error('the chat used ctx.resumeFile')),
    llm: options.llm ?? null,
    settings: only<AgentContext['settings']>('settings', {
      GREENHOUSE_API_URL: boards.greenhouseApiUrl,
      LEVER_API_URL: boards.leverApiUrl,
      SOURCE_TIMEOUT_MS: 2_000,
    }),
    browser: () => Promise.reject(new Error('the chat used ctx.browser')),
    liveView: () => Promise.reject(new Error('the chat used ctx.liveView')),
    applications: only<AgentContext['applications']>('applications', {}),
    appliedJobUrls: new Set(),
    signal,
    emit: <T extends EventType>(type: T, message: string, data: EventData<T>) => {
      // What the event log checks at publish: a payload it would refuse fails here too.
      validateNewEvent({ runId: RUN_ID, type, agent: 'career', message, data } as NewEvent);
      events.push({ type, message, data });
      return Promise.resolve();
    },
    hitl: only<AgentContext['hitl']>('hitl', {}),
    pausePoint: () => {
      signal.throwIfAborted();
      return Promise.resolve();
    },
    sleep: () => Promise.resolve(),
    pace: () => {
      h.paces += 1;
      return Promise.resolve();
    },
    appUrl: boards.appUrl,
    progress: () => Promise.resolve(),
    session: {
      turnTimeoutMs: 60_000,
      idleTimeoutMs: IDLE_MS,
      nextTurn: ({ round, timeoutMs }) => {
        rounds.push({ round, timeoutMs });
        signal.throwIfAborted();
        const text = queue.shift();
        const turn: UserTurn | null = text === undefined ? null : { turnId: randomUUID(), text, offer: null, round };
        return Promise.resolve(turn);
      },
      typing,
    },
  };
  return h;
}

/** An object with only `present` in it: reading anything else fails the test, naming what was read. */
function only<T extends object>(name: string, present: Partial<T>): T {
  return new Proxy(present, {
    get: (target, key) => {
      if (key in target) return Reflect.get(target, key) as unknown;
      throw new Error(`the chat used ctx.${name}.${String(key)}`);
    },
  }) as T;
}

type Response = EventData<'career_chat_response'>;

function responses(events: readonly Emitted[]): Response[] {
  return events.filter((e) => e.type === 'career_chat_response').map((e) => e.data as Response);
}

function payRange(min: number, max: number): GreenhousePayRangeJson {
  return { min_cents: min * 100, max_cents: max * 100, currency_type: 'USD', title: 'US Pay Range', blurb: '<p>Base salary.</p>' };
}

const RESUME = [
  'Sam Rivera',
  'Lisbon, Portugal',
  'Experience',
  'Senior Backend Engineer at Globex',
  'Built payment APIs in Python and Django on PostgreSQL, shipped with Docker.',
].join('\n');

const PROFILE: ProfileFields = {
  name: 'Sam Rivera',
  firstName: 'Sam',
  lastName: 'Rivera',
  email: 'sam@example.com',
  phone: '',
  location: 'Lisbon',
  linkedinUrl: '',
  githubUrl: '',
  websiteUrl: '',
  currentCompany: 'Globex',
  yearsOfExperience: 7,
  workAuthorization: null,
  requiresSponsorship: null,
  desiredSalary: '',
  earliestStartDate: null,
  resumeText: RESUME,
  jobSources: [
    { kind: 'greenhouse', board: 'acme' },
    { kind: 'greenhouse', board: 'down' },
  ],
  savedAnswers: [],
};

/**
 * The market. Staff Backend Engineer: five sandbox postings (all ask for Kubernetes,
 * three for Kafka, two for Go) with midpoints 180k–220k, and Acme's one (Kubernetes,
 * Terraform) at 200k. Engineering Manager: five sandbox postings, midpoints 190k–210k.
 * Greenhouse 'down' answers 503 to everything.
 */
function seedBoards(): void {
  const staff = (i: number, skills: string) =>
    sandboxJob(boards.appUrl, {
      id: `staff${i}`,
      title: 'Staff Backend Engineer',
      company: `Staffco ${i}`,
      salaryMin: 170_000 + i * 10_000,
      salaryMax: 190_000 + i * 10_000,
      description: `Requirements:\n- ${skills}\n- Python and PostgreSQL`,
    });
  const manager = (i: number) =>
    sandboxJob(boards.appUrl, {
      id: `em${i}`,
      title: 'Engineering Manager',
      company: `Leadco ${i}`,
      salaryMin: 180_000 + i * 5_000,
      salaryMax: 200_000 + i * 5_000,
      description: 'Lead a team of backend engineers. People management, hiring, Agile.',
    });
  boards.sandbox = {
    jobs: [
      sandboxJob(boards.appUrl, { id: 'be1', title: 'Backend Engineer', company: 'Northwind', salaryMin: 100_000, salaryMax: 120_000, description: 'Requirements:\n- Python, Django, PostgreSQL\n- Docker' }),
      sandboxJob(boards.appUrl, { id: 'be2', title: 'Senior Backend Engineer', company: 'Blue Harbor', salaryMin: 140_000, salaryMax: 160_000, description: 'Requirements:\n- Python, PostgreSQL, Kafka\n- Kubernetes' }),
      staff(0, 'Kubernetes, Kafka, Go'),
      staff(1, 'Kubernetes, Kafka, Go'),
      staff(2, 'Kubernetes, Kafka'),
      staff(3, 'Kubernetes'),
      staff(4, 'Kubernetes'),
      ...[0, 1, 2, 3, 4].map(manager),
      sandboxJob(boards.appUrl, { id: 'pd1', title: 'Product Designer', company: 'Pixel', description: 'Figma and prototyping.' }),
    ],
  };
  boards.greenhouse.clear();
  boards.greenhouse.set('acme', {
    name: 'Acme',
    jobs: [
      greenhouseJob('acme', { id: 301, title: 'Staff Backend Engineer', html: '<p>Requirements:</p><ul><li>Kubernetes and Terraform</li></ul>', pay_input_ranges: [payRange(190_000, 210_000)] }),
      greenhouseJob('acme', { id: 302, title: 'Office Manager', html: '<p>Keep the office running.</p>' }),
    ],
  });
  boards.greenhouse.set('down', { name: 'Down', status: 503, jobs: [] });
}

const DOWN_NOTE = "Not searched: Greenhouse board 'down' answered HTTP 503: the service is busy or failing; try again later";

describe('careerChat', () => {
  it('answers the opening and every turn, one response each, then closes when the user goes quiet', async () => {
    const h = harness('Hi! Which jobs fit me?', [
      'What am I missing for Staff Backend Engineer?',
      'Where can I go from here?',
      'What does a backend engineer pay?',
      'Find me backend engineer jobs in Berlin',
      'Tell me a joke about compilers',
    ]);

    const outcome = await careerChat(h.ctx);

    expect(outcome.outcome).toBe('idle');
    expect(outcome.summary).toBe(
      'The conversation closed after 3 minutes without a new message. We talked about jobs that fit you, skill gaps for Staff Backend Engineer, ' +
        'where you can go from Senior Backend Engineer, pay for Backend Engineer and a search for Backend Engineer jobs.',
    );
    // Every wait is for the next message, as long as the idle timeout.
    expect(h.rounds).toEqual([1, 2, 3, 4, 5, 6].map((round) => ({ round, timeoutMs: IDLE_MS })));
    const replies = responses(h.events);
    expect(replies.map((r) => r.intent)).toEqual(['jobs_that_fit', 'skill_gaps', 'trajectory', 'pay', 'find_jobs', 'unknown']);
    expect(replies[0]?.turnId).toBeNull();
    expect(replies[0]?.message).toBe('Hi! Which jobs fit me?');
    expect(replies.slice(1).every((r) => typeof r.turnId === 'string')).toBe(true);
    expect(new Set(replies.map((r) => r.messageId)).size).toBe(replies.length);
    for (const r of replies) {
      expect(r.suggestions.length).toBeGreaterThanOrEqual(2);
      expect(r.suggestions.length).toBeLessThanOrEqual(4);
    }
    expect(h.paces).toBeGreaterThanOrEqual(replies.length);
    // No model: nothing was streamed.
    expect(h.typed).toEqual([]);
  });

  it('ranks the five postings that fit the resume best, with score and link', async () => {
    const h = harness('Which jobs fit me?', []);
    await careerChat(h.ctx);
    const [fit] = responses(h.events);
    expect(fit?.builtFrom).toEqual(['your resume (4 skills)', '14 postings for Backend Engineer on sandbox, greenhouse:acme']);
    const lines = fit?.reply.split('\n') ?? [];
    expect(lines[0]).toBe('The 5 postings that fit your resume best, out of 14 postings for Backend Engineer:');
    const ranked = lines.slice(1, 6);
    expect(ranked).toHaveLength(5);
    for (const [i, line] of ranked.entries()) expect(line).toMatch(new RegExp(`^${i + 1}\\. .+: \\d+% match.* https?://\\S+$`));
    const scores = ranked.map((line) => Number(/: (\d+)% match/.exec(line)?.[1]));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // The junior-level posting that asks for exactly the resume's stack comes first.
    expect(ranked[0]).toContain(`Backend Engineer at Northwind (Remote)`);
    expect(ranked[0]).toContain(`${boards.appUrl}/sandbox/jobs/be1`);
    expect(lines.at(-1)).toBe(DOWN_NOTE);
  });

  it('emits the skill gaps for the role asked about, then sums them up', async () => {
    const h = harness('What am I missing for Staff Backend Engineer?', []);
    await careerChat(h.ctx);
    const gaps = h.events.find((e) => e.type === 'career_skill_gaps')?.data as EventData<'career_skill_gaps'>;
    // Five sandbox postings and Acme's: Kubernetes in all 6, Kafka 3, Go 2, Terraform 1.
    expect(gaps.role).toBe('Staff Backend Engineer');
    expect(gaps.postings).toBe(6);
    expect(gaps.gaps.map((g) => [g.skill, g.postings, g.share])).toEqual([
      ['Kubernetes', 6, 1],
      ['Kafka', 3, 0.5],
      ['Go', 2, 2 / 6],
      ['Terraform', 1, 1 / 6],
    ]);
    expect(gaps.gaps[3]?.example).toEqual({ title: 'Staff Backend Engineer', company: 'Acme', url: 'https://boards.greenhouse.io/acme/jobs/301' });
    expect(gaps.have).toEqual(['PostgreSQL', 'Python']);
    const types = h.events.map((e) => e.type);
    expect(types.indexOf('career_skill_gaps')).toBeLessThan(types.indexOf('career_chat_response'));
    const [reply] = responses(h.events);
    // The example is the first posting asking: an employer's own board before the sandbox, as the scout ranks copies.
    expect(reply?.reply).toContain('Kubernetes (6 of 6 postings, 100%; e.g. Staff Backend Engineer at Acme)');
    expect(reply?.reply).toContain('Kafka (3 of 6 postings, 50%');
    expect(reply?.builtFrom).toEqual(['your resume (4 skills)', '6 postings for Staff Backend Engineer on sandbox, greenhouse:acme']);
    expect(reply?.reply.split('\n').at(-1)).toBe(DOWN_NOTE);
  });

  it('places the user on the ladder and prices the next rungs from the postings, without salary events', async () => {
    const h = harness('Where can I go from here?', []);
    await careerChat(h.ctx);
    const trajectory = h.events.find((e) => e.type === 'career_trajectory')?.data as EventData<'career_trajectory'>;
    expect(trajectory.from).toEqual({ title: 'Senior Backend Engineer', seniority: 'senior', years: 7 });
    expect(trajectory.steps.map((s) => [s.title, s.track, s.years])).toEqual([
      ['Staff Backend Engineer', 'ic', 8],
      ['Principal Backend Engineer', 'ic', 12],
      ['Engineering Manager', 'management', 7],
      ['Senior Engineering Manager', 'management', 10],
      ['Director of Engineering', 'management', 13],
    ]);
    // Staff midpoints 180k, 190k, 200k (Acme), 200k, 210k, 220k: n = 6, rank = 5p.
    expect(trajectory.steps[0]?.pay).toEqual({ currency: 'USD', p25: 192_500, p50: 200_000, p75: 207_500, sampleSize: 6 });
    // Managers' midpoints 190k–210k.
    expect(trajectory.steps[2]?.pay).toEqual({ currency: 'USD', p25: 195_000, p50: 200_000, p75: 205_000, sampleSize: 5 });
    expect([trajectory.steps[1]?.pay, trajectory.steps[3]?.pay, trajectory.steps[4]?.pay]).toEqual([null, null, null]);
    expect(h.events.some((e) => e.type.startsWith('salary_'))).toBe(false);
    // Pay was looked up only for the Greenhouse posting on a rung.
    expect(boards.requests.map((r) => r.url).filter((u) => u.includes('pay_transparency'))).toEqual(['/v1/boards/acme/jobs/301?pay_transparency=true']);
    const [reply] = responses(h.events);
    expect(reply?.reply).toContain('You are at Senior Backend Engineer: senior level on the software engineering ladder, 7 years of experience.');
    expect(reply?.reply).toContain('Staff Backend Engineer (typically 8 years;');
    expect(reply?.reply).toContain('pays $192,500–$207,500, median $200,000, from 6 postings');
    expect(reply?.builtFrom).toEqual(['your resume (4 skills)', 'the software engineering ladder', "11 postings with pay on the ladder's rungs from sandbox, greenhouse:acme"]);
  });

  it('answers pay with the salary research, whose events come first', async () => {
    const h = harness('What does a backend engineer pay?', []);
    await careerChat(h.ctx);
    expect(h.events.map((e) => e.type)).toEqual([
      'salary_start',
      'salary_analyzing',
      'salary_analyzing',
      'salary_analyzing',
      'salary_result',
      'salary_complete',
      'career_chat_response',
    ]);
    const result = h.events[4]?.data as EventData<'salary_result'>;
    expect(result.enough).toBe(true);
    const [reply] = responses(h.events);
    expect(reply?.intent).toBe('pay');
    expect(reply?.reply.split('\n')[0]).toMatch(/^Backend Engineer in any location: median \$[\d,]+ \(p25 \$[\d,]+, p75 \$[\d,]+\) from 8 postings\.$/);
    expect(reply?.builtFrom).toEqual(['the salary research: 8 postings with pay for Backend Engineer in any location']);
  });

  it('proposes a full pipeline run for "find me … jobs" and starts nothing', async () => {
    const h = harness('Find me backend engineer jobs in Berlin on greenhouse', []);
    await careerChat(h.ctx);
    const [reply] = responses(h.events);
    expect(reply?.proposal).toEqual(pipelineParamsSchema.parse({ query: 'Backend Engineer', location: 'Berlin', sources: ['greenhouse'] }));
    expect(reply?.proposal).toMatchObject({ autoApply: false, draftMode: true, minMatchScore: 70 });
    expect(reply?.reply).toContain('It starts when you confirm with the button below.');
    // A proposal searches nothing.
    expect(boards.requests).toEqual([]);
  });

  it("searches where the profile says when the message names no place", async () => {
    const h = harness('find me python jobs', []);
    await careerChat(h.ctx);
    expect(responses(h.events)[0]?.proposal).toMatchObject({ query: 'Python', location: 'Lisbon' });
  });

  it('ends at once when the opening says goodbye', async () => {
    const h = harness('bye', []);
    expect(await careerChat(h.ctx)).toEqual({ outcome: 'ended', summary: 'You ended the conversation.' });
    expect(h.rounds).toEqual([]);
  });

  it('asks about the next rung when "what am I missing" names no role', async () => {
    const h = harness('what am I missing?', []);
    await careerChat(h.ctx);
    expect(h.events.find((e) => e.type === 'career_skill_gaps')?.data).toMatchObject({ role: 'Staff Backend Engineer', postings: 6 });
  });

  it('ends politely on goodbye without waiting for another message', async () => {
    const h = harness('Where can I go from here?', ["thanks, that's all"]);
    const outcome = await careerChat(h.ctx);
    expect(outcome).toEqual({
      outcome: 'ended',
      summary: 'You ended the conversation after 1 question answered. We talked about where you can go from Senior Backend Engineer.',
    });
    expect(h.rounds).toEqual([{ round: 1, timeoutMs: IDLE_MS }]);
    const last = responses(h.events).at(-1);
    expect(last).toMatchObject({ intent: 'small_talk', reply: 'Good luck with your search. Bye!', proposal: null });
  });

  it('asks for a resume or a role when the question needs one', async () => {
    const h = harness('Which jobs fit me?', ['What am I missing?', 'What do data scientists earn?'], { profile: { resumeText: '', yearsOfExperience: null } });
    await careerChat(h.ctx);
    const [fit, gaps] = responses(h.events);
    expect(fit?.reply).toBe('To score jobs against your experience I need your resume: paste its text into your profile, then ask again.');
    expect(fit?.builtFrom).toEqual(['your profile (no resume text)']);
    expect(gaps?.reply).toBe('Which role do you mean? Your resume does not name a title I can use. Try: "What am I missing for Backend Engineer?".');
    // A named role needs no resume.
    expect(responses(h.events)[2]?.intent).toBe('pay');
    expect(h.events.some((e) => e.type === 'career_skill_gaps')).toBe(false);
  });

  it('names a failing source in the user\'s words and keeps a bug\'s text out of every event', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      // The sandbox answers JSON the client cannot read: a SourceError, told in the user's words.
      boards.sandbox = { jobs: [], rawBody: '{"jobs": [{"id": 1, "title": null}]}' };
      const h = harness('Which jobs fit me?', ['What am I missing for Staff Backend Engineer?', 'hi']);
      const real = h.ctx;
      // A bug while answering the second message: its text must reach the log only.
      h.ctx = {
        ...real,
        emit: (type, message, data) =>
          type === 'career_skill_gaps' ? Promise.reject(new TypeError('secret internal detail')) : real.emit(type, message, data),
      };
      const outcome = await careerChat(h.ctx);
      expect(outcome.outcome).toBe('idle');
      const [fit, gaps, hi] = responses(h.events);
      expect(fit?.reply).toMatch(/^Not searched: The sandbox job board .+/m);
      expect(gaps).toMatchObject({ intent: 'skill_gaps', reply: 'Something went wrong while I was answering that. Please ask again, or try one of the suggestions.' });
      expect(hi?.intent).toBe('small_talk');
      expect(JSON.stringify(h.events)).not.toMatch(/secret|TypeError|ZodError|stack/);
      expect(errors.mock.calls.some((call) => call.some((arg) => arg instanceof TypeError))).toBe(true);
    } finally {
      errors.mockRestore();
    }
  });

  it('stops when the run is stopped while waiting for a message', async () => {
    const stop = new AbortController();
    const h = harness('hi', [], { signal: stop.signal });
    h.ctx.session.nextTurn = () => {
      stop.abort(new Error('stopped by the user'));
      return Promise.reject(stop.signal.reason as Error);
    };
    await expect(careerChat(h.ctx)).rejects.toThrow('stopped by the user');
    expect(responses(h.events)).toHaveLength(1);
  });
});

describe('careerChat with a model', () => {
  /** A model that streams `draft` word by word; the messages it was sent are kept. */
  function model(draft: (messages: ChatMessage[]) => string): LlmClient & { calls: ChatMessage[][] } {
    const calls: ChatMessage[][] = [];
    return {
      model: 'test-model',
      calls,
      complete: (messages: ChatMessage[], options: CompletionOptions) => {
        calls.push(messages);
        const text = draft(messages);
        for (const piece of text.split(/(?<= )/)) options.onDelta?.(piece);
        return Promise.resolve(text);
      },
    };
  }

  it("uses the model's words when they name nothing the engine's data lacks, streamed under the reply's id", async () => {
    const words = 'Hello! I can tell you which jobs fit your resume, what you are missing for a role, where you can go from here, what a role pays, or set up a job search.';
    const llm = model(() => words);
    const h = harness('hi', [], { llm });
    await careerChat(h.ctx);
    const [reply] = responses(h.events);
    expect(llm.calls).toHaveLength(1);
    expect(reply?.reply).toBe(words);
    expect(h.typed).toEqual([{ messageId: reply?.messageId, text: reply?.reply, ended: true }]);
    // The model was given the engine's reply and told to keep to it.
    expect(llm.calls[0]?.[0]?.content).toContain("The engine's reply:\nHi! I can tell you");
  });

  it("refuses a draft that invents a company or an amount, and sends the engine's words", async () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const llm = model(() => 'Backend engineers at Google make around $400,000.');
      const h = harness('What does a backend engineer pay?', [], { llm });
      await careerChat(h.ctx);
      const [reply] = responses(h.events);
      expect(reply?.reply).toMatch(/^Backend Engineer in any location: median/);
      // The refused draft was shown live, then replaced by the durable reply with the same id.
      expect(h.typed).toEqual([{ messageId: reply?.messageId, text: 'Backend engineers at Google make around $400,000.', ended: true }]);
      expect(warnings.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/uses the engine's words: the draft names a number the data does not have \(400,000\)/);
    } finally {
      warnings.mockRestore();
    }
  });

  it("falls back to the engine's words when the model fails", async () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const llm: LlmClient = { model: 'broken', complete: () => Promise.reject(new Error('HTTP 500 from the model')) };
      const h = harness('thanks', [], { llm });
      await careerChat(h.ctx);
      expect(responses(h.events)[0]?.reply).toBe('You are welcome. Anything else?');
      expect(h.typed[0]?.ended).toBe(true);
    } finally {
      warnings.mockRestore();
    }
  });
});
