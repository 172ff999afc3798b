import type { JobPosting } from '../../sources/types';
import { hasRate } from './fx';

// With no pay anywhere there is nothing to follow; the percentiles are null then, so this only labels the empty result.
const FALLBACK_CURRENCY = 'USD';

/**
 * The currency a research reports in: the one asked for, else the one most postings
 * pay in (so that most amounts are shown as the employers wrote them). Only currencies
 * the exchange table knows are counted, since the others cannot be compared; a tie
 * goes to the alphabetically first, so the same postings always give the same answer.
 */
export function reportCurrency(postings: readonly JobPosting[], requested?: string): string {
  const wanted = requested?.trim().toUpperCase();
  if (wanted) return wanted;
  const counts = new Map<string, number>();
  for (const { salary } of postings) {
    if (salary && hasRate(salary.currency)) counts.set(salary.currency, (counts.get(salary.currency) ?? 0) + 1);
  }
  const ranked = [...counts].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b));
  return ranked[0]?.[0] ?? FALLBACK_CURRENCY;
}
