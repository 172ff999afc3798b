/**
 * Fetches a posting's page and reduces it to the plain text the requirement reader
 * works on: one line per heading, paragraph and list item, with the page's chrome
 * (scripts, styles, navigation, footers) left out. Regex-based on purpose: posting
 * pages are simple documents, and a full DOM parser is not worth a dependency here.
 */
import { readAtMost } from '../read-at-most';

export const POSTING_MAX_BYTES = 5 * 1024 * 1024;
/** Enough for the longest real postings; the rest of a huge page is noise. */
const MAX_TEXT_CHARS = 100_000;

export interface FetchPostingOptions {
  /** The run's stop signal; a stop rejects with its reason. */
  signal: AbortSignal;
  timeoutMs: number;
  maxBytes?: number;
  fetchImpl?: typeof fetch;
}

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
 * The posting page as plain text. Rejects on a bad address, a non-2xx answer, a
 * timeout or a stop; the caller decides what to fall back to.
 */
export async function fetchPostingText(url: string, options: FetchPostingOptions): Promise<string> {
  if (!/^https?:\/\//i.test(url)) throw new Error(`not a web address: ${url.slice(0, 100)}`);
  options.signal.throwIfAborted();
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]);
  const fetchImpl = options.fetchImpl ?? fetch;
  const response = await fetchImpl(url, {
    signal,
    redirect: 'follow',
    headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.8' },
  });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new Error(`HTTP ${response.status}`);
  }
  const body = await readAtMost(response, options.maxBytes ?? POSTING_MAX_BYTES);
  const type = response.headers.get('content-type') ?? '';
  return /text\/plain/i.test(type) ? tidyLines(body) : htmlToText(body);
}
