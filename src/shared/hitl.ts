import { z } from 'zod';
import { hitlIdSchema, runIdSchema } from './pipeline';

export const hitlStatusSchema = z.enum(['pending', 'answered', 'timed_out', 'cancelled']);
export type HitlStatus = z.infer<typeof hitlStatusSchema>;

/** A question an agent asked, as hitl.pending returns it. */
export const hitlRequestSchema = z.object({
  hitlId: hitlIdSchema,
  runId: runIdSchema,
  userId: z.string(),
  agent: z.string(),
  question: z.string(),
  context: z.string(),
  options: z.array(z.string()),
  defaultAnswer: z.string().nullable(),
  timeoutMs: z.number().int(),
  status: hitlStatusSchema,
  answer: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
});
export type HitlRequest = z.infer<typeof hitlRequestSchema>;

export const hitlResponseSchema = z
  .string()
  .trim()
  .min(1, 'response: an answer is required')
  .max(10_000, 'response: at most 10,000 characters');
