import { tidyWhitespace } from './html-text';
import type { JobPosting } from './types';

/**
 * Limits every posting obeys, whichever source it came from: the later agents put
 * title, company and URLs into events whose schemas cap them (src/shared/events/catalog.ts),
 * and a posting an event cannot carry would fail the run far from its cause.
 */
const MAX_TITLE_CHARS = 300;
const MAX_COMPANY_CHARS = 200;
const MAX_LOCATION_CHARS = 200;
const MAX_URL_CHARS = 2048;
// The analyst reads the description; a longer one is boilerplate, not requirements.
const MAX_DESCRIPTION_CHARS = 30_000;

/** The posting with its text tidied and clipped, or null when its links are unusable. */
export function finishPosting(posting: JobPosting): JobPosting | null {
  if (!isWebUrl(posting.url) || !isWebUrl(posting.applyUrl)) return null;
  const title = clip(oneLine(posting.title), MAX_TITLE_CHARS);
  if (title === '') return null;
  return {
    ...posting,
    title,
    company: clip(oneLine(posting.company), MAX_COMPANY_CHARS),
    location: clip(oneLine(posting.location), MAX_LOCATION_CHARS),
    description: clip(tidyWhitespace(posting.description), MAX_DESCRIPTION_CHARS),
    salary: validSalary(posting.salary),
    postedAt: isoOrNull(posting.postedAt),
  };
}

/** Only http(s) links the events can carry; anything else (javascript:, mailto:) is not a posting page. */
export function isWebUrl(value: string): boolean {
  if (value.length > MAX_URL_CHARS) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function validSalary(salary: JobPosting['salary']): JobPosting['salary'] {
  if (!salary) return null;
  const { min, max, currency } = salary;
  if (!Number.isFinite(min) || !Number.isFinite(max) || min < 0 || max <= 0) return null;
  return min <= max ? { min, max, currency } : { min: max, max: min, currency };
}

/** Any date the source wrote, as ISO 8601 in UTC; null when it is not a date. */
export function isoOrNull(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
