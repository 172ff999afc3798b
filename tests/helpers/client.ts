import {
  createTRPCClient,
  createWSClient,
  httpBatchLink,
  splitLink,
  TRPCClientError,
  wsLink,
} from '@trpc/client';
import { WebSocket } from 'ws';
import type { AppRouter } from '~/server/api/root';
import { isTerminalEvent, runEventSchema, type RunEvent } from '~/shared/events';

/** A WebSocket class that sends the session cookie with the upgrade, as a browser does. */
function webSocketWithCookie(cookie: string | undefined): typeof globalThis.WebSocket {
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  return CookieWebSocket as unknown as typeof globalThis.WebSocket;
}

/**
 * A user's client: queries and mutations over HTTP, subscriptions over WebSocket,
 * both carrying the session cookie (see signIn).
 */
export function connect(baseUrl: string, cookie?: string) {
  const wsClient = createWSClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/api/trpc-ws`,
    WebSocket: webSocketWithCookie(cookie),
    retryDelayMs: () => 200,
    keepAlive: { enabled: true, intervalMs: 5000, pongTimeoutMs: 3000 },
  });
  const client = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: wsClient }),
        false: httpBatchLink({ url: `${baseUrl}/api/trpc`, headers: cookie ? { cookie } : {} }),
      }),
    ],
  });
  return {
    client,
    wsClient,
    close: async () => {
      await wsClient.close();
    },
  };
}

export type Connection = ReturnType<typeof connect>;
export type Client = Connection['client'];

export interface EventWatch {
  events: RunEvent[];
  /** Resolves with the first event (seen from now on or already) matching the predicate. */
  next(predicate: (e: RunEvent) => boolean, timeoutMs?: number): Promise<RunEvent>;
  /** Resolves when the subscription ends after the run's final event. */
  done: Promise<RunEvent[]>;
  unsubscribe(): void;
}

/**
 * Subscribes to a run's events, validating each against the catalog as it arrives.
 * The client's own reconnect logic resumes with lastEventId after a drop.
 */
export function watchRun(client: Client, runId: string, lastEventId?: string): EventWatch {
  const events: RunEvent[] = [];
  const waiters: { predicate: (e: RunEvent) => boolean; resolve: (e: RunEvent) => void }[] = [];
  let finish!: (events: RunEvent[]) => void;
  let fail!: (err: unknown) => void;
  const done = new Promise<RunEvent[]>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const sub = client.pipeline.events.subscribe(
    { runId, lastEventId: lastEventId ?? null },
    {
      onData(envelope) {
        const event = runEventSchema.parse(envelope.data);
        if (envelope.id !== event.id) throw new Error(`tracked id ${envelope.id} != event id ${event.id}`);
        events.push(event);
        for (const w of [...waiters]) {
          if (w.predicate(event)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(event);
          }
        }
        if (isTerminalEvent(event)) finish(events);
      },
      onError: (err) => fail(err),
      onComplete: () => finish(events),
    },
  );
  return {
    events,
    done,
    next(predicate, timeoutMs = 30_000) {
      const seen = events.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms; got ${events.map((e) => e.type).join(', ')}`)), timeoutMs);
        waiters.push({
          predicate,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        });
      });
    },
    unsubscribe: () => sub.unsubscribe(),
  };
}

/** The tRPC error code of a failed call (BAD_REQUEST, NOT_FOUND, …). */
export async function errorOf(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call;
  } catch (err) {
    if (err instanceof TRPCClientError) {
      const data = err.data as { code?: string } | undefined;
      return { code: data?.code ?? 'UNKNOWN', message: err.message };
    }
    throw err;
  }
  throw new Error('expected the call to fail');
}

/** Asserts seq runs 1, 2, 3 … with no gap and no duplicate. */
export function seqGaps(events: readonly RunEvent[], from = 1): string[] {
  const problems: string[] = [];
  events.forEach((e, i) => {
    if (e.seq !== from + i) problems.push(`position ${i}: expected seq ${from + i}, got ${e.seq}`);
  });
  return problems;
}
