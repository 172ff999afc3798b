import { salaryBattleParamsSchema, salaryResearchParamsSchema } from '~/shared/sessions/salary';
import { startRequestedRun, startRunOfKind } from '../../services/run-control';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/** Sessions about pay. Each starts a run of its own kind; watch it with pipeline.events. */
export const salaryRouter = createTRPCRouter({
  /** Market pay for a role from the salary ranges of real postings (every source the scout knows). */
  research: protectedProcedure
    .input(salaryResearchParamsSchema)
    .mutation(({ ctx, input }) => startRunOfKind(ctx.services, ctx.user.id, { kind: 'salary_research', params: input })),

  /**
   * A negotiation against an HR persona with a hidden budget. The seed is kept with the
   * run, so the same battle can be replayed; say your turns with sessions.say.
   */
  startBattle: protectedProcedure
    .input(salaryBattleParamsSchema)
    .mutation(({ ctx, input }) => startRequestedRun(ctx.services, ctx.user.id, { kind: 'salary_battle', params: input })),
});
