import { dedupePostings } from '../../sources/dedupe';
import type { JobPosting } from '../../sources/types';
import { convert } from './fx';

/** A posting with pay, its range converted into the report currency (unrounded). */
export interface PricedPosting {
  posting: JobPosting;
  salary: NonNullable<JobPosting['salary']>;
  min: number;
  max: number;
  midpoint: number;
}

export interface Sample {
  /** One per job, sorted by midpoint, lowest first. */
  priced: PricedPosting[];
  /** Copies of a job listed on several boards, dropped so that it counts once. */
  duplicatesRemoved: number;
  /** Postings left out because no exchange rate converts their currency, per currency. */
  unconvertible: Map<string, number>;
}

/** The postings that say their pay, once per job, in `currency`. */
export function buildSample(postings: readonly JobPosting[], currency: string): Sample {
  // Only postings with pay are deduplicated, so a job whose first copy has no range still counts through another copy.
  const { postings: unique, duplicatesRemoved } = dedupePostings(postings.filter((p) => p.salary !== null));
  const priced: PricedPosting[] = [];
  const unconvertible = new Map<string, number>();
  for (const posting of unique) {
    const item = price(posting, currency);
    if (item) priced.push(item);
    else if (posting.salary) unconvertible.set(posting.salary.currency, (unconvertible.get(posting.salary.currency) ?? 0) + 1);
  }
  priced.sort((a, b) => a.midpoint - b.midpoint);
  return { priced, duplicatesRemoved, unconvertible };
}

function price(posting: JobPosting, currency: string): PricedPosting | null {
  const { salary } = posting;
  if (!salary) return null;
  const min = convert(salary.min, salary.currency, currency);
  const max = convert(salary.max, salary.currency, currency);
  if (min === null || max === null) return null;
  return { posting, salary, min, max, midpoint: (min + max) / 2 };
}
