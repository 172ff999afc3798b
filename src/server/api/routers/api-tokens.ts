import { apiTokenCreateSchema, apiTokenRevokeSchema } from '~/shared/api-tokens';
import { createApiToken, listApiTokens, revokeApiToken } from '../../services/api-tokens';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const apiTokensRouter = createTRPCRouter({
  /** A new personal API token. `token` is in this answer only: the server keeps just its hash. */
  create: protectedProcedure
    .input(apiTokenCreateSchema)
    .mutation(({ ctx, input }) => createApiToken(ctx.services, ctx.user.id, input.name)),

  /** Your tokens that still work, newest first (name and prefix; never the token). */
  list: protectedProcedure.query(({ ctx }) => listApiTokens(ctx.services, ctx.user.id)),

  /** Stops a token working at once. */
  revoke: protectedProcedure
    .input(apiTokenRevokeSchema)
    .mutation(({ ctx, input }) => revokeApiToken(ctx.services, ctx.user.id, input.id)),
});
