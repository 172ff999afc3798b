import type { JobPosting } from '../../sources/types';

const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 72000 → "72,000" */
export function formatAmount(amount: number): string {
  return WHOLE.format(Math.round(amount));
}


const MAX_ORIGINAL_CHARS = 100;

/**
 * A posting's own pay, before conversion: "EUR 60,000–80,000 per year". Sources report
 * pay per year already (Lever's hourly and monthly ranges are converted on the way in).
 */
export function describeRange(salary: NonNullable<JobPosting['salary']>): string {
  const amounts = salary.min === salary.max ? formatAmount(salary.max) : `${formatAmount(salary.min)}–${formatAmount(salary.max)}`;
  const text = `${salary.currency} ${amounts} per year`;
  // A source's currency field is free text; the event caps this one.
  return text.length <= MAX_ORIGINAL_CHARS ? text : `${text.slice(0, MAX_ORIGINAL_CHARS - 1)}…`;
}
