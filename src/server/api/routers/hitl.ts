import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { hitlResponseSchema } from '~/shared/hitl';
import { hitlIdSchema, runIdSchema } from '~/shared/pipeline';
import { answerHitl } from '../../services/hitl-answers';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const hitlRouter = createTRPCRouter({
  /** Answer a question an agent asked. The first answer wins; a second gets CONFLICT. */
  respond: protectedProcedure
    .input(z.object({ hitlId: hitlIdSchema, response: hitlResponseSchema }))
    .mutation(async ({ ctx, input }) => {
      const request = await ctx.services.stores.hitl.get(input.hitlId);
      // Another user's question gets the same answer as a missing one.
      if (request?.userId !== ctx.user.id) throw new TRPCError({ code: 'NOT_FOUND', message: `No question ${input.hitlId}` });
      return answerHitl(ctx.services, request, input.response, ctx.user.id);
    }),

  /** Your questions still waiting for an answer, for one run or for all. */
  pending: protectedProcedure
    .input(z.object({ runId: runIdSchema.optional() }).default({}))
    .query(({ ctx, input }) => ctx.services.stores.hitl.listPending(ctx.user.id, input.runId)),
});
