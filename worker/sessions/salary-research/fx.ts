/**
 * Exchange rates for comparing postings paid in different currencies. The table is a
 * fixed snapshot, not a live feed: a research must give the same answer for the same
 * postings, and a median a few percent off a live rate is still the right market. The
 * date says how old the snapshot is, so it can be refreshed on purpose.
 */
export const FX_RATES_AS_OF = '2026-12-01';

/** US dollars per one unit of each currency, as of FX_RATES_AS_OF. */
export const USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.16,
  GBP: 1.33,
  CAD: 0.72,
  AUD: 0.66,
  CHF: 1.25,
  SEK: 0.105,
  NOK: 0.099,
  DKK: 0.155,
  PLN: 0.27,
  INR: 0.0113,
  JPY: 0.0066,
  SGD: 0.77,
  NZD: 0.57,
  BRL: 0.185,
  MXN: 0.054,
};

/**
 * `amount` of `from` in `to`, or null when the table cannot convert it. A currency
 * converts to itself even when the table lacks it, so a report in that currency still
 * uses the postings paid in it.
 */
export function convert(amount: number, from: string, to: string): number | null {
  if (from === to) return amount;
  const fromRate = USD_PER_UNIT[from];
  const toRate = USD_PER_UNIT[to];
  if (fromRate === undefined || toRate === undefined) return null;
  return (amount * fromRate) / toRate;
}

export function hasRate(currency: string): boolean {
  return USD_PER_UNIT[currency] !== undefined;
}
