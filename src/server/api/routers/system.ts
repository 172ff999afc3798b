import { checkHealth } from '../../http/health';
import { createTRPCRouter, publicProcedure } from '../trpc';
import { alertsProcedure } from './rooms';

export const systemRouter = createTRPCRouter({
  health: publicProcedure.query(({ ctx }) => checkHealth(ctx.services)),
  /** The dashboard room: alerts for every signed-in user (workers coming and going, …). */
  alerts: alertsProcedure,
});
