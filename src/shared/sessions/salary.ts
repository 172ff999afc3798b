import { z } from 'zod';
import { applyUrlSchema } from '../urls';

/** ISO 4217 code, as forms and postings write it ("USD", "EUR"). */
export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'currency: a three-letter code such as USD or EUR');

export const senioritySchema = z.enum(['junior', 'mid', 'senior', 'staff', 'principal', 'lead', 'manager', 'director']);
export type Seniority = z.infer<typeof senioritySchema>;

const role = z.string().trim().min(1, 'role: say which role, e.g. "Backend engineer"').max(200, 'role: at most 200 characters');

/** salary.research: market pay for a role from the salary ranges of real postings. */
export const salaryResearchParamsSchema = z.object({
  role,
  location: z.string().trim().max(200, 'location: at most 200 characters').default(''),
  seniority: senioritySchema.optional(),
  /** The currency to report in; the postings' own (the most common one) when left out. */
  currency: currencySchema.optional(),
});
export type SalaryResearchParams = z.output<typeof salaryResearchParamsSchema>;

/** salary.startBattle: a negotiation against an HR persona whose budget comes from research or the posting. */
export const salaryBattleParamsSchema = z.object({
  role,
  company: z.string().trim().min(1, 'company: the company making the offer').max(200, 'company: at most 200 characters'),
  targetSalary: z
    .number()
    .int('targetSalary: a whole number')
    .min(1000, 'targetSalary: a yearly amount, e.g. 120000')
    .max(10_000_000, 'targetSalary: at most 10,000,000'),
  currency: currencySchema.default('USD'),
  location: z.string().trim().max(200, 'location: at most 200 characters').default(''),
  /** The posting the offer is for: its salary range, when it has one, sets the persona's budget. */
  jobUrl: applyUrlSchema.optional(),
  /** Replays a battle exactly (tests, "try again the same way"); random when left out. */
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
});
export type SalaryBattleParams = z.output<typeof salaryBattleParamsSchema>;

/** One posting behind a research result, with its pay as a yearly range in the result's currency. */
export const salaryDataPointSchema = z.object({
  title: z.string().max(300),
  company: z.string().max(200),
  url: z.string().max(2048),
  source: z.string().max(50),
  min: z.number().int().min(0),
  max: z.number().int().min(0),
  /** The posting's own currency and period, before conversion. */
  original: z.string().max(100),
});
export type SalaryDataPoint = z.infer<typeof salaryDataPointSchema>;

/** A user's turn in a session (sessions.say). */
export const sessionTurnSchema = z.object({
  /** Chosen by the client, once per turn: a retried request with the same id is applied once. */
  turnId: z.uuid('turnId: a UUID the client makes for this turn'),
  text: z.string().trim().min(1, 'text: say something').max(4000, 'text: at most 4,000 characters'),
  /** An amount named in the turn (a negotiation's ask), yearly, in the session's currency. */
  offer: z.number().int().min(0).max(10_000_000).optional(),
});
export type SessionTurnInput = z.infer<typeof sessionTurnSchema>;
