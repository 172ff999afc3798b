/**
 * The three things to work on after the interview: the criteria that scored lowest on
 * average, each as advice about its most common gap, since "structure: 48" tells the
 * user less than "end every story with its result". Silences come first when there were any.
 */
import { plural } from './text';
import type { AnswerScore, CriterionName } from './types';

const MAX_ITEMS = 3;
/** A criterion averaging this much needs no work. */
const GOOD_ENOUGH = 90;

const ADVICE: Readonly<Record<CriterionName, Readonly<Record<string, string>>>> = {
  structure: {
    result: 'End every story with its result: what changed, and by how much.',
    action: 'Say what you did, step by step: that is the part an interviewer scores.',
    situation: 'Open with one sentence of context: where you were and what was at stake.',
    task: 'Say what you were responsible for before saying what you did.',
    order: 'Tell stories in order: situation, task, action, result.',
    default: 'Tell each answer as a story: situation, task, action, result.',
  },
  specificity: {
    figures: 'Put numbers in your answers: time saved, error rates, users, money.',
    voice: 'Say "I" for your own part: "we" hides what you did.',
    named: 'Name the tools and systems you used.',
    vague: 'Cut the filler (things, stuff, basically) and say exactly what happened.',
    default: 'Make answers checkable: figures, named tools, measured outcomes.',
  },
  relevance: {
    skill: 'Tie technical answers to the skill asked about, by name.',
    topic: 'Answer the question that was asked before adding anything else.',
    default: 'Connect your answers to what this job asks for.',
  },
  length: {
    short: 'Give yourself room: aim for 120 to 300 words, a minute or two spoken.',
    long: 'Keep answers under about 300 words: lead with what you did and the result.',
    default: 'Aim for 120 to 300 words an answer.',
  },
};

const NAMES: readonly CriterionName[] = ['structure', 'specificity', 'relevance', 'length'];

function average(scores: readonly AnswerScore[], name: CriterionName): number {
  return Math.round(scores.reduce((sum, s) => sum + s.criteria[name].score, 0) / scores.length);
}

/** The gap named most often for a criterion, earliest first on a tie. */
function commonGap(scores: readonly AnswerScore[], name: CriterionName): string {
  const counts = new Map<string, number>();
  for (const s of scores) {
    const gap = s.criteria[name].gap;
    if (gap !== null) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  let best = 'default';
  let bestCount = 0;
  for (const [gap, count] of counts) if (count > bestCount) [best, bestCount] = [gap, count];
  return best;
}

function adviceFor(scores: readonly AnswerScore[], name: CriterionName): string {
  const table = ADVICE[name];
  const advice = table[commonGap(scores, name)] ?? table.default ?? '';
  return `${advice} (${name}: ${average(scores, name)}/100 on average)`;
}

export function workOn(scores: readonly AnswerScore[], unanswered: number): string[] {
  const items: string[] = [];
  if (unanswered > 0) items.push(`Answer every question, even briefly: ${plural(unanswered, 'question')} went unanswered, and a silence scores 0.`);
  if (scores.length === 0) return items;
  const weakest = [...NAMES]
    .map((name) => ({ name, avg: average(scores, name) }))
    .filter((c) => c.avg < GOOD_ENOUGH)
    .sort((a, b) => a.avg - b.avg);
  for (const { name } of weakest) {
    if (items.length === MAX_ITEMS) break;
    items.push(adviceFor(scores, name));
  }
  return items;
}
