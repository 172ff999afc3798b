/**
 * Postings from every source the scout knows, for one question of the chat. Sources are
 * asked at once; one that fails is reported in the user's words (a SourceError's message
 * names the board and the fix) and the others still count. Only a stop is thrown.
 */
import { greenhousePay } from '../../sources/greenhouse';
import { dedupePostings, SourceError, type JobPosting, type JobSourceClient } from '../../sources';

/** The most the sandbox board answers at once; Greenhouse and Lever list whole boards and are cut here. */
const SEARCH_LIMIT = 500;
/** Greenhouse pay costs a request per job: enough for quartiles, not a crawl of a big board. */
const MAX_PAY_LOOKUPS_PER_BOARD = 40;
const PAY_LOOKUP_CONCURRENCY = 4;

export interface SourceOutcome {
  label: string;
  /** Null when the source answered. */
  error: string | null;
}

export interface Collection {
  /** One per job (a job listed on several boards counts once). */
  postings: JobPosting[];
  sources: SourceOutcome[];
}

export interface CollectRequest {
  query: string;
  location: string;
  /** Which of a source's postings are kept (a title filter); all when left out. */
  keep?: (posting: JobPosting) => boolean;
  /** Look up Greenhouse pay for the kept postings (the list API has none). */
  withPay?: boolean;
}

type Outcome = { ok: true; postings: JobPosting[] } | { ok: false; error: string };

export async function collectPostings(clients: readonly JobSourceClient[], request: CollectRequest, signal: AbortSignal): Promise<Collection> {
  const outcomes = await Promise.all(clients.map((client) => searchOne(client, request, signal)));
  // A stopped run's searches fail with the stop; it is the stop that is reported, not a board failure.
  signal.throwIfAborted();
  const found = outcomes.flatMap((o) => (o.ok ? o.postings : []));
  return {
    postings: dedupePostings(found).postings,
    sources: outcomes.map((o, i) => ({ label: clients[i]?.label ?? '', error: o.ok ? null : o.error })),
  };
}

/** Never rejects, so a search still running when the run stops leaves no unhandled rejection behind. */
function searchOne(client: JobSourceClient, request: CollectRequest, signal: AbortSignal): Promise<Outcome> {
  return kept(client, request, signal).then(
    (postings): Outcome => ({ ok: true, postings }),
    (err: unknown): Outcome => ({ ok: false, error: signal.aborted ? 'stopped' : failureMessage(client.label, err) }),
  );
}

async function kept(client: JobSourceClient, request: CollectRequest, signal: AbortSignal): Promise<JobPosting[]> {
  const found = await client.search({ query: request.query, location: request.location, limit: SEARCH_LIMIT, signal });
  const postings = request.keep ? found.filter(request.keep) : found;
  if (!request.withPay) return postings;
  const pay = await greenhousePay(client, postings, { signal, maxLookups: MAX_PAY_LOOKUPS_PER_BOARD, concurrency: PAY_LOOKUP_CONCURRENCY });
  if (pay.firstError) console.warn(`[worker] career chat: ${client.label}: pay of ${pay.failed} postings not read: ${pay.firstError}`);
  return pay.postings;
}

function failureMessage(label: string, err: unknown): string {
  // SourceError messages already name the board and the fix; anything else is a bug:
  // its text goes to the log, the user reads what to do.
  if (err instanceof SourceError) return err.message;
  console.error(`[worker] career chat: ${label} failed unexpectedly:`, err);
  return `${label} failed unexpectedly: try again, and report it if it persists (the worker log has the details)`;
}

/** "sandbox, greenhouse:acme": the sources that answered. */
export function answeredLabels(collection: Collection): string[] {
  return collection.sources.filter((s) => s.error === null).map((s) => s.label);
}

/** The failures, one sentence each, for the end of a reply. */
export function failureNotes(collection: Collection): string[] {
  return collection.sources.flatMap((s) => (s.error === null ? [] : [`Not searched: ${s.error}`]));
}
