import { z } from 'zod';
import { isTerminalStatus, pipelineParamsSchema } from '~/shared/pipeline';
import { listRuns } from '../../services/archived-runs';
import { historyPage } from '../../services/history';
import { controlRun, startRun } from '../../services/run-control';
import { guarded, trackedRunEvents } from '../subscriptions';
import { createTRPCRouter, protectedProcedure, runProcedure } from '../trpc';

const reasonInput = z.object({ reason: z.string().trim().max(500, 'reason: at most 500 characters').optional() });

/** lastEventId is the `id` of the last event received (tracked() hands it back on reconnect). */
const lastEventIdSchema = z
  .string()
  .regex(/^\d{1,10}$/, 'lastEventId: the id of an event of this run')
  .refine((id) => Number(id) <= 2_147_483_647, 'lastEventId: the id of an event of this run')
  .nullish();

export const pipelineRouter = createTRPCRouter({
  start: protectedProcedure
    .input(pipelineParamsSchema)
    .mutation(({ ctx, input }) => startRun(ctx.services, ctx.user.id, input)),

  stop: runProcedure
    .input(reasonInput)
    .mutation(({ ctx, input }) => controlRun(ctx.services, ctx.run, 'stop', input.reason ?? 'Stopped by user')),

  pause: runProcedure.mutation(({ ctx }) => controlRun(ctx.services, ctx.run, 'pause', 'Paused by user')),

  resume: runProcedure.mutation(({ ctx }) => controlRun(ctx.services, ctx.run, 'resume', 'Resumed by user')),

  get: runProcedure.query(({ ctx }) => ctx.run),

  /** A run's full history, a page at a time, beyond what Redis keeps. */
  history: runProcedure
    .input(
      z.object({
        cursor: z.number().int().min(0).max(2_147_483_647, 'cursor: a seq from nextCursor').default(0),
        limit: z.number().int().min(1, 'limit: 1 to 1000').max(1000, 'limit: 1 to 1000').default(200),
      }),
    )
    .query(({ ctx, input }) => historyPage(ctx.services, ctx.run.runId, input.cursor, input.limit)),

  list: protectedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
    .query(({ ctx, input }) => listRuns(ctx.services, ctx.user.id, input.limit)),

  /**
   * A run's events in seq order, each exactly once: the history, then the live tail.
   * Resume after a reconnect by passing the last id received (wsLink does it for you).
   * Completes after the run's final event.
   */
  events: runProcedure
    .input(z.object({ lastEventId: lastEventIdSchema }))
    .subscription(({ ctx, input, signal }) =>
      guarded(ctx, signal, (stop) => trackedRunEvents(ctx, ctx.run.runId, Number(input.lastEventId ?? 0), stop)),
    ),

  /**
   * The applier's browser, live: the latest frame at once, then each newer frame as
   * fast as this client reads them (at most BROWSER_FPS). Frames are not history:
   * a slow viewer skips to the newest. Completes once the run has ended.
   */
  frames: runProcedure.subscription(({ ctx, signal }) => {
    const { runId } = ctx.run;
    const isOver = async () => isTerminalStatus((await ctx.services.stores.runs.get(runId))?.status ?? 'completed');
    // A socket's frame pacer is made on its first frames subscription, not with every socket.
    const pacer = ctx.ws ? ctx.services.framePacerFor(ctx.ws) : null;
    return guarded(ctx, signal, (stop) => ctx.services.frames.frames(runId, stop, pacer, isOver));
  }),
});
