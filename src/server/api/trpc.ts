import type { IncomingMessage } from 'node:http';
import { initTRPC, TRPCError } from '@trpc/server';
import { WebSocket } from 'ws';
import { z } from 'zod';
import { env } from '~/env';
import type { RunEvent } from '~/shared/events';
import type { HitlRequest } from '~/shared/hitl';
import { hitlIdSchema, runIdSchema, type RunSummary } from '~/shared/pipeline';
import { isAdmin } from '../auth/admin';
import type { AuthUser } from '../auth/session';
import type { FlowControl } from '../realtime/flow-control';
import { WS_PATH } from '../realtime/ws-path';
import type { ServerServices } from '../services';
import { archivedRun } from '../services/archived-runs';
import { failWith, shapeError } from './errors';
import { INPUT_PROBLEM_MESSAGES, inputProblem } from './input-safety';

export { failWith, formatZodError, type ErrorReason } from './errors';

/**
 * Context for HTTP and WebSocket calls alike. Over WebSocket it is created once per
 * connection (the upgrade was authenticated); `flow` is that connection's flow control.
 */
export interface Context {
  services: ServerServices;
  req: IncomingMessage;
  user: AuthUser | null;
  ws: WebSocket | null;
  flow: FlowControl | null;
  /**
   * Set for a `pipeline.events` subscription served by realtime/direct-subscriptions.ts:
   * writes one event to its socket, so the procedure pushes events instead of yielding them.
   */
  deliver?: (event: RunEvent) => void;
}

export function createContextFactory(services: ServerServices) {
  return async ({ req, res }: { req: IncomingMessage; res: unknown }): Promise<Context> => {
    const ws = res instanceof WebSocket ? res : null;
    const user = ws ? (services.socketSession(ws)?.user ?? null) : await services.sessions.authenticate(req.headers);
    return {
      services,
      req,
      user,
      ws,
      flow: ws ? services.flowControlFor(ws) : null,
    };
  };
}

const t = initTRPC.context<Context>().create({
  isDev: process.env.NODE_ENV === 'development',
  // Subscriptions run over the WebSocket only (see publicProcedure).
  sse: { enabled: false },
  // The batch limit is refused before any context exists, so read it from the process's env.
  errorFormatter: ({ shape, error }) => shapeError(shape, error, { maxBatchSize: env().HTTP_MAX_BATCH_SIZE }),
});

export const createTRPCRouter = t.router;

/**
 * Every procedure: subscriptions only over the WebSocket, where the session re-check,
 * the per-socket cap and flow control apply (over HTTP there is no socket to hold them
 * to); calls over the WebSocket only while its client keeps reading; NUL, broken
 * Unicode and absurd nesting refused before any schema runs.
 */
export const publicProcedure = t.procedure.use(async ({ type, ctx, getRawInput, next }) => {
  if (type === 'subscription' && !ctx.ws) {
    throw failWith('METHOD_NOT_SUPPORTED', 'USE_WEBSOCKET', `Subscriptions run over the WebSocket at ${WS_PATH}, not over HTTP: use wsLink for subscriptions.`);
  }
  // A reply waits, like an event, until the socket's client has read what it was sent.
  const release = type !== 'subscription' && ctx.flow ? await ctx.flow.replySlot() : null;
  try {
    const problem = inputProblem(await getRawInput());
    if (problem) throw failWith('BAD_REQUEST', 'BAD_INPUT', INPUT_PROBLEM_MESSAGES[problem]);
    return await next();
  } finally {
    // tRPC writes the reply once this resolves: free the slot after that.
    if (release) setImmediate(release);
  }
});

export const sessionEnded = () =>
  failWith('UNAUTHORIZED', 'AUTH_FAILED', 'Your session ended (signed out or expired); sign in again.');

/** Signed-in users only; over WebSocket, only while the upgrade's session lasts. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw failWith('UNAUTHORIZED', 'AUTH_MISSING', 'Sign in first.');
  const ended = ctx.ws ? (ctx.services.socketSession(ctx.ws)?.ended.signal ?? null) : null;
  if (ended?.aborted) throw sessionEnded();
  return next({ ctx: { user: ctx.user, sessionEnded: ended } });
});

/** The one answer to anything that is not yours: the same as for something that does not exist. */
function notFound(message: string): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message });
}

/**
 * Ownership, in one place: every id a user hands us goes through these. Another
 * user's run or question gets the same NOT_FOUND as one that does not exist.
 */
export async function ownedRun(services: ServerServices, userId: string, runId: string): Promise<RunSummary> {
  // Redis keeps live runs; a run it no longer has is still the user's in the database.
  const run = (await services.stores.runs.get(runId)) ?? (await archivedRun(services.db, runId));
  if (run?.userId !== userId) throw notFound(`No run ${runId}`);
  return run;
}

export async function ownedQuestion(services: ServerServices, userId: string, hitlId: string): Promise<HitlRequest> {
  const request = await services.stores.hitl.get(hitlId);
  if (request?.userId !== userId) throw notFound(`No question ${hitlId}`);
  return request;
}

/**
 * Operators only (ADMIN_EMAILS). Anyone else is answered as if the procedure did not
 * exist, in tRPC's own words for a missing one: for them the operator's API is not there
 * (and /ops is a missing page, see http/ops-page-gate.ts).
 */
export const adminProcedure = protectedProcedure.use(({ ctx, path, next }) => {
  if (!isAdmin(ctx.user, ctx.services.env.ADMIN_EMAILS)) throw notFound(`No procedure found on path "${path}"`);
  return next();
});

/** Procedures that take a runId: the run is loaded (and its owner checked) once. */
export const runProcedure = protectedProcedure
  .input(z.object({ runId: runIdSchema }))
  .use(async ({ ctx, input, next }) => next({ ctx: { run: await ownedRun(ctx.services, ctx.user.id, input.runId) } }));

/** Procedures that take a hitlId. */
export const hitlProcedure = protectedProcedure
  .input(z.object({ hitlId: hitlIdSchema }))
  .use(async ({ ctx, input, next }) => next({ ctx: { request: await ownedQuestion(ctx.services, ctx.user.id, input.hitlId) } }));
