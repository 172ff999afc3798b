import { HttpAgent } from '@ag-ui/client';
import { EventType, type AGUIEvent, type AGUIEventOf, type Message } from '@ag-ui/core';
import { EventSchema } from '@ag-ui/core/schemas';
import { EventEncoder } from '@ag-ui/encoder';
import jsonPatch, { type Operation } from 'fast-json-patch';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createThreadMapper,
  failThreadRun,
  interruptOf,
  mapInput,
  openThreadRun,
  refuseThreadRun,
  type MapStep,
  type ThreadMapper,
} from '~/server/agui/map-events';
import { foldEvents, initialRunFold, threadState, type RunFold } from '~/server/agui/thread-state';
import { runEventSchema, type Agent, type EventData, type EventType as CatalogType, type RunEvent } from '~/shared/events';
import { pipelineParamsSchema, type RunKind } from '~/shared/pipeline';
import { openQuestions } from '~/shared/run-state';

/*
 * The AG-UI bridge's pure mapping: our events in, the AG-UI events a client acts on out.
 * Every AG-UI run a test opens is checked after the test (see `afterEach`): each event
 * against @ag-ui/core's own schema, the sequence against the rules @ag-ui/client
 * enforces (our checker, then the real client replaying the stream), and the state the
 * client ends up holding against the fold's.
 */

const RUN_ID = 'run_test12345';
const THREAD_ID = 'thread-agui-1';
const AGUI_RUN_ID = 'agui-run-1';

const JOB_1 = { jobUrl: 'http://localhost:3000/sandbox/jobs/1', title: 'Backend Engineer', company: 'Acme' };
const JOB_2 = { jobUrl: 'http://localhost:3000/sandbox/jobs/2', title: 'Data Engineer', company: 'Beta' };
const JOB_3 = { jobUrl: 'https://jobs.lever.co/gamma/3', title: 'Platform Engineer', company: 'Gamma' };

const HITL_APPROVAL = 'hitl_approval01';
const HITL_TEXT = 'hitl_question01';
const HITL_CHOICES = 'hitl_choices001';
const HITL_FILE = 'hitl_fileask001';
const EXPIRES_AT = '2026-01-01T13:00:00.000Z';

const draftParams = pipelineParamsSchema.parse({ query: 'python', location: 'Remote', autoApply: true, minMatchScore: 50, maxApplications: 2 });
const submitParams = { ...draftParams, draftMode: false };

// ---------------------------------------------------------------------------------------
// Our events
// ---------------------------------------------------------------------------------------

type Ev = <T extends CatalogType>(type: T, data: EventData<T>, opts?: { agent?: Agent; message?: string }) => RunEvent;

/** The agent that emits a type, by its prefix (a question's asker is given explicitly). */
function agentOf(type: CatalogType): Agent {
  const prefixes: [string, Agent][] = [
    ['scout_', 'scout'],
    ['analyst_', 'analyst'],
    ['company_', 'company'],
    ['resume_', 'resume'],
    ['cover_letter_', 'cover_letter'],
    ['applier_', 'applier'],
    ['browser_', 'applier'],
    ['hitl_', 'hitl'],
    ['salary_battle_', 'salary_battle'],
    ['career_', 'career'],
    ['interview_', 'interview'],
    ['task_', 'task'],
  ];
  return prefixes.find(([prefix]) => type.startsWith(prefix))?.[1] ?? 'system';
}

/** A numbered event log: each call is the next event (seq 1, 2, …), validated by the catalog so fixtures are real. */
function eventLog(): Ev {
  let seq = 0;
  return (type, data, opts = {}) => {
    seq += 1;
    return runEventSchema.parse({
      id: String(seq),
      runId: RUN_ID,
      seq,
      agent: opts.agent ?? agentOf(type),
      message: opts.message ?? `${type} #${seq}`,
      timestamp: new Date(Date.UTC(2026, 0, 1, 12, 0, 0) + seq * 1000).toISOString(),
      type,
      data,
    });
  };
}

const foldOf = (kind: RunKind, events: readonly RunEvent[] = []): RunFold => foldEvents(initialRunFold(RUN_ID, kind), events);

/** A pipeline through the analyst: JOB_1 qualified, JOB_2 below the bar. */
function throughAnalyst(ev: Ev, params = draftParams): RunEvent[] {
  return [
    ev('pipeline_start', { params, attempt: 1 }),
    ev('scout_start', { query: 'python', location: 'Remote', sources: ['sandbox'] }),
    ev('scout_searching', { source: 'sandbox', query: 'python', location: 'Remote' }),
    ev('scout_found', { source: 'sandbox', count: 2, urls: [JOB_1.jobUrl, JOB_2.jobUrl] }),
    ev('scout_complete', { count: 2, duplicatesRemoved: 0 }),
    ev('analyst_start', { ...JOB_1, jobIndex: 1, total: 2, progress: 50 }),
    ev('analyst_result', { ...JOB_1, matchScore: 80, matchedSkills: ['Python'], missingSkills: [], explanation: 'Good fit' }),
    ev('analyst_start', { ...JOB_2, jobIndex: 2, total: 2, progress: 100 }),
    ev('analyst_skipped', { ...JOB_2, matchScore: 20, minMatchScore: 50, reason: 'Different field' }),
    ev('analyst_complete', { analyzed: 2, qualified: 1 }),
  ];
}

const approvalRequest = (ev: Ev): RunEvent =>
  ev(
    'hitl_request',
    {
      hitlId: HITL_APPROVAL,
      question: 'Submit the application to Backend Engineer at Acme?',
      context: '1 field filled',
      options: ['approve', 'reject'],
      timeoutMs: 3_600_000,
      expiresAt: EXPIRES_AT,
      defaultAnswer: 'reject',
    },
    { agent: 'applier' },
  );

/** The applier drafts JOB_1 (draft mode), then asks to submit it. */
function toApproval(ev: Ev): RunEvent[] {
  return [
    ev('applier_start', { ...JOB_1, draftMode: true }),
    ev('applier_type', { field: 'Name', value: 'Jordan' }),
    ev('applier_draft_ready', { ...JOB_1, fields: [{ label: 'Name', value: 'Jordan', confident: true }] }),
    approvalRequest(ev),
  ];
}

const battleStart = (ev: Ev): RunEvent =>
  ev('salary_battle_start', {
    role: 'Backend Engineer',
    company: 'Acme',
    targetSalary: 130_000,
    currency: 'USD',
    budgetFrom: 'research',
    phase: 'opening',
    turnSeconds: 120,
  });

const battleReply = (ev: Ev, messageId: string, reply: string, phase: 'opening' | 'closed' = 'opening'): RunEvent =>
  ev('salary_battle_ai_response', { round: 1, reply, offer: 120_000, messageId, phase });

const chatReply = (ev: Ev, messageId: string, reply: string): RunEvent =>
  ev('career_chat_response', {
    reply,
    intent: 'pay',
    builtFrom: ['42 postings on sandbox'],
    suggestions: ['What about Berlin?'],
    proposal: null,
    messageId,
    turnId: null,
    message: 'What do backend engineers earn?',
  });

// ---------------------------------------------------------------------------------------
// The mapper, as a connection uses it
// ---------------------------------------------------------------------------------------

/** Maps our events in order; returns the last mapper and every AG-UI event they gave. */
function feed(mapper: ThreadMapper, events: readonly RunEvent[]): MapStep {
  const out: AGUIEvent[] = [];
  let current = mapper;
  for (const event of events) {
    const step = mapInput(current, { kind: 'event', event });
    current = step.mapper;
    out.push(...step.events);
  }
  return { mapper: current, events: out };
}

/** What a request asks of the AG-UI run it opens: answers to questions, or an outcome worth waiting for (a turn's reply). */
interface OpenRequest {
  answered?: readonly string[];
  awaitsOutcome?: boolean;
}

/** The AG-UI runs the current test opened, checked (and forgotten) after it. */
const runsOfThisTest: AguiRun[] = [];

/** One AG-UI run as a client receives it: everything it was sent is kept for the checks after the test. */
class AguiRun {
  mapper: ThreadMapper;
  readonly sent: AGUIEvent[] = [];

  /** `conversation`: the messages the client sends with its request (HttpAgent sends them all). */
  constructor(
    fold: RunFold,
    readonly conversation: Message[] = [],
  ) {
    this.mapper = createThreadMapper(fold, { threadId: THREAD_ID, runId: AGUI_RUN_ID }, conversation);
    runsOfThisTest.push(this);
  }

  open(request: OpenRequest = {}): AGUIEvent[] {
    return this.take(openThreadRun(this.mapper, { answered: new Set(request.answered), awaitsOutcome: request.awaitsOutcome ?? false }));
  }

  feed(...events: RunEvent[]): AGUIEvent[] {
    return this.take(feed(this.mapper, events));
  }

  type(messageId: string, text: string, done = false): AGUIEvent[] {
    return this.take(mapInput(this.mapper, { kind: 'typing', typing: { messageId, text, done } }));
  }

  private take(step: MapStep): AGUIEvent[] {
    this.mapper = step.mapper;
    this.sent.push(...step.events);
    return step.events;
  }
}

/** An AG-UI run opened on the run as these events left it. */
function connect(kind: RunKind, history: readonly RunEvent[] = [], request?: OpenRequest): AguiRun {
  const run = new AguiRun(foldOf(kind, history));
  run.open(request);
  return run;
}

// ---------------------------------------------------------------------------------------
// What a client checks
// ---------------------------------------------------------------------------------------

const types = (events: readonly AGUIEvent[]): EventType[] => events.map((e) => e.type);

function ofType<T extends EventType>(events: readonly AGUIEvent[], type: T): AGUIEventOf<T>[] {
  return events.filter((e): e is AGUIEventOf<T> => e.type === type);
}

function onlyOne<T extends EventType>(events: readonly AGUIEvent[], type: T): AGUIEventOf<T> {
  const found = ofType(events, type);
  expect(found, `exactly one ${type} in ${types(events).join(', ')}`).toHaveLength(1);
  return found[0]!;
}

/** The text a client assembles for a message: its CONTENT deltas, in order. */
const textOf = (events: readonly AGUIEvent[], messageId: string): string =>
  ofType(events, EventType.TEXT_MESSAGE_CONTENT)
    .filter((e) => e.messageId === messageId)
    .map((e) => e.delta)
    .join('');

/** A tool result's content: our mapping sends it as JSON text. */
function contentOf(result: AGUIEventOf<EventType.TOOL_CALL_RESULT>): unknown {
  if (typeof result.content !== 'string') throw new Error(`tool result ${result.messageId} is not text`);
  return JSON.parse(result.content);
}

/** What a client holds in agent.state: a snapshot replaces it, a delta patches it (RFC 6902), in order. */
function stateAfter(state: unknown, events: readonly AGUIEvent[]): unknown {
  let next = state;
  for (const event of events) {
    if (event.type === EventType.STATE_SNAPSHOT) next = structuredClone(event.snapshot as unknown);
    else if (event.type === EventType.STATE_DELTA) {
      next = jsonPatch.applyPatch(structuredClone(next), structuredClone(event.delta) as Operation[], true, false).newDocument;
    }
  }
  return next;
}

/**
 * What @ag-ui/client's verifier rejects, as readable problems: the first event is
 * RUN_STARTED; text and tool-call events only inside their own START…END; a step
 * finishes only once started; nothing after RUN_FINISHED / RUN_ERROR; nothing open
 * at RUN_FINISHED.
 */
function protocolProblems(events: readonly AGUIEvent[]): string[] {
  const problems: string[] = [];
  const texts = new Set<string>();
  const tools = new Set<string>();
  const steps = new Set<string>();
  let ended: EventType | null = null;
  events.forEach((event, i) => {
    const at = `#${i} ${event.type}`;
    if (i === 0 && event.type !== EventType.RUN_STARTED) problems.push(`${at}: the first event must be RUN_STARTED`);
    if (ended) {
      problems.push(`${at}: sent after ${ended}`);
      return;
    }
    switch (event.type) {
      case EventType.RUN_STARTED:
        if (i > 0) problems.push(`${at}: a second RUN_STARTED in one run`);
        break;
      case EventType.TEXT_MESSAGE_START:
        if (texts.has(event.messageId)) problems.push(`${at}: message ${event.messageId} is already open`);
        texts.add(event.messageId);
        break;
      case EventType.TEXT_MESSAGE_CONTENT:
        if (!texts.has(event.messageId)) problems.push(`${at}: message ${event.messageId} is not open`);
        break;
      case EventType.TEXT_MESSAGE_END:
        if (!texts.delete(event.messageId)) problems.push(`${at}: message ${event.messageId} is not open`);
        break;
      case EventType.TOOL_CALL_START:
        if (tools.has(event.toolCallId)) problems.push(`${at}: tool call ${event.toolCallId} is already open`);
        tools.add(event.toolCallId);
        break;
      case EventType.TOOL_CALL_ARGS:
        if (!tools.has(event.toolCallId)) problems.push(`${at}: tool call ${event.toolCallId} is not open`);
        break;
      case EventType.TOOL_CALL_END:
        if (!tools.delete(event.toolCallId)) problems.push(`${at}: tool call ${event.toolCallId} is not open`);
        break;
      case EventType.STEP_STARTED:
        steps.add(event.stepName);
        break;
      case EventType.STEP_FINISHED:
        if (!steps.delete(event.stepName)) problems.push(`${at}: step ${event.stepName} was not started`);
        break;
      case EventType.RUN_FINISHED:
        if (texts.size > 0) problems.push(`${at}: text messages still open: ${[...texts].join(', ')}`);
        if (tools.size > 0) problems.push(`${at}: tool calls still open: ${[...tools].join(', ')}`);
        if (steps.size > 0) problems.push(`${at}: steps still open: ${[...steps].join(', ')}`);
        ended = event.type;
        break;
      case EventType.RUN_ERROR:
        ended = event.type;
        break;
      default:
        break;
    }
  });
  return problems;
}

/** Every event valid by @ag-ui/core's schema, and the sequence one @ag-ui/client accepts. */
function expectWellFormed(events: readonly AGUIEvent[]): void {
  for (const event of events) EventSchema.parse(event);
  expect(protocolProblems(events)).toEqual([]);
}

/**
 * The real @ag-ui/client (HttpAgent) receiving the run's events as our endpoint encodes
 * them: it verifies the sequence (a violation rejects) and applies messages and state.
 */
async function inClient(run: AguiRun): Promise<HttpAgent> {
  const encoder = new EventEncoder();
  const body = run.sent.map((event) => encoder.encodeSSE(event)).join('');
  const agent = new HttpAgent({
    url: 'http://agui.test/api/agui',
    threadId: THREAD_ID,
    initialMessages: run.conversation,
    fetch: () => Promise.resolve(new Response(body, { headers: { 'Content-Type': 'text/event-stream' } })),
  });
  await agent.runAgent({ runId: AGUI_RUN_ID });
  return agent;
}

/** The text of one message as the client holds it. */
function heldText(agent: HttpAgent, messageId: string): unknown {
  return agent.messages.find((m) => m.id === messageId)?.content;
}

afterEach(async () => {
  for (const run of runsOfThisTest.splice(0)) {
    expectWellFormed(run.sent);
    if (run.sent.length === 0) continue;
    const agent = await inClient(run);
    // A client that applied every snapshot and delta holds exactly the fold's state.
    if (run.sent.some((e) => e.type === EventType.STATE_SNAPSHOT)) {
      expect(stateAfter(undefined, run.sent)).toEqual(threadState(run.mapper.fold));
      expect(agent.state).toEqual(threadState(run.mapper.fold));
    }
  }
});

describe('the checker itself', () => {
  it('flags what @ag-ui/client rejects', () => {
    expect(
      protocolProblems([
        { type: EventType.RUN_STARTED, threadId: THREAD_ID, runId: AGUI_RUN_ID },
        { type: EventType.TEXT_MESSAGE_CONTENT, messageId: 'm', delta: 'x' },
        { type: EventType.TOOL_CALL_START, toolCallId: 't', toolCallName: 'n' },
        { type: EventType.STEP_FINISHED, stepName: 'scout' },
        { type: EventType.RUN_FINISHED, threadId: THREAD_ID, runId: AGUI_RUN_ID },
        { type: EventType.STATE_DELTA, delta: [] },
      ]),
    ).toEqual([
      '#1 TEXT_MESSAGE_CONTENT: message m is not open',
      '#3 STEP_FINISHED: step scout was not started',
      '#4 RUN_FINISHED: tool calls still open: t',
      '#5 STATE_DELTA: sent after RUN_FINISHED',
    ]);
  });
});

// ---------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------

describe('opening an AG-UI run', () => {
  it('starts with RUN_STARTED echoing the thread and run, then the whole state at lastSeq 0', () => {
    const run = new AguiRun(foldOf('pipeline'));
    const events = run.open();
    expect(events).toEqual([
      { type: EventType.RUN_STARTED, threadId: THREAD_ID, runId: AGUI_RUN_ID, protocolVersion: '1.0' },
      { type: EventType.STATE_SNAPSHOT, snapshot: threadState(foldOf('pipeline')) },
    ]);
    expect(onlyOne(events, EventType.STATE_SNAPSHOT).snapshot).toMatchObject({ runId: RUN_ID, kind: 'pipeline', lastSeq: 0, jobs: [], questions: [] });
  });

  it('opens a step for each stage already at work when it joins a run midway', () => {
    const ev = eventLog();
    const events = connect('pipeline', [...throughAnalyst(ev), ev('applier_start', { ...JOB_1, draftMode: true })]).sent;
    expect(types(events)).toEqual([EventType.RUN_STARTED, EventType.STATE_SNAPSHOT, EventType.STEP_STARTED]);
    expect(onlyOne(events, EventType.STEP_STARTED).stepName).toBe('applier');
  });

  it('closes at once with the outcome of a run that has already ended', () => {
    const ev = eventLog();
    const history = [
      ...throughAnalyst(ev),
      ev('pipeline_complete', { jobsFound: 2, jobsAnalyzed: 2, jobsQualified: 1, applicationsDrafted: 0, applicationsSubmitted: 0, durationMs: 1000 }),
    ];
    const events = connect('pipeline', history).sent;
    expect(types(events)).toEqual([EventType.RUN_STARTED, EventType.STATE_SNAPSHOT, EventType.STATE_SNAPSHOT, EventType.RUN_FINISHED]);
    expect(onlyOne(events, EventType.RUN_FINISHED).outcome).toEqual({ type: 'success' });
  });
});

describe('lifecycle: steps and the end of the run', () => {
  it('pipeline_start starts no step, since no stage is working yet', () => {
    const ev = eventLog();
    const run = connect('pipeline');
    const events = run.feed(ev('pipeline_start', { params: draftParams, attempt: 1 }));
    expect(ofType(events, EventType.STEP_STARTED)).toEqual([]);
    expect(ofType(events, EventType.STATE_DELTA)).toHaveLength(1);
  });

  it('scout_start starts the scout step and scout_complete finishes it', () => {
    const ev = eventLog();
    const run = connect('pipeline', [ev('pipeline_start', { params: draftParams, attempt: 1 })]);
    const started = run.feed(ev('scout_start', { query: 'python', location: 'Remote', sources: ['sandbox', 'lever'] }));
    expect(ofType(started, EventType.STEP_STARTED)).toEqual([{ type: EventType.STEP_STARTED, stepName: 'scout' }]);
    const finished = run.feed(ev('scout_complete', { count: 0, duplicatesRemoved: 0 }));
    expect(ofType(finished, EventType.STEP_FINISHED)).toEqual([{ type: EventType.STEP_FINISHED, stepName: 'scout' }]);
    expect(ofType(finished, EventType.STEP_STARTED)).toEqual([]);
  });

  it('analyst_start starts the analyst step, which runs until analyst_complete', () => {
    const ev = eventLog();
    const history = throughAnalyst(ev).slice(0, 5);
    const run = connect('pipeline', history);
    const started = run.feed(ev('analyst_start', { ...JOB_1, jobIndex: 1, total: 2, progress: 50 }));
    expect(ofType(started, EventType.STEP_STARTED)).toEqual([{ type: EventType.STEP_STARTED, stepName: 'analyst' }]);
    const middle = run.feed(ev('analyst_result', { ...JOB_1, matchScore: 80, matchedSkills: ['Python'], missingSkills: [], explanation: 'Good fit' }));
    expect(ofType(middle, EventType.STEP_FINISHED)).toEqual([]);
    const finished = run.feed(ev('analyst_complete', { analyzed: 2, qualified: 1 }));
    expect(ofType(finished, EventType.STEP_FINISHED)).toEqual([{ type: EventType.STEP_FINISHED, stepName: 'analyst' }]);
  });

  it('applier_start starts the applier step and applier_complete finishes it', () => {
    const ev = eventLog();
    const run = connect('pipeline', throughAnalyst(ev));
    const started = run.feed(ev('applier_start', { ...JOB_1, draftMode: true }));
    expect(ofType(started, EventType.STEP_STARTED)).toEqual([{ type: EventType.STEP_STARTED, stepName: 'applier' }]);
    const finished = run.feed(ev('applier_complete', { drafted: 0, submitted: 0, failed: 0 }));
    expect(ofType(finished, EventType.STEP_FINISHED)).toEqual([{ type: EventType.STEP_FINISHED, stepName: 'applier' }]);
  });

  it("a retry's pipeline_start finishes the steps of the attempt before it", () => {
    const ev = eventLog();
    const history = [ev('pipeline_start', { params: draftParams, attempt: 1 }), ev('scout_start', { query: 'python', location: 'Remote', sources: ['sandbox'] })];
    const run = connect('pipeline', history);
    run.feed(ev('pipeline_error', { error: 'Redis hiccup', retrying: true, attempt: 1 }));
    const retry = run.feed(ev('pipeline_start', { params: draftParams, attempt: 2 }));
    expect(ofType(retry, EventType.STEP_FINISHED)).toEqual([{ type: EventType.STEP_FINISHED, stepName: 'scout' }]);
  });

  it('pipeline_complete sends the final state whole, then RUN_FINISHED with success and a result', () => {
    const ev = eventLog();
    const run = connect('pipeline', throughAnalyst(ev));
    const events = run.feed(
      ev('pipeline_complete', { jobsFound: 2, jobsAnalyzed: 2, jobsQualified: 1, applicationsDrafted: 0, applicationsSubmitted: 0, durationMs: 1000 }),
    );
    const [snapshot, finished] = events.slice(-2);
    expect(snapshot).toEqual({ type: EventType.STATE_SNAPSHOT, snapshot: threadState(run.mapper.fold) });
    expect(finished).toEqual({
      type: EventType.RUN_FINISHED,
      threadId: THREAD_ID,
      runId: AGUI_RUN_ID,
      outcome: { type: 'success' },
      result: { outcome: 'completed', summary: '2 jobs found, 1 qualified, 0 drafted, 0 submitted' },
    });
  });

  it('finishes the steps still open before RUN_FINISHED', () => {
    const ev = eventLog();
    const run = connect('pipeline', [...throughAnalyst(ev), ev('applier_start', { ...JOB_1, draftMode: true })]);
    const events = run.feed(
      ev('pipeline_complete', { jobsFound: 2, jobsAnalyzed: 2, jobsQualified: 1, applicationsDrafted: 0, applicationsSubmitted: 0, durationMs: 1000 }),
    );
    expect(ofType(events, EventType.STEP_FINISHED)).toEqual([{ type: EventType.STEP_FINISHED, stepName: 'applier' }]);
    expect(types(events).indexOf(EventType.STEP_FINISHED)).toBeLessThan(types(events).indexOf(EventType.RUN_FINISHED));
  });

  it('maps nothing once the AG-UI run has finished', () => {
    const ev = eventLog();
    const run = connect('pipeline', throughAnalyst(ev));
    run.feed(ev('pipeline_complete', { jobsFound: 2, jobsAnalyzed: 2, jobsQualified: 1, applicationsDrafted: 0, applicationsSubmitted: 0, durationMs: 1000 }));
    const closed = run.mapper;
    const after = mapInput(closed, { kind: 'event', event: ev('task_complete', { jobId: RUN_ID, durationMs: 5 }) });
    expect(after.events).toEqual([]);
    expect(after.mapper).toBe(closed);
    expect(mapInput(closed, { kind: 'typing', typing: { messageId: 'msg_x', text: 'late', done: false } }).events).toEqual([]);
  });
});

describe('how our run ending ends the AG-UI run', () => {
  it('pipeline_stopped finishes it as cancelled, with the reason', () => {
    const ev = eventLog();
    const run = connect('pipeline', throughAnalyst(ev));
    const events = run.feed(ev('pipeline_stopped', { reason: 'Stopped by you', stage: 'applier' }));
    const finished = onlyOne(events, EventType.RUN_FINISHED);
    expect(finished.outcome).toEqual({ type: 'cancelled' });
    expect(finished.result).toEqual({ reason: 'Stopped by you' });
    expect(events.at(-1)).toBe(finished);
  });

  it('pipeline_error that will not be retried ends it with RUN_ERROR RUN_FAILED and the error text', () => {
    const ev = eventLog();
    const run = connect('pipeline', throughAnalyst(ev));
    const events = run.feed(ev('pipeline_error', { error: 'The sandbox board is down', retrying: false, attempt: 1 }, { message: 'Run failed' }));
    expect(events.at(-1)).toEqual({ type: EventType.RUN_ERROR, code: 'RUN_FAILED', message: 'The sandbox board is down' });
    expect(ofType(events, EventType.RUN_FINISHED)).toEqual([]);
  });

  it('pipeline_error that will be retried keeps it going', () => {
    const ev = eventLog();
    const run = connect('pipeline', throughAnalyst(ev));
    const error = ev('pipeline_error', { error: 'Redis hiccup', retrying: true, attempt: 1 }, { message: 'Retrying after a hiccup' });
    const events = run.feed(error);
    expect(ofType(events, EventType.RUN_ERROR)).toEqual([]);
    expect(ofType(events, EventType.RUN_FINISHED)).toEqual([]);
    expect(textOf(events, `${RUN_ID}-${error.seq}`)).toBe('Retrying after a hiccup');
    expect(run.feed(ev('pipeline_start', { params: draftParams, attempt: 2 }))).not.toEqual([]);
  });
});

describe('narration', () => {
  it('tells scout_complete as an assistant message whose id is the run and seq', () => {
    const ev = eventLog();
    const run = connect('pipeline', throughAnalyst(ev).slice(0, 4));
    const complete = ev('scout_complete', { count: 2, duplicatesRemoved: 0 }, { message: 'Found 2 jobs on sandbox' });
    const events = run.feed(complete);
    const messageId = `${RUN_ID}-${complete.seq}`;
    expect(events.filter((e) => e.type.startsWith('TEXT_MESSAGE'))).toEqual([
      { type: EventType.TEXT_MESSAGE_START, messageId, role: 'assistant' },
      { type: EventType.TEXT_MESSAGE_CONTENT, messageId, delta: 'Found 2 jobs on sandbox' },
      { type: EventType.TEXT_MESSAGE_END, messageId },
    ]);
  });

  it('tells analyst_result in its own message', () => {
    const ev = eventLog();
    const run = connect('pipeline', throughAnalyst(ev).slice(0, 6));
    const result = ev('analyst_result', { ...JOB_1, matchScore: 80, matchedSkills: ['Python'], missingSkills: [], explanation: 'Good fit' }, { message: 'Backend Engineer at Acme: 80% match' });
    const events = run.feed(result);
    const start = onlyOne(events, EventType.TEXT_MESSAGE_START);
    expect(start).toEqual({ type: EventType.TEXT_MESSAGE_START, messageId: `${RUN_ID}-${result.seq}`, role: 'assistant' });
    expect(textOf(events, start.messageId)).toBe('Backend Engineer at Acme: 80% match');
    expect(onlyOne(events, EventType.TEXT_MESSAGE_END).messageId).toBe(start.messageId);
  });

  it('gives an event it does not narrate (task_progress) as a state delta only', () => {
    const ev = eventLog();
    const run = connect('pipeline', throughAnalyst(ev));
    const events = run.feed(ev('task_progress', { jobId: RUN_ID, progress: 60, stage: 'applier' }));
    expect(types(events)).toEqual([EventType.STATE_DELTA]);
  });
});

describe('tool calls', () => {
  it('scout_searching is a search_jobs call with the source, query and location as its arguments', () => {
    const ev = eventLog();
    const run = connect('pipeline', throughAnalyst(ev).slice(0, 2));
    const events = run.feed(ev('scout_searching', { source: 'sandbox', query: 'python', location: 'Remote' }));
    const { toolCallId } = onlyOne(events, EventType.TOOL_CALL_START);
    expect(events.filter((e) => e.type.startsWith('TOOL_CALL'))).toEqual([
      { type: EventType.TOOL_CALL_START, toolCallId, toolCallName: 'search_jobs' },
      { type: EventType.TOOL_CALL_ARGS, toolCallId, delta: expect.any(String) as string },
      { type: EventType.TOOL_CALL_END, toolCallId },
    ]);
    expect(JSON.parse(onlyOne(events, EventType.TOOL_CALL_ARGS).delta)).toEqual({ source: 'sandbox', query: 'python', location: 'Remote' });
  });

  it('the matching scout_found is the result of that call: the count and the urls', () => {
    const ev = eventLog();
    const run = connect('pipeline', throughAnalyst(ev).slice(0, 2));
    const call = onlyOne(run.feed(ev('scout_searching', { source: 'sandbox', query: 'python', location: 'Remote' })), EventType.TOOL_CALL_START);
    const events = run.feed(ev('scout_found', { source: 'sandbox', count: 2, urls: [JOB_1.jobUrl, JOB_2.jobUrl] }));
    expect(ofType(events, EventType.TOOL_CALL_START)).toEqual([]);
    const result = onlyOne(events, EventType.TOOL_CALL_RESULT);
    expect(result).toMatchObject({ toolCallId: call.toolCallId, role: 'tool' });
    expect(contentOf(result)).toEqual({ count: 2, urls: [JOB_1.jobUrl, JOB_2.jobUrl] });
  });

  it('a scout_found whose search began before this AG-UI run still comes as a whole call with its result', () => {
    const ev = eventLog();
    const run = connect('pipeline', throughAnalyst(ev).slice(0, 3));
    const events = run.feed(ev('scout_found', { source: 'sandbox', count: 1, urls: [JOB_1.jobUrl] }));
    const calls = events.filter((e) => e.type.startsWith('TOOL_CALL'));
    expect(types(calls)).toEqual([EventType.TOOL_CALL_START, EventType.TOOL_CALL_ARGS, EventType.TOOL_CALL_END, EventType.TOOL_CALL_RESULT]);
    const start = onlyOne(events, EventType.TOOL_CALL_START);
    expect(start.toolCallName).toBe('search_jobs');
    expect(onlyOne(events, EventType.TOOL_CALL_RESULT).toolCallId).toBe(start.toolCallId);
    expect(contentOf(onlyOne(events, EventType.TOOL_CALL_RESULT))).toEqual({ count: 1, urls: [JOB_1.jobUrl] });
  });

  const browserTools: [string, (ev: Ev) => RunEvent, Record<string, unknown>][] = [
    ['browser_navigate', (ev) => ev('applier_navigate', { url: JOB_1.jobUrl }, { message: 'Opened the form' }), { url: JOB_1.jobUrl }],
    ['browser_click', (ev) => ev('applier_click', { target: 'Apply' }, { message: 'Clicked Apply' }), { target: 'Apply' }],
    ['browser_type', (ev) => ev('applier_type', { field: 'Name', value: 'Jordan' }, { message: 'Typed the name' }), { field: 'Name', value: 'Jordan' }],
    ['browser_upload', (ev) => ev('applier_upload', { field: 'Resume', fileName: 'cv.pdf' }, { message: 'Attached cv.pdf' }), { field: 'Resume', fileName: 'cv.pdf' }],
    ['browser_action', (ev) => ev('browser_action', { action: 'scroll', detail: 'to the form' }, { message: 'Scrolled' }), { action: 'scroll', detail: 'to the form' }],
  ];

  it.each(browserTools)('%s is a call with its arguments, ended, and its result at once', (name, make, args) => {
    const ev = eventLog();
    const run = connect('pipeline', [...throughAnalyst(ev), ev('applier_start', { ...JOB_1, draftMode: true })]);
    const event = make(ev);
    const events = run.feed(event);
    const calls = events.filter((e) => e.type.startsWith('TOOL_CALL'));
    expect(types(calls)).toEqual([EventType.TOOL_CALL_START, EventType.TOOL_CALL_ARGS, EventType.TOOL_CALL_END, EventType.TOOL_CALL_RESULT]);
    const start = onlyOne(events, EventType.TOOL_CALL_START);
    expect(start.toolCallName).toBe(name);
    expect(JSON.parse(onlyOne(events, EventType.TOOL_CALL_ARGS).delta)).toEqual(args);
    const result = onlyOne(events, EventType.TOOL_CALL_RESULT);
    expect(result.toolCallId).toBe(start.toolCallId);
    expect(contentOf(result)).toEqual({ done: event.message });
  });

  it('applier_submit is a browser_submit call whose result is the confirmation of applier_submitted', () => {
    const ev = eventLog();
    const run = connect('pipeline', [...throughAnalyst(ev, submitParams), ev('applier_start', { ...JOB_1, draftMode: false })]);
    const submit = run.feed(ev('applier_submit', { jobUrl: JOB_1.jobUrl }));
    const start = onlyOne(submit, EventType.TOOL_CALL_START);
    expect(start.toolCallName).toBe('browser_submit');
    expect(JSON.parse(onlyOne(submit, EventType.TOOL_CALL_ARGS).delta)).toEqual({ jobUrl: JOB_1.jobUrl });
    expect(ofType(submit, EventType.TOOL_CALL_RESULT)).toEqual([]);
    const submitted = run.feed(ev('applier_submitted', { ...JOB_1, confirmation: 'Application #42 received' }));
    const result = onlyOne(submitted, EventType.TOOL_CALL_RESULT);
    expect(result.toolCallId).toBe(start.toolCallId);
    expect(contentOf(result)).toEqual({ confirmation: 'Application #42 received' });
  });

  it('a reconnecting client that holds the call gets only its result', async () => {
    const ev = eventLog();
    const history = throughAnalyst(ev).slice(0, 2);
    const first = connect('pipeline', history);
    const { toolCallId } = onlyOne(first.feed(ev('scout_searching', { source: 'sandbox', query: 'python', location: 'Remote' })), EventType.TOOL_CALL_START);
    // The connection drops; the next request sends the conversation the client holds, that call included.
    const second = new AguiRun(first.mapper.fold, (await inClient(first)).messages);
    second.open();
    const events = second.feed(ev('scout_found', { source: 'sandbox', count: 1, urls: [JOB_1.jobUrl] }));
    expect(types(events.filter((e) => e.type.startsWith('TOOL_CALL')))).toEqual([EventType.TOOL_CALL_RESULT]);
    expect(onlyOne(events, EventType.TOOL_CALL_RESULT).toolCallId).toBe(toolCallId);
  });

  // A profile with two Greenhouse boards searches 'greenhouse' twice in one attempt (planSources: one step per board).
  it('two boards of one kind searched in one attempt are two tool calls, each with its own result', () => {
    const ev = eventLog();
    const run = connect('pipeline', [
      ev('pipeline_start', { params: { ...draftParams, sources: ['greenhouse'] }, attempt: 1 }),
      ev('scout_start', { query: 'python', location: 'Remote', sources: ['greenhouse'] }),
    ]);
    run.feed(
      ev('scout_searching', { source: 'greenhouse', query: 'python', location: 'Remote' }, { message: 'Searching Greenhouse (acme)' }),
      ev('scout_found', { source: 'greenhouse', count: 1, urls: ['https://boards.greenhouse.io/acme/jobs/1'] }),
      ev('scout_searching', { source: 'greenhouse', query: 'python', location: 'Remote' }, { message: 'Searching Greenhouse (beta)' }),
      ev('scout_found', { source: 'greenhouse', count: 1, urls: ['https://boards.greenhouse.io/beta/jobs/2'] }),
    );
    const calls = ofType(run.sent, EventType.TOOL_CALL_START).map((e) => e.toolCallId);
    expect(new Set(calls).size).toBe(2);
    expect(ofType(run.sent, EventType.TOOL_CALL_RESULT).map((e) => e.toolCallId)).toEqual(calls);
  });

  it('an applier_error after applier_submit is the error result of that call', () => {
    const ev = eventLog();
    const run = connect('pipeline', [...throughAnalyst(ev, submitParams), ev('applier_start', { ...JOB_1, draftMode: false })]);
    const start = onlyOne(run.feed(ev('applier_submit', { jobUrl: JOB_1.jobUrl })), EventType.TOOL_CALL_START);
    const events = run.feed(ev('applier_error', { jobUrl: JOB_1.jobUrl, error: 'The form rejected the phone number' }));
    const result = onlyOne(events, EventType.TOOL_CALL_RESULT);
    expect(result.toolCallId).toBe(start.toolCallId);
    expect(contentOf(result)).toEqual({ error: 'The form rejected the phone number' });
  });
});

describe('shared state', () => {
  /** A whole run in submit mode: scout, analyst, the applier's form, a submission, the end. */
  function wholeRun(ev: Ev): RunEvent[] {
    return [
      ...throughAnalyst(ev, submitParams),
      ev('task_progress', { jobId: RUN_ID, progress: 60, stage: 'applier' }),
      ev('applier_start', { ...JOB_1, draftMode: false }),
      ev('applier_navigate', { url: JOB_1.jobUrl }),
      ev('applier_type', { field: 'Name', value: 'Jordan' }),
      ev('applier_draft_ready', { ...JOB_1, fields: [{ label: 'Name', value: 'Jordan', confident: true }] }),
      ev('applier_submit', { jobUrl: JOB_1.jobUrl }),
      ev('applier_submitted', { ...JOB_1, confirmation: 'Application #42 received' }),
      ev('applier_complete', { drafted: 0, submitted: 1, failed: 0 }),
      ev('pipeline_complete', { jobsFound: 2, jobsAnalyzed: 2, jobsQualified: 1, applicationsDrafted: 0, applicationsSubmitted: 1, durationMs: 9000 }),
    ];
  }

  it('the first snapshot with every delta applied in order is the fold state after every event, and the final snapshot', () => {
    const ev = eventLog();
    const run = connect('pipeline');
    let state = stateAfter(undefined, run.sent);
    for (const event of wholeRun(ev)) {
      const events = run.feed(event);
      // Up to the closing snapshot, only deltas: the client keeps up by patching.
      const deltasOnly = events.filter((e) => e.type !== EventType.STATE_SNAPSHOT);
      state = stateAfter(state, deltasOnly);
      expect(state, `after ${event.type} #${event.seq}`).toEqual(threadState(run.mapper.fold));
    }
    const snapshots = ofType(run.sent, EventType.STATE_SNAPSHOT);
    expect(snapshots).toHaveLength(2);
    expect(state).toEqual(snapshots[1]!.snapshot);
  });

  it("lastSeq in the client's state advances with each event", () => {
    const ev = eventLog();
    const run = connect('pipeline');
    let state = stateAfter(undefined, run.sent);
    const seen: number[] = [];
    for (const event of throughAnalyst(ev)) {
      state = stateAfter(state, run.feed(event));
      seen.push((state as { lastSeq: number }).lastSeq);
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('lists jobs in the order they were discovered, whatever their scores', () => {
    const ev = eventLog();
    const run = connect('pipeline');
    run.feed(
      ev('pipeline_start', { params: draftParams, attempt: 1 }),
      ev('scout_start', { query: 'python', location: 'Remote', sources: ['sandbox', 'lever'] }),
      ev('scout_found', { source: 'sandbox', count: 2, urls: [JOB_1.jobUrl, JOB_2.jobUrl] }),
      ev('scout_found', { source: 'lever', count: 1, urls: [JOB_3.jobUrl] }),
      ev('analyst_start', { ...JOB_3, jobIndex: 1, total: 3, progress: 33 }),
      ev('analyst_result', { ...JOB_3, matchScore: 95, matchedSkills: ['Go'], missingSkills: [], explanation: 'Great fit' }),
    );
    const state = stateAfter(undefined, run.sent) as { jobs: { jobUrl: string; source: string; matchScore: number | null }[] };
    expect(state.jobs.map((j) => [j.jobUrl, j.source, j.matchScore])).toEqual([
      [JOB_1.jobUrl, 'sandbox', null],
      [JOB_2.jobUrl, 'sandbox', null],
      [JOB_3.jobUrl, 'lever', 95],
    ]);
  });

  it("takes an application through filling, drafted, awaiting_approval and submitted, across the question's two AG-UI runs", () => {
    const ev = eventLog();
    const history = throughAnalyst(ev);
    const stages: string[] = [];
    const note = (state: unknown) => {
      const app = (state as { applications: { jobUrl: string; stage: string }[] }).applications.find((a) => a.jobUrl === JOB_1.jobUrl);
      if (app && stages.at(-1) !== app.stage) stages.push(app.stage);
    };

    const first = connect('pipeline', history);
    let state = stateAfter(undefined, first.sent);
    for (const event of toApproval(ev)) {
      state = stateAfter(state, first.feed(event));
      note(state);
    }
    expect(onlyOne(first.sent, EventType.RUN_FINISHED).outcome?.type).toBe('interrupt');

    // The answer comes back in the next request: a new AG-UI run from where the first one left the fold.
    const second = new AguiRun(first.mapper.fold);
    state = stateAfter(state, second.open({ answered: [HITL_APPROVAL] }));
    for (const event of [
      ev('hitl_response', { hitlId: HITL_APPROVAL, response: 'approve' }),
      ev('applier_submit', { jobUrl: JOB_1.jobUrl }),
      ev('applier_submitted', { ...JOB_1, confirmation: 'Application #42 received' }),
    ]) {
      state = stateAfter(state, second.feed(event));
      note(state);
    }
    expect(stages).toEqual(['filling', 'drafted', 'awaiting_approval', 'approved', 'submitted']);
  });
});

describe('questions (human in the loop)', () => {
  it('an approval question ends the AG-UI run: its delta, the open steps finished, the state whole, RUN_FINISHED', () => {
    const ev = eventLog();
    const run = connect('pipeline', throughAnalyst(ev));
    const [start, type, draft, request] = toApproval(ev);
    run.feed(start!, type!, draft!);
    const events = run.feed(request!);
    expect(types(events)).toEqual([EventType.STATE_DELTA, EventType.STEP_FINISHED, EventType.STATE_SNAPSHOT, EventType.RUN_FINISHED]);
    expect(onlyOne(events, EventType.STEP_FINISHED).stepName).toBe('applier');
    expect(onlyOne(events, EventType.STATE_SNAPSHOT).snapshot).toEqual(threadState(run.mapper.fold));
  });

  it("carries the approval as an interrupt: the hitlId, the question, when it expires, its options as the answer's schema", () => {
    const ev = eventLog();
    const run = connect('pipeline', throughAnalyst(ev));
    const events = run.feed(...toApproval(ev));
    expect(onlyOne(events, EventType.RUN_FINISHED).outcome).toEqual({
      type: 'interrupt',
      interrupts: [
        {
          id: HITL_APPROVAL,
          reason: 'approval',
          message: 'Submit the application to Backend Engineer at Acme?',
          expiresAt: EXPIRES_AT,
          responseSchema: { type: 'string', enum: ['approve', 'reject'] },
          metadata: {
            jobstream: {
              agent: 'applier',
              context: '1 field filled',
              answerKind: 'choice',
              options: ['approve', 'reject'],
              multiple: false,
              defaultAnswer: 'reject',
              jobUrl: JOB_1.jobUrl,
            },
          },
        },
      ],
    });
  });

  /** The one question the events leave open, as interruptOf gives it. */
  function interruptAfter(events: RunEvent[]) {
    const [question] = openQuestions(foldOf('pipeline', events).run);
    const interrupt = interruptOf(question!);
    // An interrupt only travels inside RUN_FINISHED: it must validate there.
    EventSchema.parse({ type: EventType.RUN_FINISHED, threadId: THREAD_ID, runId: AGUI_RUN_ID, outcome: { type: 'interrupt', interrupts: [interrupt] } });
    return interrupt;
  }

  it('a text question asks for a bounded string', () => {
    const ev = eventLog();
    const interrupt = interruptAfter([
      ...throughAnalyst(ev),
      ev('applier_start', { ...JOB_1, draftMode: true }),
      ev(
        'hitl_request',
        { hitlId: HITL_TEXT, question: 'What is your notice period?', context: 'A required field', options: [], answerKind: 'text', timeoutMs: 60_000, expiresAt: EXPIRES_AT, defaultAnswer: null },
        { agent: 'applier' },
      ),
    ]);
    expect(interrupt).toMatchObject({ id: HITL_TEXT, reason: 'question', message: 'What is your notice period?' });
    expect(interrupt.responseSchema).toMatchObject({ type: 'string', maxLength: expect.any(Number) as number });
    expect(interrupt.metadata).toMatchObject({ jobstream: { answerKind: 'text', jobUrl: JOB_1.jobUrl } });
  });

  it('a multiple-choice question asks for an array of its options', () => {
    const ev = eventLog();
    const interrupt = interruptAfter([
      ...throughAnalyst(ev),
      ev(
        'hitl_request',
        {
          hitlId: HITL_CHOICES,
          question: 'Which languages do you use daily?',
          context: '',
          options: ['Python', 'Go', 'Rust'],
          answerKind: 'choice',
          multiple: true,
          timeoutMs: 60_000,
          expiresAt: EXPIRES_AT,
          defaultAnswer: null,
        },
        { agent: 'applier' },
      ),
    ]);
    expect(interrupt.responseSchema).toMatchObject({ type: 'array', items: { type: 'string', enum: ['Python', 'Go', 'Rust'] } });
    expect(interrupt.metadata).toMatchObject({ jobstream: { multiple: true, options: ['Python', 'Go', 'Rust'] } });
  });

  it('a file question says where to upload the file', () => {
    const ev = eventLog();
    const interrupt = interruptAfter([
      ...throughAnalyst(ev),
      ev(
        'hitl_request',
        { hitlId: HITL_FILE, question: 'Upload your portfolio', context: '', options: [], answerKind: 'file', timeoutMs: 60_000, expiresAt: EXPIRES_AT, defaultAnswer: null },
        { agent: 'applier' },
      ),
    ]);
    expect(interrupt.metadata).toMatchObject({ jobstream: { answerKind: 'file', uploadTo: `/api/hitl/${HITL_FILE}/file` } });
  });

  it('a reconnect that does not answer the open question is closed at once with it as the interrupt', () => {
    const ev = eventLog();
    const run = connect('pipeline', [...throughAnalyst(ev), ...toApproval(ev)]);
    expect(types(run.sent)).toEqual([
      EventType.RUN_STARTED,
      EventType.STATE_SNAPSHOT,
      EventType.STEP_STARTED,
      EventType.STEP_FINISHED,
      EventType.STATE_SNAPSHOT,
      EventType.RUN_FINISHED,
    ]);
    const finished = onlyOne(run.sent, EventType.RUN_FINISHED);
    expect(finished.outcome).toMatchObject({ type: 'interrupt', interrupts: [{ id: HITL_APPROVAL, reason: 'approval' }] });
    expect(run.feed(ev('hitl_response', { hitlId: HITL_APPROVAL, response: 'approve' }))).toEqual([]);
  });

  it('a request that answers it stays open, restarts the steps still working, and goes on with the answer', () => {
    const ev = eventLog();
    const run = connect('pipeline', [...throughAnalyst(ev), ...toApproval(ev)], { answered: [HITL_APPROVAL] });
    expect(types(run.sent)).toEqual([EventType.RUN_STARTED, EventType.STATE_SNAPSHOT, EventType.STEP_STARTED]);
    expect(onlyOne(run.sent, EventType.STEP_STARTED).stepName).toBe('applier');
    const events = run.feed(ev('hitl_response', { hitlId: HITL_APPROVAL, response: 'approve' }));
    expect(types(events)).toEqual([EventType.STATE_DELTA]);
  });
  it('with two questions open, a request that answers one is interrupted by the other alone', () => {
    const ev = eventLog();
    const textQuestion = ev(
      'hitl_request',
      { hitlId: HITL_TEXT, question: 'What is your notice period?', context: '', options: [], answerKind: 'text', timeoutMs: 60_000, expiresAt: EXPIRES_AT, defaultAnswer: null },
      { agent: 'applier' },
    );
    const run = connect('pipeline', [...throughAnalyst(ev), ...toApproval(ev), textQuestion], { answered: [HITL_APPROVAL] });
    const finished = onlyOne(run.sent, EventType.RUN_FINISHED);
    expect(finished.outcome).toMatchObject({ type: 'interrupt', interrupts: [{ id: HITL_TEXT }] });
    expect((finished.outcome as { interrupts: unknown[] }).interrupts).toHaveLength(1);
  });
});

describe('sessions', () => {
  it('streams typing frames: the first opens the message, each later one sends only what is new', () => {
    const ev = eventLog();
    const run = connect('salary_battle', [battleStart(ev)]);
    expect(run.type('msg_1', 'We can')).toEqual([
      { type: EventType.TEXT_MESSAGE_START, messageId: 'msg_1', role: 'assistant' },
      { type: EventType.TEXT_MESSAGE_CONTENT, messageId: 'msg_1', delta: 'We can' },
    ]);
    expect(run.type('msg_1', 'We can offer')).toEqual([{ type: EventType.TEXT_MESSAGE_CONTENT, messageId: 'msg_1', delta: ' offer' }]);
  });

  it('adds nothing for a frame that does not extend what was sent', () => {
    const ev = eventLog();
    const run = connect('salary_battle', [battleStart(ev)]);
    run.type('msg_1', 'We can');
    run.type('msg_1', 'We can offer');
    expect(run.type('msg_1', 'We')).toEqual([]);
    expect(run.type('msg_1', 'We can offer')).toEqual([]);
  });

  it("completes the streamed message with the durable reply, then ends the AG-UI run on the user's turn", async () => {
    const ev = eventLog();
    const run = connect('salary_battle', [battleStart(ev)]);
    run.type('msg_1', 'We can');
    run.type('msg_1', 'We can offer');
    const events = run.feed(battleReply(ev, 'msg_1', 'We can offer 120k'));
    expect(events.slice(0, 2)).toEqual([
      { type: EventType.TEXT_MESSAGE_CONTENT, messageId: 'msg_1', delta: ' 120k' },
      { type: EventType.TEXT_MESSAGE_END, messageId: 'msg_1' },
    ]);
    expect(textOf(run.sent, 'msg_1')).toBe('We can offer 120k');
    expect(ofType(events, EventType.MESSAGES_SNAPSHOT)).toEqual([]);
    expect(heldText(await inClient(run), 'msg_1')).toBe('We can offer 120k');
    const finished = events.at(-1);
    expect(finished).toMatchObject({ type: EventType.RUN_FINISHED, outcome: { type: 'success' }, result: { awaiting: expect.any(String) as string } });
  });

  it('adds nothing for a typing frame that arrives after the durable reply', () => {
    const ev = eventLog();
    const run = connect('salary_battle', [battleStart(ev)]);
    run.type('msg_1', 'Deal at');
    // A closing reply does not wait for the user: the AG-UI run goes on.
    run.feed(battleReply(ev, 'msg_1', 'Deal at 120k.', 'closed'));
    expect(ofType(run.sent, EventType.RUN_FINISHED)).toEqual([]);
    expect(run.type('msg_1', 'Deal at 120k')).toEqual([]);
    expect(run.type('msg_1', 'Deal at 120k. Thanks')).toEqual([]);
  });

  it('sends a reply that was never streamed whole: START, CONTENT, END', () => {
    const ev = eventLog();
    const run = connect('salary_battle', [battleStart(ev)]);
    const events = run.feed(battleReply(ev, 'msg_2', 'Our budget is 120k.'));
    expect(events.slice(0, 3)).toEqual([
      { type: EventType.TEXT_MESSAGE_START, messageId: 'msg_2', role: 'assistant' },
      { type: EventType.TEXT_MESSAGE_CONTENT, messageId: 'msg_2', delta: 'Our budget is 120k.' },
      { type: EventType.TEXT_MESSAGE_END, messageId: 'msg_2' },
    ]);
  });

  it("ends the AG-UI run after a career_chat_response: it is the user's turn", () => {
    const run = connect('career_chat');
    const ev = eventLog();
    const events = run.feed(chatReply(ev, 'msg_c1', 'Backend engineers earn 120k at the median.'));
    expect(textOf(events, 'msg_c1')).toBe('Backend engineers earn 120k at the median.');
    expect(types(events).slice(-2)).toEqual([EventType.STATE_SNAPSHOT, EventType.RUN_FINISHED]);
    expect(onlyOne(events, EventType.RUN_FINISHED)).toMatchObject({ outcome: { type: 'success' }, result: { awaiting: expect.any(String) as string } });
  });

  it('narrates session_complete with its summary and finishes the AG-UI run with success', () => {
    const ev = eventLog();
    const run = connect('salary_battle', [battleStart(ev), battleReply(ev, 'msg_1', 'Deal at 120k.', 'closed')]);
    const summary = 'You settled with Acme at 120k, 5% above their first offer.';
    const complete = ev('session_complete', { kind: 'salary_battle', outcome: 'accepted', summary, durationMs: 60_000 });
    const events = run.feed(complete);
    expect(textOf(events, `${RUN_ID}-${complete.seq}`)).toBe(summary);
    expect(onlyOne(events, EventType.RUN_FINISHED)).toMatchObject({ outcome: { type: 'success' }, result: { outcome: 'accepted', summary } });
  });

  it("a reconnect with nothing to say to a session awaiting the user's turn is closed at once", () => {
    const ev = eventLog();
    const run = connect('salary_battle', [battleStart(ev), battleReply(ev, 'msg_1', 'We can offer 120k')], { awaitsOutcome: false });
    expect(types(run.sent)).toEqual([EventType.RUN_STARTED, EventType.STATE_SNAPSHOT, EventType.STATE_SNAPSHOT, EventType.RUN_FINISHED]);
    expect(onlyOne(run.sent, EventType.RUN_FINISHED)).toMatchObject({ outcome: { type: 'success' }, result: { awaiting: expect.any(String) as string } });
  });

  it("a request that carries the user's turn stays open for the reply", () => {
    const ev = eventLog();
    const run = connect('salary_battle', [battleStart(ev), battleReply(ev, 'msg_1', 'We can offer 120k')], { awaitsOutcome: true });
    expect(types(run.sent)).toEqual([EventType.RUN_STARTED, EventType.STATE_SNAPSHOT]);
    run.feed(ev('salary_battle_user_turn', { round: 2, prompt: 'I need 140k', offer: 140_000, turnId: 'turn-2' }));
    expect(run.type('msg_3', 'Let me')).toHaveLength(2);
  });

  it('a reconnecting client that holds part of a reply gets only the rest of it', async () => {
    const ev = eventLog();
    const conversation: Message[] = [
      { id: 'user-1', role: 'user', content: 'I want 140k' },
      { id: 'msg_1', role: 'assistant', content: 'We can' },
    ];
    const run = new AguiRun(foldOf('salary_battle', [battleStart(ev)]), conversation);
    run.open({ awaitsOutcome: true });
    const events = run.feed(battleReply(ev, 'msg_1', 'We can offer 120k'));
    expect(events.slice(0, 3)).toEqual([
      { type: EventType.TEXT_MESSAGE_START, messageId: 'msg_1', role: 'assistant' },
      { type: EventType.TEXT_MESSAGE_CONTENT, messageId: 'msg_1', delta: ' offer 120k' },
      { type: EventType.TEXT_MESSAGE_END, messageId: 'msg_1' },
    ]);
    const client = await inClient(run);
    expect(client.messages.map((m) => [m.id, m.content])).toEqual([
      ['user-1', 'I want 140k'],
      ['msg_1', 'We can offer 120k'],
    ]);
  });

  // The worker streams the model's draft and, when the draft fails its check, publishes the
  // engine's words as the durable reply under the same messageId (worker/llm/checked-words.ts).
  it('replaces a streamed draft that the durable reply does not extend, keeping the rest of the conversation', async () => {
    const ev = eventLog();
    const conversation: Message[] = [{ id: 'user-1', role: 'user', content: 'I want 140k' }];
    const run = new AguiRun(foldOf('salary_battle', [battleStart(ev)]), conversation);
    run.open({ awaitsOutcome: true });
    run.type('msg_1', 'We can offer 200k');
    const events = run.feed(battleReply(ev, 'msg_1', 'Our budget tops out at 120k.'));
    expect(types(events).slice(0, 2)).toEqual([EventType.TEXT_MESSAGE_END, EventType.MESSAGES_SNAPSHOT]);
    const client = await inClient(run);
    expect(client.messages.map((m) => [m.id, m.content])).toEqual([
      ['user-1', 'I want 140k'],
      ['msg_1', 'Our budget tops out at 120k.'],
    ]);
  });

  it('replaces a partial draft a reconnecting client holds when the durable reply does not extend it', async () => {
    const ev = eventLog();
    const conversation: Message[] = [
      { id: 'user-1', role: 'user', content: 'I want 140k' },
      { id: 'msg_1', role: 'assistant', content: 'We can offer 2' },
    ];
    const run = new AguiRun(foldOf('salary_battle', [battleStart(ev)]), conversation);
    run.open({ awaitsOutcome: true });
    run.feed(battleReply(ev, 'msg_1', 'Our budget tops out at 120k.'));
    expect(heldText(await inClient(run), 'msg_1')).toBe('Our budget tops out at 120k.');
  });
});

describe('errors outside our run', () => {
  it('refuseThreadRun starts the AG-UI run and fails it with the code and message', () => {
    const run = new AguiRun(foldOf('pipeline'));
    const step = refuseThreadRun(run.mapper, 'INTERRUPT_NOT_FOUND', 'No question hitl_x on this thread.');
    run.sent.push(...step.events);
    expect(step.events).toEqual([
      { type: EventType.RUN_STARTED, threadId: THREAD_ID, runId: AGUI_RUN_ID, protocolVersion: '1.0' },
      { type: EventType.RUN_ERROR, code: 'INTERRUPT_NOT_FOUND', message: 'No question hitl_x on this thread.' },
    ]);
    expect(mapInput(step.mapper, { kind: 'event', event: eventLog()('pipeline_start', { params: draftParams, attempt: 1 }) }).events).toEqual([]);
  });

  it('failThreadRun ends an open AG-UI run with RUN_ERROR, and a closed one with nothing', () => {
    const ev = eventLog();
    const run = connect('pipeline', throughAnalyst(ev));
    const step = failThreadRun(run.mapper, 'INTERNAL', 'Something went wrong on our side.');
    run.sent.push(...step.events);
    expect(step.events).toEqual([{ type: EventType.RUN_ERROR, code: 'INTERNAL', message: 'Something went wrong on our side.' }]);
    expect(failThreadRun(step.mapper, 'INTERNAL', 'again').events).toEqual([]);
  });
});

describe('determinism and purity', () => {
  /** Freezes plain objects and arrays all the way down (Maps and Sets are compared instead: freezing them stops nothing). */
  function deepFreeze<T>(value: T): T {
    if (value && typeof value === 'object' && !Object.isFrozen(value)) {
      Object.freeze(value);
      const children = value instanceof Map ? [...value.values()] : value instanceof Set ? [...value.values()] : Object.values(value);
      for (const child of children) deepFreeze(child);
    }
    return value;
  }

  function midRun() {
    const ev = eventLog();
    const history = throughAnalyst(ev).slice(0, 2);
    const opened = openThreadRun(createThreadMapper(foldOf('pipeline', history), { threadId: THREAD_ID, runId: AGUI_RUN_ID }), { answered: new Set(), awaitsOutcome: false });
    const live = [
      ev('scout_searching', { source: 'sandbox', query: 'python', location: 'Remote' }),
      ev('scout_found', { source: 'sandbox', count: 2, urls: [JOB_1.jobUrl, JOB_2.jobUrl] }),
      ev('scout_complete', { count: 2, duplicatesRemoved: 0 }),
      ev('analyst_start', { ...JOB_1, jobIndex: 1, total: 2, progress: 50 }),
      ev('task_progress', { jobId: RUN_ID, progress: 40, stage: 'analyst' }),
    ];
    return { opened, live };
  }

  it('maps the same events from the same mapper to the same AG-UI events', () => {
    const { opened, live } = midRun();
    const once = feed(opened.mapper, live);
    const twice = feed(opened.mapper, live);
    expect(twice.events).toEqual(once.events);
    expect(twice.mapper).toEqual(once.mapper);
    expectWellFormed([...opened.events, ...once.events]);
  });

  it('leaves the mapper it was given as it was', () => {
    const { opened, live } = midRun();
    const before = structuredClone(opened.mapper);
    const frozen = deepFreeze(opened.mapper);
    const step = feed(frozen, live);
    expect(frozen).toEqual(before);
    expect(step.mapper).not.toBe(frozen);
    const typed = mapInput(frozen, { kind: 'typing', typing: { messageId: 'msg_x', text: 'hello', done: false } });
    expect(frozen).toEqual(before);
    expectWellFormed([...opened.events, ...step.events]);
    expectWellFormed([...opened.events, ...typed.events]);
  });

  it('maps an event it has already folded (a reconnect overlap) to nothing', () => {
    const { opened, live } = midRun();
    const step = feed(opened.mapper, live);
    const again = feed(step.mapper, live);
    expect(again.events).toEqual([]);
    expect(again.mapper.fold).toBe(step.mapper.fold);
    expectWellFormed([...opened.events, ...step.events, ...again.events]);
  });
});
