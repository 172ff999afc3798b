import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * A real HTTP server answering like GitHub's REST API for the two endpoints the
 * network agent reads, in the documented formats: GET /orgs/{org}/members (an array
 * of "simple users", paged with per_page/page and a Link header whose links, as on
 * GitHub, use /organizations/{id}/members) and GET /users/{login} (a "public user").
 * Errors look like GitHub's too: 404 { message: "Not Found" }, and a used-up rate
 * limit as 403 with x-ratelimit-remaining: 0 and x-ratelimit-reset.
 */

/** One member of GET /orgs/{org}/members, as GitHub sends it. */
export interface GitHubSimpleUserJson {
  login: string;
  id: number;
  node_id: string;
  avatar_url: string;
  gravatar_id: string | null;
  url: string;
  html_url: string;
  followers_url: string;
  following_url: string;
  gists_url: string;
  starred_url: string;
  subscriptions_url: string;
  organizations_url: string;
  repos_url: string;
  events_url: string;
  received_events_url: string;
  type: 'User' | 'Organization' | 'Bot';
  user_view_type: string;
  site_admin: boolean;
}

/** GET /users/{login}, as GitHub sends it for a public profile. */
export interface GitHubPublicUserJson extends GitHubSimpleUserJson {
  name: string | null;
  company: string | null;
  blog: string | null;
  location: string | null;
  email: string | null;
  hireable: boolean | null;
  bio: string | null;
  twitter_username: string | null;
  public_repos: number;
  public_gists: number;
  followers: number;
  following: number;
  created_at: string;
  updated_at: string;
}

export interface FakeGitHubOrg {
  id: number;
  members: GitHubSimpleUserJson[];
}

export interface FakeGitHub {
  /** Use as GITHUB_API_URL. */
  readonly apiUrl: string;
  /** Organisations by login (case-insensitive, as on GitHub: store them lower-case). */
  readonly orgs: Map<string, FakeGitHubOrg>;
  /** Profiles by login; a member without one answers 404 on /users/{login}. */
  readonly users: Map<string, GitHubPublicUserJson>;
  /** Requests (path and query) in the order they arrived. */
  readonly requests: string[];
  /** Requests left before the rate limit is used up (Infinity: never). */
  remaining: number;
  /** Before each answer. */
  delayMs: number;
  /** The most requests answered at the same time so far. */
  readonly maxInFlight: number;
  reset(): void;
  close(): Promise<void>;
}

const RATE_LIMIT = 60;
const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;
/** x-ratelimit-reset the fake reports: 2026-03-02T10:15:00Z. */
export const FAKE_RATE_LIMIT_RESET = Date.UTC(2026, 2, 2, 10, 15, 0) / 1000;

export function githubMember(login: string, id: number, type: GitHubSimpleUserJson['type'] = 'User'): GitHubSimpleUserJson {
  const api = `https://api.github.com/users/${login}`;
  return {
    login,
    id,
    node_id: Buffer.from(`04:User${id}`).toString('base64'),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `https://github.com/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function githubUser(
  member: GitHubSimpleUserJson,
  profile: { name?: string | null; company?: string | null; bio?: string | null; location?: string | null } = {},
): GitHubPublicUserJson {
  return {
    ...member,
    name: profile.name ?? null,
    company: profile.company ?? null,
    blog: '',
    location: profile.location ?? null,
    email: null,
    hireable: null,
    bio: profile.bio ?? null,
    twitter_username: null,
    public_repos: 12,
    public_gists: 1,
    followers: 40,
    following: 3,
    created_at: '2015-04-01T10:00:00Z',
    updated_at: '2026-01-15T10:00:00Z',
  };
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const orgs = new Map<string, FakeGitHubOrg>();
  const users = new Map<string, GitHubPublicUserJson>();
  const requests: string[] = [];
  let inFlight = 0;
  const state = { remaining: Number.POSITIVE_INFINITY, delayMs: 0, maxInFlight: 0 };
  let base = '';

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': String(Number.isFinite(state.remaining) ? Math.max(0, state.remaining) : RATE_LIMIT),
      'x-ratelimit-reset': String(FAKE_RATE_LIMIT_RESET),
      'x-ratelimit-resource': 'core',
      ...headers,
    });
    res.end(text);
  };

  const notFound = (res: ServerResponse, doc: string) =>
    send(res, 404, { message: 'Not Found', documentation_url: `https://docs.github.com/rest/${doc}`, status: '404' });

  const membersPage = (res: ServerResponse, org: FakeGitHubOrg, query: URLSearchParams) => {
    const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number(query.get('per_page') ?? DEFAULT_PER_PAGE) || DEFAULT_PER_PAGE));
    const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(org.members.length / perPage));
    const link = (p: number) => `<${base}/organizations/${org.id}/members?per_page=${perPage}&page=${p}>`;
    const links = [
      ...(page > 1 ? [`${link(page - 1)}; rel="prev"`] : []),
      ...(page < last ? [`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`] : []),
      ...(page > 1 ? [`${link(1)}; rel="first"`] : []),
    ];
    send(res, 200, org.members.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {});
  };

  const server = createServer((req, res) => {
    req.resume();
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push(`${url.pathname}${url.search}`);
    inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on('close', () => (inFlight -= 1));
    void (async () => {
      if (state.delayMs > 0) await delay(state.delayMs);
      if (state.remaining <= 0) {
        return send(res, 403, {
          message: "API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)",
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
        });
      }
      state.remaining -= 1;
      const byName = /^\/orgs\/([^/]+)\/members$/.exec(url.pathname);
      const byId = /^\/organizations\/(\d+)\/members$/.exec(url.pathname);
      const user = /^\/users\/([^/]+)$/.exec(url.pathname);
      if (byName?.[1] !== undefined) {
        const org = orgs.get(decodeURIComponent(byName[1]).toLowerCase());
        return org ? membersPage(res, org, url.searchParams) : notFound(res, 'orgs/members#list-organization-members');
      }
      if (byId?.[1] !== undefined) {
        const org = [...orgs.values()].find((o) => o.id === Number(byId[1]));
        return org ? membersPage(res, org, url.searchParams) : notFound(res, 'orgs/members#list-organization-members');
      }
      if (user?.[1] !== undefined) {
        const profile = users.get(decodeURIComponent(user[1]));
        return profile ? send(res, 200, profile) : notFound(res, 'users/users#get-a-user');
      }
      notFound(res, 'overview');
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  return {
    apiUrl: base,
    orgs,
    users,
    requests,
    get remaining() {
      return state.remaining;
    },
    set remaining(n: number) {
      state.remaining = n;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    reset() {
      orgs.clear();
      users.clear();
      requests.length = 0;
      state.remaining = Number.POSITIVE_INFINITY;
      state.delayMs = 0;
      state.maxInFlight = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
