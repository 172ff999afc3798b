import type { JobSource } from '~/shared/pipeline';
import { fold } from './match';
import type { JobPosting } from './types';

/**
 * The same job is often listed on several boards. Two postings are the same job when
 * they share an application form (identical applyUrl), or when company, title and
 * primary location read the same once spelling is set aside ("Sr. Backend Engineer"
 * at "Acme, Inc." in "Berlin, Germany" = "Senior Backend Engineer" at "Acme" in "Berlin").
 * Seniority words are kept: a junior and a senior opening are two jobs.
 */

/**
 * Which copy is kept: an employer's own applicant tracking system (Greenhouse, Lever)
 * before the sandbox, because its form is the one that reaches the employer and the
 * sandbox is a demonstration board. Greenhouse before Lever only keeps results
 * stable; an employer listing one job on both links both forms to itself.
 */
export const SOURCE_PRIORITY: readonly JobSource[] = ['greenhouse', 'lever', 'sandbox'];

export interface DedupeResult {
  /** One posting per job, in source priority order, each source's own order kept. */
  postings: JobPosting[];
  duplicatesRemoved: number;
}

export function dedupePostings(postings: readonly JobPosting[]): DedupeResult {
  const seen = new Set<string>();
  const kept: JobPosting[] = [];
  for (const posting of byPriority(postings)) {
    const keys = postingKeys(posting);
    if (!keys.some((key) => seen.has(key))) kept.push(posting);
    // A dropped copy's keys are remembered too, so a chain of copies (A~B by title, B~C by form) is one job.
    for (const key of keys) seen.add(key);
  }
  return { postings: kept, duplicatesRemoved: postings.length - kept.length };
}

function byPriority(postings: readonly JobPosting[]): JobPosting[] {
  // A pasted link (never deduplicated against a search) ranks after every source.
  const rank = (p: JobPosting) => (p.source === 'link' ? SOURCE_PRIORITY.length : SOURCE_PRIORITY.indexOf(p.source));
  // Array.prototype.sort is stable, so each source's own ranking survives.
  return [...postings].sort((a, b) => rank(a) - rank(b));
}

/** The identities of a posting: its form, and what it says the job is. */
export function postingKeys(posting: JobPosting): string[] {
  const keys = [`form:${normalizeUrl(posting.applyUrl)}`];
  const title = normalizeTitle(posting.title);
  const company = normalizeCompany(posting.company);
  if (title !== '' && company !== '') keys.push(`job:${company}|${title}|${normalizeLocation(posting.location)}`);
  return keys;
}

// Spelled-out forms of the abbreviations boards use in titles.
const TITLE_WORDS: Readonly<Record<string, string>> = {
  sr: 'senior', snr: 'senior', jr: 'junior', jnr: 'junior',
  mgr: 'manager', engr: 'engineer',
  ii: '2', iii: '3', iv: '4',
};

// Legal forms say nothing about the company's identity ("Acme, Inc." is "Acme").
const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'llc', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company',
  'plc', 'gmbh', 'ag', 'sa', 'sas', 'bv', 'nv', 'oy', 'ab', 'pty', 'srl',
]);

export function normalizeTitle(title: string): string {
  return words(title)
    .map((word) => TITLE_WORDS[word] ?? word)
    .join(' ');
}

export function normalizeCompany(company: string): string {
  return words(company)
    .filter((word) => !LEGAL_FORMS.has(word))
    .join(' ');
}

/**
 * The primary place only: boards qualify it differently ("Berlin, Germany", "Berlin",
 * "Remote - US", "Remote (US)"), and one company rarely posts one title twice in two
 * towns of the same name.
 */
export function normalizeLocation(location: string): string {
  const primary = location.split(/,|\(|\s[-–—/|]\s|\//)[0] ?? '';
  return words(primary).join(' ');
}

/** Folded words without punctuation, except the + and # that tell C++ and C# from C. */
function words(text: string): string[] {
  return fold(text)
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((word) => word !== '');
}

/** The same form however the link is written: host case, a trailing slash and the #fragment do not matter. */
function normalizeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.toString().replace(/\/+(?=$|\?)/, '');
  } catch {
    return url.trim();
  }
}
