/**
 * The persona's hidden budget: the band it may pay within. It comes from the best
 * evidence at hand, in order: the posting's own range (what the company said it
 * pays), the market research (median to 75th percentile: a company that wants to hire
 * pays at least the median and rarely above the upper quartile), or a default around
 * the user's target when neither is known, and the start event says which.
 */
import { formatMoney } from '~/shared/money';

export interface BudgetBand {
  /** The least the persona would offer. */
  floor: number;
  /** The most the persona may ever offer. */
  cap: number;
}

export type BudgetSource = 'posting' | 'research' | 'default';

export interface Budget {
  band: BudgetBand;
  source: BudgetSource;
  /** Where the band came from, in the user's words (salary_battle_start.budgetFrom). */
  from: string;
}

/** The posting's pay as the research module reads it. */
export interface PostingPay {
  min: number;
  max: number;
  currency: string;
}

/** What the research found, in the battle's currency. */
export interface MarketPay {
  currency: string;
  enough: boolean;
  sampleSize: number;
  p50: number | null;
  p75: number | null;
}

/** An exchange: `amount` of `from` in `to`, or null when no rate is known. */
export type Converter = (amount: number, from: string, to: string) => number | null;

export interface BudgetEvidence {
  targetSalary: number;
  currency: string;
  posting: PostingPay | null;
  market: MarketPay | null;
  convert: Converter;
}

/** Even a narrow posting range leaves the persona some room to move. */
const MIN_BAND_WIDTH = 0.05;
/** The default band: a company that knows nothing of the market prices near the ask. */
const DEFAULT_FLOOR = 0.85;
const DEFAULT_CAP = 1.05;

export function chooseBudget(evidence: BudgetEvidence): Budget {
  const notes: string[] = [];
  const posting = postingBand(evidence, notes);
  if (posting) return posting;
  const market = marketBand(evidence.market, evidence.currency, notes);
  if (market) return market;
  const { targetSalary: target, currency } = evidence;
  const band = widen({ floor: Math.round(target * DEFAULT_FLOOR), cap: Math.round(target * DEFAULT_CAP) });
  notes.push(`a default around your target of ${formatMoney(target, currency)}`);
  return { band, source: 'default', from: clip(notes.join('; ')) };
}

function postingBand(evidence: BudgetEvidence, notes: string[]): Budget | null {
  const pay = evidence.posting;
  if (!pay) return null;
  const min = evidence.convert(Math.min(pay.min, pay.max), pay.currency, evidence.currency);
  const max = evidence.convert(Math.max(pay.min, pay.max), pay.currency, evidence.currency);
  if (min === null || max === null) {
    notes.push(`the posting pays in ${pay.currency}, which cannot be converted to ${evidence.currency}`);
    return null;
  }
  if (max <= 0) return null;
  const converted = pay.currency === evidence.currency ? '' : ` (converted from ${pay.currency})`;
  return {
    band: widen({ floor: Math.round(min), cap: Math.round(max) }),
    source: 'posting',
    from: clip(`the posting's salary range${converted}`),
  };
}

function marketBand(market: MarketPay | null, currency: string, notes: string[]): Budget | null {
  if (!market) return null;
  if (!market.enough || market.p50 === null || market.p75 === null || market.p50 <= 0) {
    notes.push(`not enough market data (${market.sampleSize} postings with pay)`);
    return null;
  }
  if (market.currency !== currency) {
    notes.push(`the market data is in ${market.currency}, not ${currency}`);
    return null;
  }
  return {
    band: widen({ floor: market.p50, cap: market.p75 }),
    source: 'research',
    from: clip(`market research: median to 75th percentile of ${market.sampleSize} postings`),
  };
}

/** Lowers the floor of a band too narrow to negotiate in; the cap is the evidence and stays. */
function widen(band: BudgetBand): BudgetBand {
  const floor = Math.min(band.floor, Math.round(band.cap * (1 - MIN_BAND_WIDTH)));
  return { floor, cap: band.cap };
}

function clip(text: string): string {
  return text.length <= 200 ? text : `${text.slice(0, 199)}…`;
}
