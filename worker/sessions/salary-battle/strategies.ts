/**
 * Scripted negotiators: the four ways of negotiating that the strategy table compares
 * (and the engine's tests hold to account). Each sees what a user would see: the offer
 * on the table, the phase, their target and the market research, never the budget.
 */
import { formatMoney } from '~/shared/money';
import { roundToStep } from './money';
import type { TurnInput } from './read-turn';
import type { BattlePhase } from './types';

export interface NegotiatorView {
  round: number;
  offer: number;
  firstOffer: number;
  phase: BattlePhase;
  currency: string;
  targetSalary: number;
  /** The research the user saw before the battle, when it had enough data. */
  market: { p50: number; p75: number } | null;
}

export type Negotiator = (view: NegotiatorView) => TurnInput;

export type StrategyName = 'accept_first' | 'anchor_high' | 'bluster' | 'unreasonable';

export interface Strategy {
  name: StrategyName;
  label: string;
  next: Negotiator;
}

const money = (amount: number, currency: string) => formatMoney(amount, currency);
/** "150k": a second way of writing amounts, so the scripts exercise the parser too. */
const short = (amount: number) => `${Math.round(amount / 1000)}k`;

/** Takes whatever is offered first. */
const acceptFirst: Negotiator = () => ({ text: "Sounds good, I'll take it.", offer: null });

/**
 * Anchors at or above the market's 75th percentile citing the data, then brings up a
 * competing offer, then takes what is on the table.
 */
const anchorHigh: Negotiator = (view) => {
  const anchor = roundToStep(1.05 * (view.market?.p75 ?? view.targetSalary * 1.1), 1000);
  if (view.phase === 'final_offer' || view.phase === 'closed' || view.round > 2) {
    return { text: 'Thank you, that works for me. I accept.', offer: null };
  }
  if (view.round === 1) {
    const evidence = view.market ? `the market data puts the 75th percentile for this role at ${money(view.market.p75, view.currency)}` : 'the market rate for this role is higher';
    return { text: `I appreciate the offer. From my research, ${evidence}, so I'm asking for ${money(anchor, view.currency)}.`, offer: null };
  }
  return { text: `I should mention I have a competing offer from another company. I'd like ${short(anchor)} to sign with you.`, offer: null };
};

/** Asks for more with nothing behind it. */
const bluster: Negotiator = (view) => ({
  text: `I deserve ${money(roundToStep(view.offer * 1.15, 1000), view.currency)}. Take it or leave it.`,
  offer: null,
});

/** Asks for twice the offer, again and again. */
const unreasonable: Negotiator = (view) => ({
  text: `I want ${short(view.offer * 2)}, nothing less.`,
  offer: null,
});

export const STRATEGIES: readonly Strategy[] = [
  { name: 'accept_first', label: 'accepts the first offer', next: acceptFirst },
  { name: 'anchor_high', label: 'anchors high with market data', next: anchorHigh },
  { name: 'bluster', label: 'bluster only', next: bluster },
  { name: 'unreasonable', label: 'asks 2x repeatedly', next: unreasonable },
];

export function strategy(name: StrategyName): Strategy {
  const found = STRATEGIES.find((s) => s.name === name);
  if (!found) throw new RangeError(`no strategy ${name}`);
  return found;
}
