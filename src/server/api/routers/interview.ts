import { interviewParamsSchema } from '~/shared/sessions/interview';
import { startRunOfKind } from '../../services/run-control';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/** Interview practice: questions from a posting (or a role), answered with sessions.say. */
export const interviewRouter = createTRPCRouter({
  start: protectedProcedure
    .input(interviewParamsSchema)
    .mutation(({ ctx, input }) => startRunOfKind(ctx.services, ctx.user.id, { kind: 'interview', params: input })),
});
