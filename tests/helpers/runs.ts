import type { Client } from './client';

type StartInput = Parameters<Client['pipeline']['start']['mutate']>[0];

/**
 * Searches that each find one sandbox posting whose form (placeholder-only, eeo,
 * nearby-text or iframe-embed layout: see LAYOUT_CYCLE in src/sandbox/postings.ts) the
 * test profile answers completely, so the run's one question is the draft approval.
 * Distinct postings, because a user never applies to the same job twice.
 */
const ONE_POSTING_QUERIES = [
  'Tessellate Senior Cloud Engineer',
  'Tessellate Senior Full Stack Developer',
  'Acme Analytics LLM Engineer',
  'Blue Harbor Staff Data Engineer',
  'Evergreen Health Staff Site Reliability Engineer',
] as const;

export function oneQuestionRun(n = 0) {
  const query = ONE_POSTING_QUERIES[n % ONE_POSTING_QUERIES.length] ?? ONE_POSTING_QUERIES[0];
  return { query, location: '', sources: ['sandbox'], autoApply: true, maxApplications: 1, minMatchScore: 0 } satisfies StartInput;
}

export const ONE_QUESTION_RUN = oneQuestionRun(0);

/**
 * A long run: the word is in every one of the sandbox's 252 postings, and a stack with
 * BIG_RUN_ENV keeps them all, so the analyst alone publishes 1,000+ events.
 */
export const BIG_RUN = { query: 'experience', location: '', minMatchScore: 0, sources: ['sandbox'] } as const satisfies StartInput;
export const BIG_RUN_ENV = { SCOUT_MAX_POSTINGS: '300' };
