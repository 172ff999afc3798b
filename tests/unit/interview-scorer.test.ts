import { describe, expect, it } from 'vitest';
import { INTERVIEW_ANSWERS, INTERVIEW_POSTING_SKILLS, type AnswerLabel } from '../fixtures/interview-answers';
import { scoreLength } from '~worker/sessions/interview/criteria/length';
import { scoreRelevance } from '~worker/sessions/interview/criteria/relevance';
import { scoreSpecificity } from '~worker/sessions/interview/criteria/specificity';
import { scoreStructure } from '~worker/sessions/interview/criteria/structure';
import { engineFeedback, silenceFeedback } from '~worker/sessions/interview/feedback';
import type { Draft } from '~worker/sessions/interview/questions';
import { scoreAnswer } from '~worker/sessions/interview/score';
import type { AnswerScore, Question } from '~worker/sessions/interview/types';
import { workOn } from '~worker/sessions/interview/work-on';

const context = { postingSkills: INTERVIEW_POSTING_SKILLS };
const asQuestion = (draft: Draft): Question => ({ ...draft, index: 1 });
const scored = INTERVIEW_ANSWERS.map((a) => ({ ...a, result: scoreAnswer(asQuestion(a.question), a.answer, context) }));
const RANK: Readonly<Record<AnswerLabel, number>> = { weak: 1, adequate: 2, strong: 3 };

/** Ranks from 1, ties sharing their mean rank (as Spearman's ρ with ties needs). */
function ranks(values: readonly number[]): number[] {
  const order = values.map((value, i) => ({ value, i })).sort((a, b) => a.value - b.value);
  const out = new Array<number>(values.length).fill(0);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end += 1;
    for (let k = start; k <= end; k += 1) out[order[k]!.i] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return out;
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((xi, i) => {
    const yi = y[i]!;
    sxy += (xi - mx) * (yi - my);
    sxx += (xi - mx) ** 2;
    syy += (yi - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

const spearman = (x: readonly number[], y: readonly number[]): number => pearson(ranks(x), ranks(y));
const scoresOf = (label: AnswerLabel) => scored.filter((s) => s.label === label).map((s) => s.result.score);
const mean = (v: readonly number[]) => Math.round((10 * v.reduce((a, b) => a + b, 0)) / v.length) / 10;

describe('scorer calibration against labelled answers', () => {
  it('has a labelled set large enough to mean something', () => {
    expect(INTERVIEW_ANSWERS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(INTERVIEW_ANSWERS.map((a) => a.question.question)).size).toBeGreaterThanOrEqual(8);
    for (const label of ['strong', 'adequate', 'weak'] as const) expect(scoresOf(label).length).toBeGreaterThanOrEqual(10);
  });

  it('ranks answers as the labels do (Spearman ρ ≥ 0.8)', () => {
    const rho = spearman(
      scored.map((s) => RANK[s.label]),
      scored.map((s) => s.result.score),
    );
    const [strong, adequate, weak] = [scoresOf('strong'), scoresOf('adequate'), scoresOf('weak')];
    console.log(
      `interview scorer: ρ = ${rho.toFixed(3)} over ${scored.length} answers; ` +
        `strong min ${Math.min(...strong)} mean ${mean(strong)}, adequate mean ${mean(adequate)} (${Math.min(...adequate)}–${Math.max(...adequate)}), ` +
        `weak max ${Math.max(...weak)} mean ${mean(weak)}`,
    );
    expect(rho).toBeGreaterThanOrEqual(0.8);
    expect(mean(strong)).toBeGreaterThan(mean(adequate));
    expect(mean(adequate)).toBeGreaterThan(mean(weak));
  });

  it('scores every strong answer above every weak one', () => {
    const weakest = Math.min(...scoresOf('strong'));
    const offenders = scored.filter((s) => s.label === 'weak' && s.result.score >= weakest).map((s) => `${s.id} (${s.result.score})`);
    expect(offenders).toEqual([]);
  });

  it('keeps every score and note within the catalog’s bounds', () => {
    for (const { result } of scored) {
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(100);
      for (const c of Object.values(result.criteria)) {
        expect(c.score).toBeGreaterThanOrEqual(0);
        expect(c.score).toBeLessThanOrEqual(100);
        expect(c.note.length).toBeLessThanOrEqual(500);
      }
      expect(engineFeedback(result).length).toBeLessThanOrEqual(5000);
    }
  });
});

const conflict = asQuestion(INTERVIEW_ANSWERS.find((a) => a.id === 'conflict-strong-1')!.question);
const postgres = asQuestion(INTERVIEW_ANSWERS.find((a) => a.id === 'postgres-strong-1')!.question);
const kubernetes = asQuestion(INTERVIEW_ANSWERS.find((a) => a.id === 'kubernetes-strong-1')!.question);

describe('structure', () => {
  const situation = 'At my last job our deploys kept failing on Fridays.';
  const task = 'My task was to find out why before the next release.';
  const action = 'I traced the failures to a flaky migration step and I rewrote it.';
  const result = 'As a result, failed deploys dropped to zero for three months.';

  it('gives full marks to all four STAR parts in order', () => {
    const r = scoreStructure(postgres, [situation, task, action, result].join(' '));
    expect(r.score).toBe(100);
    expect(r.note).toBe('All four parts are there: the situation, your task, what you did and the result, in order.');
    expect(r.add).toBeNull();
  });

  it('marks the parts down when they come out of order, and says so', () => {
    const r = scoreStructure(postgres, [result, action, task, situation].join(' '));
    expect(r.score).toBeLessThan(100);
    expect(r.note).toContain('they come out of order');
    expect(r.add).toContain('tell it in order');
  });

  it('names the missing result', () => {
    const r = scoreStructure(postgres, [situation, task, action].join(' '));
    expect(r.note).toContain('missing the result');
    expect(r.add).toContain('end with the result');
    expect(r.gap).toBe('result');
  });

  it('reads a "How would you…" answer as a plan', () => {
    const plan =
      'First I would ask about the constraints: how many services and how often they deploy. The goal is that a bad release reaches few users. ' +
      'I would use canary releases with automatic rollback. The trade-off is slower rollouts, and I would measure the change failure rate.';
    expect(scoreStructure(kubernetes, plan).score).toBe(100);
    expect(scoreStructure({ ...kubernetes, hypothetical: false }, plan).score).toBeLessThan(100);
  });
});

describe('specificity', () => {
  it('rewards figures, named tools and "I" over "we"', () => {
    const specific = scoreSpecificity('I added a composite index in PostgreSQL and the report went from 14 seconds to 180 milliseconds.');
    const vague = scoreSpecificity('We fixed some stuff in the database and things got a lot better.');
    expect(specific.score).toBeGreaterThan(vague.score);
    expect(specific.note).toContain('2 figures (14, 180)');
    expect(specific.note).toContain('names PostgreSQL');
    expect(vague.note).toContain('No figures');
    expect(vague.note).toContain('vague words');
    expect(vague.add).toContain('put numbers on it');
  });

  it('asks for "I" when "we" hides the speaker', () => {
    const r = scoreSpecificity('We planned it, we built it in Django, we shipped it in 3 weeks and our users liked it; we were happy.');
    expect(r.add).toContain('say "I" for what you did yourself');
    expect(r.gap).toBe('voice');
  });
});

describe('relevance', () => {
  it('wants the question’s skill and its topic', () => {
    const onTopic = scoreRelevance(postgres, 'The query was slow, so I ran EXPLAIN in PostgreSQL, added an index and it got faster.', context);
    const offTopic = scoreRelevance(postgres, 'I enjoy working with designers on the user interface.', context);
    expect(onTopic.score).toBeGreaterThan(offTopic.score + 40);
    expect(onTopic.note).toContain('Uses PostgreSQL');
    expect(offTopic.note).toContain('Does not mention PostgreSQL');
    expect(offTopic.add).toContain('tie it to PostgreSQL');
  });

  it('gives part credit for a stand-in skill', () => {
    const mysql = scoreRelevance(postgres, 'The query was slow, so I ran EXPLAIN in MySQL, added an index and it got faster.', context);
    expect(mysql.note).toContain('close to PostgreSQL');
  });

  it('judges a behavioural answer by its topic alone', () => {
    const r = scoreRelevance(conflict, 'I disagreed with our tech lead; we met and agreed on a compromise.', context);
    expect(r.score).toBeGreaterThanOrEqual(80);
  });
});

describe('length', () => {
  it.each([
    [20, 17, 'too short'],
    [59, 49, 'too short'],
    [90, 80, 'a little short'],
    [120, 100, 'sweet spot'],
    [300, 100, 'sweet spot'],
    [375, 88, 'long side'],
    [600, 60, 'rambling'],
  ])('%i words scores %i (%s)', (words, score, note) => {
    const r = scoreLength(words);
    expect(r.score).toBe(score);
    expect(r.note).toContain(note);
  });
});

describe('feedback and what to work on', () => {
  it('says what worked and what to add, in plain words', () => {
    const strong = scored.find((s) => s.id === 'postgres-strong-1')!.result;
    const weak = scored.find((s) => s.id === 'prioritisation-weak-1')!.result;
    expect(engineFeedback(strong)).toMatch(/^What worked: .*a good length/);
    expect(engineFeedback(weak)).toMatch(/^This answer needs more.*To make it stronger, /);
  });

  it('gives a silence zero and says why', () => {
    const none = silenceFeedback(90);
    expect(none.score).toBe(0);
    expect(none.feedback).toMatch(/^No answer within 90 seconds\./);
    expect(Object.values(none.criteria).every((c) => c.score === 0)).toBe(true);
  });

  it('turns the weakest criteria into at most three pieces of advice', () => {
    const adequate: AnswerScore[] = scored.filter((s) => s.label === 'adequate').map((s) => s.result);
    const advice = workOn(adequate, 0);
    expect(advice).toHaveLength(3);
    // Adequate answers lack figures and endings more than they lack relevance.
    expect(advice.join('\n')).not.toContain('(relevance:');
    expect(advice[0]).toMatch(/\((structure|specificity|length): \d+\/100 on average\)$/);
    expect(workOn(adequate, 2)[0]).toBe('Answer every question, even briefly: 2 questions went unanswered, and a silence scores 0.');
    expect(workOn(adequate, 2)).toHaveLength(3);
    expect(workOn([], 3)).toHaveLength(1);
  });
});
