import type { TRPCError } from '@trpc/server';
import type { WebSocket } from 'ws';
import { errorReply, failWith } from '../api/errors';
import { INPUT_PROBLEM_MESSAGES } from '../api/input-safety';
import type { FlowControl } from './flow-control';
import { idOf, methodOf } from './jsonrpc-message';

/** Close code for a message that breaks the socket's rules (RFC 6455: policy violation). */
export const POLICY_CLOSE_CODE = 1008;

export interface InboundGateOptions {
  /** Calls one message may carry; a larger batch is refused whole and the socket closed. */
  maxCallsPerMessage: number;
  /** Calls per second, on average, from one socket. */
  callsPerSecond: number;
  /** The socket's send-buffer gate: while replies wait unread, nothing new is read. */
  flow: FlowControl;
  onLimited: (calls: number) => void;
  /**
   * Takes the calls served outside tRPC's handler (direct-subscriptions.ts) out of an
   * admitted message and returns the rest.
   */
  divert?: (calls: readonly unknown[]) => unknown[];
}

/** A message as the gate sees it: how many calls it makes and which ids to answer. */
interface Inbound {
  args: unknown[];
  calls: number;
  ids: (string | number)[];
  /** The parsed JSON-RPC messages, or null for what is not JSON (tRPC answers it). */
  messages: unknown[] | null;
  batch: boolean;
}

/**
 * Everything a client sends passes through here before tRPC sees it:
 * - the rate limit counts calls, not messages (one message may carry a batch);
 * - a message with more than `maxCallsPerMessage` calls runs none of them;
 * - while the socket's send buffer is over its limit, the socket stops reading, so a
 *   client that sends calls but never reads the replies cannot grow server memory.
 * Refused calls are answered one by one with a typed error, at most one batch's worth
 * per message, so nothing goes unanswered and nothing is amplified without bound.
 */
export function gateInbound(ws: WebSocket, opts: InboundGateOptions): void {
  const bucket = tokenBucket(opts.callsPerSecond);
  const emit = ws.emit.bind(ws);
  const queue: unknown[][] = [];
  let pumping = false;

  ws.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event !== 'message') return emit(event, ...args);
    queue.push(args);
    if (!pumping) void pump();
    return true;
  }) as WebSocket['emit'];

  async function pump(): Promise<void> {
    pumping = true;
    try {
      for (let args = queue.shift(); args; args = queue.shift()) {
        if (!opts.flow.hasRoom()) await waitWithSocketPaused();
        if (ws.readyState !== ws.OPEN) break;
        admit(inspect(args));
      }
    } catch {
      // The client stalled and flow control closed the socket: what it sent is moot.
      queue.length = 0;
    } finally {
      pumping = false;
    }
  }

  async function waitWithSocketPaused(): Promise<void> {
    ws.pause();
    try {
      await opts.flow.waitForRoom();
    } finally {
      if (ws.readyState === ws.OPEN) ws.resume();
    }
  }

  function admit(message: Inbound): void {
    if (message.calls > opts.maxCallsPerMessage) {
      opts.onLimited(message.calls);
      refuse(ws, message.ids.slice(0, opts.maxCallsPerMessage), tooManyCalls(opts.maxCallsPerMessage));
      ws.close(POLICY_CLOSE_CODE, 'too many calls in one message');
      return;
    }
    if (!bucket.take(message.calls)) {
      opts.onLimited(message.calls);
      refuse(ws, message.ids, rateLimited(opts.callsPerSecond));
      return;
    }
    pass(message);
  }

  /** Hands tRPC what is left once diverted calls are taken out (as it was sent, if nothing was). */
  function pass(message: Inbound): void {
    const all = message.messages;
    const rest = all && opts.divert ? opts.divert(all) : all;
    if (!all || !rest || rest.length === all.length) {
      emit('message', ...message.args);
      return;
    }
    const texts = rest.flatMap((call) => reserialized(ws, call));
    if (texts.length > 0) emit('message', Buffer.from(message.batch ? `[${texts.join(',')}]` : (texts[0] ?? '')), false);
  }
}

/**
 * One call as JSON again. JSON.parse reads nesting deeper than JSON.stringify can write
 * back (it recurses): such a call is answered here with the error its input would get.
 */
function reserialized(ws: WebSocket, call: unknown): string[] {
  try {
    return [JSON.stringify(call)];
  } catch {
    const id = idOf(call);
    if (id !== null) refuse(ws, [id], failWith('BAD_REQUEST', 'BAD_INPUT', INPUT_PROBLEM_MESSAGES.too_deep));
    return [];
  }
}

/** Sends each id its typed error. */
export function refuse(ws: WebSocket, ids: readonly (string | number)[], error: TRPCError): void {
  for (const id of ids) ws.send(errorReply(id, error));
}

function tooManyCalls(max: number): TRPCError {
  return failWith('BAD_REQUEST', 'TOO_MANY_CALLS', `Too many calls in one message: at most ${max}. Send them in smaller batches.`);
}

function rateLimited(perSecond: number): TRPCError {
  return failWith('TOO_MANY_REQUESTS', 'RATE_LIMITED', `Too many calls: at most ${perSecond} per second on one connection. Slow down and retry.`);
}

/**
 * Reads the calls out of a raw message. Keep-alive pings and unsubscribes cost
 * nothing; what is not JSON goes on to tRPC, which answers it with PARSE_ERROR.
 */
export function inspect(args: unknown[]): Inbound {
  const [data, isBinary] = args;
  const text = !isBinary && Buffer.isBuffer(data) ? data.toString('utf8') : null;
  if (text === null || text === 'PING' || text === 'PONG') return { args, calls: 0, ids: [], messages: null, batch: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { args, calls: 1, ids: [], messages: null, batch: false };
  }
  const batch = Array.isArray(parsed);
  const messages: unknown[] = Array.isArray(parsed) ? (parsed as unknown[]) : [parsed];
  const calls = messages.filter((m) => methodOf(m) !== 'subscription.stop');
  return { args, calls: calls.length, ids: calls.map(idOf).filter((id): id is string | number => id !== null), messages, batch };
}


/**
 * A token bucket refilled continuously at `perSecond`, holding at most a second's
 * worth. A message is let in while the bucket is not empty, and its calls are taken
 * even past zero: a reconnect that resubscribes everything in one message goes
 * through, and the socket then waits until the debt is paid. The average holds.
 */
function tokenBucket(perSecond: number) {
  let tokens = perSecond;
  let last = Date.now();
  return {
    take(n: number): boolean {
      const now = Date.now();
      tokens = Math.min(perSecond, tokens + ((now - last) / 1000) * perSecond);
      last = now;
      if (n > 0 && tokens < 1) return false;
      tokens -= n;
      return true;
    },
  };
}
