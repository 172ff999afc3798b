import type { WebSocket } from 'ws';

/** Close code sent to a client that stopped reading (4000–4999 are for applications). */
export const SLOW_CONSUMER_CLOSE_CODE = 4008;

export class SlowConsumerError extends Error {
  constructor() {
    super('The client stopped reading; the connection was closed. Reconnect and resume from the last event id.');
  }
}

export interface FlowControlOptions {
  maxBufferedBytes: number;
  stallTimeoutMs: number;
  onClosed: () => void;
}

/**
 * Bounds what the server holds for one socket. While the client reads, a full send
 * buffer just slows its subscriptions down (they read on from Redis later); if the
 * buffer does not drain within stallTimeoutMs the socket is closed with a reason,
 * and the client resumes from its last event id.
 */
export interface FlowControl {
  /** True while the socket's send buffer is below the limit. */
  hasRoom(): boolean;
  /** Resolves once there is room; closes the socket and rejects if the client stalls. */
  waitForRoom(): Promise<void>;
  /**
   * For a query or mutation: waits for one of the socket's few reply slots and for
   * room. Checking room alone would let a burst of calls all pass while the buffer is
   * still empty and then write every reply at once; with slots, at most a few replies
   * are in the making beyond the limit. Release the slot once the reply is written.
   */
  replySlot(): Promise<() => void>;
}

/** Queries and mutations one socket may have running at once. */
export const REPLY_SLOTS = 8;

export function createFlowControl(ws: WebSocket, opts: FlowControlOptions): FlowControl {
  const drainPollMs = 20;
  const hasRoom = () => ws.bufferedAmount <= opts.maxBufferedBytes;
  let slotsInUse = 0;
  const waitingForSlot: (() => void)[] = [];
  return { hasRoom, waitForRoom, replySlot };

  async function replySlot(): Promise<() => void> {
    if (slotsInUse >= REPLY_SLOTS) await new Promise<void>((resolve) => waitingForSlot.push(resolve));
    else slotsInUse += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = waitingForSlot.shift();
      if (next) next(); // the slot passes straight on
      else slotsInUse -= 1;
    };
    try {
      await waitForRoom();
    } catch (err) {
      release();
      throw err;
    }
    return release;
  }

  async function waitForRoom() {
    if (hasRoom()) return;
    const deadline = Date.now() + opts.stallTimeoutMs;
    while (!hasRoom()) {
      if (ws.readyState !== ws.OPEN) throw new SlowConsumerError();
      if (Date.now() >= deadline) {
        closeSlowConsumer(ws, opts.onClosed);
        throw new SlowConsumerError();
      }
      // ws has no 'drain' event of its own; the wait only happens while the buffer is full.
      await new Promise((r) => setTimeout(r, drainPollMs));
    }
  }
}

function closeSlowConsumer(ws: WebSocket, onClosed: () => void): void {
  if (ws.readyState !== ws.OPEN) return;
  onClosed();
  ws.close(SLOW_CONSUMER_CLOSE_CODE, 'send buffer full: client too slow');
  // A stalled client never reads the close frame either; drop the socket and its buffer.
  setTimeout(() => ws.terminate(), 1000).unref();
}
