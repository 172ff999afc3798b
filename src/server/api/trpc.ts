import type { IncomingMessage } from 'node:http';
import { initTRPC, TRPCError } from '@trpc/server';
import { WebSocket } from 'ws';
import { z, ZodError } from 'zod';
import type { HitlRequest } from '~/shared/hitl';
import { hitlIdSchema, runIdSchema, type RunSummary } from '~/shared/pipeline';
import type { AuthUser } from '../auth/session';
import type { FlowControl } from '../realtime/flow-control';
import type { FramePacer } from '../realtime/frame-pacer';
import type { ServerServices } from '../services';

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
  /** Paces live browser frames on this socket. */
  pacer: FramePacer | null;
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
      pacer: ws ? services.framePacerFor(ws) : null,
    };
  };
}

/** Seed 002's error codes, carried in `error.data.reason` beside tRPC's own code. */
export type ErrorReason =
  | 'AUTH_FAILED'
  | 'AUTH_MISSING'
  | 'ROOM_ACCESS_DENIED'
  | 'INVALID_ROOM'
  | 'RATE_LIMITED'
  | 'HISTORY_GAP';

class Reason extends Error {
  constructor(readonly reason: ErrorReason) {
    super(reason);
  }
}

export function failWith(code: TRPCError['code'], reason: ErrorReason, message: string): TRPCError {
  return new TRPCError({ code, message, cause: new Reason(reason) });
}

/** "field: message; field: message" — the zod messages, readable by a person. */
export function formatZodError(error: ZodError): string {
  return error.issues
    .map((i) => {
      const path = i.path.join('.');
      return !path || i.message.startsWith(`${path}:`) ? i.message : `${path}: ${i.message}`;
    })
    .join('; ');
}

const t = initTRPC.context<Context>().create({
  isDev: process.env.NODE_ENV === 'development',
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      message: zodError
        ? formatZodError(zodError)
        : error.code === 'PAYLOAD_TOO_LARGE' && error.message === 'PAYLOAD_TOO_LARGE'
          ? 'The request is too large (at most 10 MB).'
          : shape.message,
      data: {
        ...shape.data,
        reason: error.cause instanceof Reason ? error.cause.reason : null,
        zodError: zodError ? zodError.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object') return Object.values(value).some(containsNul);
  return false;
}

/**
 * Every procedure: PostgreSQL text cannot hold NUL, and no field needs it, so it is
 * refused up front with a clear message instead of failing deep in a query.
 */
export const publicProcedure = t.procedure.use(async ({ getRawInput, next }) => {
  if (containsNul(await getRawInput())) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Text may not contain NUL (\\u0000) characters.' });
  }
  return next();
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

/**
 * Ownership, in one place: every id a user hands us goes through these. Another
 * user's run or question gets the same NOT_FOUND as one that does not exist.
 */
export async function ownedRun(services: ServerServices, userId: string, runId: string): Promise<RunSummary> {
  const run = await services.stores.runs.get(runId);
  if (run?.userId !== userId) throw new TRPCError({ code: 'NOT_FOUND', message: `No run ${runId}` });
  return run;
}

export async function ownedQuestion(services: ServerServices, userId: string, hitlId: string): Promise<HitlRequest> {
  const request = await services.stores.hitl.get(hitlId);
  if (request?.userId !== userId) throw new TRPCError({ code: 'NOT_FOUND', message: `No question ${hitlId}` });
  return request;
}

/** Procedures that take a runId: the run is loaded (and its owner checked) once. */
export const runProcedure = protectedProcedure
  .input(z.object({ runId: runIdSchema }))
  .use(async ({ ctx, input, next }) => next({ ctx: { run: await ownedRun(ctx.services, ctx.user.id, input.runId) } }));

/** Procedures that take a hitlId. */
export const hitlProcedure = protectedProcedure
  .input(z.object({ hitlId: hitlIdSchema }))
  .use(async ({ ctx, input, next }) => next({ ctx: { request: await ownedQuestion(ctx.services, ctx.user.id, input.hitlId) } }));
