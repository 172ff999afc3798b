/**
 * How far an argument moves the persona. A concession is a share of what is left
 * between the offer and the cap, so the persona gives ground quickly at first and
 * ever more slowly near its limit, and can never pass the cap. The share grows with
 * the strength of the arguments; a repeated argument is worth less each time, and
 * demands without reasons are worth nothing.
 */
import type { Lever } from './read-turn';

/** What each argument is worth, as a share of the remaining room. */
export const LEVER_WEIGHT: Readonly<Record<Lever, number>> = {
  // A competing offer is a fact the company must beat or lose the hire.
  competing: 0.45,
  // Market data says the budget is low for the role, which HR can take upstairs.
  market: 0.35,
  skills: 0.2,
  // Flexibility trades something else for money: it moves the offer, a little.
  flexibility: 0.12,
};
/** Numbers behind the skills ("cut costs 30%") make them count for more. */
export const QUANTIFIED_BONUS = 0.1;
/** A plain, polite ask with no reason still gets a little, once. */
export const PLAIN_ASK_WEIGHT = 0.1;
/** An argument's worth the first, second and later times it is made. */
export const REPEAT_FACTOR: readonly number[] = [1, 0.3, 0];
/** No single turn gets the whole remaining room. */
const MAX_STRENGTH = 0.85;

/** Where a concession came from: an argument, or the plain ask. */
export type Reason = Lever | 'ask';

export interface Push {
  reason: Reason;
  weight: number;
}

/** The pushes in a turn, each weighed by how often it has been made before. */
export function weighPushes(levers: readonly Lever[], quantified: boolean, plainAsk: boolean, used: Readonly<Record<Reason, number>>): Push[] {
  const reasons: Reason[] = levers.length > 0 ? [...levers] : plainAsk ? ['ask'] : [];
  return reasons.map((reason) => {
    const base = reason === 'ask' ? PLAIN_ASK_WEIGHT : LEVER_WEIGHT[reason] + (reason === 'skills' && quantified ? QUANTIFIED_BONUS : 0);
    return { reason, weight: base * repeatFactor(reason, used[reason]) };
  });
}

function repeatFactor(reason: Reason, timesBefore: number): number {
  // Asking again with no new reason is only asking louder.
  if (reason === 'ask') return timesBefore === 0 ? 1 : 0;
  return REPEAT_FACTOR[Math.min(timesBefore, REPEAT_FACTOR.length - 1)] ?? 0;
}

/** Independent arguments combine like chances: two at 0.35 make 0.58, not 0.7. */
export function combinedStrength(pushes: readonly Push[], generosity: number): number {
  const resisted = pushes.reduce((rest, p) => rest * (1 - p.weight), 1);
  return Math.min(MAX_STRENGTH, (1 - resisted) * generosity);
}

/** The raw concession before rounding: a share of the room left below the cap. */
export function concession(strength: number, offer: number, cap: number, jitter: number): number {
  return Math.max(0, strength * (cap - offer) * jitter);
}

/** Splits a concession among the pushes by weight, in whole units that add up to it. */
export function attribute(amount: number, pushes: readonly Push[]): { reason: Reason; amount: number }[] {
  const live = pushes.filter((p) => p.weight > 0);
  const total = live.reduce((sum, p) => sum + p.weight, 0);
  if (amount <= 0 || total === 0) return [];
  let given = 0;
  return live.map((p, i) => {
    const share = i === live.length - 1 ? amount - given : Math.round((amount * p.weight) / total);
    given += share;
    return { reason: p.reason, amount: share };
  });
}
