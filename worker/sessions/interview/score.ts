/**
 * An answer's score: four criteria, weighted by how much each decides an interviewer's
 * impression. Structure and specificity weigh most (they are what separates a good
 * story from a vague one), relevance next, length least (it is a symptom more than a cause).
 */
import { scoreLength } from './criteria/length';
import { scoreRelevance } from './criteria/relevance';
import { scoreSpecificity } from './criteria/specificity';
import { scoreStructure } from './criteria/structure';
import { wordCount } from './text';
import type { AnswerScore, CriterionName, Question, ScoringContext } from './types';

export const WEIGHTS: Readonly<Record<CriterionName, number>> = { structure: 0.3, specificity: 0.3, relevance: 0.25, length: 0.15 };

export function scoreAnswer(question: Question, answer: string, context: ScoringContext): AnswerScore {
  const criteria = {
    structure: scoreStructure(question, answer),
    specificity: scoreSpecificity(answer),
    relevance: scoreRelevance(question, answer, context),
    length: scoreLength(wordCount(answer)),
  };
  const weighted = (Object.keys(WEIGHTS) as CriterionName[]).reduce((sum, name) => sum + WEIGHTS[name] * criteria[name].score, 0);
  return { score: Math.round(weighted), criteria };
}
