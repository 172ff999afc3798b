import { z } from 'zod';
import { runIdSchema } from '~/shared/pipeline';
import { careerChatParamsSchema } from '~/shared/sessions/career';
import { sessionTurnSchema } from '~/shared/sessions/salary';
import { sayToCareer } from '../../services/conversations';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/**
 * The career chat. A conversation is a session (kind career_chat) that stays open until
 * you stop it or it idles out; its replies arrive on pipeline.events, or as messages in
 * the `conversation:<runId>` room.
 */
/** A message to a conversation, or (without runId) the first of a new one. */
const careerSayInputSchema = z.object({
  runId: runIdSchema.optional(),
  turnId: sessionTurnSchema.shape.turnId,
  text: careerChatParamsSchema.shape.opening,
});

export const careerRouter = createTRPCRouter({
  /** A message: to the conversation runId, or without one, the first of a new conversation (its runId is returned). */
  say: protectedProcedure.input(careerSayInputSchema).mutation(({ ctx, input }) => sayToCareer(ctx.services, ctx.user.id, input)),
});
