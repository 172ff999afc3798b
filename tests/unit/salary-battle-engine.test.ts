import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eventCatalog, type EventData, type EventType } from '~/shared/events';
import type { SalaryBattleParams } from '~/shared/sessions/salary';
import type { AgentContext, TypingStream, UserTurn } from '~worker/agent-context';
import { salaryBattle } from '~worker/agents/salary-battle';
import type { ChatMessage, CompletionOptions, LlmClient } from '~worker/llm/types';
import { findAmounts } from '~worker/sessions/salary-battle/amounts';
import { FINAL_AFTER_ROUNDS, MAX_ROUNDS, respond, startBattle, type Turn } from '~worker/sessions/salary-battle/battle';
import { chooseBudget } from '~worker/sessions/salary-battle/budget';
import { checkDraft, modelWords, type DraftRules } from '~worker/sessions/salary-battle/llm-words';
import { askFromText, readTurn } from '~worker/sessions/salary-battle/read-turn';
import { strategy } from '~worker/sessions/salary-battle/strategies';
import { formatStrategyTable, playBattle, scenarioFor, strategyTable, type BattleRecord } from '~worker/sessions/salary-battle/strategy-table';
import type { BattleSetup } from '~worker/sessions/salary-battle/types';

const research = vi.hoisted(() => ({
  researchSalary: vi.fn(),
  payForPosting: vi.fn(),
}));
vi.mock('~worker/agents/salary-research', () => research);

const SEEDS = Array.from({ length: 100 }, (_, i) => i + 1);

function battles(name: Parameters<typeof strategy>[0]): BattleRecord[] {
  return SEEDS.map((seed) => playBattle(scenarioFor(seed), strategy(name).next));
}

const SETUP: BattleSetup = {
  role: 'Backend Engineer',
  company: 'Acme',
  currency: 'USD',
  targetSalary: 140_000,
  band: { floor: 120_000, cap: 150_000 },
  seed: 42,
};

/** Plays `texts` as the user's turns against SETUP, stopping when the battle ends. */
function play(texts: readonly string[], setup: BattleSetup = SETUP): Turn[] {
  const turns: Turn[] = [startBattle(setup)];
  for (const text of texts) {
    const last = turns[turns.length - 1]!;
    if (last.state.ended) break;
    turns.push(respond(last.state, { text, offer: null }));
  }
  return turns;
}

// ---------------------------------------------------------------- reading turns

describe('reading a turn', () => {
  it.each([
    ['I would like $135,000.', 135_000],
    ['How about 135k?', 135_000],
    ['Could you do 135 000?', 135_000],
    ['135K works for me', 135_000],
    ['I am asking for €120.000', 120_000],
    ['I want 135.5k', 135_500],
    ['Make it 1.2m', 1_200_000],
    ['USD 140,000 would do it', 140_000],
    ['I would like 150k since another company offered me 140k', 150_000],
    ['I saved $2,000,000 in costs last year, so I would like $140,000', 140_000],
    ['I have 10 years of experience and started in 2015', null],
    ['I currently make 100k and would love to grow', null],
    ['What about benefits?', null],
  ])('%s → %s', (text, expected) => {
    expect(askFromText(text)).toBe(expected);
  });

  it('takes the amount the page sent over anything in the text', () => {
    expect(readTurn({ text: 'I would like 150k', offer: 155_000 }).ask).toBe(155_000);
  });

  it('reads pay cited from elsewhere as something to match, not as the ask', () => {
    const reading = readTurn({ text: 'Another company offered me $150,000.', offer: null });
    expect(reading).toMatchObject({ ask: null, cited: 150_000 });
    expect(reading.levers).toContain('competing');
  });

  it('hears the levers', () => {
    expect(readTurn({ text: 'The market data says the median is higher', offer: null }).levers).toEqual(['market']);
    expect(readTurn({ text: 'I have a competing offer', offer: null }).levers).toEqual(['competing']);
    const skills = readTurn({ text: 'I led the team that cut latency by 40%', offer: null });
    expect(skills.levers).toEqual(['skills']);
    expect(skills.quantified).toBe(true);
    expect(readTurn({ text: 'I can be flexible on the start date', offer: null }).levers).toEqual(['flexibility']);
    expect(readTurn({ text: "I'm a data engineer", offer: null }).levers).toEqual([]);
  });

  it.each([
    ["Sounds good, I'll take it.", 'accept', false],
    ['I accept.', 'accept', false],
    ['Deal.', 'accept', false],
    ['No deal.', 'reject', false],
    ["I'll pass, thanks.", 'reject', false],
    ['I decline the offer.', 'reject', false],
    ['I deserve 150k. Take it or leave it.', 'negotiate', true],
    ['Pay me 150k or I walk.', 'negotiate', true],
    ["That's insulting.", 'negotiate', true],
    ['I was hoping for 150k given my experience.', 'negotiate', false],
    ['Sounds good, but could you do better given the market data?', 'negotiate', false],
    ['I would accept if you can do 150k.', 'negotiate', false],
  ])('%s → %s (bluster %s)', (text, intent, bluster) => {
    expect(readTurn({ text, offer: null })).toMatchObject({ intent, bluster });
  });

  it('finds every amount a draft names, with the way it is written', () => {
    const found = findAmounts('We can do $140,000, up from 135k; that is 5% more, starting in 2026.');
    expect(found.map((m) => [m.value, m.marked, m.percent])).toEqual([
      [140_000, true, false],
      [135_000, true, false],
      [5, false, true],
      [2026, false, false],
    ]);
  });
});

// ---------------------------------------------------------------- the budget

describe('the budget', () => {
  const convert = (amount: number, from: string, to: string) => (from === to ? amount : from === 'EUR' && to === 'USD' ? amount * 1.16 : null);
  const market = { currency: 'USD', enough: true, sampleSize: 30, p50: 130_000, p75: 160_000 };

  it("prefers the posting's range, converted to the battle's currency", () => {
    const budget = chooseBudget({ targetSalary: 140_000, currency: 'USD', posting: { min: 100_000, max: 125_000, currency: 'EUR' }, market, convert });
    expect(budget).toMatchObject({ source: 'posting', band: { floor: 116_000, cap: 145_000 } });
    expect(budget.from).toContain('converted from EUR');
  });

  it('skips a posting paid in a currency it cannot convert, and says so', () => {
    const budget = chooseBudget({ targetSalary: 140_000, currency: 'USD', posting: { min: 1, max: 2, currency: 'XYZ' }, market, convert });
    expect(budget).toMatchObject({ source: 'research', band: { floor: 130_000, cap: 160_000 } });
  });

  it('uses the median to the upper quartile of the research when there is enough data', () => {
    expect(chooseBudget({ targetSalary: 140_000, currency: 'USD', posting: null, market, convert })).toMatchObject({
      source: 'research',
      band: { floor: 130_000, cap: 160_000 },
    });
  });

  it('falls back to a band around the target, and says why', () => {
    const thin = { ...market, enough: false, sampleSize: 2, p50: null, p75: null };
    const budget = chooseBudget({ targetSalary: 100_000, currency: 'USD', posting: null, market: thin, convert });
    expect(budget).toMatchObject({ source: 'default', band: { floor: 85_000, cap: 105_000 } });
    expect(budget.from).toMatch(/not enough market data.*default around your target of \$100,000/);
  });
});

// ---------------------------------------------------------------- the persona's rules

describe('the persona', () => {
  it('opens near the low end of its band', () => {
    for (const seed of SEEDS) {
      const { reply } = startBattle({ ...SETUP, seed });
      expect(reply.offer).toBeGreaterThanOrEqual(120_000);
      expect(reply.offer).toBeLessThanOrEqual(120_000 + 0.15 * 30_000 + 1000);
      expect(reply.phase).toBe('opening');
    }
  });

  it('accepts an ask at or below its offer at the ask, never below its floor', () => {
    const first = startBattle(SETUP).state.offer;
    const below = play([`Could you do ${first - 2000}?`]);
    expect(below.at(-1)!.state.ended).toEqual({ outcome: 'accepted', finalOffer: first - 2000 });
    const underFloor = play(['I would be happy with 100,000.']);
    expect(underFloor.at(-1)!.state.ended).toEqual({ outcome: 'accepted', finalOffer: 120_000 });
    expect(underFloor.at(-1)!.reply.words).toContain('$120,000');
  });

  it('names its final offer after four rounds, holds once, then ends the talk on another push', () => {
    const turns = play(['I would like 149k given my experience.', 'I have market data too.', 'I can start early.', 'I would like 149k.', 'Still 149k?', 'Come on, 149k.']);
    expect(turns[FINAL_AFTER_ROUNDS]!.reply).toMatchObject({ phase: 'final_offer', declaresFinal: true });
    expect(turns[FINAL_AFTER_ROUNDS + 1]!.reply).toMatchObject({ kind: 'hold_final', phase: 'closed' });
    expect(turns[FINAL_AFTER_ROUNDS + 1]!.reply.offer).toBe(turns[FINAL_AFTER_ROUNDS]!.reply.offer);
    expect(turns[FINAL_AFTER_ROUNDS + 2]!.state.ended).toMatchObject({ outcome: 'rejected', by: 'persona' });
  });

  it('lets the user accept the final offer once the talk is closed', () => {
    const turns = play(['I would like 149k given my experience.', 'Market data?', 'Hmm 149k.', 'I want 149k', 'Please, 149k.', 'OK, I accept.']);
    expect(turns.at(-1)!.state.ended).toEqual({ outcome: 'accepted', finalOffer: turns.at(-2)!.state.offer });
  });

  it('moves straight to the final offer when it reaches its cap', () => {
    const setup = { ...SETUP, band: { floor: 120_000, cap: 122_000 } };
    const turns = play(['I have a competing offer and the market data backs me: I would like 140k.'], setup);
    expect(turns[1]!.reply).toMatchObject({ offer: 122_000, phase: 'final_offer', declaresFinal: true });
  });

  it('ends the talk by the round limit, however it goes', () => {
    const turns = play(Array.from({ length: 30 }, () => 'Let me think about it.'));
    expect(turns.at(-1)!.state.round).toBe(MAX_ROUNDS);
    expect(turns.at(-1)!.state.ended).toMatchObject({ outcome: 'rejected' });
  });

  it('never goes back a phase', () => {
    const order = ['opening', 'counter', 'final_offer', 'closed'];
    for (const name of ['anchor_high', 'bluster', 'unreasonable', 'accept_first'] as const) {
      for (const record of battles(name)) {
        const phases = record.transcript.filter((l) => l.from === 'persona').map((l) => order.indexOf(l.phase));
        expect(phases).toEqual([...phases].sort((a, b) => a - b));
      }
    }
  });
});

// ---------------------------------------------------------------- scripted negotiators

describe('scripted negotiators over seeded battles', () => {
  const accept = battles('accept_first');
  const anchor = battles('anchor_high');
  const bluster = battles('bluster');
  const unreasonable = battles('unreasonable');

  it('anchoring high with market data, then a competing offer, beats taking the first offer in every battle', () => {
    for (const [i, record] of anchor.entries()) {
      expect(record.debrief.outcome).toBe('accepted');
      expect(record.debrief.finalOffer).toBeGreaterThan(accept[i]!.debrief.finalOffer!);
    }
    for (const record of accept) {
      expect(record.debrief).toMatchObject({ outcome: 'accepted', rounds: 1, percentGained: 0 });
      expect(record.debrief.finalOffer).toBe(record.debrief.firstOffer);
    }
  });

  it('never offers more than the cap, in any battle', () => {
    for (const record of [...accept, ...anchor, ...bluster, ...unreasonable]) {
      const { cap } = record.state.setup.band;
      for (const offer of record.state.offers) expect(offer).toBeLessThanOrEqual(cap);
      for (const line of record.transcript) if (line.from === 'persona' && line.offer !== null) expect(line.offer).toBeLessThanOrEqual(cap);
      if (record.debrief.finalOffer !== null) expect(record.debrief.finalOffer).toBeLessThanOrEqual(cap);
    }
  });

  it('gives bluster nothing', () => {
    for (const record of bluster) {
      expect(record.debrief.finalOffer).toBe(record.debrief.firstOffer);
      expect(record.debrief.moved).toEqual([]);
      expect(record.debrief.didNotMove.join(' ')).toMatch(/Demands without reasons/);
    }
  });

  it('walks away from unreasonable asks within three rounds', () => {
    for (const record of unreasonable) {
      expect(record.state.ended).toMatchObject({ outcome: 'rejected', by: 'persona' });
      expect(record.debrief.rounds).toBeLessThanOrEqual(3);
      expect(record.debrief.finalOffer).toBe(record.debrief.firstOffer);
    }
  });

  it('replays a seed exactly, and different seeds differ', () => {
    for (const name of ['accept_first', 'anchor_high', 'bluster', 'unreasonable'] as const) {
      for (const seed of SEEDS) {
        const a = playBattle(scenarioFor(seed), strategy(name).next);
        const b = playBattle(scenarioFor(seed), strategy(name).next);
        expect(b.transcript).toEqual(a.transcript);
        expect(b.debrief).toEqual(a.debrief);
      }
    }
    expect(new Set(anchor.map((r) => JSON.stringify(r.transcript))).size).toBe(anchor.length);
  });

  it('explains what moved the persona', () => {
    for (const record of anchor) {
      const moved = record.debrief.moved.join(' ');
      expect(moved).toMatch(/Market data moved the offer up \$[\d,]+ \(round 1\)/);
      const sum = record.state.moved.reduce((total, m) => total + m.amount, 0);
      expect(sum).toBe(record.debrief.finalOffer! - record.debrief.firstOffer!);
    }
  });

  it('prints the strategy-vs-outcome table', () => {
    const rows = strategyTable(SEEDS);
    console.log(`\nStrategy vs outcome over ${SEEDS.length} seeded battles (USD)\n${formatStrategyTable(rows)}\n`);
    const row = (name: string) => rows.find((r) => r.strategy === name)!;
    expect(row('anchor_high').meanFinalOffer).toBeGreaterThan(row('accept_first').meanFinalOffer);
    expect(row('anchor_high').meanPercentGained).toBeGreaterThan(0);
    expect(row('bluster').meanPercentGained).toBe(0);
    expect(row('unreasonable').outcomes).toEqual({ accepted: 0, rejected: SEEDS.length, abandoned: 0 });
    expect(row('accept_first').outcomes.accepted).toBe(SEEDS.length);
  });
});

// ---------------------------------------------------------------- the model's words

describe("the model's words", () => {
  const rules: DraftRules = { allowed: [135_000, 142_000, 160_000, 150_000], offer: 142_000, accepted: false };

  it("accepts a draft that names only the engine's numbers", () => {
    expect(checkDraft('"I hear you on the $160,000. We can go to $142,000, up from 135k."', rules)).toEqual({
      ok: true,
      text: 'I hear you on the $160,000. We can go to $142,000, up from 135k.',
    });
  });

  it.each([
    ['We can go to $142,000 plus a $10,000 signing bonus.', /did not make \(\$10,000\)/],
    ['We can do $145,000.', /did not make/],
    ['We can go to $142,000, that is 5% more.', /percentage/],
    ['We are happy to move up for you.', /does not state the offer/],
    ["$142,000 and it's a deal!", /agrees to a deal/],
    ['   ', /empty/],
  ])('refuses %s', (draft, reason) => {
    const checked = checkDraft(draft, rules);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toMatch(reason);
  });

  function fakeLlm(answer: string | Error): LlmClient & { calls: ChatMessage[][] } {
    const calls: ChatMessage[][] = [];
    return {
      model: 'fake',
      calls,
      complete(messages: ChatMessage[], options: CompletionOptions) {
        calls.push(messages);
        if (answer instanceof Error) return Promise.reject(answer);
        for (const piece of answer.match(/.{1,8}/gs) ?? []) options.onDelta?.(piece);
        return Promise.resolve(answer);
      },
    };
  }

  function recorder(): TypingStream & { written: string; ended: number } {
    const stream = {
      written: '',
      ended: 0,
      write(delta: string) {
        stream.written += delta;
      },
      end() {
        stream.ended += 1;
      },
    };
    return stream;
  }

  it('streams a good draft and keeps it', async () => {
    const typing = recorder();
    const words = await modelWords(fakeLlm('We can go to $142,000.'), [], rules, 'engine words', typing, new AbortController().signal);
    expect(words).toEqual({ text: 'We can go to $142,000.', from: 'model' });
    expect(typing).toMatchObject({ written: 'We can go to $142,000.', ended: 1 });
  });

  it("falls back to the engine's words on a refused draft or a failed call, ending the stream either way", async () => {
    const typing = recorder();
    const refused = await modelWords(fakeLlm('We can go to $199,000.'), [], rules, 'engine words', typing, new AbortController().signal);
    expect(refused).toMatchObject({ text: 'engine words', from: 'engine' });
    const failing = recorder();
    const failed = await modelWords(fakeLlm(new Error('socket hang up')), [], rules, 'engine words', failing, new AbortController().signal);
    expect(failed).toMatchObject({ text: 'engine words', from: 'engine' });
    expect([typing.ended, failing.ended]).toEqual([1, 1]);
  });
});

// ---------------------------------------------------------------- the agent

interface Emitted {
  type: EventType;
  message: string;
  data: unknown;
}

function fakeContext(turns: (Omit<UserTurn, 'round' | 'turnId'> | null)[], llm: LlmClient | null = null) {
  const events: Emitted[] = [];
  const typed: string[] = [];
  let next = 0;
  const params: SalaryBattleParams = { role: 'Backend Engineer', company: 'Acme', targetSalary: 140_000, currency: 'USD', location: '', seed: 7 };
  const ctx = {
    runId: 'run_test12345',
    userId: 'u1',
    params,
    profile: { jobSources: [] },
    settings: {},
    appUrl: 'http://localhost',
    llm,
    signal: new AbortController().signal,
    emit<T extends EventType>(type: T, message: string, data: EventData<T>) {
      // Every event must pass the catalog, as the real publisher would insist.
      eventCatalog[type].parse(data);
      events.push({ type, message, data });
      return Promise.resolve();
    },
    pausePoint: () => Promise.resolve(),
    pace: () => Promise.resolve(),
    progress: () => Promise.resolve(),
    session: {
      turnTimeoutMs: 90_000,
      nextTurn({ round }: { round: number }) {
        const turn = turns[next++];
        return Promise.resolve(turn ? { ...turn, round, turnId: `t${round}` } : null);
      },
      typing: () => ({ write: (d: string) => typed.push(d), end: () => undefined }),
    },
  } as unknown as AgentContext<SalaryBattleParams>;
  return { ctx, events, typed };
}

describe('the salary battle agent', () => {
  beforeEach(() => {
    research.payForPosting.mockResolvedValue(null);
    research.researchSalary.mockResolvedValue({
      currency: 'USD',
      sampleSize: 24,
      enough: true,
      minimumSample: 5,
      p25: 120_000,
      p50: 130_000,
      p75: 160_000,
      postings: [],
    });
  });

  it('negotiates to a deal and debriefs', async () => {
    const { ctx, events } = fakeContext([
      { text: 'The market data puts this role at $160,000, so I am asking for $168,000.', offer: null },
      { text: 'Sounds good, I accept.', offer: null },
    ]);
    const outcome = await salaryBattle(ctx);
    expect(events.map((e) => e.type)).toEqual([
      'salary_battle_start',
      'salary_battle_ai_response',
      'salary_battle_counter',
      'salary_battle_user_turn',
      'salary_battle_ai_response',
      'salary_battle_counter',
      'salary_battle_phase_change',
      'salary_battle_user_turn',
      'salary_battle_ai_response',
      'salary_battle_phase_change',
      'salary_battle_accepted',
      'salary_battle_complete',
    ]);
    expect(events[0]!.data).toMatchObject({ budgetFrom: expect.stringContaining('market research') as string, phase: 'opening', turnSeconds: 90 });
    expect(events[3]!.data).toMatchObject({ round: 1, offer: 168_000, turnId: 't1' });
    const complete = events.at(-1)!.data as EventData<'salary_battle_complete'>;
    expect(complete).toMatchObject({ outcome: 'accepted', rounds: 2 });
    expect(complete.finalOffer!).toBeGreaterThan(complete.firstOffer!);
    expect(complete.finalOffer!).toBeLessThanOrEqual(160_000);
    expect(outcome.outcome).toBe('accepted');
    expect(outcome.summary).toMatch(/You settled with Acme at \$[\d,]+, [\d.]+% above their first offer/);
  });

  it('ends as abandoned when no turn comes', async () => {
    const { ctx, events } = fakeContext([null]);
    const outcome = await salaryBattle(ctx);
    expect(events.at(-1)).toMatchObject({ type: 'salary_battle_complete', data: { outcome: 'abandoned', rounds: 0 } });
    expect(outcome).toMatchObject({ outcome: 'abandoned', summary: expect.stringContaining('within 90 seconds') as string });
  });

  it('goes on with a default budget when research fails', async () => {
    research.researchSalary.mockRejectedValue(new Error('ECONNREFUSED 10.0.0.1'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { ctx, events } = fakeContext([{ text: 'No deal.', offer: null }]);
    expect(await salaryBattle(ctx)).toMatchObject({ outcome: 'rejected' });
    expect(events[0]!.data).toMatchObject({ budgetFrom: expect.stringContaining('default around your target') as string });
    expect(JSON.stringify(events)).not.toContain('ECONNREFUSED');
  });

  it("streams the model's words, and stores the engine's when the model invents a number", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const llm = fakeLlm('Great news: we can offer $999,000!');
    const { ctx, events, typed } = fakeContext([{ text: 'I decline.', offer: null }], llm);
    await salaryBattle(ctx);
    const replies = events.filter((e) => e.type === 'salary_battle_ai_response').map((e) => (e.data as EventData<'salary_battle_ai_response'>).reply);
    expect(typed.join('')).toContain('$999,000');
    expect(replies.join(' ')).not.toContain('999');
    expect(replies[0]).toMatch(/\$[\d,]+/);
  });

  function fakeLlm(answer: string): LlmClient {
    return {
      model: 'fake',
      complete(_messages: ChatMessage[], options: CompletionOptions) {
        options.onDelta?.(answer);
        return Promise.resolve(answer);
      },
    };
  }
});
