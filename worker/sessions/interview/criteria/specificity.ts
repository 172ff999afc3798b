/**
 * Specificity: could the interviewer check it? Figures, measurable outcomes and named
 * tools make an answer believable, and "I" says what the speaker did where "we" hides it.
 * Vague filler ("stuff", "things", "basically") takes a little back.
 */
import { extractSkills } from '../../../analysis/skills';
import { clip, hasStem, listWords, numbersIn, plural, wordsOf } from '../text';
import type { CriterionResult } from '../types';

const OUTCOME_STEMS = [
  'latenc', 'p99', 'p95', 'p50', 'throughput', 'revenue', 'conversion', 'churn', 'retention', 'error', 'uptime', 'downtime',
  'incident', 'ticket', 'users', 'customers', 'hour', 'minute', 'second', 'day', 'week', 'month', 'cost', 'budget', 'percent',
  'ms', 'deploy', 'release', 'signup', 'sign-up', 'nps', 'bug', 'crash', 'alert', 'request', 'rps', 'qps', 'complaint',
  'arr', 'mrr', 'rating', 'accuracy', 'precision', 'recall', 'headcount', 'engineers', 'people',
];

const VAGUE = ['stuff', 'things', 'etc', 'somehow', 'kind of', 'sort of', 'basically', 'a lot', 'various', 'i guess', 'i think', 'maybe', 'probably', 'whatever'];

const FIRST_PERSON = new Set(['i', "i'm", "i've", "i'd", "i'll", 'me', 'my', 'myself']);
const TEAM_PERSON = new Set(['we', "we're", "we've", "we'd", "we'll", 'our', 'us', 'ours']);

/** Capitalised words that are not names (sentence starts aside). */
const NOT_NAMES = new Set(['I', 'I’m', "I'm", 'I’ve', "I've", 'I’d', "I'd", 'So', 'Then', 'We', 'The', 'It', 'My', 'Our', 'After', 'When', 'This', 'That', 'In', 'At', 'On', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'STAR']);

const YEAR = /^(?:19|20)\d\d$/;

/** Product and company names the lexicon does not know ("Sentry", "Stripe"): capitalised mid-sentence. */
function properNames(answer: string): string[] {
  const names = new Set<string>();
  for (const m of answer.matchAll(/(?<=[a-z0-9,;:)] )([A-Z][A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*)/g)) {
    const name = m[1] ?? '';
    if (!NOT_NAMES.has(name)) names.add(name);
  }
  return [...names];
}

const steps = (n: number, points: readonly number[]): number => points[Math.min(n, points.length - 1)] ?? 0;

export interface SpecificityFacts {
  figures: string[];
  outcomes: number;
  named: string[];
  firstPerson: number;
  teamPerson: number;
  vague: string[];
}

export function specificityFacts(answer: string): SpecificityFacts {
  const words = wordsOf(answer);
  const joined = ` ${words.join(' ')} `;
  const named = [...new Set([...extractSkills(answer), ...properNames(answer)])];
  return {
    figures: numbersIn(answer).filter((n) => !YEAR.test(n)),
    outcomes: OUTCOME_STEMS.filter((s) => hasStem(words, joined, s)).length,
    named,
    firstPerson: words.filter((w) => FIRST_PERSON.has(w)).length,
    teamPerson: words.filter((w) => TEAM_PERSON.has(w)).length,
    vague: VAGUE.filter((v) => hasStem(words, joined, v) && (v.includes(' ') || words.includes(v))),
  };
}

export function scoreSpecificity(answer: string): CriterionResult {
  const facts = specificityFacts(answer);
  const people = facts.firstPerson + facts.teamPerson;
  const ownShare = people === 0 ? 0 : facts.firstPerson / people;
  const points =
    steps(facts.figures.length, [0, 18, 28, 35]) +
    steps(facts.outcomes, [0, 8, 14, 20]) +
    steps(facts.named.length, [0, 10, 16, 20]) +
    // Most of it in the first person is enough: a story about a team says "we" some of the time.
    25 * Math.min(1, ownShare / 0.6) -
    Math.min(16, 4 * facts.vague.length);
  const score = Math.max(0, Math.min(100, Math.round(points)));
  return {
    score,
    note: specificityNote(facts),
    good: specificityGood(score, facts),
    add: specificityAdd(score, facts, ownShare),
    gap: specificityGap(score, facts, ownShare),
  };
}

function specificityGap(score: number, f: SpecificityFacts, ownShare: number): string | null {
  if (score >= 85) return null;
  if (f.figures.length === 0) return 'figures';
  if (f.teamPerson > 0 && ownShare < 0.5) return 'voice';
  if (f.named.length === 0) return 'named';
  return f.vague.length > 0 ? 'vague' : null;
}

function specificityNote(f: SpecificityFacts): string {
  const figures = f.figures.length === 0 ? 'no figures' : `${plural(f.figures.length, 'figure')} (${f.figures.slice(0, 4).join(', ')})`;
  const named = f.named.length === 0 ? 'no tools or systems named' : `names ${listWords(f.named.slice(0, 4))}`;
  const voice = `"I" ${plural(f.firstPerson, 'time')}, "we" ${plural(f.teamPerson, 'time')}`;
  const vague = f.vague.length > 0 ? `; vague words: ${f.vague.slice(0, 3).join(', ')}` : '';
  return clip(`${figures}; ${named}; ${voice}${vague}.`.replace(/^./, (c) => c.toUpperCase()), 500);
}

function specificityGood(score: number, f: SpecificityFacts): string | null {
  if (score < 70) return null;
  const parts = [f.figures.length > 0 ? plural(f.figures.length, 'figure') : '', f.named.length > 0 ? `${listWords(f.named.slice(0, 2))} by name` : ''];
  const detail = parts.filter((p) => p !== '').join(', and ');
  return detail === '' ? 'concrete detail' : `concrete detail (${detail})`;
}

function specificityAdd(score: number, f: SpecificityFacts, ownShare: number): string | null {
  if (score >= 85) return null;
  const adds: string[] = [];
  if (f.figures.length === 0) adds.push('put numbers on it: how much faster, how many users, how long it took');
  if (f.teamPerson > 0 && ownShare < 0.5) adds.push(`say "I" for what you did yourself: "we" hides your part (you said "we" ${plural(f.teamPerson, 'time')}, "I" ${plural(f.firstPerson, 'time')})`);
  else if (f.firstPerson + f.teamPerson === 0) adds.push('say what you did yourself, in the first person');
  if (f.named.length === 0) adds.push('name the tools and systems you used');
  if (f.vague.length > 0) adds.push(`swap vague words (${f.vague.slice(0, 2).join(', ')}) for specifics`);
  if (adds.length === 0 && f.outcomes === 0) adds.push('say what was measured: time, errors, users or money');
  return adds[0] ?? null;
}
