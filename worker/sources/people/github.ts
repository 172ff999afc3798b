import type { Response } from 'undici';
import { z } from 'zod';
import { errorChain, findEgressRefusal, guardedFetch, networkFailureWords, TooManyRedirects, workerEgressWith } from '../../egress';
import { readBodyCapped, SOURCE_USER_AGENT, SourceError } from '../http';
import type { FindPeopleRequest, PeopleSource, Person } from './types';

/**
 * A GitHub organisation's public members (GET /orgs/{org}/members, paged by the Link
 * header), each with their public profile (GET /users/{login}: name, company, bio)
 * when it can be read. Without a token GitHub allows 60 requests an hour per address,
 * so pages and profile reads are capped: a run costs at most a few dozen requests.
 * Failures are SourceErrors in the user's words; details go to the worker log.
 */

/** A member as the members list returns it (GitHub's "simple user"); only what is read here is checked. */
const memberSchema = z.object({
  login: z.string().min(1),
  id: z.number(),
  html_url: z.string(),
  type: z.string(),
});
type Member = z.infer<typeof memberSchema>;

/** A public profile (GitHub's "public user"); every descriptive field may be null. */
const userSchema = z.object({
  login: z.string(),
  html_url: z.string(),
  name: z.string().nullish(),
  company: z.string().nullish(),
  bio: z.string().nullish(),
});
type GitHubUser = z.infer<typeof userSchema>;

export interface GitHubPeopleOptions {
  /** GitHub's REST API root (GITHUB_API_URL). */
  apiUrl: string;
  org: string;
  timeoutMs: number;
  /** Most member profiles read (one request each). */
  maxProfiles?: number;
  /** Profile reads at once; GitHub frowns on bursts. */
  concurrency?: number;
  /** Most pages of members read. */
  maxPages?: number;
  /** Members per page (GitHub allows up to 100). */
  perPage?: number;
}

const DEFAULT_MAX_PROFILES = 15;
const DEFAULT_CONCURRENCY = 3;
const DEFAULT_MAX_PAGES = 3;
const DEFAULT_PER_PAGE = 100;
/** A page of 100 members is about 120 kB; a profile a few kB. */
const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;
const TITLE_MAX_CHARS = 120;

export function createGitHubPeopleSource(options: GitHubPeopleOptions): PeopleSource {
  const api = options.apiUrl.replace(/\/+$/, '');
  const org = options.org;
  const label = `github:${org}`;
  return {
    label,
    async find(request: FindPeopleRequest): Promise<Person[]> {
      const members = await listMembers(api, org, options, request.signal);
      const profiles = await readProfiles(api, members, options, request.signal);
      return members.map((m) => toPerson(m, profiles.get(m.login) ?? null, org, label));
    },
  };
}

async function listMembers(api: string, org: string, options: GitHubPeopleOptions, signal: AbortSignal): Promise<Member[]> {
  const perPage = options.perPage ?? DEFAULT_PER_PAGE;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const members: Member[] = [];
  let url: string | null = `${api}/orgs/${encodeURIComponent(org)}/members?per_page=${perPage}`;
  for (let page = 0; url !== null && page < maxPages; page++) {
    const answer = await getJson(url, z.array(memberSchema), options.timeoutMs, signal, {
      notFound: `no GitHub organisation '${org}'; check the name`,
    });
    // Organisations can list bots and other organisations; only people are worth a note.
    members.push(...answer.body.filter((m) => m.type === 'User'));
    url = nextPageUrl(answer.link, api);
  }
  return members;
}

/**
 * Profiles of the first members, a few at a time. A profile that cannot be read leaves
 * that member with their login; a used-up rate limit stops further reads but keeps
 * what was found.
 */
async function readProfiles(api: string, members: readonly Member[], options: GitHubPeopleOptions, signal: AbortSignal): Promise<Map<string, GitHubUser>> {
  const wanted = members.slice(0, options.maxProfiles ?? DEFAULT_MAX_PROFILES);
  const profiles = new Map<string, GitHubUser>();
  let next = 0;
  let limited = false;
  const worker = async () => {
    while (!limited && next < wanted.length) {
      const member = wanted[next++];
      if (!member) break;
      try {
        const answer = await getJson(`${api}/users/${encodeURIComponent(member.login)}`, userSchema, options.timeoutMs, signal, {
          notFound: `no GitHub user '${member.login}'`,
        });
        profiles.set(member.login, answer.body);
      } catch (err) {
        if (signal.aborted) throw err;
        if (err instanceof SourceError && err.kind === 'http' && err.status === 403) limited = true;
        // A member without a readable profile is routine (404); anything else is worth a line in the log.
        if (!(err instanceof SourceError && err.kind === 'not_found')) console.warn(`[worker] github: profile of ${member.login} not read: ${errorChain(err)}`);
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, wanted.length)) }, worker);
  await Promise.all(workers);
  return profiles;
}

function toPerson(member: Member, user: GitHubUser | null, org: string, label: string): Person {
  const bio = (user?.bio ?? '').replace(/\s+/g, ' ').trim();
  const role = roleFromBio(bio);
  const profileUrl = webUrl(user?.html_url) ?? webUrl(member.html_url) ?? `https://github.com/${encodeURIComponent(member.login)}`;
  return {
    name: user?.name?.trim() || member.login,
    title: role.title,
    team: role.team,
    profileUrl,
    source: label,
    bio,
    via: `a public member of the ${org} GitHub organisation`,
  };
}

/** Only web links are shown as profiles; anything else the API sent is ignored. */
function webUrl(value: string | null | undefined): string | null {
  if (!value || !URL.canParse(value)) return null;
  const { protocol } = new URL(value);
  return protocol === 'https:' || protocol === 'http:' ? value : null;
}

const ROLE_WORD =
  /\b(engineer|engineering|developer|programmer|designer|scientist|analyst|architect|manager|director|head of|lead|recruiter|recruiting|talent|sourcer|cto|vp|founder|sre|devops)\b/i;

/**
 * What a bio says of the person's role: its first part naming one ("Engineering
 * manager @acme · Payments" → "Engineering manager"), and a team it names ("on the
 * Payments team"). Bios are free text, so anything else is left alone.
 */
export function roleFromBio(bio: string): { title: string; team: string } {
  const team = /\b(?:on|in|of)\s+(?:the\s+)?([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})\s+team\b/.exec(bio)?.[1] ?? '';
  const parts = bio.split(/\s*(?:[.;|•·\n]|\s-\s|,\s)\s*/);
  const part = parts.find((p) => ROLE_WORD.test(p)) ?? '';
  const title = part
    .replace(/\s+(?:at|@)\s*\S.*$/i, '')
    .replace(/\s*@\S+.*$/, '')
    .trim()
    .slice(0, TITLE_MAX_CHARS);
  return { title: ROLE_WORD.test(title) ? title : '', team };
}

/**
 * The next page from a Link header (`<…?page=2>; rel="next", …`). Only a link on the
 * API's own origin is followed, so a header cannot send the worker anywhere else.
 */
export function nextPageUrl(link: string | null, api: string): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;(.*)$/.exec(part.trim());
    if (!match?.[1] || !/\brel="?next"?/.test(match[2] ?? '')) continue;
    if (!URL.canParse(match[1]) || !URL.canParse(api)) return null;
    return new URL(match[1]).origin === new URL(api).origin ? match[1] : null;
  }
  return null;
}

interface Answer<T> {
  body: T;
  link: string | null;
}

async function getJson<T>(url: string, schema: z.ZodType<T>, timeoutMs: number, signal: AbortSignal, words: { notFound: string }): Promise<Answer<T>> {
  signal.throwIfAborted();
  const deadline = AbortSignal.timeout(timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await guardedFetch(
      url,
      {
        headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': SOURCE_USER_AGENT },
        signal: AbortSignal.any([signal, deadline]),
      },
      workerEgressWith(url),
    );
    text = await readCapped(response);
  } catch (err) {
    throw explainFailure(err, signal, deadline, timeoutMs);
  }
  if (!response.ok) throw statusError(response, text, words);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    throw new SourceError('not_json', "GitHub sent something that is not JSON: check that GITHUB_API_URL points at GitHub's REST API");
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    console.warn(`[worker] github: unexpected answer from ${url}: ${result.error.issues[0]?.message ?? 'invalid'}`);
    throw new SourceError('malformed', "GitHub sent an answer in an unexpected shape: check that GITHUB_API_URL points at GitHub's REST API");
  }
  return { body: result.data, link: response.headers.get('link') };
}

function readCapped(response: Response): Promise<string> {
  return readBodyCapped(
    response,
    MAX_RESPONSE_BYTES,
    () => new SourceError('too_large', "GitHub sent far more than a list of members: check that GITHUB_API_URL points at GitHub's REST API"),
  );
}

/**
 * GitHub answers a used-up rate limit with 403 or 429, x-ratelimit-remaining: 0 and a
 * message saying so (docs: "Rate limits for the REST API"); the reset time is in
 * x-ratelimit-reset (epoch seconds) or retry-after (seconds).
 */
function statusError(response: Response, text: string, words: { notFound: string }): SourceError {
  const { status, headers } = response;
  if (status === 404) return new SourceError('not_found', words.notFound, status);
  const rateLimited =
    (status === 403 || status === 429) &&
    (headers.get('x-ratelimit-remaining') === '0' || headers.get('retry-after') !== null || /rate limit/i.test(text));
  if (rateLimited) {
    return new SourceError('http', `GitHub's rate limit for this server is used up (60 requests an hour without a token): ${whenToRetry(headers)}`, 403);
  }
  if (status >= 500 || status === 429) return new SourceError('http', `GitHub answered HTTP ${status}: it is busy or failing; try again later`, status);
  return new SourceError('http', `GitHub refused the request (HTTP ${status}): the organisation may hide its members`, status);
}

function whenToRetry(headers: Response['headers']): string {
  const reset = Number(headers.get('x-ratelimit-reset') ?? Number.NaN);
  if (Number.isFinite(reset) && reset > 0) return `try again after ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC`;
  const after = Number(headers.get('retry-after') ?? Number.NaN);
  if (Number.isFinite(after) && after > 0) return `try again in ${Math.max(1, Math.ceil(after / 60))} min`;
  return 'try again in an hour';
}

function explainFailure(err: unknown, signal: AbortSignal, deadline: AbortSignal, timeoutMs: number): unknown {
  if (signal.aborted) return signal.reason as unknown;
  if (err instanceof SourceError) return err;
  if (deadline.aborted) {
    const seconds = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 100) / 10} s`;
    return new SourceError('timeout', `GitHub did not answer within ${seconds}: try again later, or raise SOURCE_TIMEOUT_MS`);
  }
  console.warn(`[worker] github: request failed: ${errorChain(err)}`);
  if (findEgressRefusal(err)) return new SourceError('refused', 'GitHub sent jobstream to a private address, which it does not open: check GITHUB_API_URL');
  if (err instanceof TooManyRedirects) return new SourceError('http', 'GitHub redirected too many times: check GITHUB_API_URL');
  return new SourceError('network', `GitHub could not be reached (${networkFailureWords(err)}): check the network and GITHUB_API_URL`);
}
