import type { SalaryDataPoint } from '~/shared/sessions/salary';
import type { JobPosting } from '../../sources/types';
import { reportCurrency } from './currency';
import { describeRange } from './money';
import { quartiles } from './percentiles';
import { buildSample, type PricedPosting } from './sample';
import type { SalaryResearchResult } from './types';

/** Fewer postings than this and a percentile says more about the postings than about the market. */
export const MINIMUM_SAMPLE = 5;
/** The salary_result event lists at most this many postings. */
export const MAX_LISTED_POSTINGS = 200;

export interface SalaryAnalysis {
  result: SalaryResearchResult;
  duplicatesRemoved: number;
  /** Postings with pay left out because no exchange rate converts their currency, per currency. */
  unconvertible: Map<string, number>;
  /** Postings in the sample whose pay was converted from another currency. */
  converted: number;
}

/**
 * Market pay from postings already matched to the role: their yearly ranges in one
 * currency, one per job, and the quartiles of the ranges' midpoints. Below
 * MINIMUM_SAMPLE the quartiles are null: "not enough data", never a guess.
 */
export function analyseSalaries(postings: readonly JobPosting[], request: { currency?: string }): SalaryAnalysis {
  const currency = reportCurrency(
    postings.filter((p) => p.salary !== null),
    request.currency,
  );
  const { priced, duplicatesRemoved, unconvertible } = buildSample(postings, currency);
  const enough = priced.length >= MINIMUM_SAMPLE;
  const stats = enough ? quartiles(priced.map((p) => p.midpoint)) : { p25: null, p50: null, p75: null };
  return {
    result: {
      currency,
      sampleSize: priced.length,
      enough,
      minimumSample: MINIMUM_SAMPLE,
      ...stats,
      postings: listed(priced).map(dataPoint),
    },
    duplicatesRemoved,
    unconvertible,
    converted: priced.filter((p) => p.salary.currency !== currency).length,
  };
}

/**
 * At most MAX_LISTED_POSTINGS, spread evenly over the sorted sample: the lowest 200
 * alone would show a market cheaper than the percentiles say.
 */
function listed(priced: readonly PricedPosting[]): PricedPosting[] {
  if (priced.length <= MAX_LISTED_POSTINGS) return [...priced];
  const step = (priced.length - 1) / (MAX_LISTED_POSTINGS - 1);
  return Array.from({ length: MAX_LISTED_POSTINGS }, (_, i) => priced[Math.round(i * step)] as PricedPosting);
}

function dataPoint(item: PricedPosting): SalaryDataPoint {
  const { posting } = item;
  return {
    title: posting.title,
    company: posting.company,
    url: posting.url,
    source: posting.source,
    min: Math.round(item.min),
    max: Math.round(item.max),
    original: describeRange(item.salary),
  };
}
