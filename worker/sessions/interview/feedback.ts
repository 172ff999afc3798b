/**
 * The engine's feedback on one answer, in plain words: what worked, then the one or two
 * things that would lift the score most (the weakest criteria's advice). Also what a
 * silence gets, so that an unanswered question still has its feedback event.
 */
import type { AnswerScore, CriterionName, Criteria, CriterionResult } from './types';

const ORDER: readonly CriterionName[] = ['structure', 'specificity', 'relevance', 'length'];
const MAX_ADVICE = 2;

export function engineFeedback(result: AnswerScore): string {
  const { criteria } = result;
  const goods = ORDER.flatMap((name) => criteria[name].good ?? []);
  const weakestFirst = [...ORDER].sort((a, b) => criteria[a].score - criteria[b].score);
  const adds = weakestFirst.flatMap((name) => criteria[name].add ?? []).slice(0, MAX_ADVICE);
  const praise = goods.length > 0 ? `What worked: ${goods.join('; ')}.` : 'This answer needs more before it convinces an interviewer.';
  const advice = adds.length > 0 ? `To make it stronger, ${adds.join('; and ')}.` : 'Nothing important is missing: keep answering like this.';
  return `${praise} ${advice}`;
}

/** A question nobody answered in time: zero on every count, and why. */
export function silenceFeedback(seconds: number): { score: number; feedback: string; criteria: Criteria } {
  const none: CriterionResult = { score: 0, note: 'No answer.', good: null, add: null, gap: null };
  return {
    score: 0,
    feedback: `No answer within ${seconds} seconds. An interviewer would move on too; a short answer scores more than none.`,
    criteria: { structure: none, specificity: none, relevance: none, length: none },
  };
}

/** The criteria as interview_feedback carries them: score and note only. */
export function criteriaForEvent(criteria: Criteria): Record<CriterionName, { score: number; note: string }> {
  const pick = (c: CriterionResult) => ({ score: c.score, note: c.note.slice(0, 500) });
  return { structure: pick(criteria.structure), specificity: pick(criteria.specificity), relevance: pick(criteria.relevance), length: pick(criteria.length) };
}
