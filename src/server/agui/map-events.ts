import { EventType, type AGUIEvent, type Interrupt, type JsonPatchOperation, type Message, type RunFinishedOutcome } from '@ag-ui/core';
import jsonPatch from 'fast-json-patch';
import type { RunEvent } from '~/shared/events';
import { LANES, openQuestions, type Lane, type OpenQuestion } from '~/shared/run-state';
import type { SessionEnd } from '~/shared/session-state';
import type { Typing } from '~/shared/sessions/typing';
import { conversationAfter, heldIn, tell, type Held, type Told } from './conversation';
import { awaitsUser, callIdOf, foldEvents, runEnding, threadState, type PendingCalls, type RunFold, type ThreadState } from './thread-state';

/**
 * Our event catalog as AG-UI events. One jobstream run is one AG-UI thread; each
 * request on it is one AG-UI run, which ends when our run ends or when an agent asks
 * a question (RUN_FINISHED with an interrupt outcome; our run goes on waiting and the
 * answer comes back in the next request's `resume`). A session's AG-UI run also ends
 * when it is the user's turn: their next message is the next request.
 *
 * Everything here is pure: a mapper goes in, a new mapper and the AG-UI events come
 * out, and the same events in give the same events out.
 */
export interface ThreadMapper {
  fold: RunFold;
  /** The state the client holds: the last snapshot with every delta since applied. */
  view: ThreadState;
  /** The AG-UI thread and run this response speaks for. */
  threadId: string;
  runId: string;
  /** false before RUN_STARTED and after RUN_FINISHED / RUN_ERROR. */
  open: boolean;
  /** Stages with a STEP_STARTED and no STEP_FINISHED yet in this AG-UI run. */
  steps: ReadonlySet<Lane>;
  /** Replies being streamed in this AG-UI run (their TEXT_MESSAGE_START is out): the text sent so far. */
  streams: ReadonlyMap<string, string>;
  /** Replies whose finished text has been sent: typing that arrives after it is stale. */
  replied: ReadonlySet<string>;
  /**
   * What the client already holds (HttpAgent sends its whole conversation): after a
   * dropped connection, a message it got part of is completed with what it lacks, and a
   * tool call it has gets its result without being made again.
   */
  held: Held;
  /** The conversation the client sent, and what this AG-UI run has told it since (for a correction). */
  base: readonly Message[];
  told: Told;
  /** Tool calls made in this AG-UI run. */
  calls: ReadonlySet<string>;
  /** Questions this request answered: no longer the client's to answer, though their hitl_response may be on its way. */
  answered: ReadonlySet<string>;
}

export type MapperInput = { kind: 'event'; event: RunEvent } | { kind: 'typing'; typing: Typing };

export interface MapStep {
  mapper: ThreadMapper;
  events: AGUIEvent[];
}

export function createThreadMapper(
  fold: RunFold,
  ids: { threadId: string; runId: string },
  conversation: readonly Message[] = [],
): ThreadMapper {
  return {
    fold,
    view: threadState(fold),
    ...ids,
    held: heldIn(conversation),
    answered: new Set(),
    base: conversation,
    told: null,
    calls: new Set(),
    open: false,
    steps: new Set(),
    streams: new Map(),
    replied: new Set(),
  };
}

/** A mutable copy for the length of one call; nothing outside sees it change. */
interface Draft {
  m: {
    -readonly [K in keyof ThreadMapper]: ThreadMapper[K];
  } & { steps: Set<Lane>; streams: Map<string, string>; replied: Set<string>; calls: Set<string> };
  out: AGUIEvent[];
}

function draftOf(mapper: ThreadMapper): Draft {
  return {
    m: {
      ...mapper,
      steps: new Set(mapper.steps),
      streams: new Map(mapper.streams),
      replied: new Set(mapper.replied),
      calls: new Set(mapper.calls),
    },
    out: [],
  };
}

/** The step's events, and the mapper remembering what they told the client (from its last snapshot on). */
function done(d: Draft): MapStep {
  const snapshot = d.out.findLastIndex((e) => e.type === EventType.MESSAGES_SNAPSHOT);
  const told = snapshot < 0 ? tell(d.m.told, d.out) : tell(null, d.out.slice(snapshot + 1));
  return { mapper: { ...d.m, told }, events: d.out };
}

/**
 * Opens the AG-UI run: RUN_STARTED, the state as it stands, a STEP_STARTED for each
 * stage at work. A run that has already ended closes at once with its outcome; a run
 * waiting on questions this request did not answer closes at once with them as
 * interrupts, so a client that reconnects is asked again.
 */
export function openThreadRun(
  mapper: ThreadMapper,
  request: {
    /** Questions this request answered: they wait for their hitl_response, not for the client. */
    answered: ReadonlySet<string>;
    /** The request asked for something still to come (a turn's reply, a stop's end): worth waiting for. */
    awaitsOutcome: boolean;
  },
): MapStep {
  const d = draftOf(mapper);
  d.out.push({ type: EventType.RUN_STARTED, threadId: d.m.threadId, runId: d.m.runId, protocolVersion: '1.0' });
  d.out.push({ type: EventType.STATE_SNAPSHOT, snapshot: d.m.view });
  d.m.open = true;
  d.m.answered = request.answered;
  syncSteps(d);
  const ending = runEnding(d.m.fold);
  if (ending) close(d, ending);
  else if (unanswered(d).length > 0) close(d, 'interrupt');
  // A session waiting for the user, asked nothing new: there is nothing to wait for here.
  else if (d.m.fold.awaitingTurn && !request.awaitsOutcome) close(d, 'turn');
  return done(d);
}

/** One of our events (or a frame of a reply being written) as AG-UI events. */
export function mapInput(mapper: ThreadMapper, input: MapperInput): MapStep {
  if (!mapper.open) return { mapper, events: [] };
  const d = draftOf(mapper);
  if (input.kind === 'typing') streamReply(d, input.typing);
  else mapEvent(d, input.event);
  return done(d);
}

/** An AG-UI run refused before it could stream (a bad answer, an unknown question): started, then failed. */
export function refuseThreadRun(mapper: ThreadMapper, code: string, message: string): MapStep {
  return {
    mapper: { ...mapper, open: false },
    events: [
      { type: EventType.RUN_STARTED, threadId: mapper.threadId, runId: mapper.runId, protocolVersion: '1.0' },
      { type: EventType.RUN_ERROR, code, message },
    ],
  };
}

/** Ends the AG-UI run with an error in the user's words; our run is not touched. */
export function failThreadRun(mapper: ThreadMapper, code: string, message: string): MapStep {
  if (!mapper.open) return { mapper, events: [] };
  const d = draftOf(mapper);
  d.out.push({ type: EventType.RUN_ERROR, code, message });
  d.m.open = false;
  return done(d);
}

function mapEvent(d: Draft, event: RunEvent): void {
  if (event.seq <= d.m.fold.run.lastSeq) return;
  const before = runEnding(d.m.fold);
  const pending = d.m.fold.pendingCalls;
  d.m.fold = foldEvents(d.m.fold, [event]);
  syncSteps(d);
  narrate(d, event);
  callTools(d, event, pending);
  sendDelta(d);
  const ending = runEnding(d.m.fold);
  if (ending && !before) close(d, ending);
  else if (event.type === 'hitl_request' && !ending) close(d, 'interrupt');
  else if (awaitsUser(event) && !ending) close(d, 'turn');
}

/** STEP_STARTED for a stage that went to work, STEP_FINISHED for one that stopped working. */
function syncSteps(d: Draft): void {
  if (d.m.fold.kind !== 'pipeline') return;
  const working = new Set(LANES.filter((lane) => d.m.fold.run.lanes[lane].status === 'working'));
  for (const lane of d.m.steps) {
    if (!working.has(lane)) {
      d.out.push({ type: EventType.STEP_FINISHED, stepName: lane });
      d.m.steps.delete(lane);
    }
  }
  for (const lane of working) {
    if (!d.m.steps.has(lane)) {
      d.out.push({ type: EventType.STEP_STARTED, stepName: lane });
      d.m.steps.add(lane);
    }
  }
}

function sendDelta(d: Draft): void {
  const next = threadState(d.m.fold);
  const delta = jsonPatch.compare(d.m.view, next) as JsonPatchOperation[];
  d.m.view = next;
  if (delta.length > 0) d.out.push({ type: EventType.STATE_DELTA, delta });
}

/** Ends the AG-UI run: open messages and steps closed, the final state whole, then the outcome. */
/** Why an AG-UI run ends: our run ended, it asks a question, or it waits for the user's turn. */
type Closing = SessionEnd | 'interrupt' | 'turn';

function close(d: Draft, ending: Closing): void {
  for (const messageId of d.m.streams.keys()) d.out.push({ type: EventType.TEXT_MESSAGE_END, messageId });
  d.m.streams.clear();
  for (const stepName of d.m.steps) d.out.push({ type: EventType.STEP_FINISHED, stepName });
  d.m.steps.clear();
  d.out.push({ type: EventType.STATE_SNAPSHOT, snapshot: d.m.view });
  d.m.open = false;
  if (typeof ending === 'object' && ending.kind === 'failed') d.out.push({ type: EventType.RUN_ERROR, code: 'RUN_FAILED', message: ending.error });
  else d.out.push({ type: EventType.RUN_FINISHED, threadId: d.m.threadId, runId: d.m.runId, ...finishedWith(d, ending) });
}

function finishedWith(d: Draft, ending: Exclude<Closing, { kind: 'failed' }>): { outcome: RunFinishedOutcome; result?: unknown } {
  if (ending === 'interrupt') return { outcome: { type: 'interrupt', interrupts: unanswered(d).map(interruptOf) } };
  if (ending === 'turn') return { outcome: { type: 'success' }, result: { awaiting: 'your turn: send your next message on this thread' } };
  if (ending.kind === 'stopped') return { outcome: { type: 'cancelled' }, result: { reason: ending.reason } };
  return { outcome: { type: 'success' }, result: { outcome: ending.outcome, summary: ending.summary } };
}

/** The open questions the client still has to answer. */
const unanswered = (d: Draft): OpenQuestion[] => openQuestions(d.m.fold.run).filter((q) => !d.m.answered.has(q.hitlId));

/** A question as an interrupt: its id is the hitlId, and its options become the answer's schema. */
export function interruptOf(q: OpenQuestion): Interrupt {
  return {
    id: q.hitlId,
    reason: q.isApproval ? 'approval' : 'question',
    message: q.question,
    expiresAt: q.expiresAt,
    responseSchema: answerSchemaOf(q),
    metadata: {
      jobstream: {
        agent: q.agent,
        context: q.context,
        answerKind: q.answerKind,
        options: [...q.options],
        multiple: q.multiple,
        defaultAnswer: q.defaultAnswer,
        jobUrl: q.jobUrl,
        ...(q.answerKind === 'file' ? { uploadTo: `/api/hitl/${q.hitlId}/file` } : {}),
      },
    },
  };
}

function answerSchemaOf(q: OpenQuestion): Record<string, unknown> {
  const choices = { type: 'string', enum: [...q.options] };
  if (q.answerKind === 'text' || q.options.length === 0) return { type: 'string', minLength: 1, maxLength: 10_000 };
  if (q.multiple) return { type: 'array', items: choices, minItems: 1, uniqueItems: true };
  return choices;
}

/** The events told to the user as the agent's own words, with where the words come from. */
const NARRATED = new Set<RunEvent['type']>([
  'pipeline_start',
  'pipeline_paused',
  'pipeline_resumed',
  'scout_complete',
  'analyst_result',
  'analyst_complete',
  'company_result',
  'resume_complete',
  'cover_letter_complete',
  'applier_draft_ready',
  'applier_submitted',
  'applier_error',
  'applier_complete',
  'hitl_timeout',
  'salary_result',
  'network_complete',
  'pipeline_complete',
  'pipeline_stopped',
]);

function narrationOf(event: RunEvent): { messageId: string; text: string } | null {
  switch (event.type) {
    case 'salary_battle_ai_response':
    case 'career_chat_response':
      return { messageId: event.data.messageId, text: event.data.reply };
    case 'interview_question':
      return { messageId: eventItemId(event), text: event.data.question };
    case 'interview_feedback':
      return { messageId: eventItemId(event), text: event.data.feedback };
    case 'session_complete':
      return { messageId: eventItemId(event), text: event.data.summary };
    case 'pipeline_error':
      return event.data.retrying ? { messageId: eventItemId(event), text: event.message } : null;
    default:
      return NARRATED.has(event.type) ? { messageId: eventItemId(event), text: event.message } : null;
  }
}

/** Ids made from the run and the event's seq: the same event maps to the same ids on every connection. */
const eventItemId = (event: RunEvent, suffix = ''): string => `${event.runId}-${event.seq}${suffix}`;

function narrate(d: Draft, event: RunEvent): void {
  const narration = narrationOf(event);
  if (!narration) return;
  const { messageId, text } = narration;
  if (!sendText(d, messageId, text)) return;
  d.out.push({ type: EventType.TEXT_MESSAGE_END, messageId });
  if (d.m.streams.get(messageId) !== text) correct(d, messageId, text);
  d.m.streams.delete(messageId);
  d.m.replied.add(messageId);
}

/**
 * The finished reply is not the draft that was streamed (the model's draft was refused,
 * or tidied): the client's copy is replaced, the only way AG-UI has, by a snapshot of
 * its whole conversation with that one message corrected.
 */
function correct(d: Draft, messageId: string, text: string): void {
  const messages = conversationAfter(d.m.base, tell(d.m.told, d.out)).map((m) =>
    m.id === messageId && m.role === 'assistant' ? { ...m, content: text } : m,
  );
  d.out.push({ type: EventType.MESSAGES_SNAPSHOT, messages });
  d.m.base = messages;
}

/** Model text as it is written: each frame carries the text so far, so what is new is its tail. */
function streamReply(d: Draft, typing: Typing): void {
  if (d.m.replied.has(typing.messageId)) return;
  sendText(d, typing.messageId, typing.text);
}

/**
 * Brings a message to `text`: opens it in this AG-UI run if need be, then sends what the
 * client lacks. Text that does not extend what the client holds (a stale frame) adds
 * nothing. Returns whether the message is open.
 */
function sendText(d: Draft, messageId: string, text: string): boolean {
  let sent = d.m.streams.get(messageId);
  if (sent === undefined) {
    const held = d.m.held.texts.get(messageId) ?? '';
    if (!text && !held) return false;
    d.out.push({ type: EventType.TEXT_MESSAGE_START, messageId, role: 'assistant' });
    sent = held;
  }
  if (text.startsWith(sent) && text.length > sent.length) {
    d.out.push({ type: EventType.TEXT_MESSAGE_CONTENT, messageId, delta: text.slice(sent.length) });
    sent = text;
  }
  d.m.streams.set(messageId, sent);
  return true;
}

/** A tool call that has happened: start, arguments, end, and (when known now) its result. */
function toolCall(d: Draft, event: RunEvent, toolCallId: string, name: string, args: unknown, result?: unknown): void {
  d.out.push({ type: EventType.TOOL_CALL_START, toolCallId, toolCallName: name });
  d.out.push({ type: EventType.TOOL_CALL_ARGS, toolCallId, delta: JSON.stringify(args) });
  d.out.push({ type: EventType.TOOL_CALL_END, toolCallId });
  d.m.calls.add(toolCallId);
  if (result !== undefined) toolResult(d, event, toolCallId, result);
}

function toolResult(d: Draft, event: RunEvent, toolCallId: string, result: unknown): void {
  d.out.push({ type: EventType.TOOL_CALL_RESULT, messageId: eventItemId(event, '-result'), toolCallId, role: 'tool', content: JSON.stringify(result) });
}

/**
 * The result of a call made by an earlier event. A call the client has never seen (it
 * joined after the call was made) is told whole first, under the same id.
 */
function resultOf(d: Draft, event: RunEvent, toolCallId: string, name: string, args: unknown, result: unknown): void {
  if (d.m.calls.has(toolCallId) || d.m.held.toolCalls.has(toolCallId)) toolResult(d, event, toolCallId, result);
  else toolCall(d, event, toolCallId, name, args, result);
}

/** The scout's searches and the applier's browser actions, as the tool calls they are. */
function callTools(d: Draft, event: RunEvent, pending: PendingCalls): void {
  const done = (name: string) => toolCall(d, event, callIdOf(event), name, event.data, { done: event.message });
  switch (event.type) {
    case 'scout_searching':
      return toolCall(d, event, callIdOf(event), 'search_jobs', event.data);
    case 'scout_found': {
      const { source, count, urls } = event.data;
      return resultOf(d, event, pending.searches.get(source)?.[0] ?? callIdOf(event), 'search_jobs', { source }, { count, urls });
    }
    case 'applier_navigate':
      return done('browser_navigate');
    case 'applier_click':
      return done('browser_click');
    case 'applier_type':
      return done('browser_type');
    case 'applier_upload':
      return done('browser_upload');
    case 'browser_action':
      return done('browser_action');
    case 'applier_submit':
      return toolCall(d, event, callIdOf(event), 'browser_submit', event.data);
    case 'applier_submitted':
    case 'applier_error': {
      // An error before any submit (a page that would not load) answers no call.
      const toolCallId = pending.submits.get(event.data.jobUrl);
      if (!toolCallId) return;
      const result = event.type === 'applier_submitted' ? { confirmation: event.data.confirmation } : { error: event.data.error };
      return resultOf(d, event, toolCallId, 'browser_submit', { jobUrl: event.data.jobUrl }, result);
    }
    default:
      return;
  }
}
