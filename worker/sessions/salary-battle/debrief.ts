/**
 * The debrief after a battle: how far the user moved the persona, what did it, and
 * what did not, in plain words (salary_battle_complete).
 */
import type { Reason } from './concession';
import { formatMoney } from '~/shared/money';
import { percentChange } from './money';
import type { BattleState, Stall } from './types';

export type BattleOutcome = 'accepted' | 'rejected' | 'abandoned';

export interface Debrief {
  rounds: number;
  firstOffer: number | null;
  finalOffer: number | null;
  currency: string;
  outcome: BattleOutcome;
  /** Final over first offer in percent, one decimal. */
  percentGained: number | null;
  moved: string[];
  didNotMove: string[];
}

const REASON_WORDS: Record<Reason, string> = {
  competing: 'Your competing offer',
  market: 'Market data',
  skills: 'Your skills and results',
  flexibility: 'Offering flexibility (start date, benefits, equity…)',
  ask: 'Simply naming a number',
};

const MAX_LINES = 20;

/** The debrief of `state`; `abandoned` when the user stopped answering. */
export function debrief(state: BattleState, abandoned = false): Debrief {
  const outcome: BattleOutcome = abandoned ? 'abandoned' : state.ended?.outcome ?? 'abandoned';
  const finalOffer = state.ended?.outcome === 'accepted' ? state.ended.finalOffer : state.offer;
  return {
    rounds: state.round,
    firstOffer: state.firstOffer,
    finalOffer,
    currency: state.setup.currency,
    outcome,
    percentGained: percentChange(state.firstOffer, finalOffer),
    moved: movedLines(state).slice(0, MAX_LINES),
    didNotMove: stallLines(state).slice(0, MAX_LINES),
  };
}

function movedLines(state: BattleState): string[] {
  const money = (n: number) => formatMoney(n, state.setup.currency);
  const byReason = new Map<Reason, { amount: number; rounds: number[] }>();
  for (const m of state.moved) {
    const entry = byReason.get(m.reason) ?? { amount: 0, rounds: [] };
    entry.amount += m.amount;
    if (!entry.rounds.includes(m.round)) entry.rounds.push(m.round);
    byReason.set(m.reason, entry);
  }
  return [...byReason.entries()]
    .sort((a, b) => b[1].amount - a[1].amount)
    .map(([reason, { amount, rounds }]) => `${REASON_WORDS[reason]} moved the offer up ${money(amount)} (${roundList(rounds)}).`);
}

function stallLines(state: BattleState): string[] {
  const money = (n: number) => formatMoney(n, state.setup.currency);
  const lines: string[] = [];
  const count = (kind: Stall['kind']) => state.stalls.filter((s) => s.kind === kind).length;
  const bluster = count('bluster');
  if (bluster > 0) lines.push(`Demands without reasons ("I deserve it", "take it or leave it") did not move the offer (${times(bluster)}).`);
  const unreasonable = state.stalls.filter((s) => s.kind === 'unreasonable');
  if (unreasonable.length > 0) {
    const highest = Math.max(...unreasonable.map((s) => s.ask));
    lines.push(`Asking far above the budget (up to ${money(highest)}) moved nothing and used up the recruiter's patience (${times(unreasonable.length)}).`);
  }
  const repeated = new Set(state.stalls.flatMap((s) => (s.kind === 'repeat' ? [s.reason] : [])));
  for (const reason of repeated) lines.push(`${REASON_WORDS[reason]} counted less each time it was repeated.`);
  if (count('past_final') > 0) lines.push('Pushing after the final offer did not move it.');
  for (const s of state.stalls) {
    if (s.kind === 'below_offer' && state.ended?.outcome === 'accepted') {
      const closed = money(state.ended.finalOffer);
      lines.push(`You asked for ${money(s.ask)} when ${money(s.offer)} was already on the table, and the deal closed at ${closed}.`);
    }
  }
  if (state.ended?.outcome === 'accepted' && state.moved.length === 0 && state.round <= 1 && lines.length === 0) {
    lines.push('You accepted the first offer without a counter, so nothing was tried.');
  }
  return lines.map((l) => (l.length <= 500 ? l : `${l.slice(0, 499)}…`));
}

function roundList(rounds: readonly number[]): string {
  if (rounds.length === 1) return `round ${rounds[0] ?? ''}`;
  return `rounds ${rounds.slice(0, -1).join(', ')} and ${rounds[rounds.length - 1] ?? ''}`;
}

function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}
