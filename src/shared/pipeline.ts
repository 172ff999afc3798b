import { z } from 'zod';
import { careerChatParamsSchema } from './sessions/career';
import { interviewParamsSchema } from './sessions/interview';
import { networkParamsSchema } from './sessions/network';
import { salaryBattleParamsSchema, salaryResearchParamsSchema } from './sessions/salary';
import { applyUrlSchema } from './urls';

export { applyUrlSchema };

/** Where the scout looks for postings (pipeline.start's `sources`). */
export const jobSourceSchema = z.enum(['sandbox', 'greenhouse', 'lever']);
export type JobSource = z.infer<typeof jobSourceSchema>;

/**
 * What a user asks for when starting a pipeline. Defaults follow seed 000's
 * start_pipeline handler, except draftMode (on by default: nothing is submitted
 * without the user's approval) and query (required: an empty search is a mistake).
 */
export const pipelineParamsSchema = z.object({
  query: z
    .string()
    .trim()
    .min(1, 'query: say what job to search for, e.g. "Python developer"')
    .max(200, 'query: at most 200 characters'),
  location: z.string().trim().max(200, 'location: at most 200 characters').default('Remote'),
  autoApply: z.boolean().default(false),
  minMatchScore: z
    .number()
    .int('minMatchScore: a whole number')
    .min(0, 'minMatchScore: 0 to 100')
    .max(100, 'minMatchScore: 0 to 100')
    .default(70),
  useCompanyResearch: z.boolean().default(false),
  useResumeTailoring: z.boolean().default(false),
  useCoverLetter: z.boolean().default(false),
  draftMode: z.boolean().default(true),
  sources: z
    .array(jobSourceSchema)
    .min(1, 'sources: pick at least one source, or leave it out for all')
    .refine((s) => new Set(s).size === s.length, 'sources: each source once')
    .optional(),
  maxApplications: z
    .number()
    .int('maxApplications: a whole number')
    .min(1, 'maxApplications: at least 1')
    .max(100, 'maxApplications: at most 100')
    .optional(),
  /** Apply to this one posting instead of searching (applications.applyToUrl). */
  applyUrl: applyUrlSchema.optional(),
});

export type PipelineParamsInput = z.input<typeof pipelineParamsSchema>;
export type PipelineParams = z.output<typeof pipelineParamsSchema>;

export const runStatusSchema = z.enum(['queued', 'running', 'paused', 'completed', 'stopped', 'failed']);
export type RunStatus = z.infer<typeof runStatusSchema>;

export const TERMINAL_STATUSES: readonly RunStatus[] = ['completed', 'stopped', 'failed'];
export const isTerminalStatus = (s: RunStatus): boolean => TERMINAL_STATUSES.includes(s);

/** The pipeline's stages, in order; the UI draws one lane per stage. A session's work is one stage, `session`. */
export const stageSchema = z.enum(['queued', 'scout', 'analyst', 'company', 'resume', 'cover_letter', 'applier', 'session', 'done']);
export type Stage = z.infer<typeof stageSchema>;

export const runIdSchema = z
  .string()
  .regex(/^run_[A-Za-z0-9_-]{8,64}$/, 'runId: not a run id (expected run_…)');

export const hitlIdSchema = z
  .string()
  .regex(/^hitl_[A-Za-z0-9_-]{8,64}$/, 'hitlId: not a question id (expected hitl_…)');

/**
 * What a run does. A session (a negotiation, a research, later an interview or a chat)
 * is a run of another kind: the same log, resume, stop, ownership, rooms, archive and
 * limits, with its own parameters, agent and page.
 */
export const runKindSchema = z.enum(['pipeline', 'salary_research', 'salary_battle', 'interview', 'career_chat', 'network']);
export type RunKind = z.infer<typeof runKindSchema>;

/** The kinds whose sessions wait for the user's turns (sessions.say). */
export const TURN_TAKING_KINDS: readonly RunKind[] = ['salary_battle', 'interview', 'career_chat'];

/** Each kind's parameters, as its start procedure takes them. */
export const runParamsSchemas = {
  pipeline: pipelineParamsSchema,
  salary_research: salaryResearchParamsSchema,
  salary_battle: salaryBattleParamsSchema,
  interview: interviewParamsSchema,
  career_chat: careerChatParamsSchema,
  network: networkParamsSchema,
} as const satisfies Record<RunKind, z.ZodType>;
export type RunParamsOf<K extends RunKind> = z.output<(typeof runParamsSchemas)[K]>;

const runFields = {
  runId: runIdSchema,
  /** The user who started the run and alone may see or control it. */
  userId: z.string(),
  status: runStatusSchema,
  stage: stageSchema,
  progress: z.number().int().min(0).max(100),
  attempt: z.number().int().min(0),
  error: z.string().nullable(),
  lastSeq: z.number().int().min(0),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
};

/** A run as pipeline.get and pipeline.list return it; `kind` says which parameters it has. */
export const runSummarySchema = z.discriminatedUnion('kind', [
  z.object({ ...runFields, kind: z.literal('pipeline'), params: pipelineParamsSchema }),
  z.object({ ...runFields, kind: z.literal('salary_research'), params: salaryResearchParamsSchema }),
  z.object({ ...runFields, kind: z.literal('salary_battle'), params: salaryBattleParamsSchema }),
  z.object({ ...runFields, kind: z.literal('interview'), params: interviewParamsSchema }),
  z.object({ ...runFields, kind: z.literal('career_chat'), params: careerChatParamsSchema }),
  z.object({ ...runFields, kind: z.literal('network'), params: networkParamsSchema }),
]);
export type RunSummary = z.infer<typeof runSummarySchema>;
export type RunOfKind<K extends RunKind> = Extract<RunSummary, { kind: K }>;
