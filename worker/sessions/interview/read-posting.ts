/**
 * The interview's one contact with the outside: reading the posting at jobUrl the way
 * the pipeline reads a pasted link (the analyst's fetchPostingText for the text, the
 * link reader for its title and company), or searching the scout's sources for the
 * role. Failures become a note in the user's words; their details go to the worker log.
 */
import type { ProfileFields } from '~/shared/profile';
import type { InterviewParams } from '~/shared/sessions/interview';
import type { AgentContext } from '../../agent-context';
import { fetchPostingText, POSTING_UNREADABLE_MESSAGE, PostingPageError } from '../../analysis/posting-text';
import { dedupePostings, defaultSourceClients, SourceError, type JobPosting, type JobSourceClient, type SourceSettings } from '../../sources';
import { companyFromAddress, postingFromLink } from '../../sources/link';
import { titleMatcher } from '../salary-research/role-match';
import { postingFromPage, postingFromRole, postingFromRolePostings, type RoleInput } from './posting';
import { clip } from './text';
import type { InterviewPosting } from './types';

/** What reading uses of its context; the interview's AgentContext is one. */
export type PostingContext = Pick<AgentContext<InterviewParams>, 'runId' | 'params' | 'signal' | 'appUrl'> & {
  readonly profile: Pick<ProfileFields, 'jobSources'>;
  readonly settings: SourceSettings;
};

export interface PreparedPosting {
  posting: InterviewPosting;
  /** What went differently from what was asked, and what the questions come from instead. */
  note: string | null;
}

/** The sandbox answers up to 500; a hundred postings is plenty to count a role's skills. */
const SEARCH_LIMIT = 100;
const MAX_COUNTED = 50;
/** As the analyst: a page shorter than this is a script shell, and the link's own text may say more. */
const MIN_PAGE_CHARS = 300;

export async function preparePosting(ctx: PostingContext): Promise<PreparedPosting> {
  const { jobUrl, role, seniority } = ctx.params;
  if (jobUrl === undefined) return { posting: await fromRoleSearch(ctx, { role: role ?? 'the role', seniority }), note: null };
  const page = await readPage(ctx, jobUrl);
  if (page.ok) {
    const posting = postingFromPage({ url: jobUrl, title: page.title, company: page.company, text: page.text, role, seniority });
    if (posting.skills.length > 0) return { posting, note: null };
    const fallback = `The posting at ${jobUrl} names no skills jobstream recognises; the technical questions come from the role instead`;
    return { posting: await fromRoleSearch(ctx, { role: role ?? page.title, seniority, company: page.company }), note: clip(fallback, 600) };
  }
  const unread = `Could not read the posting at ${jobUrl} (${page.reason})`;
  if (role !== undefined) {
    return { posting: await fromRoleSearch(ctx, { role, seniority, company: page.company }), note: clip(`${unread}; the questions come from the role instead`, 600) };
  }
  // Without a role there is nothing to search for: the questions are general, and the user learns how to get better ones.
  const note = `${unread}; the questions are general ones. Give the role as well, or check that the link opens, to get questions about its skills`;
  return { posting: postingFromRole({ role: page.title, seniority, company: page.company }), note: clip(note, 600) };
}

type PageRead = { ok: true; title: string; company: string; text: string } | { ok: false; reason: string; title: string; company: string };

async function readPage(ctx: PostingContext, url: string): Promise<PageRead> {
  const timeoutMs = ctx.settings.SOURCE_TIMEOUT_MS;
  let text: string;
  try {
    text = await fetchPostingText(url, { signal: ctx.signal, timeoutMs });
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    // PostingPageError's message is written for the user; anything else is a bug, told in general words.
    if (!(err instanceof PostingPageError)) console.error(`[worker] interview ${ctx.runId}: reading ${url} failed:`, err);
    const reason = err instanceof PostingPageError ? err.message : POSTING_UNREADABLE_MESSAGE;
    return { ok: false, reason, title: `The job at ${hostOf(url)}`, company: companyFromAddress(url) };
  }
  const link = await postingFromLink(url, ctx.signal, timeoutMs);
  // A script-rendered page can be all cookie banner; the link reader's text then says more.
  const pageText = text.length >= MIN_PAGE_CHARS || text.length >= link.description.length ? text : link.description;
  return { ok: true, title: link.title, company: link.company, text: pageText };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return 'that address';
  }
}

/** The role's skills from its postings on every source the scout knows; from its words when none match. */
async function fromRoleSearch(ctx: PostingContext, input: RoleInput): Promise<InterviewPosting> {
  const found = await searchRole(ctx, input.role);
  const matches = found.postings.slice(0, MAX_COUNTED);
  if (matches.length === 0) return postingFromRole(input);
  return postingFromRolePostings(input, matches, found.sources);
}

interface RoleSearch {
  postings: JobPosting[];
  /** The sources that had postings for the role. */
  sources: string[];
}

async function searchRole(ctx: PostingContext, role: string): Promise<RoleSearch> {
  const clients = defaultSourceClients({ boards: ctx.profile.jobSources, settings: ctx.settings, appUrl: ctx.appUrl });
  const isRole = titleMatcher({ role });
  const results = await Promise.all(clients.map((client) => searchOne(ctx, client, role)));
  ctx.signal.throwIfAborted();
  const postings = dedupePostings(results.flat().filter((p) => isRole(p.title))).postings;
  const sources = clients.filter((c, i) => (results[i] ?? []).some((p) => isRole(p.title))).map((c) => c.label);
  return { postings, sources };
}

/** One source's postings for the role; a failing source is logged and counts as none. */
async function searchOne(ctx: PostingContext, client: JobSourceClient, role: string): Promise<JobPosting[]> {
  try {
    return await client.search({ query: role, location: '', limit: SEARCH_LIMIT, signal: ctx.signal });
  } catch (err) {
    if (ctx.signal.aborted) return [];
    if (err instanceof SourceError) console.warn(`[worker] interview ${ctx.runId}: ${client.label}: ${err.message}`);
    else console.error(`[worker] interview ${ctx.runId}: searching ${client.label} failed unexpectedly:`, err);
    return [];
  }
}

