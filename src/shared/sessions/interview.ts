import { z } from 'zod';
import { applyUrlSchema } from '../urls';
import { senioritySchema } from './salary';

/** interview.start: questions from a posting's requirements (jobUrl) or a role, plus behavioural ones. */
export const interviewParamsSchema = z
  .object({
    jobUrl: applyUrlSchema.optional(),
    role: z.string().trim().min(1).max(200, 'role: at most 200 characters').optional(),
    seniority: senioritySchema.optional(),
    /** How many questions (5 when left out). */
    questions: z.number().int().min(1, 'questions: 1 to 10').max(10, 'questions: 1 to 10').default(5),
  })
  .refine((p) => p.jobUrl !== undefined || p.role !== undefined, {
    message: 'role: say which role to rehearse for, or give the posting’s link (jobUrl)',
    path: ['role'],
  });
export type InterviewParams = z.output<typeof interviewParamsSchema>;

export const interviewQuestionKindSchema = z.enum(['behavioural', 'technical', 'role']);
