import type { IncomingMessage } from 'node:http';
import { initTRPC, TRPCError } from '@trpc/server';
import { WebSocket } from 'ws';
import { z, ZodError } from 'zod';
import { runIdSchema } from '~/shared/pipeline';
import type { FlowControl } from '../realtime/flow-control';
import type { ServerServices } from '../services';

/**
 * Context for HTTP and WebSocket calls alike. Over WebSocket it is created once per
 * connection; `ws` is that connection, for flow control.
 */
export interface Context {
  services: ServerServices;
  req: IncomingMessage;
  ws: WebSocket | null;
  /** Over WebSocket: the connection's flow control, shared by its subscriptions. */
  flow: FlowControl | null;
}

export function createContextFactory(services: ServerServices) {
  return ({ req, res }: { req: IncomingMessage; res: unknown }): Context => {
    const ws = res instanceof WebSocket ? res : null;
    return { services, req, ws, flow: ws ? services.flowControlFor(ws) : null };
  };
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
      message: zodError ? formatZodError(zodError) : shape.message,
      data: {
        ...shape.data,
        zodError: zodError ? zodError.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const publicProcedure = t.procedure;

/**
 * Every procedure that takes a runId goes through here: the run is loaded once and
 * a missing run is NOT_FOUND, the same answer as (from the accounts issue on) a run
 * of another user.
 */
export const runProcedure = publicProcedure.input(z.object({ runId: runIdSchema })).use(async ({ ctx, input, next }) => {
  const run = await ctx.services.stores.runs.get(input.runId);
  if (!run) throw new TRPCError({ code: 'NOT_FOUND', message: `No run ${input.runId}` });
  return next({ ctx: { run } });
});
