/**
 * The optional model-based match score. A model reads a resume the way a recruiter
 * does (it sees that "shipped the payments API" is backend work), but it can time out,
 * ramble or invent numbers; so its answer is validated, and on any failure the
 * deterministic score stands, with the reason in the explanation.
 */
import { z } from 'zod';
import { type ChatMessage, type LlmClient, tryComplete } from '../llm';
import type { MatchResult } from './match-score';

/** Keeps the prompt well inside small context windows and the bill predictable. */
export const MAX_RESUME_CHARS = 6_000;
export const MAX_POSTING_CHARS = 6_000;
const MAX_TOKENS = 600;

export interface LlmScoreInput {
  resumeText: string;
  posting: { title: string; company: string; location: string; remote: boolean; text: string };
  /** The deterministic result: what stands if the model fails, and a hint for it. */
  fallback: MatchResult;
  signal: AbortSignal;
}

export interface LlmScoreResult extends MatchResult {
  source: 'llm' | 'deterministic';
}

const skillList = z.array(z.string().trim().min(1).max(100)).max(40);

const answerSchema = z.object({
  score: z.number().min(0).max(100),
  explanation: z.string().trim().min(1).max(1_500),
  matchedSkills: skillList,
  missingSkills: skillList,
});

const SYSTEM_PROMPT = [
  'You are an experienced, candid technical recruiter. You judge how well a candidate fits a job posting.',
  'Score 0-100: 80+ means you would shortlist them, 50-79 a plausible stretch, below 50 unlikely.',
  'Weigh the required skills most, then seniority and years, then location (a non-remote job in another city is a real obstacle).',
  'Do not inflate: a candidate from a different profession scores low even if a few tools overlap.',
  'Answer with one JSON object only: {"score": number, "explanation": string (one or two sentences naming what matches and what is missing), "matchedSkills": string[], "missingSkills": string[]}.',
].join('\n');

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n[…truncated]`;
}

function userPrompt(input: LlmScoreInput): string {
  const { posting, fallback } = input;
  const place = posting.remote ? 'remote' : posting.location || 'location not stated';
  return [
    `JOB: ${posting.title} at ${posting.company} (${place})`,
    truncate(posting.text, MAX_POSTING_CHARS),
    '',
    'RESUME:',
    truncate(input.resumeText, MAX_RESUME_CHARS),
    '',
    `A keyword matcher found: matched ${fallback.matchedSkills.join(', ') || 'none'}; missing ${fallback.missingSkills.join(', ') || 'none'}; seniority ${fallback.seniorityFit}; location ${fallback.locationFit}. Use it as a hint, not as the answer.`,
  ].join('\n');
}

/** Models sometimes wrap JSON in a code fence even when asked not to. */
function parseJson(text: string): unknown {
  const unfenced = text.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  return JSON.parse(unfenced) as unknown;
}

type Parsed = { ok: true; answer: z.infer<typeof answerSchema> } | { ok: false; reason: string };

function parseAnswer(text: string): Parsed {
  let json: unknown;
  try {
    json = parseJson(text);
  } catch {
    return { ok: false, reason: 'its answer was not JSON' };
  }
  const result = answerSchema.safeParse(json);
  if (result.success) return { ok: true, answer: result.data };
  const field = result.error.issues[0]?.path.join('.') ?? 'answer';
  return { ok: false, reason: `its answer had an invalid ${field}` };
}

function fallbackResult(fallback: MatchResult, reason: string): LlmScoreResult {
  const why = reason.replace(/\s+/g, ' ').slice(0, 200);
  return {
    ...fallback,
    source: 'deterministic',
    explanation: `${fallback.explanation} (Keyword score: the language model could not score this job — ${why}.)`,
  };
}

/** Scores with the model; never rejects except when the run is stopped. */
export async function scoreWithLlm(llm: LlmClient, input: LlmScoreInput): Promise<LlmScoreResult> {
  const messages: ChatMessage[] = [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: userPrompt(input) },
  ];
  const attempt = await tryComplete(llm, messages, { signal: input.signal, json: true, maxTokens: MAX_TOKENS, temperature: 0 });
  if (!attempt.ok) return fallbackResult(input.fallback, attempt.reason);
  const parsed = parseAnswer(attempt.text);
  if (!parsed.ok) return fallbackResult(input.fallback, parsed.reason);
  const { answer } = parsed;
  return {
    ...input.fallback,
    source: 'llm',
    score: Math.round(answer.score),
    matchedSkills: answer.matchedSkills,
    missingSkills: answer.missingSkills,
    explanation: answer.explanation,
  };
}
