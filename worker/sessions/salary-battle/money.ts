/**
 * The steps the persona's offers move in. Offers are rounded to
 * a step that suits their size (1,000 for a yearly 120,000), as real offers are; the
 * budget's cap is the one amount allowed off the step, because it is never exceeded.
 */

/** The rounding step for amounts of this size: three significant figures. */
export function stepFor(amount: number): number {
  if (amount < 1000) return 1;
  return 10 ** (Math.floor(Math.log10(amount)) - 2);
}

export function roundToStep(amount: number, step: number): number {
  return Math.round(amount / step) * step;
}

export function ceilToStep(amount: number, step: number): number {
  return Math.ceil(amount / step) * step;
}

/** (to − from) / from in percent, to one decimal. */
export function percentChange(from: number, to: number): number {
  return Math.round(((to - from) / from) * 1000) / 10;
}
