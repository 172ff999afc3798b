import { z } from 'zod';
import { hitlIdSchema, runIdSchema } from './pipeline';

export const hitlStatusSchema = z.enum(['pending', 'answered', 'timed_out', 'cancelled']);
export type HitlStatus = z.infer<typeof hitlStatusSchema>;

/**
 * What shape the answer takes: free text, one (or with `multiple`, several) of the
 * options, or a file (a PDF, uploaded to PUT /api/hitl/<hitlId>/file; the options are
 * then what the user may say instead, such as "skip this application").
 */
export const hitlAnswerKindSchema = z.enum(['text', 'choice', 'file']);
export type HitlAnswerKind = z.infer<typeof hitlAnswerKindSchema>;

/** The profile's text fields an answer may fill. */
export const savableProfileFieldSchema = z.enum([
  'name', 'firstName', 'lastName', 'email', 'phone', 'location', 'linkedinUrl', 'githubUrl', 'websiteUrl',
  'currentCompany', 'desiredSalary', 'earliestStartDate',
]);
export type SavableProfileField = z.infer<typeof savableProfileFieldSchema>;

/**
 * Where an answer may be kept so that it is not asked again: a profile field, the
 * resume file, or the profile's saved answers under the form's question.
 */
export const hitlSaveAsSchema = z.discriminatedUnion('to', [
  z.object({ to: z.literal('profile'), field: savableProfileFieldSchema }),
  z.object({ to: z.literal('resume') }),
  z.object({ to: z.literal('savedAnswer'), question: z.string().min(1).max(300) }),
]);
export type HitlSaveAs = z.infer<typeof hitlSaveAsSchema>;

/** Several choices travel as one answer, one option per line. */
export const MULTIPLE_CHOICE_SEPARATOR = '\n';

/** The answer a file question settles with once its file is uploaded ("file:cv.pdf"). */
export const FILE_ANSWER_PREFIX = 'file:';

/** A question an agent asked, as hitl.pending returns it. */
export const hitlRequestSchema = z.object({
  hitlId: hitlIdSchema,
  runId: runIdSchema,
  userId: z.string(),
  agent: z.string(),
  question: z.string(),
  context: z.string(),
  options: z.array(z.string()),
  answerKind: hitlAnswerKindSchema,
  multiple: z.boolean(),
  saveAs: hitlSaveAsSchema.nullable(),
  /** The user kept the answer in their profile. */
  savedToProfile: z.boolean(),
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
