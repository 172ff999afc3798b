import { TRPCError } from '@trpc/server';
import {
  callProcedure,
  getErrorShape,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';
import type { WebSocket } from 'ws';
import { appRouter } from '../api/root';
import type { Context } from '../api/trpc';
import { trackedEventFrames } from './event-frames';
import { idOf, methodOf, pathOf, type CallId } from './jsonrpc-message';

/** The one subscription whose events this module writes to the socket itself. */
export const DIRECT_PATH = 'pipeline.events';

interface SubscriptionCall {
  id: CallId;
  jsonrpc?: '2.0';
  method: 'subscription';
  params: { path: string; input?: unknown; lastEventId?: string };
}

function isDirectCall(message: unknown): message is SubscriptionCall {
  return methodOf(message) === 'subscription' && idOf(message) !== null && pathOf(message) === DIRECT_PATH;
}

function stopOf(message: unknown): CallId | null {
  return methodOf(message) === 'subscription.stop' ? idOf(message) : null;
}

/** The input tRPC's adapter would hand the procedure: `lastEventId` from wsLink's reconnect merged in. */
function inputOf(call: SubscriptionCall): unknown {
  const { input, lastEventId } = call.params;
  if (lastEventId === undefined) return input;
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return { ...input, lastEventId };
  return input ?? { lastEventId };
}

export interface DirectSubscriptions {
  /** Takes the calls this module serves out of a message; returns the rest, for tRPC. */
  take: (messages: readonly unknown[]) => unknown[];
}

/**
 * `pipeline.events` on one socket, speaking tRPC's own protocol (started, data with
 * the tracked id, stopped, errors in the router's error shape), so wsLink cannot tell
 * the difference. The procedure itself still runs through tRPC (`callProcedure`: every
 * middleware, the input schema, the ownership check, the subscription slot); only the
 * per-event path is ours: each event goes from the run's feed to the socket as bytes
 * shared by all its subscribers, with no promise, generator or object per delivery.
 * At 100 subscribers, tRPC's per-message path cost the web server 2–3× a plain relay.
 */
export function serveDirectSubscriptions(
  ws: WebSocket,
  context: () => Promise<Context>,
  onInternalError: (error: TRPCError) => void,
): DirectSubscriptions {
  const running = new Map<CallId, AbortController>();
  ws.once('close', () => {
    for (const controller of running.values()) controller.abort();
  });
  const config = appRouter._def._config;
  const respond = (message: Parameters<typeof transformTRPCResponse>[1]) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(transformTRPCResponse(config, message)));
  };

  async function serve(call: SubscriptionCall, controller: AbortController): Promise<void> {
    const { id, jsonrpc } = call;
    const input = inputOf(call);
    let ctx: Context | undefined;
    try {
      const frames = trackedEventFrames(id, jsonrpc === '2.0');
      const base = await context();
      ctx = { ...base, deliver: (event) => ws.send(frames(event), { binary: false }) };
      const events: unknown = await callProcedure({
        router: appRouter,
        path: DIRECT_PATH,
        getRawInput: () => Promise.resolve(input),
        ctx,
        type: 'subscription',
        signal: controller.signal,
        batchIndex: 0,
      });
      if (ws.readyState !== ws.OPEN) return;
      respond({ id, jsonrpc, result: { type: 'started' } });
      // With `deliver` in its context the procedure writes its events itself and
      // yields none; the loop only waits for it to end.
      for await (const unexpected of events as AsyncIterable<unknown>) {
        throw new Error(`${DIRECT_PATH} yielded a value beside deliver(): ${typeof unexpected}`);
      }
      respond({ id, jsonrpc, result: { type: 'stopped' } });
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      if (error.code === 'INTERNAL_SERVER_ERROR') onInternalError(error);
      respond({ id, jsonrpc, error: getErrorShape({ config, error, type: 'subscription', path: DIRECT_PATH, input, ctx }) });
    } finally {
      if (running.get(id) === controller) running.delete(id);
    }
  }

  function start(call: SubscriptionCall): void {
    if (running.has(call.id)) {
      const error = new TRPCError({ code: 'BAD_REQUEST', message: `Duplicate id ${call.id}` });
      respond({ id: call.id, jsonrpc: call.jsonrpc, error: getErrorShape({ config, error, type: 'subscription', path: DIRECT_PATH, input: undefined, ctx: undefined }) });
      return;
    }
    const controller = new AbortController();
    running.set(call.id, controller);
    void serve(call, controller);
  }

  return {
    take(messages) {
      const rest: unknown[] = [];
      for (const message of messages) {
        const stopId = stopOf(message);
        if (isDirectCall(message)) start(message);
        else if (stopId !== null && running.has(stopId)) running.get(stopId)?.abort();
        else rest.push(message);
      }
      return rest;
    },
  };
}
