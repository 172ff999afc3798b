import { networkParamsSchema } from '~/shared/sessions/network';
import { startRunOfKind } from '../../services/run-control';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/** People worth contacting at a company; outreach notes are reviewed as questions, and never sent. */
export const networkRouter = createTRPCRouter({
  find: protectedProcedure
    .input(networkParamsSchema)
    .mutation(({ ctx, input }) => startRunOfKind(ctx.services, ctx.user.id, { kind: 'network', params: input })),
});
