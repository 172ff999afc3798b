import { decodeEntities, htmlToText } from '../analysis/posting-text';
import { guardedFetch, workerEgress } from '../egress';
import { readAtMost } from '../read-at-most';
import { finishPosting } from './posting';
import type { JobPosting } from './types';

const PAGE_MAX_BYTES = 2 * 1024 * 1024;

/**
 * The posting behind one link the user pasted (applications.applyToUrl): its title and
 * company from the page's own metadata when it can be read, and from the address when
 * not. The page itself is opened again by the analyst and the applier, through the same
 * egress policy; a link that points somewhere private is refused there, in the user's
 * words.
 */
export async function postingFromLink(url: string, signal: AbortSignal, timeoutMs: number): Promise<JobPosting> {
  const page = await readPage(url, signal, timeoutMs);
  const host = new URL(url).hostname.replace(/^www\./, '');
  const posting: JobPosting = {
    source: 'link',
    sourceId: url,
    title: page?.title ?? `The job at ${host}`,
    company: page?.company ?? companyFromAddress(url),
    location: '',
    remote: false,
    url,
    applyUrl: url,
    description: page?.text ?? '',
    salary: null,
    postedAt: null,
  };
  return finishPosting(posting) ?? { ...posting, title: `The job at ${host}` };
}

interface PageFacts {
  title: string | null;
  company: string | null;
  text: string;
}

async function readPage(url: string, signal: AbortSignal, timeoutMs: number): Promise<PageFacts | null> {
  try {
    const response = await guardedFetch(
      url,
      { signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]), headers: { accept: 'text/html,application/xhtml+xml' } },
      workerEgress(),
    );
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return null;
    }
    const html = await readAtMost(response, PAGE_MAX_BYTES);
    return { title: titleOf(html), company: hiringOrganization(html) ?? metaContent(html, 'og:site_name'), text: htmlToText(html) };
  } catch {
    if (signal.aborted) throw signal.reason;
    // The analyst and the applier say what went wrong when they open it; here it only names the job.
    return null;
  }
}

/** og:title, else the first heading, else <title>; "Senior Engineer - Acme" stays as the page says it. */
function titleOf(html: string): string | null {
  const heading = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  const title = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const text = metaContent(html, 'og:title') ?? (heading ? plain(heading) : null) ?? (title ? plain(title) : null);
  return text || null;
}

/**
 * The employer a JobPosting's structured data names (schema.org, as job boards embed it
 * for search engines): the most reliable company name a page carries.
 */
function hiringOrganization(html: string): string | null {
  for (const match of html.matchAll(/<script\b[^>]*type\s*=\s*["']application\/ld\+json["'][^>]*>([\s\S]*?)<\/script>/gi)) {
    let data: unknown;
    try {
      data = JSON.parse(match[1] ?? '');
    } catch {
      continue; // a page's broken structured data is its own business
    }
    const name = organisationName(data);
    if (name) return name;
  }
  return null;
}

function organisationName(node: unknown): string | null {
  if (Array.isArray(node)) return node.map(organisationName).find((n) => n !== null) ?? null;
  if (typeof node !== 'object' || node === null) return null;
  const record = node as Record<string, unknown>;
  if ('@graph' in record) return organisationName(record['@graph']);
  const org = record.hiringOrganization;
  const name = typeof org === 'string' ? org : typeof org === 'object' && org !== null ? (org as Record<string, unknown>).name : null;
  return typeof name === 'string' && plain(name) !== '' ? plain(name).slice(0, 200) : null;
}

function metaContent(html: string, property: string): string | null {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const name = /\b(?:property|name)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (name?.toLowerCase() !== property) continue;
    const content = /\bcontent\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1];
    if (content) return plain(content) || null;
  }
  return null;
}

function plain(fragment: string): string {
  return decodeEntities(fragment.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** boards.greenhouse.io/acme → "acme", jobs.lever.co/acme → "acme", careers.acme.com → "acme". */
export function companyFromAddress(url: string): string {
  const { hostname, pathname } = new URL(url);
  const firstPath = pathname.split('/').find(Boolean) ?? '';
  if (/(^|\.)(greenhouse\.io|lever\.co|ashbyhq\.com|workable\.com)$/.test(hostname) && firstPath) return firstPath;
  const labels = hostname.replace(/^www\./, '').split('.');
  const generic = new Set(['jobs', 'careers', 'apply', 'boards', 'job-boards', 'work']);
  return labels.find((l) => !generic.has(l)) ?? hostname;
}
