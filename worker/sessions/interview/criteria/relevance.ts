/**
 * Relevance: does the answer answer this question for this job? It should use the
 * question's skill (a related one counts for part), touch what the question asks about,
 * and, better still, bring in other skills the posting wants.
 */
import { extractSkills, skillCategory, substituteFor, withImpliedSkills } from '../../../analysis/skills';
import { groupsHit, listWords } from '../text';
import type { CriterionResult, Question, ScoringContext } from '../types';

interface RelevanceFacts {
  /** 'named', 'related' (a stand-in or a skill of the same kind), or 'absent'; null without a skill. */
  skill: 'named' | 'related' | 'absent' | null;
  /** Share of the question's points the answer touches. */
  onTopic: number;
  touched: number;
  points: number;
  /** Other posting skills the answer uses. */
  postingSkills: string[];
}

const steps = (n: number, points: readonly number[]): number => points[Math.min(n, points.length - 1)] ?? 0;

function skillUse(skill: string, answer: string, used: ReadonlySet<string>): 'named' | 'related' | 'absent' {
  // A skill the lexicon does not know can only be found by its name.
  if (used.has(skill) || (skillCategory(skill) === undefined && answer.toLowerCase().includes(skill.toLowerCase()))) return 'named';
  if (substituteFor(skill, used)) return 'related';
  const category = skillCategory(skill);
  // A language is too broad a kinship: knowing Go says little about a Python question.
  if (category && category !== 'language' && [...used].some((s) => skillCategory(s) === category)) return 'related';
  return 'absent';
}

export function relevanceFacts(question: Question, answer: string, context: ScoringContext): RelevanceFacts {
  const used = new Set(withImpliedSkills(extractSkills(answer)));
  const touched = groupsHit(answer, question.keywords);
  const points = question.keywords.length;
  return {
    skill: question.skill === null ? null : skillUse(question.skill, answer, used),
    onTopic: points === 0 ? 1 : touched / points,
    touched,
    points,
    postingSkills: context.postingSkills.filter((s) => s !== question.skill && used.has(s)),
  };
}

export function scoreRelevance(question: Question, answer: string, context: ScoringContext): CriterionResult {
  const f = relevanceFacts(question, answer, context);
  const points =
    f.skill === null
      ? 80 * f.onTopic + steps(f.postingSkills.length, [0, 12, 20])
      : (f.skill === 'named' ? 40 : f.skill === 'related' ? 20 : 0) + 45 * f.onTopic + steps(f.postingSkills.length, [0, 8, 15]);
  const score = Math.max(0, Math.min(100, Math.round(points)));
  const gap = score >= 85 ? null : question.skill !== null && f.skill !== 'named' ? 'skill' : f.onTopic < 0.75 ? 'topic' : null;
  return { score, note: relevanceNote(question, f), good: relevanceGood(question, score, f), add: relevanceAdd(question, score, f), gap };
}

function relevanceNote(question: Question, f: RelevanceFacts): string {
  const parts: string[] = [];
  if (question.skill !== null) {
    parts.push(
      f.skill === 'named'
        ? `Uses ${question.skill}, the question's skill`
        : f.skill === 'related'
          ? `Uses a skill close to ${question.skill}, not ${question.skill} itself`
          : `Does not mention ${question.skill}, the question's skill`,
    );
  }
  parts.push(`touches ${f.touched} of the ${f.points} points the question asks about`);
  if (f.postingSkills.length > 0) parts.push(`also uses ${listWords(f.postingSkills.slice(0, 3))} from the posting`);
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function relevanceGood(question: Question, score: number, f: RelevanceFacts): string | null {
  if (score < 70) return null;
  return f.skill === 'named' && question.skill !== null ? `an answer that stays on the question, with ${question.skill} at its centre` : 'an answer that stays on the question';
}

function relevanceAdd(question: Question, score: number, f: RelevanceFacts): string | null {
  if (score >= 85) return null;
  const adds: string[] = [];
  if (question.skill !== null && f.skill !== 'named') adds.push(`tie it to ${question.skill}: the question is about it`);
  if (f.onTopic < 0.75) adds.push(`stay closer to what was asked (${question.theme})`);
  if (adds.length === 0 && f.postingSkills.length === 0) adds.push('connect it to what this job needs');
  return adds[0] ?? null;
}
