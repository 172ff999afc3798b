import { z } from 'zod';
import { applyUrlSchema } from '../urls';

/** network.find: people worth contacting at a company about a job. */
export const networkParamsSchema = z.object({
  company: z.string().trim().min(1, 'company: which company').max(200, 'company: at most 200 characters'),
  role: z.string().trim().max(200, 'role: at most 200 characters').optional(),
  /** The posting: its team and requirements shape the ranking and the notes. */
  jobUrl: applyUrlSchema.optional(),
  /** The company's GitHub organisation, when it has one (e.g. "acme-labs"). */
  githubOrg: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'githubOrg: a GitHub organisation name')
    .optional(),
});
export type NetworkParams = z.output<typeof networkParamsSchema>;

export const contactRelationSchema = z.enum(['recruiter', 'hiring_manager', 'peer', 'other']);
