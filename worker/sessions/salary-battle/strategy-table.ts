/**
 * Plays scripted negotiators against the engine over many seeded battles and sums up
 * how each strategy fares: the strategy-vs-outcome table that shows what the persona
 * rewards (scripts/salary-strategy-table.ts prints it; the engine's tests check it).
 */
import { startBattle, respond } from './battle';
import { chooseBudget, type Budget } from './budget';
import { debrief, type BattleOutcome, type Debrief } from './debrief';
import { roundToStep } from './money';
import { between, createRng } from './prng';
import { STRATEGIES, type Negotiator, type Strategy, type StrategyName } from './strategies';
import type { BattlePhase, BattleSetup, BattleState } from './types';

/** A market, a target and a budget, drawn from a seed. */
export interface Scenario {
  setup: BattleSetup;
  market: { p50: number; p75: number } | null;
  budget: Budget;
}

export interface TranscriptLine {
  round: number;
  from: 'persona' | 'user';
  text: string;
  offer: number | null;
  phase: BattlePhase;
}

export interface BattleRecord {
  transcript: TranscriptLine[];
  state: BattleState;
  debrief: Debrief;
}

/** Battles end by MAX_ROUNDS; this only guards the loop against a bug. */
const SAFETY_ROUNDS = 50;

/**
 * The scenario for `seed`: a market (median 70k–180k, upper quartile 12–30% above),
 * a target near the median, and a budget from the posting (a quarter of the time),
 * the research (most of the time) or the default (when research found too little).
 */
export function scenarioFor(seed: number): Scenario {
  // A stream of its own, so that the scenario does not shift the battle's draws.
  const rng = createRng((seed ^ 0x5eed1234) >>> 0);
  const p50 = roundToStep(between(rng, 70_000, 180_000), 1000);
  const p75 = roundToStep(p50 * between(rng, 1.12, 1.3), 1000);
  const targetSalary = roundToStep(p50 * between(rng, 0.95, 1.15), 1000);
  const roll = rng.next();
  const enough = roll < 0.85;
  const posting = roll < 0.25 ? { min: roundToStep(p50 * between(rng, 0.95, 1), 1000), max: roundToStep(p75 * between(rng, 1, 1.05), 1000), currency: 'USD' } : null;
  const budget = chooseBudget({
    targetSalary,
    currency: 'USD',
    posting,
    market: { currency: 'USD', enough, sampleSize: enough ? 24 : 3, p50: enough ? p50 : null, p75: enough ? p75 : null },
    convert: (amount, from, to) => (from === to ? amount : null),
  });
  return {
    setup: { role: 'Backend Engineer', company: 'Acme', currency: 'USD', targetSalary, band: budget.band, seed },
    market: enough ? { p50, p75 } : null,
    budget,
  };
}

/** One battle between the persona and a scripted negotiator. */
export function playBattle(scenario: Scenario, negotiator: Negotiator): BattleRecord {
  let { state, reply } = startBattle(scenario.setup);
  const transcript: TranscriptLine[] = [{ round: 0, from: 'persona', text: reply.words, offer: reply.offer, phase: reply.phase }];
  while (!state.ended && state.round < SAFETY_ROUNDS) {
    const turn = negotiator({
      round: state.round + 1,
      offer: state.offer,
      firstOffer: state.firstOffer,
      phase: state.phase,
      currency: state.setup.currency,
      targetSalary: state.setup.targetSalary,
      market: scenario.market,
    });
    transcript.push({ round: state.round + 1, from: 'user', text: turn.text, offer: turn.offer, phase: state.phase });
    ({ state, reply } = respond(state, turn));
    transcript.push({ round: reply.round, from: 'persona', text: reply.words, offer: reply.offer, phase: reply.phase });
  }
  return { transcript, state, debrief: debrief(state) };
}

export interface StrategyRow {
  strategy: StrategyName;
  label: string;
  battles: number;
  meanFirstOffer: number;
  meanFinalOffer: number;
  meanPercentGained: number;
  meanRounds: number;
  outcomes: Record<BattleOutcome, number>;
}

/** The table over `seeds`: one row per strategy. */
export function strategyTable(seeds: readonly number[], strategies: readonly Strategy[] = STRATEGIES): StrategyRow[] {
  return strategies.map((s) => {
    const debriefs = seeds.map((seed) => playBattle(scenarioFor(seed), s.next).debrief);
    const outcomes: Record<BattleOutcome, number> = { accepted: 0, rejected: 0, abandoned: 0 };
    for (const d of debriefs) outcomes[d.outcome] += 1;
    return {
      strategy: s.name,
      label: s.label,
      battles: debriefs.length,
      meanFirstOffer: Math.round(mean(debriefs.map((d) => d.firstOffer ?? 0))),
      meanFinalOffer: Math.round(mean(debriefs.map((d) => d.finalOffer ?? 0))),
      meanPercentGained: Math.round(mean(debriefs.map((d) => d.percentGained ?? 0)) * 10) / 10,
      meanRounds: Math.round(mean(debriefs.map((d) => d.rounds)) * 10) / 10,
      outcomes,
    };
  });
}

/** The table as fixed-width text. */
export function formatStrategyTable(rows: readonly StrategyRow[]): string {
  const header = ['strategy', 'battles', 'mean first', 'mean final', 'mean % gained', 'mean rounds', 'accepted', 'rejected', 'abandoned'];
  const body = rows.map((r) => [
    r.label,
    String(r.battles),
    r.meanFirstOffer.toLocaleString('en-US'),
    r.meanFinalOffer.toLocaleString('en-US'),
    r.meanPercentGained.toFixed(1),
    r.meanRounds.toFixed(1),
    String(r.outcomes.accepted),
    String(r.outcomes.rejected),
    String(r.outcomes.abandoned),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
