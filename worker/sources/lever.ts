import { z } from 'zod';
import { prettifyBoardName } from './board-name';
import { htmlToText } from './html-text';
import { fetchJson, type RequestSubject } from './http';
import { locationMatcher, mentionsRemote, queryMatcher } from './match';
import { finishPosting, isoOrNull } from './posting';
import type { JobPosting, JobSourceClient } from './types';

/**
 * A Lever site through its public Postings API. mode=json returns every posting of
 * the site in one answer, so the query, location and limit are applied here.
 */

const salaryRangeSchema = z.object({
  currency: z.string().nullish(),
  interval: z.string().nullish(),
  min: z.number().nullish(),
  max: z.number().nullish(),
});

// Only what is read is validated; Lever adds fields over time and those must not break a search.
const postingSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  categories: z
    .object({
      location: z.string().nullish(),
      allLocations: z.array(z.string()).nullish(),
    })
    .nullish(),
  description: z.string().nullish(),
  descriptionPlain: z.string().nullish(),
  lists: z.array(z.object({ text: z.string().nullish(), content: z.string().nullish() })).nullish(),
  additional: z.string().nullish(),
  additionalPlain: z.string().nullish(),
  hostedUrl: z.string(),
  applyUrl: z.string(),
  createdAt: z.number().nullish(),
  workplaceType: z.string().nullish(),
  salaryRange: salaryRangeSchema.nullish(),
});
type LeverPosting = z.infer<typeof postingSchema>;

const postingsResponseSchema = z.array(postingSchema);

export interface LeverClientOptions {
  /** LEVER_API_URL, e.g. https://api.lever.co/v0/postings */
  apiUrl: string;
  /** The site name, as in jobs.lever.co/<site>. */
  site: string;
  timeoutMs: number;
}

export function createLeverClient(options: LeverClientOptions): JobSourceClient {
  const url = `${options.apiUrl.replace(/\/+$/, '')}/${encodeURIComponent(options.site)}?mode=json`;
  const subject: RequestSubject = {
    name: `Lever site '${options.site}'`,
    notFoundHint: 'check the Lever site name in your profile',
    setting: 'LEVER_API_URL',
  };
  const company = prettifyBoardName(options.site);
  return {
    source: 'lever',
    label: `lever:${options.site}`,
    async search(request) {
      const postings = await fetchJson(url, postingsResponseSchema, {
        signal: request.signal,
        timeoutMs: options.timeoutMs,
        subject,
      });
      const matchesQuery = queryMatcher(request.query);
      const matchesLocation = locationMatcher(request.location);
      return postings
        .filter((p) => matchesLocation(place(p)))
        .map((p) => toPosting(p, company))
        .filter((p) => matchesQuery(p))
        .map(finishPosting)
        .filter((p): p is JobPosting => p !== null)
        .slice(0, request.limit);
    },
  };
}

function toPosting(posting: LeverPosting, company: string): JobPosting {
  const { locations, remote } = place(posting);
  return {
    source: 'lever',
    sourceId: posting.id,
    title: posting.text,
    company,
    location: locations[0] ?? '',
    remote,
    url: posting.hostedUrl,
    applyUrl: posting.applyUrl,
    description: descriptionText(posting),
    salary: yearlySalary(posting.salaryRange),
    postedAt: isoOrNull(posting.createdAt),
  };
}

/** The primary location first, then the others Lever lists; remote from the workplace type or the text. */
function place(posting: LeverPosting): { locations: string[]; remote: boolean } {
  const primary = posting.categories?.location?.trim();
  const all = (posting.categories?.allLocations ?? []).map((l) => l.trim());
  const locations = [...new Set([primary, ...all].filter((l): l is string => Boolean(l)))];
  const remote = posting.workplaceType === 'remote' || locations.some(mentionsRemote);
  return { locations, remote };
}

/** The intro, each list under its heading (requirements live there), then the closing section. */
function descriptionText(posting: LeverPosting): string {
  const intro = posting.descriptionPlain ?? htmlToText(posting.description ?? '');
  const lists = (posting.lists ?? []).map((list) => `${list.text ?? ''}\n${htmlToText(list.content ?? '')}`);
  const closing = posting.additionalPlain ?? htmlToText(posting.additional ?? '');
  return [intro, ...lists, closing].join('\n');
}

// Salaries are compared per year everywhere (the sandbox and the profile's desired salary).
const PER_YEAR: Readonly<Record<string, number>> = {
  'per-year-salary': 1,
  'per-month-salary': 12,
  'per-week-salary': 52,
  'per-day-wage': 260,
  'per-hour-wage': 2080,
};

function yearlySalary(range: LeverPosting['salaryRange']): JobPosting['salary'] {
  if (!range || typeof range.min !== 'number' || typeof range.max !== 'number' || !range.currency) return null;
  // A range without an interval is yearly in practice; "one-time" and unknown ones are not a salary.
  const factor = PER_YEAR[range.interval ?? 'per-year-salary'];
  if (factor === undefined) return null;
  return { min: Math.round(range.min * factor), max: Math.round(range.max * factor), currency: range.currency.toUpperCase() };
}
