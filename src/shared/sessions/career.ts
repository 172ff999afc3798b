import { z } from 'zod';

/** A career chat: a conversation that stays open until the user ends it or it idles out. */
export const careerChatParamsSchema = z.object({
  /** The message that opened the conversation. */
  opening: z.string().trim().min(1, 'text: say something').max(4000, 'text: at most 4,000 characters'),
});
export type CareerChatParams = z.output<typeof careerChatParamsSchema>;

export const careerIntentSchema = z.enum([
  'jobs_that_fit',
  'skill_gaps',
  'trajectory',
  'pay',
  'find_jobs',
  'small_talk',
  'unknown',
]);
export type CareerIntent = z.infer<typeof careerIntentSchema>;
