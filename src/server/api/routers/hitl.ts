import { z } from 'zod';
import { hitlResponseSchema } from '~/shared/hitl';
import { runIdSchema } from '~/shared/pipeline';
import { answerHitl } from '../../services/hitl-answers';
import { createTRPCRouter, hitlProcedure, protectedProcedure } from '../trpc';

export const hitlRouter = createTRPCRouter({
  /**
   * Answer a question an agent asked. The first answer wins; a second gets CONFLICT.
   * `saveToProfile` also keeps the answer where the question says (`saveAs`), so it is
   * not asked again. A question asking for a file takes it at PUT /api/hitl/<hitlId>/file.
   */
  respond: hitlProcedure
    .input(z.object({ response: hitlResponseSchema, saveToProfile: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => answerHitl(ctx.services, ctx.request, input.response, ctx.user.id, input.saveToProfile)),

  /** Your questions still waiting for an answer, for one run or for all. */
  pending: protectedProcedure
    .input(z.object({ runId: runIdSchema.optional() }).default({}))
    .query(({ ctx, input }) => ctx.services.stores.hitl.listPending(ctx.user.id, input.runId)),
});
