import type { Typing } from '~/shared/sessions/typing';
import type { TakenTurn, TurnStore } from '~/store/turn-store';
import type { SessionIO, TypingStream, UserTurn } from './agent-context';
import type { WorkerBus } from './worker-bus';

export interface SessionIODeps {
  turns: TurnStore;
  bus: WorkerBus;
  runId: string;
  signal: AbortSignal;
  /** SESSION_TURN_TIMEOUT_MS */
  turnTimeoutMs: number;
  /** SESSION_IDLE_TIMEOUT_MS */
  idleTimeoutMs: number;
}

/**
 * A session's turns and live text for its agent. Waiting for a turn works as a HITL
 * question does: no polling; the web instance that took the turn wakes this worker
 * through Redis, and the timeout and a stop close the round through the same atomic
 * store, so exactly one of turn, timeout and stop wins.
 */
export function createSessionIO(deps: SessionIODeps): SessionIO {
  return {
    turnTimeoutMs: deps.turnTimeoutMs,
    idleTimeoutMs: deps.idleTimeoutMs,
    nextTurn: ({ round, timeoutMs }) => waitForTurn(deps, round, timeoutMs ?? deps.turnTimeoutMs),
    typing: (messageId) => typingStream(deps, messageId),
  };
}

async function waitForTurn(deps: SessionIODeps, round: number, timeoutMs: number): Promise<UserTurn | null> {
  const { turns, bus, runId, signal } = deps;
  signal.throwIfAborted();
  await turns.open(runId, round, timeoutMs);
  return new Promise<UserTurn | null>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unwatch();
      signal.removeEventListener('abort', onAbort);
      outcome();
    };
    const deliver = (turn: TakenTurn | null) => settle(() => resolve(turn && toUserTurn(turn)));
    const fail = (err: unknown) => settle(() => reject(err instanceof Error ? err : new Error(String(err))));
    const check = () => void turns.taken(runId, round).then((turn) => turn && deliver(turn), fail);
    // Whatever wins the close (the timeout here, or a turn that arrived just before it) is the answer.
    const closeRound = () => turns.close(runId, round);
    const timer = setTimeout(() => void closeRound().then(deliver, fail), timeoutMs);
    const onAbort = () => void closeRound().finally(() => settle(() => reject(signal.reason as Error)));
    const unwatch = bus.watchTurn(runId, check);
    signal.addEventListener('abort', onAbort, { once: true });
    check(); // a turn taken between opening the round and watching it
  });
}

function toUserTurn(turn: TakenTurn): UserTurn {
  return { turnId: turn.turnId, text: turn.text, offer: turn.offer, round: turn.round };
}

/** The typing schema's bound: a runaway model cannot grow a message without end. */
const MAX_TYPING_CHARS = 20_000;

/**
 * Live text goes out as the text so far, latest wins: a viewer that joins mid-reply, or
 * misses a message, still shows the whole reply. One publish in flight at a time, so a
 * fast model never queues messages behind a slow Redis.
 */
function typingStream(deps: SessionIODeps, messageId: string): TypingStream {
  let text = '';
  let pending: Typing | null = null;
  let sending = false;
  const flush = (): void => {
    if (sending || !pending) return;
    const next = pending;
    pending = null;
    sending = true;
    deps.turns
      .publishTyping(deps.runId, next)
      // Live text is a courtesy; the durable reply follows whatever happens here.
      .catch(() => undefined)
      .finally(() => {
        sending = false;
        flush();
      });
  };
  return {
    write(delta) {
      text = (text + delta).slice(0, MAX_TYPING_CHARS);
      pending = { messageId, text, done: false };
      flush();
    },
    end() {
      pending = { messageId, text, done: true };
      flush();
    },
  };
}
