import { tracked, type TrackedEnvelope } from '@trpc/server';
import type { RunEvent } from '~/shared/events';
import { pushRunEvents } from '../realtime/run-event-push';
import { HistoryGapError, HistoryResetError, runEventStream, type RunEventStreamOptions } from '../realtime/run-event-stream';
import type { ServerServices } from '../services';
import { failWith, sessionEnded, type Context } from './trpc';

type SubscriptionContext = Context & { sessionEnded: AbortSignal | null };

/**
 * Every subscription runs inside this: it takes one of the socket's
 * WS_MAX_SUBSCRIPTIONS slots, stops when the client unsubscribes or its session
 * ends (then with UNAUTHORIZED), and is counted on /api/metrics.
 */
export async function* guarded<T>(
  ctx: SubscriptionContext,
  signal: AbortSignal | undefined,
  body: (signal: AbortSignal) => AsyncIterable<T>,
): AsyncGenerator<T, void, void> {
  const { services } = ctx;
  // publicProcedure lets subscriptions in over the WebSocket only.
  const release = ctx.ws ? services.subscriptionSlot(ctx.ws) : null;
  if (!release) {
    throw failWith(
      'TOO_MANY_REQUESTS',
      'RATE_LIMITED',
      `At most ${services.env.WS_MAX_SUBSCRIPTIONS} subscriptions per connection; end one first.`,
    );
  }
  const { signal: stop, dispose } = eitherAborts(signal, ctx.sessionEnded);
  services.metrics.activeSubscriptions.inc();
  try {
    yield* body(stop);
    if (ctx.sessionEnded?.aborted) throw sessionEnded();
  } finally {
    dispose();
    release();
    services.metrics.activeSubscriptions.dec();
  }
}

/**
 * A signal that aborts when either does. AbortSignal.any would do, but on Node 20 each
 * one stays registered with its sources until a GC finds it: with a subscription per
 * socket, that is memory per socket that outlives the subscription.
 */
function eitherAborts(a: AbortSignal | undefined, b: AbortSignal | null): { signal: AbortSignal; dispose: () => void } {
  if (!b) return { signal: a ?? new AbortController().signal, dispose: () => undefined };
  if (!a) return { signal: b, dispose: () => undefined };
  const both = new AbortController();
  const abort = () => both.abort();
  if (a.aborted || b.aborted) abort();
  a.addEventListener('abort', abort, { once: true });
  b.addEventListener('abort', abort, { once: true });
  return {
    signal: both.signal,
    dispose() {
      a.removeEventListener('abort', abort);
      b.removeEventListener('abort', abort);
    },
  };
}

/**
 * A run's events from `afterSeq` on, through the socket's flow control, as tRPC tracked
 * envelopes. With `ctx.deliver` (the direct path, see realtime/direct-subscriptions.ts)
 * each event goes straight to the socket and nothing is yielded.
 */
export async function* trackedRunEvents(
  ctx: Context,
  runId: string,
  afterSeq: number,
  signal: AbortSignal,
): AsyncGenerator<TrackedEnvelope<RunEvent>, void, void> {
  const { deliver } = ctx;
  const relayed = ctx.services.metrics.eventsRelayed;
  if (deliver) {
    await historyGapTyped(() =>
      pushRunEvents({
        ...streamOptions(ctx.services, ctx, runId, afterSeq, signal),
        deliver(event) {
          deliver(event);
          relayed.inc();
        },
      }),
    );
    return;
  }
  for await (const event of runEvents(ctx.services, ctx, runId, afterSeq, signal)) {
    relayed.inc();
    yield tracked(event.id, event);
  }
}

/** A run's events (ring, Redis, archive), with a gap in history as a typed error. */
export async function* runEvents(
  services: ServerServices,
  ctx: Pick<Context, 'flow'>,
  runId: string,
  afterSeq: number,
  signal: AbortSignal,
) {
  try {
    yield* runEventStream(streamOptions(services, ctx, runId, afterSeq, signal));
  } catch (err) {
    throw typedHistoryGap(err);
  }
}

function streamOptions(
  services: ServerServices,
  ctx: Pick<Context, 'flow'>,
  runId: string,
  afterSeq: number,
  signal: AbortSignal,
): RunEventStreamOptions {
  return {
    runId,
    afterSeq,
    hub: services.hub,
    log: services.stores.log,
    archive: services.archive,
    headOf: (id) => services.hub.head(id),
    signal,
    ...(ctx.flow ? { flow: ctx.flow } : {}),
  };
}

async function historyGapTyped(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    throw typedHistoryGap(err);
  }
}

/** Shown to the user when their cursor is past the end of the run's log (Redis lost its data); details go to the log. */
export const HISTORY_RESET_MESSAGE = "This run's live history was reset on the server; reload to see what was kept.";

function typedHistoryGap(err: unknown): unknown {
  if (err instanceof HistoryResetError) {
    console.warn(`[realtime] ${err.message}`);
    return failWith('PRECONDITION_FAILED', 'HISTORY_RESET', HISTORY_RESET_MESSAGE);
  }
  return err instanceof HistoryGapError ? failWith('PRECONDITION_FAILED', 'HISTORY_GAP', err.message) : err;
}
