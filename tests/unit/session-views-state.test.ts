import { describe, expect, it } from 'vitest';
import { interviewHref, interviewPrefillFrom } from '~/app/interview/_lib/prefill';
import { networkHref, networkPrefillFrom } from '~/app/network/_lib/prefill';
import {
  awaitsMessage,
  careerStateOf,
  gapsByShare,
  isAnswered,
  isChatOpen,
  ladders,
  latestExchange,
  sharePercent,
  yearsText,
  type SkillGaps,
} from '~/app/runs/[runId]/_lib/career-state';
import {
  awaitingFeedback,
  currentQuestion,
  durationText,
  interviewStateOf,
  isInterviewOpen,
  latestFeedback,
  pastQuestions,
  scoreText,
  type InterviewFeedback,
} from '~/app/runs/[runId]/_lib/interview-state';
import { keptNotes, networkStateOf, skippedCount, type Contact } from '~/app/runs/[runId]/_lib/network-state';
import { initialRunState, openQuestions, reduceRunEvents } from '~/shared/run-state';
import { runEventSchema, type Agent, type EventData, type EventType, type RunEvent } from '~/shared/events';

const RUN_ID = 'run_0123456789abcdef';

/** A real event, validated by the catalog, so the tests cannot drift from what the worker sends. */
function ev<T extends EventType>(seq: number, type: T, data: EventData<T>, agent: Agent, message = `${type} #${seq}`): RunEvent {
  return runEventSchema.parse({
    id: String(seq),
    runId: RUN_ID,
    seq,
    type,
    agent,
    message,
    data,
    timestamp: new Date(Date.UTC(2026, 0, 1, 12, 0, seq)).toISOString(),
  });
}

/** Numbered events, in order: each call takes the next seq. */
function sequence() {
  let seq = 0;
  return <T extends EventType>(type: T, data: EventData<T>, agent: Agent, message?: string) => ev(++seq, type, data, agent, message);
}

/** The same events shuffled and partly repeated, as a resumed stream and a cache can deliver them. */
function scrambled(events: readonly RunEvent[]): RunEvent[] {
  const reversed = [...events].reverse();
  return [...reversed.slice(0, 3), ...reversed, ...events.slice(2, 5)];
}

const criteria = (score: number) => ({
  structure: { score, note: 'Situation, task, action and result are all there.' },
  specificity: { score, note: 'Two numbers and an outcome.' },
  relevance: { score, note: 'Names Go and PostgreSQL from the posting.' },
  length: { score, note: 'About 90 words.' },
});

const feedback = (index: number, score: number): InterviewFeedback => ({
  index,
  score,
  feedback: `Feedback on answer ${index}.`,
  criteria: criteria(score),
});

/** A two-question interview, answered in full. */
function interview(): RunEvent[] {
  const e = sequence();
  return [
    e('task_started', { jobId: RUN_ID, attempt: 1, workerId: 'w1' }, 'task'),
    e('interview_start', { role: 'Backend Engineer', company: 'Northwind Labs', questions: 2, skills: ['Go', 'PostgreSQL'], fromPosting: true, answerSeconds: 180 }, 'interview'),
    e('interview_question', { index: 1, question: 'Tell me about a time you fixed a slow service.', kind: 'behavioural', skill: null }, 'interview'),
    e('interview_answer', { index: 1, answer: 'I cached the hot queries; p99 fell from 1.2 s to 180 ms.', turnId: 'turn-1' }, 'interview'),
    e('interview_feedback', feedback(1, 82), 'interview'),
    e('interview_question', { index: 2, question: 'How would you design a job queue in Go?', kind: 'technical', skill: 'Go' }, 'interview'),
    e('interview_answer', { index: 2, answer: 'I do not know.', turnId: 'turn-2' }, 'interview'),
    e('interview_feedback', feedback(2, 20), 'interview'),
    e('interview_complete', { averageScore: 51, answered: 2, workOn: ['Structure', 'Numbers', 'The posting’s skills'] }, 'interview'),
    e('session_complete', { kind: 'interview', outcome: 'completed', summary: 'Average 51/100 over 2 answers.', durationMs: 1000 }, 'system'),
  ];
}

describe('interview state', () => {
  it('tells the questions, answers, feedback and summary from the events', () => {
    const state = interviewStateOf(interview());
    expect(state.setup?.questions).toBe(2);
    expect(state.questions.map((q) => [q.index, q.kind, q.skill, q.answer?.turnId, q.feedback?.score])).toEqual([
      [1, 'behavioural', null, 'turn-1', 82],
      [2, 'technical', 'Go', 'turn-2', 20],
    ]);
    expect(state.summary?.workOn).toHaveLength(3);
    expect(state.status).toBe('completed');
    expect(state.end).toEqual({ kind: 'completed', outcome: 'completed', summary: 'Average 51/100 over 2 answers.' });
    expect(isInterviewOpen(state)).toBe(false);
    expect(currentQuestion(state)).toBeNull();
    expect(pastQuestions(state).map((q) => q.index)).toEqual([1, 2]);
    expect(latestFeedback(state)?.question.index).toBe(2);
  });

  it('says which question waits for an answer as the interview goes', () => {
    const events = interview();
    const upTo = (n: number) => interviewStateOf(events.slice(0, n));
    // Started, nothing asked yet.
    expect(isInterviewOpen(upTo(2))).toBe(true);
    expect(currentQuestion(upTo(2))).toBeNull();
    // The first question is open.
    expect(currentQuestion(upTo(3))?.index).toBe(1);
    expect(pastQuestions(upTo(3))).toEqual([]);
    // Answered, being scored: no question open, feedback on its way.
    expect(currentQuestion(upTo(4))).toBeNull();
    expect(awaitingFeedback(upTo(4))?.index).toBe(1);
    expect(latestFeedback(upTo(4))).toBeNull();
    // Scored; the second question opens with the first one past.
    expect(awaitingFeedback(upTo(5))).toBeNull();
    expect(latestFeedback(upTo(5))?.feedback.score).toBe(82);
    expect(currentQuestion(upTo(6))?.index).toBe(2);
    expect(pastQuestions(upTo(6)).map((q) => q.index)).toEqual([1]);
  });

  it('folds the same whatever order or repetition the events arrive in', () => {
    expect(interviewStateOf(scrambled(interview()))).toEqual(interviewStateOf(interview()));
  });

  it('starts over on a new attempt, and a stop closes the open question', () => {
    const events = interview().slice(0, 6);
    const retried = [
      ...events,
      ev(7, 'interview_start', { role: 'Backend Engineer', company: null, questions: 2, skills: [], fromPosting: false, answerSeconds: 120 }, 'interview'),
      ev(8, 'interview_question', { index: 1, question: 'Why this role?', kind: 'role', skill: null }, 'interview'),
    ];
    const again = interviewStateOf(retried);
    expect(again.questions.map((q) => q.question)).toEqual(['Why this role?']);
    expect(again.setup?.answerSeconds).toBe(120);

    const stopped = interviewStateOf([...retried, ev(9, 'pipeline_stopped', { reason: 'Stopped by user', stage: 'session' }, 'system')]);
    expect(stopped.status).toBe('stopped');
    expect(stopped.end).toEqual({ kind: 'stopped', reason: 'Stopped by user' });
    expect(currentQuestion(stopped)).toBeNull();
    expect(pastQuestions(stopped).map((q) => q.index)).toEqual([1]);
  });

  it('ignores an answer or feedback for a question it never saw', () => {
    const e = sequence();
    const state = interviewStateOf([
      e('interview_start', { role: 'Backend Engineer', company: null, questions: 1, skills: [], fromPosting: false, answerSeconds: 60 }, 'interview'),
      e('interview_answer', { index: 4, answer: 'Lost', turnId: 'turn-x' }, 'interview'),
      e('interview_feedback', feedback(4, 50), 'interview'),
    ]);
    expect(state.questions).toEqual([]);
    expect(latestFeedback(state)).toBeNull();
  });

  it('moves past a question whose time ran out: feedback without an answer', () => {
    const e = sequence();
    const events = [
      e('interview_start', { role: 'Backend Engineer', company: null, questions: 2, skills: [], fromPosting: false, answerSeconds: 60 }, 'interview'),
      e('interview_question', { index: 1, question: 'Why this role?', kind: 'role', skill: null }, 'interview'),
      e('interview_feedback', feedback(1, 0), 'interview'),
    ];
    const state = interviewStateOf(events);
    expect(currentQuestion(state)).toBeNull();
    expect(awaitingFeedback(state)).toBeNull();
    expect(pastQuestions(state).map((q) => [q.index, q.answer, q.feedback?.score])).toEqual([[1, null, 0]]);
  });

  it('writes scores and times as people read them', () => {
    expect(scoreText(71.6)).toBe('72/100');
    expect(scoreText(0)).toBe('0/100');
    expect(durationText(180)).toBe('3 min');
    expect(durationText(45)).toBe('45 s');
    expect(durationText(90)).toBe('1 min 30 s');
  });
});

const gaps: SkillGaps = {
  role: 'Senior Backend Engineer',
  postings: 12,
  gaps: [
    { skill: 'Kafka', postings: 3, share: 0.25, example: { title: 'Senior Backend Engineer', company: 'Acme', url: 'http://localhost:3000/sandbox/jobs/2' } },
    { skill: 'Go', postings: 9, share: 0.75, example: { title: 'Backend Engineer', company: 'Northwind Labs', url: 'http://localhost:3000/sandbox/jobs/1' } },
    { skill: 'AWS', postings: 3, share: 0.25, example: { title: 'Platform Engineer', company: 'Acme', url: 'http://localhost:3000/sandbox/jobs/3' } },
  ],
  have: [],
};

const response = (turnId: string | null, message: string, reply: string, extra: Partial<EventData<'career_chat_response'>> = {}): EventData<'career_chat_response'> => ({
  reply,
  intent: 'skill_gaps',
  builtFrom: ['your resume', '12 postings on sandbox'],
  suggestions: ['Where can I go from here?'],
  proposal: null,
  messageId: `msg-${turnId ?? 'opening'}`,
  turnId,
  message,
  ...extra,
});

/** A conversation: the opening about skill gaps, a question about the ladder, a search proposed. */
function conversation(): RunEvent[] {
  const e = sequence();
  return [
    e('task_started', { jobId: RUN_ID, attempt: 1, workerId: 'w1' }, 'task'),
    e('career_skill_gaps', gaps, 'career'),
    e('career_chat_response', response(null, 'What am I missing for Senior Backend Engineer?', 'Go, above all.'), 'career'),
    e(
      'career_trajectory',
      {
        from: { title: 'Backend Engineer', seniority: 'mid', years: 4 },
        steps: [
          { title: 'Staff Engineer', track: 'ic', years: 6, skills: ['System design'], pay: null },
          { title: 'Engineering Manager', track: 'management', years: 3, skills: ['Hiring'], pay: { currency: 'USD', p25: 150_000, p50: 170_000, p75: 190_000, sampleSize: 8 } },
          { title: 'Senior Backend Engineer', track: 'ic', years: 2, skills: ['Go'], pay: null },
        ],
      },
      'career',
    ),
    e('career_chat_response', response('turn-2', 'Where can I go from here?', 'Two ladders.', { intent: 'trajectory', messageId: 'msg-2' }), 'career'),
    e(
      'career_chat_response',
      response('turn-3', 'Find me backend jobs in Berlin', 'Shall I search?', {
        intent: 'find_jobs',
        messageId: 'msg-3',
        suggestions: [],
        proposal: {
          query: 'Backend Engineer',
          location: 'Berlin',
          autoApply: false,
          minMatchScore: 70,
          useCompanyResearch: false,
          useResumeTailoring: false,
          useCoverLetter: false,
          draftMode: true,
        },
      }),
      'career',
    ),
  ];
}

describe('career chat state', () => {
  it('reads the conversation whole from the replies', () => {
    const chat = careerStateOf(conversation());
    expect(chat.exchanges.map((x) => [x.turnId, x.message, x.intent])).toEqual([
      [null, 'What am I missing for Senior Backend Engineer?', 'skill_gaps'],
      ['turn-2', 'Where can I go from here?', 'trajectory'],
      ['turn-3', 'Find me backend jobs in Berlin', 'find_jobs'],
    ]);
    expect(chat.exchanges[0]?.builtFrom).toEqual(['your resume', '12 postings on sandbox']);
    expect(latestExchange(chat)?.proposal?.location).toBe('Berlin');
    expect(chat.skillGaps?.role).toBe('Senior Backend Engineer');
    expect(chat.trajectory?.steps).toHaveLength(3);
    expect(chat.status).toBe('running');
    expect(isChatOpen(chat)).toBe(true);
    expect(awaitsMessage(chat)).toBe(true);
    expect(isAnswered(chat, 'turn-2')).toBe(true);
    expect(isAnswered(chat, 'turn-4')).toBe(false);
  });

  it('waits for the opening reply before the next message, and ends with a stop', () => {
    const events = conversation();
    expect(awaitsMessage(careerStateOf(events.slice(0, 2)))).toBe(false);
    expect(awaitsMessage(careerStateOf(events.slice(0, 3)))).toBe(true);
    const ended = careerStateOf([...events, ev(events.length + 1, 'pipeline_stopped', { reason: 'Conversation ended', stage: 'session' }, 'system')]);
    expect(ended.status).toBe('stopped');
    expect(isChatOpen(ended)).toBe(false);
    expect(awaitsMessage(ended)).toBe(false);
  });

  it('folds the same whatever order or repetition the events arrive in, and a reply answered again replaces the first', () => {
    expect(careerStateOf(scrambled(conversation()))).toEqual(careerStateOf(conversation()));
    const events = conversation();
    const again = ev(events.length + 1, 'career_chat_response', response('turn-2', 'Where can I go from here?', 'Two ladders, again.', { messageId: 'msg-2b' }), 'career');
    const chat = careerStateOf([...events, again]);
    expect(chat.exchanges.map((x) => x.messageId)).toEqual(['msg-opening', 'msg-3', 'msg-2b']);
  });

  it('answers a pay question with the research events', () => {
    const e = sequence();
    const chat = careerStateOf([
      e('salary_start', { role: 'Data Engineer', location: '', seniority: null }, 'salary'),
      e('salary_analyzing', { source: 'Sandbox board', postings: 3, withPay: 2 }, 'salary', 'Found 3 postings, 2 with pay'),
      e('salary_result', { currency: 'USD', sampleSize: 2, enough: false, minimumSample: 5, p25: null, p50: null, p75: null, postings: [] }, 'salary'),
      e('career_chat_response', response(null, 'What does a Data Engineer pay?', 'Not enough data.', { intent: 'pay' }), 'career'),
    ]);
    expect(chat.research.request?.role).toBe('Data Engineer');
    expect(chat.research.result?.enough).toBe(false);
    expect(chat.research.sources).toHaveLength(1);
  });

  it('orders the gaps by share and splits the ladder by track, nearest step first', () => {
    expect(gapsByShare(gaps).map((g) => g.skill)).toEqual(['Go', 'AWS', 'Kafka']);
    expect(sharePercent(0.754)).toBe(75);
    expect(sharePercent(1.2)).toBe(100);
    expect(sharePercent(-0.1)).toBe(0);
    const chat = careerStateOf(conversation());
    if (!chat.trajectory) throw new Error('no trajectory');
    const { ic, management } = ladders(chat.trajectory);
    expect(ic.map((s) => s.title)).toEqual(['Senior Backend Engineer', 'Staff Engineer']);
    expect(management.map((s) => s.title)).toEqual(['Engineering Manager']);
    expect(yearsText(0.4)).toBe('Under a year');
    expect(yearsText(1)).toBe('About 1 year');
    expect(yearsText(2.4)).toBe('About 2.5 years');
  });
});

const contact = (name: string, relation: Contact['relation']): Contact => ({
  name,
  title: relation === 'recruiter' ? 'Technical Recruiter' : 'Engineering Manager',
  team: 'Platform',
  relation,
  profileUrl: `http://localhost:3000/sandbox/companies/northwind-labs/team#${name.toLowerCase().replace(/\s+/g, '-')}`,
  source: 'Team page',
  why: `${name} hires for the platform team.`,
});

const hitl = (hitlId: string, name: string) => ({
  hitlId,
  question: `Send this note to ${name}?`,
  context: `Hi ${name}, I saw the Senior Backend Engineer opening…`,
  options: ['approve', 'edit', 'skip'],
  timeoutMs: 120_000,
  expiresAt: new Date(Date.UTC(2026, 0, 1, 13)).toISOString(),
  defaultAnswer: 'skip',
});

/** A search at one company: two sources, the ranking, two notes reviewed, the notes kept. */
function search(): RunEvent[] {
  const e = sequence();
  return [
    e('task_started', { jobId: RUN_ID, attempt: 1, workerId: 'w1' }, 'task'),
    e('network_start', { company: 'Northwind Labs', role: 'Senior Backend Engineer', sources: ['team page', 'github'] }, 'network'),
    e('network_searching', { company: 'Northwind Labs', source: 'team page', found: 0 }, 'network', 'Reading the team page'),
    e('network_searching', { company: 'Northwind Labs', source: 'team page', found: 4 }, 'network', 'Found 4 people on the team page'),
    e('network_searching', { company: 'Northwind Labs', source: 'github', found: 0 }, 'network', 'No public GitHub organisation given'),
    e('network_found', { company: 'Northwind Labs', contacts: [contact('Ada Park', 'recruiter'), contact('Sam Lee', 'hiring_manager')] }, 'network'),
    e('hitl_request', hitl('hitl_note000001', 'Ada Park'), 'network'),
    e('hitl_response', { hitlId: 'hitl_note000001', response: 'approve' }, 'hitl'),
    e('hitl_request', hitl('hitl_note000002', 'Sam Lee'), 'network'),
    e('hitl_response', { hitlId: 'hitl_note000002', response: 'skip' }, 'hitl'),
    e(
      'network_complete',
      {
        contacts: 2,
        notes: [
          { name: 'Ada Park', profileUrl: contact('Ada Park', 'recruiter').profileUrl, note: 'Hi Ada, I saw the Senior Backend Engineer opening…', status: 'approved' },
          { name: 'Sam Lee', profileUrl: contact('Sam Lee', 'hiring_manager').profileUrl, note: 'Hi Sam…', status: 'skipped' },
        ],
      },
      'network',
    ),
    e('session_complete', { kind: 'network', outcome: 'completed', summary: '1 note kept.', durationMs: 1000 }, 'system'),
  ];
}

describe('network state', () => {
  it('tells where it looked, whom it found and the notes kept', () => {
    const network = networkStateOf(search());
    expect(network.request?.company).toBe('Northwind Labs');
    // A source's newest count replaces the last, in its place.
    expect(network.sources.map((s) => [s.source, s.found, s.message])).toEqual([
      ['team page', 4, 'Found 4 people on the team page'],
      ['github', 0, 'No public GitHub organisation given'],
    ]);
    expect(network.contacts.map((c) => c.relation)).toEqual(['recruiter', 'hiring_manager']);
    expect(keptNotes(network).map((n) => [n.name, n.status])).toEqual([['Ada Park', 'approved']]);
    expect(skippedCount(network)).toBe(1);
    expect(network.status).toBe('completed');
  });

  it('folds the same whatever order or repetition, and starts over on a new attempt', () => {
    expect(networkStateOf(scrambled(search()))).toEqual(networkStateOf(search()));
    const events = search().slice(0, 6);
    const retried = networkStateOf([...events, ev(7, 'network_start', { company: 'Northwind Labs', role: null, sources: ['team page'] }, 'network')]);
    expect(retried.contacts).toEqual([]);
    expect(retried.sources).toEqual([]);
    expect(retried.request?.role).toBeNull();
  });

  it('has each note’s review open as a question on the run until it is answered', () => {
    const events = search();
    const upTo = (n: number) => openQuestions(reduceRunEvents(initialRunState, events.slice(0, n)));
    expect(upTo(7).map((q) => [q.hitlId, q.agent, q.options])).toEqual([['hitl_note000001', 'network', ['approve', 'edit', 'skip']]]);
    expect(upTo(8)).toEqual([]);
    expect(upTo(9).map((q) => q.hitlId)).toEqual(['hitl_note000002']);
    expect(upTo(events.length)).toEqual([]);
  });
});

describe('start page links', () => {
  it('fills the interview and contacts forms from the address, and links back with only what is known', () => {
    const params = { role: ' Senior Backend Engineer ', company: 'Northwind Labs', jobUrl: 'http://localhost:3000/sandbox/jobs/1', extra: 'x', location: ['a', 'b'] };
    expect(interviewPrefillFrom(params)).toEqual({ role: 'Senior Backend Engineer', jobUrl: 'http://localhost:3000/sandbox/jobs/1' });
    expect(networkPrefillFrom(params)).toEqual({ company: 'Northwind Labs', role: 'Senior Backend Engineer', jobUrl: 'http://localhost:3000/sandbox/jobs/1' });
    expect(networkPrefillFrom({})).toEqual({ company: '', role: '', jobUrl: '' });
    expect(interviewHref({ role: 'Data Engineer', jobUrl: '' })).toBe('/interview?role=Data+Engineer');
    expect(interviewHref({})).toBe('/interview');
    expect(networkHref({ company: 'Northwind Labs', role: 'SRE', jobUrl: 'http://x.test/1' })).toBe(
      '/network?company=Northwind+Labs&role=SRE&jobUrl=http%3A%2F%2Fx.test%2F1',
    );
  });
});
