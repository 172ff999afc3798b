/**
 * Fetches a posting's page and reduces it to the plain text the requirement reader
 * works on: one line per heading, paragraph and list item, with the page's chrome
 * (scripts, styles, navigation, footers) left out. Regex-based on purpose: posting
 * pages are simple documents, and a full DOM parser is not worth a dependency here.
 */
import { errorChain, findEgressRefusal, guardedFetch, workerEgress, type Egress } from '../egress';
import { readAtMost } from '../read-at-most';

export const POSTING_MAX_BYTES = 5 * 1024 * 1024;
/** Enough for the longest real postings; the rest of a huge page is noise. */
const MAX_TEXT_CHARS = 100_000;

export interface FetchPostingOptions {
  /** The run's stop signal; a stop rejects with its reason. */
  signal: AbortSignal;
  timeoutMs: number;
  maxBytes?: number;
  /** The egress policy to fetch under; the worker's own when left out. */
  egress?: Egress;
}

/**
 * A posting page that could not be read. The message is what the user reads, and
 * it is the same for every failure but a refused address (a closed port, an open
 * one, a 404, a timeout), so that a job board cannot use postings to map what is
 * reachable from the worker. `detail` says what happened, for the worker's log.
 */
export class PostingPageError extends Error {
  constructor(
    message: string,
    readonly detail: string,
    readonly refused: boolean,
  ) {
    super(message);
    this.name = 'PostingPageError';
  }
}

export const POSTING_REFUSED_MESSAGE = 'the posting points to a private address, which jobstream does not open';
export const POSTING_UNREADABLE_MESSAGE = 'the site did not send a readable page';

/** Elements whose content is never posting text. */
const DROPPED_ELEMENTS = ['head', 'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'nav', 'footer', 'button', 'select'];
const BLOCK_TAGS = 'p|div|section|article|main|aside|header|ul|ol|dl|dt|dd|table|thead|tbody|tr|blockquote|pre|form|fieldset|h[1-6]|hr|figure|figcaption|address';

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', bull: '•', middot: '·', copy: '©', reg: '®',
  trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢', times: '×', shy: '', zwj: '', zwnj: '',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function dropElements(html: string): string {
  let out = html.replace(/<!--[\s\S]*?-->/g, ' ');
  for (const tag of DROPPED_ELEMENTS) {
    out = out.replace(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?</${tag}\\s*>`, 'gi'), '\n');
  }
  return out;
}

/** Headings and list items become lines of their own; list items keep a "- " so they still read as bullets. */
function markBlocks(html: string): string {
  return html
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(new RegExp(`</?(?:${BLOCK_TAGS}|li)\\b[^>]*>`, 'gi'), '\n')
    .replace(/<\/?(?:td|th)\b[^>]*>/gi, ' ');
}

function tidyLines(text: string): string {
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[\s\u00a0]+/g, ' ').trim();
    if (line === '' || line === '-') continue;
    if (lines.at(-1) === line) continue;
    lines.push(line);
  }
  return lines.join('\n').slice(0, MAX_TEXT_CHARS);
}

/** Plain text of an HTML page: chrome removed, entities decoded, one block per line. */
export function htmlToText(html: string): string {
  const withoutTags = markBlocks(dropElements(html)).replace(/<[^>]*>/g, ' ');
  return tidyLines(decodeEntities(withoutTags));
}

/**
 * The posting page as plain text. Rejects with a PostingPageError on a bad or
 * refused address, a non-2xx answer or a timeout, and with the stop's reason on a
 * stop; the caller decides what to fall back to.
 */
export async function fetchPostingText(url: string, options: FetchPostingOptions): Promise<string> {
  if (!/^https?:\/\//i.test(url)) throw new PostingPageError('the posting’s link is not a web address', `not a web address: ${url.slice(0, 100)}`, false);
  options.signal.throwIfAborted();
  try {
    return await readPostingPage(url, options);
  } catch (err) {
    if (options.signal.aborted) throw options.signal.reason;
    throw explain(url, err);
  }
}

async function readPostingPage(url: string, options: FetchPostingOptions): Promise<string> {
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]);
  const response = await guardedFetch(
    url,
    { signal, headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.8' } },
    options.egress ?? workerEgress(),
  );
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new Error(`HTTP ${response.status}`);
  }
  const body = await readAtMost(response, options.maxBytes ?? POSTING_MAX_BYTES);
  const type = response.headers.get('content-type') ?? '';
  return /text\/plain/i.test(type) ? tidyLines(body) : htmlToText(body);
}

function explain(url: string, err: unknown): PostingPageError {
  const refused = findEgressRefusal(err) !== null;
  const detail = errorChain(err);
  console.warn(`[worker] posting page ${url.slice(0, 300)} not read: ${detail}`);
  return new PostingPageError(refused ? POSTING_REFUSED_MESSAGE : POSTING_UNREADABLE_MESSAGE, detail, refused);
}
