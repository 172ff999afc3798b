import type { ReadableStream } from 'node:stream/web';
import type { Response } from 'undici';
import type { z } from 'zod';
import { errorChain, findEgressRefusal, guardedFetch, MAX_REDIRECTS, networkFailureWords, TooManyRedirects, workerEgressWith } from '../egress';

/**
 * Fetching JSON from a job source: one deadline per request, the run's stop signal,
 * a size cap, schema validation, and errors a user can act on. The scout puts the
 * error's message in its event, so messages are our own words (never a library's,
 * never headers); what went wrong in detail goes to the worker's log.
 *
 * Requests go through the egress policy. The source's own API (a URL the operator
 * configured: GREENHOUSE_API_URL, LEVER_API_URL, APP_URL) is allowed wherever it is;
 * a redirect anywhere else is judged like any other address.
 */

/** Job boards are public and identify their callers by agent; say who we are. */
export const SOURCE_USER_AGENT = 'jobstream-scout/1.0 (job-search agent; reads public job board APIs)';

/** A board's whole listing with descriptions is a few MB at most; more means something is wrong. */
export const DEFAULT_MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

const ISSUE_DETAIL_CHARS = 200;

export type SourceErrorKind = 'not_found' | 'http' | 'timeout' | 'network' | 'refused' | 'not_json' | 'malformed' | 'too_large';

/** A source that failed for a reason other than the run being stopped; the message says what to do. */
export class SourceError extends Error {
  constructor(
    readonly kind: SourceErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

/** Who is being asked, so that an error names the board and the fix. */
export interface RequestSubject {
  /** "Greenhouse board 'acme'": starts the error message. */
  name: string;
  /** What to do when it does not exist (HTTP 404), e.g. "check the board name in your profile". */
  notFoundHint: string;
  /** The setting that points at this API, named when the server is unreachable or odd. */
  setting: string;
}

export interface FetchJsonOptions {
  /** The run's stop signal: when it fires, its reason is thrown, not a SourceError. */
  signal: AbortSignal;
  timeoutMs: number;
  subject: RequestSubject;
  maxBytes?: number;
}

export async function fetchJson<T>(url: string, schema: z.ZodType<T>, options: FetchJsonOptions): Promise<T> {
  options.signal.throwIfAborted();
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = AbortSignal.any([options.signal, deadline]);
  let body: string;
  try {
    body = await fetchText(url, signal, options);
  } catch (err) {
    throw explainFailure(err, options, deadline);
  }
  return validate(parseJson(body, options.subject), schema, options.subject);
}

async function fetchText(url: string, signal: AbortSignal, options: FetchJsonOptions): Promise<string> {
  const response = await guardedFetch(
    url,
    { headers: { accept: 'application/json', 'user-agent': SOURCE_USER_AGENT }, signal },
    workerEgressWith(url),
  );
  if (!response.ok) {
    // The error body is of no use to the user; free the connection.
    await response.body?.cancel().catch(() => undefined);
    throw httpError(response.status, options.subject);
  }
  return readCapped(response, options.maxBytes ?? DEFAULT_MAX_RESPONSE_BYTES, options.subject);
}

/** Reads the body, giving up as soon as it passes the cap rather than after buffering it all. */
async function readCapped(response: Response, maxBytes: number, subject: RequestSubject): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes, subject);
  }
  return readBodyCapped(response, maxBytes, () => tooLarge(maxBytes, subject));
}

/** A body as text, or `tooLarge()` thrown the moment it passes `maxBytes` (nothing more is read). */
export async function readBodyCapped(response: Response, maxBytes: number, tooLarge: () => Error): Promise<string> {
  const body = response.body as ReadableStream<Uint8Array> | null; // bytes, as undici's type does not say
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  let size = 0;
  let text = '';
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decoder.decode(read.value, { stream: true });
  }
  return text + decoder.decode();
}

function httpError(status: number, subject: RequestSubject): SourceError {
  if (status === 404) return new SourceError('not_found', `${subject.name} not found (HTTP 404): ${subject.notFoundHint}`, status);
  if (status === 429 || status >= 500) {
    return new SourceError('http', `${subject.name} answered HTTP ${status}: the service is busy or failing; try again later`, status);
  }
  return new SourceError('http', `${subject.name} refused the request (HTTP ${status}): ${subject.notFoundHint}, and check ${subject.setting}`, status);
}

function tooLarge(maxBytes: number, subject: RequestSubject): SourceError {
  const mb = Math.round(maxBytes / 1024 / 1024);
  return new SourceError('too_large', `${subject.name} sent more than ${mb} MB: check that ${subject.setting} points at the job board API`);
}

/** Turns a failed request into a SourceError, except a stop of the run, which is passed on as is. */
function explainFailure(err: unknown, options: FetchJsonOptions, deadline: AbortSignal): unknown {
  if (options.signal.aborted) return options.signal.reason as unknown;
  if (err instanceof SourceError) return err;
  const { subject } = options;
  if (deadline.aborted) {
    return new SourceError(
      'timeout',
      `${subject.name} did not answer within ${formatSeconds(options.timeoutMs)}: try again later, or raise SOURCE_TIMEOUT_MS`,
    );
  }
  console.warn(`[worker] ${subject.name}: request failed: ${errorChain(err)}`);
  if (findEgressRefusal(err)) {
    return new SourceError('refused', `${subject.name} sent jobstream to a private address, which it does not open: check ${subject.setting}`);
  }
  if (err instanceof TooManyRedirects) {
    return new SourceError('http', `${subject.name} redirected more than ${MAX_REDIRECTS} times: check ${subject.setting}`);
  }
  // The system code (ECONNREFUSED, ENOTFOUND…) is in the log line above; the user reads what it means.
  return new SourceError('network', `${subject.name} could not be reached (${networkFailureWords(err)}): check the network and ${subject.setting}`);
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

function parseJson(body: string, subject: RequestSubject): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    const what = body.trimStart().startsWith('<') ? 'an HTML page instead of JSON' : 'a response that is not JSON';
    throw new SourceError('not_json', `${subject.name} sent ${what}: check that ${subject.setting} points at the job board API`);
  }
}

function validate<T>(value: unknown, schema: z.ZodType<T>, subject: RequestSubject): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  const detail = `${where}${first?.message ?? 'invalid'}`.slice(0, ISSUE_DETAIL_CHARS);
  throw new SourceError(
    'malformed',
    `${subject.name} sent JSON in an unexpected shape (${detail}): check that ${subject.setting} points at the job board API`,
  );
}
