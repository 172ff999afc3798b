import { describe, expect, it } from 'vitest';
import { negotiateHref, prefillFrom } from '~/app/negotiate/_lib/prefill';
import { awaitsYou, battleStateOf, isBattleOpen, latestReply, percentGained, type BattleDebrief } from '~/app/runs/[runId]/_lib/battle-state';
import { percentilesOf, rangeChartModel, researchStateOf, type SalaryResult } from '~/app/runs/[runId]/_lib/research-state';
import { runEventSchema, type Agent, type EventData, type EventType, type RunEvent } from '~/shared/events';

const RUN_ID = 'run_0123456789abcdef';

/** A real event, validated by the catalog, so the tests cannot drift from what the worker sends. */
function ev<T extends EventType>(seq: number, type: T, data: EventData<T>, agent: Agent = 'salary_battle', message = `${type} #${seq}`): RunEvent {
  return runEventSchema.parse({
    id: String(seq),
    runId: RUN_ID,
    seq,
    type,
    agent,
    message,
    data,
    timestamp: new Date(Date.UTC(2026, 0, 1, 12, 0, seq)).toISOString(),
  });
}

const posting = (n: number, min: number, max: number) => ({
  title: `Backend Engineer ${n}`,
  company: `Company ${n}`,
  url: `http://localhost:3000/sandbox/jobs/${n}`,
  source: 'sandbox',
  min,
  max,
  original: `USD ${min}–${max} a year`,
});

const ENOUGH: SalaryResult = {
  currency: 'USD',
  sampleSize: 5,
  enough: true,
  minimumSample: 5,
  p25: 130_000,
  p50: 145_000,
  p75: 160_000,
  postings: [posting(3, 150_000, 170_000), posting(1, 110_000, 140_000), posting(2, 120_000, 150_000), posting(4, 140_000, 160_000), posting(5, 135_000, 175_000)],
};

const NOT_ENOUGH: SalaryResult = { ...ENOUGH, sampleSize: 2, enough: false, p25: null, p50: null, p75: null, postings: ENOUGH.postings.slice(0, 2) };

/** A whole battle: research, the opening, one argued turn, an accepted offer, the debrief. */
function acceptedBattle(): RunEvent[] {
  let seq = 0;
  const next = () => ++seq;
  return [
    ev(next(), 'task_queued', { jobId: RUN_ID, queue: 'pipeline' }, 'task'),
    ev(next(), 'task_started', { jobId: RUN_ID, attempt: 1, workerId: 'w1' }, 'task'),
    ev(next(), 'salary_start', { role: 'Backend Engineer', location: '', seniority: null }, 'salary'),
    ev(next(), 'salary_analyzing', { source: 'Sandbox board', postings: 5, withPay: 5 }, 'salary', 'Found 5 matching postings on Sandbox board, 5 with pay'),
    ev(next(), 'salary_result', ENOUGH, 'salary'),
    ev(next(), 'salary_complete', { sources: 1, sampleSize: 5 }, 'salary'),
    ev(next(), 'salary_battle_start', {
      role: 'Backend Engineer',
      company: 'Acme',
      targetSalary: 160_000,
      currency: 'USD',
      budgetFrom: 'market research',
      phase: 'opening',
      turnSeconds: 180,
    }),
    ev(next(), 'salary_battle_ai_response', { round: 0, reply: 'We can offer 130,000.', offer: 130_000, messageId: 'msg_1', phase: 'opening' }),
    ev(next(), 'salary_battle_counter', { round: 0, offer: 130_000, currency: 'USD' }),
    ev(next(), 'salary_battle_user_turn', { round: 1, prompt: 'Market data says 150,000.', offer: 150_000, turnId: 'turn-1' }),
    ev(next(), 'salary_battle_ai_response', { round: 1, reply: 'I can go to 140,000.', offer: 140_000, messageId: 'msg_2', phase: 'counter' }),
    ev(next(), 'salary_battle_counter', { round: 1, offer: 140_000, currency: 'USD' }),
    ev(next(), 'salary_battle_phase_change', { from: 'opening', to: 'counter' }),
    ev(next(), 'salary_battle_user_turn', { round: 2, prompt: 'I accept your offer.', offer: null, turnId: 'turn-2' }),
    ev(next(), 'salary_battle_ai_response', { round: 2, reply: 'Welcome aboard.', offer: 140_000, messageId: 'msg_3', phase: 'closed' }),
    ev(next(), 'salary_battle_accepted', { finalOffer: 140_000, currency: 'USD' }),
    ev(next(), 'salary_battle_complete', {
      rounds: 2,
      firstOffer: 130_000,
      finalOffer: 140_000,
      currency: 'USD',
      outcome: 'accepted',
      percentGained: 7.7,
      moved: ['Market data says 150,000.'],
      didNotMove: [],
    }),
    ev(next(), 'task_complete', { jobId: RUN_ID, durationMs: 1000 }, 'task'),
    ev(next(), 'session_complete', { kind: 'salary_battle', outcome: 'accepted', summary: 'You settled at $140,000.', durationMs: 1000 }, 'system'),
  ];
}

describe('battle state', () => {
  it('tells the conversation, the offers and the debrief from the events', () => {
    const battle = battleStateOf(acceptedBattle());
    expect(battle.setup?.company).toBe('Acme');
    expect(battle.messages.map((m) => [m.from, m.id, m.offer])).toEqual([
      ['persona', 'msg_1', 130_000],
      ['you', 'turn-1', 150_000],
      ['persona', 'msg_2', 140_000],
      ['you', 'turn-2', null],
      ['persona', 'msg_3', 140_000],
    ]);
    expect(battle.firstOffer).toBe(130_000);
    expect(battle.currentOffer).toBe(140_000);
    expect(battle.lastAsk).toBe(150_000);
    expect(battle.phase).toBe('closed');
    expect(battle.accepted?.finalOffer).toBe(140_000);
    expect(battle.debrief?.outcome).toBe('accepted');
    expect(battle.status).toBe('completed');
    expect(battle.end).toEqual({ kind: 'completed', outcome: 'accepted', summary: 'You settled at $140,000.' });
    expect(isBattleOpen(battle)).toBe(false);
    expect(awaitsYou(battle)).toBe(false);
    expect(latestReply(battle)?.id).toBe('msg_3');
  });

  it('keeps the research the battle started with', () => {
    const battle = battleStateOf(acceptedBattle());
    expect(battle.research.result?.p50).toBe(145_000);
    expect(battle.research.sources).toEqual([
      { source: 'Sandbox board', postings: 5, withPay: 5, message: 'Found 5 matching postings on Sandbox board, 5 with pay' },
    ]);
  });

  it('says whose turn it is as the conversation goes', () => {
    const events = acceptedBattle();
    const upTo = (type: EventType, nth = 1) => {
      let seen = 0;
      const at = events.findIndex((e) => e.type === type && ++seen === nth);
      return battleStateOf(events.slice(0, at + 1));
    };
    expect(awaitsYou(upTo('salary_battle_start'))).toBe(false);
    expect(awaitsYou(upTo('salary_battle_ai_response'))).toBe(true);
    expect(upTo('salary_battle_ai_response').status).toBe('running');
    expect(awaitsYou(upTo('salary_battle_user_turn'))).toBe(false);
    expect(awaitsYou(upTo('salary_battle_ai_response', 2))).toBe(true);
    expect(isBattleOpen(upTo('salary_battle_ai_response', 2))).toBe(true);
    // The persona's closing reply ends the turns before the debrief arrives.
    expect(awaitsYou(upTo('salary_battle_ai_response', 3))).toBe(false);
  });

  it('folds the same whatever order or repetition the events arrive in', () => {
    const events = acceptedBattle();
    const shuffled = [...events].reverse();
    const doubled = [...events, ...events.slice(3, 12)];
    expect(battleStateOf(shuffled)).toEqual(battleStateOf(events));
    expect(battleStateOf(doubled)).toEqual(battleStateOf(events));
  });

  it('starts over when a new attempt of the battle starts', () => {
    const events = acceptedBattle().slice(0, 11);
    const restart = ev(100, 'salary_battle_start', {
      role: 'Backend Engineer',
      company: 'Acme',
      targetSalary: 160_000,
      currency: 'USD',
      budgetFrom: 'a default',
      phase: 'opening',
      turnSeconds: 180,
    });
    const battle = battleStateOf([...events, restart]);
    expect(battle.messages).toEqual([]);
    expect(battle.currentOffer).toBeNull();
    expect(battle.firstOffer).toBeNull();
    expect(battle.phase).toBe('opening');
    expect(battle.setup?.budgetFrom).toBe('a default');
    // The research of this attempt came before its start, and stays.
    expect(battle.research.result).not.toBeNull();
  });

  it('ends on a stop or a final failure, not on a retried one', () => {
    const open = acceptedBattle().slice(0, 11);
    const stopped = battleStateOf([...open, ev(50, 'pipeline_stopped', { reason: 'Stopped by you', stage: 'session' }, 'system')]);
    expect(stopped.status).toBe('stopped');
    expect(stopped.end).toEqual({ kind: 'stopped', reason: 'Stopped by you' });
    expect(isBattleOpen(stopped)).toBe(false);
    expect(awaitsYou(stopped)).toBe(false);

    const retrying = battleStateOf([...open, ev(50, 'pipeline_error', { error: 'Redis blinked', retrying: true, attempt: 1 }, 'system')]);
    expect(retrying.end).toBeNull();
    expect(isBattleOpen(retrying)).toBe(true);

    const failed = battleStateOf([...open, ev(50, 'pipeline_error', { error: 'Worker crashed', retrying: false, attempt: 2 }, 'system')]);
    expect(failed.status).toBe('failed');
    expect(failed.end).toEqual({ kind: 'failed', error: 'Worker crashed' });
  });

  it('keeps the first end: a stop racing the completion does not rewrite it', () => {
    const events = [...acceptedBattle(), ev(99, 'pipeline_stopped', { reason: 'late', stage: 'session' }, 'system')];
    const battle = battleStateOf(events);
    expect(battle.status).toBe('completed');
    expect(battle.end?.kind).toBe('completed');
  });

  it('works out the gain when the debrief has none', () => {
    const debrief: BattleDebrief = {
      rounds: 1,
      firstOffer: 100_000,
      finalOffer: 110_000,
      currency: 'USD',
      outcome: 'accepted',
      percentGained: null,
      moved: [],
      didNotMove: [],
    };
    expect(percentGained(debrief)).toBeCloseTo(10);
    expect(percentGained({ ...debrief, percentGained: 9.5 })).toBe(9.5);
    expect(percentGained({ ...debrief, finalOffer: null })).toBeNull();
  });
});

describe('research state', () => {
  it('tells the sources, the result and the end of a research', () => {
    const research = researchStateOf([
      ev(1, 'task_started', { jobId: RUN_ID, attempt: 1, workerId: 'w1' }, 'task'),
      ev(2, 'salary_start', { role: 'Backend Engineer', location: 'Remote', seniority: 'senior' }, 'salary'),
      ev(3, 'salary_analyzing', { source: 'Sandbox board', postings: 4, withPay: 2 }, 'salary', 'Found 4 on Sandbox board, 2 with pay'),
      ev(4, 'salary_analyzing', { source: 'Greenhouse acme', postings: 0, withPay: 0 }, 'salary', 'Greenhouse acme failed: try again later'),
      ev(5, 'salary_result', NOT_ENOUGH, 'salary'),
      ev(6, 'salary_complete', { sources: 1, sampleSize: 2 }, 'salary'),
      ev(7, 'session_complete', { kind: 'salary_research', outcome: 'not_enough_data', summary: 'Not enough data.', durationMs: 5 }, 'system'),
    ]);
    expect(research.request?.seniority).toBe('senior');
    expect(research.sources.map((s) => s.message)).toEqual(['Found 4 on Sandbox board, 2 with pay', 'Greenhouse acme failed: try again later']);
    expect(research.result?.enough).toBe(false);
    expect(research.complete?.sampleSize).toBe(2);
    expect(research.status).toBe('completed');
    expect(research.end).toEqual({ kind: 'completed', outcome: 'not_enough_data', summary: 'Not enough data.' });
  });

  it('gives percentiles only for a sample big enough to have them', () => {
    expect(percentilesOf(ENOUGH)).toEqual({ p25: 130_000, p50: 145_000, p75: 160_000 });
    expect(percentilesOf(NOT_ENOUGH)).toBeNull();
    // A result that says "enough" with a missing number is still no median to show.
    expect(percentilesOf({ ...ENOUGH, p50: null })).toBeNull();
  });
});

describe('range chart model', () => {
  it('spans every amount on round ticks, with the band, the median and the postings lowest first', () => {
    const model = rangeChartModel(ENOUGH);
    expect(model).not.toBeNull();
    if (!model) return;
    expect(model.from).toBeLessThanOrEqual(110_000);
    expect(model.to).toBeGreaterThanOrEqual(175_000);
    expect(model.ticks[0]).toBe(model.from);
    expect(model.ticks.at(-1)).toBe(model.to);
    const steps = new Set(model.ticks.slice(1).map((t, i) => t - (model.ticks[i] ?? 0)));
    expect(steps.size).toBe(1);
    const [step] = [...steps];
    expect(String(step)).toMatch(/^[125]0*$/);
    expect(model.band).toEqual({ p25: 130_000, p75: 160_000 });
    expect(model.median).toBe(145_000);
    expect(model.bars.map((b) => b.min)).toEqual([110_000, 120_000, 135_000, 140_000, 150_000]);
  });

  it('draws postings without a band when there is not enough data, and nothing without amounts', () => {
    const thin = rangeChartModel(NOT_ENOUGH);
    expect(thin?.band).toBeNull();
    expect(thin?.median).toBeNull();
    expect(thin?.bars).toHaveLength(2);
    expect(rangeChartModel({ ...NOT_ENOUGH, postings: [] })).toBeNull();
  });

  it('gives a single amount an axis around it', () => {
    const one = rangeChartModel({ ...NOT_ENOUGH, postings: [posting(1, 100_000, 100_000)] });
    expect(one).not.toBeNull();
    expect(one?.from).toBeLessThan(100_000);
    expect(one?.to).toBeGreaterThan(100_000);
  });
});

describe('negotiate links', () => {
  it('carries what is known of the job, and reads it back', () => {
    const href = negotiateHref({ role: 'Senior Backend Engineer', company: 'Northwind Labs', jobUrl: 'http://x.test/jobs/1?a=b&c=d', location: '' });
    expect(href.startsWith('/negotiate?')).toBe(true);
    expect(href).not.toContain('location=');
    const params = Object.fromEntries(new URL(href, 'http://app.test').searchParams);
    expect(prefillFrom(params)).toEqual({ role: 'Senior Backend Engineer', company: 'Northwind Labs', jobUrl: 'http://x.test/jobs/1?a=b&c=d', location: '' });
    expect(negotiateHref({})).toBe('/negotiate');
  });

  it('ignores repeated or missing values', () => {
    expect(prefillFrom({ role: ['a', 'b'], company: undefined, location: '  Berlin ' })).toEqual({ role: '', company: '', jobUrl: '', location: 'Berlin' });
  });
});
