import type { WebSocket } from 'ws';
import type { FlowControl } from './flow-control';

/** Frames a socket may have in flight, unread by its client. */
const FRAMES_IN_FLIGHT = 2;

/**
 * Paces live frames by what the client has actually read. Each frame is followed by
 * a WebSocket ping carrying a number; the client's pong with that number comes back
 * only after it has read everything sent before the ping, kernel buffers included,
 * which bufferedAmount cannot see. A slow viewer therefore never has more than two
 * frames queued, and always gets the newest one next.
 */
export interface FramePacer {
  /** Resolves once the socket has room for another frame (or the signal aborts). */
  ready(signal: AbortSignal): Promise<void>;
  /** Call right after a frame went out. */
  sent(): void;
}

export function createFramePacer(ws: WebSocket, flow: FlowControl): FramePacer {
  // Pings still unanswered, oldest first. A pong that answers none of them (the
  // standard allows unsolicited pongs) frees nothing, so a client cannot talk its
  // way past the window.
  const outstanding: number[] = [];
  let nextPing = 0;
  const waiters = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of [...waiters]) wake();
  };
  ws.on('pong', (payload: Buffer) => {
    if (payload.length === 0) return;
    const answered = outstanding.indexOf(Number(payload.toString('latin1')));
    if (answered < 0) return;
    outstanding.splice(0, answered + 1); // a pong answers its ping and every earlier one
    wakeAll();
  });
  ws.on('close', () => {
    outstanding.length = 0;
    wakeAll();
  });
  return {
    async ready(signal) {
      while (outstanding.length >= FRAMES_IN_FLIGHT && !signal.aborted && ws.readyState === ws.OPEN) {
        await new Promise<void>((resolve) => {
          const done = () => {
            waiters.delete(done);
            signal.removeEventListener('abort', done);
            resolve();
          };
          waiters.add(done);
          signal.addEventListener('abort', done, { once: true });
        });
      }
      // Backstop: the socket's own buffer limit, which closes a client that stalls.
      if (!flow.hasRoom()) await flow.waitForRoom();
    },
    sent() {
      if (ws.readyState !== ws.OPEN) return;
      const id = nextPing++;
      outstanding.push(id);
      ws.ping(String(id));
    },
  };
}
