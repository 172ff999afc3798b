import { createHash } from 'node:crypto';
import type { AGUIEvent } from '@ag-ui/core';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { TURN_TAKING_KINDS, type RunSummary } from '~/shared/pipeline';
import { typingSchema } from '~/shared/sessions/typing';
import { ownedQuestion } from '../api/trpc';
import { HISTORY_RESET_MESSAGE, runEvents } from '../api/subscriptions';
import type { AuthUser } from '../auth/session';
import { channelMessages } from '../realtime/channel-hub';
import type { ServerServices } from '../services';
import { answerHitl } from '../services/hitl-answers';
import { historyPage } from '../services/history';
import { controlRun } from '../services/run-control';
import { sayTurn } from '../services/session-turns';
import type { AguiAnswer, AguiRequest } from './agui-request';
import { createThreadMapper, failThreadRun, mapInput, openThreadRun, refuseThreadRun, type MapperInput, type ThreadMapper } from './map-events';
import { foldEvents, initialRunFold, type RunFold } from './thread-state';
import { claimMessage, releaseMessage } from './threads';

/** Why an AG-UI run ended with RUN_ERROR instead of streaming: a code for programs, words for people. */
export class AguiRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ThreadStreamOptions {
  s: ServerServices;
  user: AuthUser;
  run: RunSummary;
  request: AguiRequest;
  /** Aborts when the client goes away or the server shuts down. */
  signal: AbortSignal;
  /** Writes events; resolves once the client has taken them (so a slow reader slows the stream, not memory). */
  emit: (events: AGUIEvent[]) => Promise<void>;
  /** false while the client is behind: a frame of a reply being written may then be skipped (the finished reply settles it). */
  keepingUp: () => boolean;
}

/**
 * One AG-UI run on a jobstream thread: act on what the request carries (answers, a
 * command, the user's turn), then the run's events from where the client's state says
 * it was, each once, until the run ends or asks a question.
 */
export async function streamThread(o: ThreadStreamOptions): Promise<void> {
  const { s, run, request } = o;
  const ids = { threadId: request.threadId, runId: request.runId };
  let mapper = createThreadMapper(initialRunFold(run.runId, run.kind), ids, request.messages);
  const handle = (step: { mapper: ThreadMapper; events: AGUIEvent[] }): Promise<void> => {
    mapper = step.mapper;
    return o.emit(step.events);
  };
  let acted: Acted;
  const cursor = request.cursor?.runId === run.runId ? request.cursor.lastSeq : 0;
  try {
    acted = await act(o);
    mapper = createThreadMapper(await foldTo(s, mapper.fold, cursor), ids, request.messages);
  } catch (err) {
    const refusal = asRefusal(err);
    return handle(refuseThreadRun(mapper, refusal.code, refusal.message));
  }
  // A turn whose reply has not come yet (just taken, or taken by a request whose stream dropped), or a stop.
  const awaitsOutcome = (acted.turn !== null && acted.turn !== mapper.fold.repliedTurn) || request.forwarded.command === 'stop';
  await handle(openThreadRun(mapper, { answered: acted.answered, awaitsOutcome }));
  // `handle` moves the mapper on; read it fresh each time.
  const isOpen = () => mapper.open;
  if (!isOpen()) return;

  const stop = new AbortController();
  const abort = () => stop.abort();
  o.signal.addEventListener('abort', abort, { once: true });
  const typing = TURN_TAKING_KINDS.includes(run.kind) ? streamTyping() : Promise.resolve();
  try {
    for await (const event of runEvents(s, { flow: null }, run.runId, cursor, stop.signal)) {
      await handle(mapInput(mapper, { kind: 'event', event }));
      if (!isOpen()) break;
    }
    // The log ended without an ending the mapper knows: say so rather than leave the client without an end.
    if (isOpen() && !o.signal.aborted) throw new Error(`the event stream of ${run.runId} ended while its AG-UI run was open`);
  } catch (err) {
    if (!o.signal.aborted) {
      const refusal = asRefusal(err);
      await handle(failThreadRun(mapper, refusal.code, refusal.message));
    }
  } finally {
    stop.abort();
    o.signal.removeEventListener('abort', abort);
    await typing;
  }

  async function streamTyping(): Promise<void> {
    const channel = s.stores.keys.runTyping(run.runId);
    try {
      for await (const typing of channelMessages(s.channels, channel, (raw) => typingSchema.parse(raw), stop.signal, 10)) {
        if (!o.keepingUp()) continue;
        const input: MapperInput = { kind: 'typing', typing };
        void handle(mapInput(mapper, input));
      }
    } catch (err) {
      // Replies still arrive whole with their events; only the live typing is lost.
      console.warn(`[agui] typing of ${run.runId} stopped:`, (err as Error).message);
    }
  }
}

/** Folds the run's history up to the client's cursor without sending it: the client has it. */
async function foldTo(s: ServerServices, start: RunFold, cursor: number): Promise<RunFold> {
  let fold = start;
  while (fold.run.lastSeq < cursor) {
    const page = await historyPage(s, fold.runId, fold.run.lastSeq, 1000);
    const events = page.events.filter((e) => e.seq <= cursor);
    if (events.length === 0) throw new AguiRefusal('HISTORY_RESET', HISTORY_RESET_MESSAGE);
    fold = foldEvents(fold, events);
  }
  return fold;
}

interface Acted {
  /** The questions this request settled. */
  answered: ReadonlySet<string>;
  /** The turn id of the user's message, when it is a turn in this session (taken now or before). */
  turn: string | null;
}

/** Carries out what the request asks before anything streams. */
async function act(o: ThreadStreamOptions): Promise<Acted> {
  const { s, user, run, request } = o;
  const settled = new Set<string>();
  for (const entry of request.resume) {
    await settle(s, user, run, entry, request.forwarded.saveToProfile ?? false);
    settled.add(entry.interruptId);
  }
  const { command, reason } = request.forwarded;
  if (command) await controlRun(s, run, command, reason ?? `${command === 'stop' ? 'Stopped' : command === 'pause' ? 'Paused' : 'Resumed'} from an AG-UI client`);
  return { answered: settled, turn: await takeTurn(o) };
}

/** The user's last message in a session is their turn, taken once however often it is resent. */
async function takeTurn({ s, run, request }: ThreadStreamOptions): Promise<string | null> {
  const message = request.userMessage;
  if (!message || !TURN_TAKING_KINDS.includes(run.kind)) return null;
  const turnId = turnIdOf(run.runId, message.id);
  const before = await claimMessage(s, run.runId, message.id, 'turn');
  if (before === 'start') return null;
  if (before === null) {
    const offer = request.forwarded.offer;
    try {
      await sayTurn(s, run, { turnId, text: message.text, ...(offer === undefined ? {} : { offer }) });
    } catch (err) {
      await releaseMessage(s, run.runId, message.id);
      throw err;
    }
  }
  return turnId;
}

/**
 * An answer in a resume entry, by hitl.respond's rules: the first answer wins, and a
 * question of another user or thread is as unknown as one that never was. A cancelled
 * entry answers nothing: the question waits out its time, and its default applies.
 */
async function settle(s: ServerServices, user: AuthUser, run: RunSummary, entry: AguiAnswer, saveToProfile: boolean): Promise<void> {
  const request = await ownedQuestion(s, user.id, entry.interruptId).catch((err: unknown) => {
    if (err instanceof TRPCError && err.code === 'NOT_FOUND') return null;
    throw err;
  });
  if (request?.runId !== run.runId) throw new AguiRefusal('INTERRUPT_NOT_FOUND', `No question ${entry.interruptId} on this thread.`);
  if (entry.status === 'cancelled') return;
  if (request.status === 'answered') throw alreadyAnswered();
  if (request.status !== 'pending' || Date.parse(request.expiresAt) <= Date.now()) throw expired(request.status === 'cancelled');
  try {
    await answerHitl(s, request, entry.payload, user.id, saveToProfile);
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    // Settled by someone else (the web page, a timeout) between the check and the answer.
    if (err.code === 'CONFLICT') throw alreadyAnswered();
    if (err.code === 'NOT_FOUND') throw expired(false);
    throw new AguiRefusal('INVALID_ANSWER', err.message);
  }
}

const alreadyAnswered = () => new AguiRefusal('INTERRUPT_ALREADY_ANSWERED', 'This question was already answered; the first answer counts.');
const expired = (cancelled: boolean) =>
  cancelled
    ? new AguiRefusal('INTERRUPT_CANCELLED', 'This question was withdrawn because its run stopped.')
    : new AguiRefusal('INTERRUPT_EXPIRED', 'This question timed out; the agent went on with its default answer.');

/** A turn id the session store accepts (a UUID), the same for the same message every time it is resent. */
export function turnIdOf(runId: string, messageId: string): string {
  if (z.uuid().safeParse(messageId).success) return messageId;
  const hex = createHash('sha256').update(`${runId}:${messageId}`).digest('hex');
  // Version 8 (made by the application), RFC 9562 variant.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What the user reads when an AG-UI run cannot go on: our words, the details in the log. */
function asRefusal(err: unknown): AguiRefusal {
  if (err instanceof AguiRefusal) return err;
  if (err instanceof TRPCError && err.code !== 'INTERNAL_SERVER_ERROR') {
    const reason = (err.cause as { reason?: unknown } | undefined)?.reason;
    return new AguiRefusal(typeof reason === 'string' ? reason : err.code, err.message);
  }
  console.error('[agui] stream failed:', err);
  return new AguiRefusal('INTERNAL', 'Something went wrong on our side; reconnect to carry on from where you were.');
}
