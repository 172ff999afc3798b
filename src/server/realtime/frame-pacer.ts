import type { WebSocket } from 'ws';

/** Frames a socket may have in flight, unread by its client. */
const FRAMES_IN_FLIGHT = 2;

/**
 * Paces live frames by what the client has actually read. Each frame is followed by
 * a WebSocket ping; the client's pong comes back only after it has read everything
 * sent before the ping, kernel buffers included, which bufferedAmount cannot see.
 * A slow viewer therefore never has more than two frames queued, and always gets
 * the newest one next.
 */
export interface FramePacer {
  /** Resolves once the socket has room for another frame (or the signal aborts). */
  ready(signal: AbortSignal): Promise<void>;
  /** Call right after a frame went out. */
  sent(): void;
}

export function createFramePacer(ws: WebSocket): FramePacer {
  let inFlight = 0;
  const waiters = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of [...waiters]) wake();
  };
  ws.on('pong', () => {
    inFlight = Math.max(0, inFlight - 1);
    wakeAll();
  });
  ws.on('close', () => {
    inFlight = 0;
    wakeAll();
  });
  return {
    async ready(signal) {
      while (inFlight >= FRAMES_IN_FLIGHT && !signal.aborted && ws.readyState === ws.OPEN) {
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
    },
    sent() {
      if (ws.readyState !== ws.OPEN) return;
      inFlight += 1;
      ws.ping();
    },
  };
}
