import { z } from 'zod';
import { prettifyBoardName } from './board-name';
import { decodeEntities, htmlToText } from './html-text';
import { fetchJson, SourceError, type RequestSubject } from './http';
import { locationMatcher, mentionsRemote, queryMatcher } from './match';
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
  return {
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
