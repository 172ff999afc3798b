import type { WebSocket } from 'ws';
import type { AuthUser, SessionVerifier } from '../auth/session';

/** Close code for a socket whose session ended (signed out or expired). */
export const SESSION_ENDED_CLOSE_CODE = 4001;

/** Distinct sessions checked at once during a re-check round. */
const ROUND_CONCURRENCY = 8;

export interface SocketSessions {
  /** The user of an upgrade's cookie; concurrent upgrades with the same cookie share one check. */
  authenticate(cookie: string | undefined): Promise<AuthUser | null>;
  /**
   * Re-checks the socket's session every `recheckMs` and, once it is gone, aborts
   * `ended` (its subscriptions end with UNAUTHORIZED) and then closes the socket.
   */
  watch(ws: WebSocket, cookie: string | undefined, ended: AbortController): void;
}

/**
 * The sessions of signed-in sockets. tRPC makes a socket's context once, so a sign-out
 * or an expiry would go unseen; they are re-checked here on one timer for the whole
 * instance, each distinct session once per round however many sockets share it, so
 * that neither memory nor database work grows with sockets per user. A reconnect storm
 * (an instance went away and its clients all came here) costs one check per session.
 */
export function createSocketSessions(verifier: SessionVerifier, recheckMs: number): SocketSessions {
  const inFlight = new Map<string, Promise<AuthUser | null>>();
  const watched = new Map<string, Map<WebSocket, AbortController>>();
  let timer: NodeJS.Timeout | null = null;

  function authenticate(cookie: string | undefined): Promise<AuthUser | null> {
    if (!cookie) return Promise.resolve(null);
    let check = inFlight.get(cookie);
    if (!check) {
      check = verifier.authenticate({ cookie }).finally(() => inFlight.delete(cookie));
      inFlight.set(cookie, check);
    }
    return check;
  }

  async function recheck(cookie: string): Promise<void> {
    // The database briefly unreachable: keep the sessions, ask again next round.
    const still = await authenticate(cookie).catch(() => undefined);
    if (still !== null) return;
    const sockets = watched.get(cookie);
    watched.delete(cookie);
    for (const [ws, ended] of sockets ?? []) {
      ended.abort();
      setTimeout(() => ws.close(SESSION_ENDED_CLOSE_CODE, 'session ended'), 1000).unref();
    }
  }

  async function round(): Promise<void> {
    const cookies = [...watched.keys()];
    for (let i = 0; i < cookies.length; i += ROUND_CONCURRENCY) {
      await Promise.all(cookies.slice(i, i + ROUND_CONCURRENCY).map(recheck));
    }
  }

  function unwatch(ws: WebSocket, cookie: string): void {
    const sockets = watched.get(cookie);
    sockets?.delete(ws);
    if (sockets?.size === 0) watched.delete(cookie);
    if (watched.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  }

  return {
    authenticate,
    watch(ws, cookie, ended) {
      if (!cookie) return;
      let sockets = watched.get(cookie);
      if (!sockets) watched.set(cookie, (sockets = new Map<WebSocket, AbortController>()));
      sockets.set(ws, ended);
      ws.once('close', () => unwatch(ws, cookie));
      if (!timer) {
        timer = setInterval(() => void round(), recheckMs);
        timer.unref();
      }
    },
  };
}
