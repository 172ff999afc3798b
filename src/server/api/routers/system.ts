import { checkHealth } from '../../http/health';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const systemRouter = createTRPCRouter({
  health: publicProcedure.query(({ ctx }) => checkHealth(ctx.services)),
});
