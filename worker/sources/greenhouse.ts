import { z } from 'zod';
import { prettifyBoardName } from './board-name';
import { decodeEntities, htmlToText } from './html-text';
import { fetchJson, SourceError, type RequestSubject } from './http';
import { fold, locationMatcher, mentionsRemote, queryMatcher } from './match';
import { finishPosting } from './posting';
import type { JobPosting, JobSourceClient, SearchRequest } from './types';

/**
 * A Greenhouse job board through its public Job Board API. The API lists the whole
 * board and cannot search, so the query and location are applied here.
 */

// Only what is read is validated; the API adds fields over time and those must not break a search.
const jobSchema = z.object({
  id: z.union([z.number().int(), z.string().min(1)]),
  title: z.string(),
  absolute_url: z.string(),
  location: z.object({ name: z.string().nullish() }).nullish(),
  content: z.string().nullish(),
  updated_at: z.string().nullish(),
  first_published: z.string().nullish(),
  company_name: z.string().nullish(),
});
type GreenhouseJob = z.infer<typeof jobSchema>;

const jobsResponseSchema = z.object({ jobs: z.array(jobSchema) });
const boardResponseSchema = z.object({ name: z.string() });

export interface GreenhouseClientOptions {
  /** GREENHOUSE_API_URL, e.g. https://boards-api.greenhouse.io/v1/boards */
  apiUrl: string;
  /** The board token, as in boards.greenhouse.io/<board>. */
  board: string;
  timeoutMs: number;
}

export function createGreenhouseClient(options: GreenhouseClientOptions): JobSourceClient {
  const boardUrl = `${options.apiUrl.replace(/\/+$/, '')}/${encodeURIComponent(options.board)}`;
  const subject: RequestSubject = {
    name: `Greenhouse board '${options.board}'`,
    notFoundHint: 'check the board name in your profile',
    setting: 'GREENHOUSE_API_URL',
  };
  const companyName = boardNameCache(boardUrl, subject, options);
  const client: JobSourceClient = {
    source: 'greenhouse',
    label: `greenhouse:${options.board}`,
    async search(request) {
      const { jobs } = await fetchJson(`${boardUrl}/jobs?content=true`, jobsResponseSchema, {
        signal: request.signal,
        timeoutMs: options.timeoutMs,
        subject,
      });
      const matching = filterPostings(jobs.map(toPosting), request);
      const named = withCompanyNames(matching, await companyName(matching, request.signal));
      return named
        .map(finishPosting)
        .filter((p): p is JobPosting => p !== null)
        .slice(0, request.limit);
    },
  };
  payBoards.set(client, { boardUrl, subject, timeoutMs: options.timeoutMs });
  return client;
}

/** A job as the analyst reads it; company is filled in afterwards when the job does not say. */
function toPosting(job: GreenhouseJob): JobPosting {
  const location = job.location?.name?.trim() ?? '';
  return {
    source: 'greenhouse',
    sourceId: String(job.id),
    title: job.title,
    company: job.company_name?.trim() ?? '',
    location,
    remote: mentionsRemote(location),
    url: job.absolute_url,
    applyUrl: job.absolute_url,
    // Greenhouse escapes the HTML itself ("&lt;p&gt;…"): unescape once to get the HTML, then read it.
    description: htmlToText(decodeEntities(job.content ?? '')),
    salary: null,
    postedAt: job.first_published ?? job.updated_at ?? null,
  };
}

function filterPostings(postings: JobPosting[], request: SearchRequest): JobPosting[] {
  const matchesQuery = queryMatcher(request.query);
  const matchesLocation = locationMatcher(request.location);
  return postings.filter((p) => matchesQuery(p) && matchesLocation({ locations: [p.location], remote: p.remote }));
}

function withCompanyNames(postings: JobPosting[], boardName: string): JobPosting[] {
  return postings.map((p) => (p.company === '' ? { ...p, company: boardName } : p));
}

/**
 * The board's display name, asked for at most once per client (one client serves one
 * run) and only when some job lacks company_name. A board that will not say is still
 * searchable: its token, prettified, stands in.
 */
function boardNameCache(
  boardUrl: string,
  subject: RequestSubject,
  options: GreenhouseClientOptions,
): (postings: readonly JobPosting[], signal: AbortSignal) => Promise<string> {
  let cached: string | undefined;
  return async (postings, signal) => {
    if (cached !== undefined || postings.every((p) => p.company !== '')) return cached ?? '';
    try {
      const board = await fetchJson(boardUrl, boardResponseSchema, { signal, timeoutMs: options.timeoutMs, subject });
      cached = board.name.trim() || prettifyBoardName(options.board);
    } catch (err) {
      if (!(err instanceof SourceError)) throw err; // the run was stopped
      cached = prettifyBoardName(options.board);
    }
    return cached;
  };
}

/*
 * Pay. The list endpoint carries no pay; a job's pay transparency ranges come only
 * from the single-job endpoint (GET …/jobs/{id}?pay_transparency=true), one request per
 * job. The scout never needs pay, so search() does not ask: a caller that does (salary
 * research) asks for the postings it keeps, through greenhousePay().
 */

// Lenient: a range Greenhouse fills in partly is skipped, not a reason to fail the job.
const payRangeSchema = z.object({
  min_cents: z.number().nullish(),
  max_cents: z.number().nullish(),
  currency_type: z.string().nullish(),
  /** The zone it applies to, as the employer names it ("Zone 1", "Toronto, ON", "Hourly"). */
  title: z.string().nullish(),
  blurb: z.string().nullish(),
});
type PayRange = z.infer<typeof payRangeSchema>;

const jobPayResponseSchema = z.object({ pay_input_ranges: z.array(payRangeSchema).nullish() });

interface PayBoard {
  boardUrl: string;
  subject: RequestSubject;
  timeoutMs: number;
}

// Which board a client reads, for greenhousePay; a WeakMap keeps JobSourceClient as the scout knows it.
const payBoards = new WeakMap<JobSourceClient, PayBoard>();

/** A board that took one job's lookup this badly will not answer the next ones either. */
const BOARD_DOWN: ReadonlySet<SourceError['kind']> = new Set(['timeout', 'network', 'refused']);

export interface GreenhousePayOptions {
  /** The run's stop signal: a stop is thrown, as in search(). */
  signal: AbortSignal;
  /** Most jobs looked up (one request each); the rest keep no pay. */
  maxLookups: number;
  /** Lookups in flight at once, to be polite to the board. */
  concurrency: number;
}

export interface GreenhousePayResult {
  /** The same postings in the same order, with salary filled in where the board publishes a range. */
  postings: JobPosting[];
  /** Lookups that failed (a job taken down meanwhile, a board that stopped answering): those keep no pay. */
  failed: number;
  /** The first failure's message, in the user's words (a SourceError's), for a report. */
  firstError: string | null;
  /** Jobs past maxLookups, not looked up. */
  notLookedUp: number;
}

/**
 * Fills in the yearly pay of Greenhouse postings that `client` (from createGreenhouseClient)
 * found, from each job's pay transparency ranges. Postings of any other client, and
 * postings that already have a salary, are returned as they are.
 */
export async function greenhousePay(
  client: JobSourceClient,
  postings: readonly JobPosting[],
  options: GreenhousePayOptions,
): Promise<GreenhousePayResult> {
  const board = payBoards.get(client);
  const wanted = board ? postings.flatMap((p, i) => (p.source === 'greenhouse' && p.salary === null ? [i] : [])) : [];
  const lookedUp = wanted.slice(0, Math.max(0, options.maxLookups));
  const result: GreenhousePayResult = { postings: [...postings], failed: 0, firstError: null, notLookedUp: wanted.length - lookedUp.length };
  if (!board) return result;
  let boardDown = false;
  const lookUp = async (index: number): Promise<void> => {
    const posting = result.postings[index];
    if (!posting) return;
    if (boardDown) {
      result.failed += 1;
      return;
    }
    try {
      result.postings[index] = { ...posting, salary: await jobPay(board, posting, options.signal) };
    } catch (err) {
      if (!(err instanceof SourceError)) throw err; // the run was stopped
      result.failed += 1;
      result.firstError ??= err.message;
      if (BOARD_DOWN.has(err.kind)) boardDown = true;
    }
  };
  await inBatches(lookedUp, Math.max(1, options.concurrency), lookUp);
  return result;
}

async function jobPay(board: PayBoard, posting: JobPosting, signal: AbortSignal): Promise<JobPosting['salary']> {
  const url = `${board.boardUrl}/jobs/${encodeURIComponent(posting.sourceId)}?pay_transparency=true`;
  const job = await fetchJson(url, jobPayResponseSchema, { signal, timeoutMs: board.timeoutMs, subject: board.subject });
  const range = pickRange(job.pay_input_ranges ?? [], posting.location);
  return range ? yearlyPay(range) : null;
}

/** Runs `task` over `items` with at most `concurrency` at once; the first throw ends it. */
async function inBatches<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * Employers publish one range per pay zone ("Zone 1", "New York", "Canada"). The one
 * named after the posting's place is the one that applies to it; otherwise the first,
 * which Greenhouse shows first on the job page.
 */
function pickRange(ranges: readonly PayRange[], location: string): PayRange | undefined {
  const usable = ranges.filter((r) => typeof r.min_cents === 'number' && typeof r.max_cents === 'number' && r.currency_type);
  const city = fold(location.split(',')[0] ?? '').trim();
  const named = city === '' ? undefined : usable.find((r) => fold(r.title ?? '').includes(city));
  return named ?? usable[0];
}

// Greenhouse states no period. A full-time yearly salary is never below this, so an amount under it is hourly.
const YEARLY_FLOOR = 1_000;
const HOURS_PER_YEAR = 2080;
const HOURLY = /\b(?:hourly|per hour|an hour)\b|\/\s?(?:hr|hour)\b/i;

/** The range per year in whole units, or null when it cannot be read as pay. */
function yearlyPay(range: PayRange): JobPosting['salary'] {
  const bounds = [(range.min_cents ?? 0) / 100, (range.max_cents ?? 0) / 100];
  const min = Math.min(...bounds);
  const max = Math.max(...bounds);
  const currency = (range.currency_type ?? '').trim().toUpperCase();
  if (!(min >= 0 && max > 0) || currency === '') return null;
  if (max >= YEARLY_FLOOR) return { min: Math.round(min), max: Math.round(max), currency };
  // Small amounts are pay only when the employer says they are hourly ("Hourly", "$45 - $60 per hour").
  if (!HOURLY.test(`${range.title ?? ''} ${range.blurb ?? ''}`)) return null;
  return { min: Math.round(min * HOURS_PER_YEAR), max: Math.round(max * HOURS_PER_YEAR), currency };
}
