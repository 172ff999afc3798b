import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COMPANIES } from '~/sandbox/catalog/companies';
import { boardPostings, companySlug as sandboxSlug, companyTeam, findSandboxCompany, handleSandbox, teamForSlug, type TeamJson } from '~/sandbox';
import { validateNewEvent, type EventData, type EventType, type NewEvent } from '~/shared/events';
import type { ProfileFields } from '~/shared/profile';
import { networkParamsSchema } from '~/shared/sessions/network';
import type { HitlAskOptions } from '~worker/agent-context';
import { findPeople, MAX_NOTES, type NetworkContext } from '~worker/agents/network';
import { SourceError } from '~worker/sources/http';
import {
  companySlug,
  createGitHubPeopleSource,
  createSandboxPeopleSource,
  githubOrgFor,
  nextPageUrl,
  roleFromBio,
  sandboxPostingId,
} from '~worker/sources/people';
import { FAKE_RATE_LIMIT_RESET, githubMember, githubUser, startFakeGitHub, type FakeGitHub } from '../helpers/fake-github';

const TIMEOUT_MS = 2_000;

let github: FakeGitHub;
let sandbox: Server;
let appUrl = '';
const redis = new Redis({ lazyConnect: true });

beforeAll(async () => {
  github = await startFakeGitHub();
  const deps = { appUrl: '', redis, keyPrefix: 'network-test' };
  // The board's own router, as the web server mounts it: the team routes are served for real.
  sandbox = createServer((req, res) => void handleSandbox(req, res, deps));
  await new Promise<void>((resolve) => sandbox.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(sandbox.address() as AddressInfo).port}`;
  deps.appUrl = appUrl;
});

afterAll(async () => {
  await github.close();
  sandbox.closeAllConnections();
  await new Promise<void>((resolve) => sandbox.close(() => resolve()));
  redis.disconnect();
});

beforeEach(() => github.reset());

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

const signal = () => new AbortController().signal;

/** An organisation on the fake GitHub with these members, each with the profile given (null: no profile). */
function org(name: string, id: number, members: { login: string; type?: 'User' | 'Organization' | 'Bot'; profile?: Parameters<typeof githubUser>[1] | null }[]) {
  const list = members.map((m, i) => githubMember(m.login, id * 100 + i, m.type ?? 'User'));
  github.orgs.set(name.toLowerCase(), { id, members: list });
  for (const [i, m] of members.entries()) {
    const member = list[i];
    if (member && m.profile !== null) github.users.set(m.login, githubUser(member, m.profile ?? {}));
  }
}

const githubSource = (name: string, options: Partial<Parameters<typeof createGitHubPeopleSource>[0]> = {}) =>
  createGitHubPeopleSource({ apiUrl: github.apiUrl, org: name, timeoutMs: TIMEOUT_MS, ...options });

describe('GitHub organisation members', () => {
  it('lists the public members who are people, with their names, titles and teams from their profiles', async () => {
    org('acme-labs', 7, [
      { login: 'mona', profile: { name: 'Mona Lisa', company: '@acme-labs', bio: 'Engineering manager @acme-labs · on the Payments team' } },
      { login: 'hubot', type: 'Bot' },
      { login: 'jdoe', profile: { name: 'Jane Doe', bio: 'Senior backend engineer. Go, Postgres.' } },
      { login: 'acme-ops', type: 'Organization' },
      { login: 'octocat', profile: null },
      { login: 'talent-tom', profile: { name: '  ', bio: 'Technical recruiter at Acme Labs' } },
    ]);
    const people = await githubSource('acme-labs').find({ company: 'Acme Labs', signal: signal() });
    expect(people).toEqual([
      {
        name: 'Mona Lisa',
        title: 'Engineering manager',
        team: 'Payments',
        profileUrl: 'https://github.com/mona',
        source: 'github:acme-labs',
        bio: 'Engineering manager @acme-labs · on the Payments team',
        via: 'a public member of the acme-labs GitHub organisation',
      },
      expect.objectContaining({ name: 'Jane Doe', title: 'Senior backend engineer', team: '', profileUrl: 'https://github.com/jdoe' }),
      // No readable profile: the login stands in for the name, and no title is made up.
      expect.objectContaining({ name: 'octocat', title: '', bio: '', profileUrl: 'https://github.com/octocat' }),
      expect.objectContaining({ name: 'talent-tom', title: 'Technical recruiter' }),
    ]);
    expect(github.requests[0]).toBe('/orgs/acme-labs/members?per_page=100');
    expect(github.requests.filter((r) => r.startsWith('/users/')).sort()).toEqual(['/users/jdoe', '/users/mona', '/users/octocat', '/users/talent-tom']);
  });

  it('follows the Link header page by page, up to the page cap', async () => {
    org('big-org', 9, ['a1', 'a2', 'a3', 'a4', 'a5'].map((login) => ({ login, profile: { name: `Person ${login}` } })));
    const all = await githubSource('big-org', { perPage: 2 }).find({ company: 'Big Org', signal: signal() });
    expect(all.map((p) => p.name)).toEqual(['Person a1', 'Person a2', 'Person a3', 'Person a4', 'Person a5']);
    // GitHub's next links point at /organizations/{id}/members; they are followed as given.
    expect(github.requests.filter((r) => r.includes('/members'))).toEqual([
      '/orgs/big-org/members?per_page=2',
      '/organizations/9/members?per_page=2&page=2',
      '/organizations/9/members?per_page=2&page=3',
    ]);
    github.requests.length = 0;
    const capped = await githubSource('big-org', { perPage: 2, maxPages: 2 }).find({ company: 'Big Org', signal: signal() });
    expect(capped).toHaveLength(4);
  });

  it('reads a few profiles at a time, and no more than the cap', async () => {
    org('wide', 3, Array.from({ length: 10 }, (_, i) => ({ login: `m${i}`, profile: { name: `Member ${i}` } })));
    github.delayMs = 40;
    const people = await githubSource('wide', { maxProfiles: 4, concurrency: 2 }).find({ company: 'Wide', signal: signal() });
    expect(people).toHaveLength(10);
    expect(people.filter((p) => p.name.startsWith('Member '))).toHaveLength(4);
    expect(github.requests.filter((r) => r.startsWith('/users/'))).toHaveLength(4);
    expect(github.maxInFlight).toBe(2);
  });

  it('says in the user’s words that an organisation does not exist', async () => {
    const err = await failure(githubSource('no-such-org').find({ company: 'No Such Org', signal: signal() }));
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).kind).toBe('not_found');
    expect((err as SourceError).message).toBe("no GitHub organisation 'no-such-org'; check the name");
  });

  it('says when GitHub’s rate limit is used up, and when it resets', async () => {
    org('acme-labs', 7, [{ login: 'mona', profile: { name: 'Mona Lisa' } }]);
    github.remaining = 0;
    const err = await failure(githubSource('acme-labs').find({ company: 'Acme Labs', signal: signal() }));
    expect(err).toBeInstanceOf(SourceError);
    const reset = new Date(FAKE_RATE_LIMIT_RESET * 1000).toISOString().slice(11, 16);
    expect((err as SourceError).message).toBe(`GitHub's rate limit for this server is used up (60 requests an hour without a token): try again after ${reset} UTC`);
  });

  it('keeps the members found when the rate limit runs out during profile reads, and stops reading', async () => {
    org('acme-labs', 7, Array.from({ length: 8 }, (_, i) => ({ login: `u${i}`, profile: { name: `User ${i}` } })));
    github.remaining = 3; // the members list and two profiles
    const people = await githubSource('acme-labs', { concurrency: 1 }).find({ company: 'Acme Labs', signal: signal() });
    expect(people.map((p) => p.name)).toEqual(['User 0', 'User 1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7']);
    // One refused profile read, then no more.
    expect(github.requests.filter((r) => r.startsWith('/users/'))).toEqual(['/users/u0', '/users/u1', '/users/u2']);
  });

  it('gives up on a slow GitHub with a timeout the user can act on', async () => {
    org('slow', 4, [{ login: 'a' }]);
    github.delayMs = 500;
    const err = await failure(githubSource('slow', { timeoutMs: 100 }).find({ company: 'Slow', signal: signal() }));
    expect((err as SourceError).message).toBe('GitHub did not answer within 100 ms: try again later, or raise SOURCE_TIMEOUT_MS');
  });

  it('follows next links only on the API’s own origin', () => {
    const api = 'https://api.github.com';
    expect(nextPageUrl('<https://api.github.com/organizations/1/members?page=2>; rel="next", <https://api.github.com/organizations/1/members?page=5>; rel="last"', api)).toBe(
      'https://api.github.com/organizations/1/members?page=2',
    );
    expect(nextPageUrl('<https://api.github.com/organizations/1/members?page=1>; rel="prev"', api)).toBeNull();
    expect(nextPageUrl('<https://evil.example/steal?page=2>; rel="next"', api)).toBeNull();
    expect(nextPageUrl(null, api)).toBeNull();
  });

  it('reads a role and a team from a bio, and nothing from a bio without one', () => {
    expect(roleFromBio('Engineering manager @acme · on the Payments team')).toEqual({ title: 'Engineering manager', team: 'Payments' });
    expect(roleFromBio('Staff SRE at Acme. Runner, baker.')).toEqual({ title: 'Staff SRE', team: '' });
    expect(roleFromBio('Coffee, cats and open source')).toEqual({ title: '', team: '' });
  });

  it('guesses the organisation from the company name unless one is given', () => {
    expect(githubOrgFor('Northwind Labs')).toBe('northwind-labs');
    expect(githubOrgFor('Northwind Labs', 'northwind')).toBe('northwind');
    expect(githubOrgFor('!!!')).toBeNull();
  });
});

describe('the sandbox team pages', () => {
  it('generates the same people every time, with recruiters, managers and engineers of several levels on the postings’ teams', () => {
    for (const company of COMPANIES) {
      const team = companyTeam(company, boardPostings());
      expect(companyTeam(company, boardPostings())).toEqual(team);
      const titles = team.people.map((p) => p.title);
      expect(titles.filter((t) => /recruit|talent/i.test(t)).length).toBeGreaterThanOrEqual(2);
      for (const opening of team.openings) {
        const onTeam = team.people.filter((p) => p.team === opening.team);
        expect(onTeam.some((p) => /manager|head of|lead,|director/i.test(p.title))).toBe(true);
        expect(onTeam.length).toBeGreaterThanOrEqual(3);
      }
      expect(new Set(titles.filter((t) => /engineer|developer/i.test(t)).map((t) => /^(Junior|Senior|Staff|Lead)\b/.exec(t)?.[1] ?? 'mid')).size).toBeGreaterThanOrEqual(2);
      expect(new Set(team.people.map((p) => p.id)).size).toBe(team.people.length);
      // The worker addresses team pages by the same slug.
      expect(companySlug(company.name)).toBe(sandboxSlug(company.name));
    }
    expect(findSandboxCompany('northwind')?.name).toBe('Northwind Labs');
    expect(findSandboxCompany('no-such-company')).toBeUndefined();
  });

  it('serves the team as JSON with public profile links and never a contact detail', async () => {
    const res = await fetch(`${appUrl}/sandbox/api/companies/acme-analytics/team`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text) as TeamJson;
    expect(body.company).toBe('Acme Analytics');
    expect(body.url).toBe(`${appUrl}/sandbox/companies/acme-analytics/team`);
    for (const p of body.people) {
      expect(Object.keys(p).sort()).toEqual(['id', 'name', 'profileUrl', 'team', 'title']);
      expect(p.profileUrl).toBe(`${body.url}#${p.id}`);
    }
    expect(body.openings.length).toBeGreaterThan(0);
    expect(body.openings[0]?.url).toBe(`${appUrl}/sandbox/jobs/${body.openings[0]?.id}`);
    expect(text).not.toMatch(/@|mailto:|tel:|\+\d{6,}|\b\d{3}[\s.-]\d{3,4}[\s.-]\d{4}\b/);
    const missing = await fetch(`${appUrl}/sandbox/api/companies/no-such-company/team`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no company no-such-company on the sandbox board' });
  });

  it('serves the same people as a page, each with an anchor to link to', async () => {
    const team = teamForSlug('acme-analytics');
    const res = await fetch(`${appUrl}/sandbox/companies/acme-analytics/team`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<h1>Meet the team at Acme Analytics</h1>');
    for (const p of team?.people ?? []) expect(html).toContain(`<li class="person" id="${p.id}">`);
    expect((await fetch(`${appUrl}/sandbox/companies/no-such-company/team`)).status).toBe(404);
  });

  it('the client reads people and the team of a posting from one request', async () => {
    const client = createSandboxPeopleSource({ appUrl, timeoutMs: TIMEOUT_MS });
    const people = await client.find({ company: 'Acme Analytics', signal: signal() });
    const team = teamForSlug('acme-analytics');
    expect(people.map((p) => p.name)).toEqual(team?.people.map((p) => p.name));
    expect(people[0]).toMatchObject({ source: 'sandbox', via: "on Acme Analytics's team page", bio: '' });
    const posting = team?.openings[0];
    const opening = await client.opening('Acme Analytics', `${appUrl}/sandbox/jobs/${posting?.id}/apply`, signal());
    expect(opening).toMatchObject({ id: posting?.id, title: posting?.title, team: posting?.team });
    expect(await client.opening('Acme Analytics', 'https://boards.greenhouse.io/acme/jobs/1', signal())).toBeNull();
    expect(sandboxPostingId(appUrl, `${appUrl}/sandbox/jobs/1023`)).toBe('1023');
    expect(sandboxPostingId(appUrl, 'https://elsewhere.example/sandbox/jobs/1023')).toBeNull();
  });

  it('says which company the board does not have', async () => {
    const client = createSandboxPeopleSource({ appUrl, timeoutMs: TIMEOUT_MS });
    const err = await failure(client.find({ company: 'Nowhere Inc', signal: signal() }));
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).message).toBe("the sandbox board has no company called 'Nowhere Inc'; check the name (its companies are listed at /sandbox)");
  });
});

describe('the network agent', () => {
  interface Emitted {
    type: EventType;
    message: string;
    data: unknown;
  }
  interface Asked {
    question: string;
    context: string;
    options: string[];
    opts: HitlAskOptions;
  }

  const PROFILE: ProfileFields = {
    name: 'Ada Lovelace',
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    phone: '+44 20 7946 0000',
    location: 'London, United Kingdom',
    linkedinUrl: '',
    githubUrl: '',
    websiteUrl: '',
    currentCompany: 'Analytical Engines Ltd',
    yearsOfExperience: 9,
    workAuthorization: 'yes',
    requiresSponsorship: 'no',
    desiredSalary: '',
    earliestStartDate: null,
    resumeText:
      'Ada Lovelace\nSenior Backend Engineer — Analytical Engines Ltd, 2019 – present\n- Built payment APIs in Python and Django on PostgreSQL\n- Ran Redis caches and Docker deployments',
    jobSources: [],
    savedAnswers: [],
  };

  /** A context whose questions are answered from `answers` in turn; undefined plays a timeout (the default). */
  function agentContext(params: Record<string, string>, answers: (string | undefined)[]) {
    const events: Emitted[] = [];
    const asked: Asked[] = [];
    const ctx: NetworkContext = {
      params: networkParamsSchema.parse(params),
      profile: PROFILE,
      llm: null,
      settings: { GITHUB_API_URL: github.apiUrl, SOURCE_TIMEOUT_MS: TIMEOUT_MS },
      appUrl,
      signal: signal(),
      emit: (type, message, data) => {
        // What the event log checks at publish: a payload it would refuse fails here too.
        validateNewEvent({ runId: 'run_networktest1', type, agent: 'network', message, data } as NewEvent);
        events.push({ type, message, data });
        return Promise.resolve();
      },
      hitl: {
        ask: (question, context, options, opts) => {
          asked.push({ question, context, options, opts });
          const answer = answers.shift();
          return Promise.resolve(
            answer === undefined
              ? { answer: opts.default, by: 'timeout' as const, savedToProfile: false, file: null }
              : { answer, by: 'human' as const, savedToProfile: false, file: null },
          );
        },
      },
      pace: () => Promise.resolve(),
      pausePoint: () => Promise.resolve(),
    };
    return { ctx, events, asked };
  }

  const dataOf = <T extends EventType>(events: Emitted[], type: T) => events.find((e) => e.type === type)?.data as EventData<T>;

  it('searches every source, ranks the people, and has each note approved, edited or skipped; nothing is sent', async () => {
    const team = teamForSlug('acme-analytics');
    const posting = team?.openings.find((o) => /backend/i.test(o.title) && !/junior/i.test(o.title));
    if (!team || !posting) throw new Error('the board has no backend posting at Acme Analytics');
    org('acme-analytics', 11, [
      { login: 'jdoe', profile: { name: 'Jane Doe', bio: `Backend engineer on the ${posting.team} team` } },
      { login: 'octocat', profile: null },
    ]);
    const { ctx, events, asked } = agentContext(
      { company: 'Acme Analytics', jobUrl: `${appUrl}/sandbox/jobs/${posting.id}` },
      ['approve', 'edit', 'Hi there, my own words.', 'skip', 'approve', undefined],
    );
    const outcome = await findPeople(ctx);

    expect(events.map((e) => e.type)).toEqual(['network_start', 'network_searching', 'network_searching', 'network_found', 'network_complete']);
    expect(dataOf(events, 'network_start')).toEqual({ company: 'Acme Analytics', role: null, sources: ['sandbox', 'github:acme-analytics'] });
    const searching = events.filter((e) => e.type === 'network_searching');
    expect(searching.map((e) => e.data)).toEqual([
      { company: 'Acme Analytics', source: 'sandbox', found: team.people.length },
      { company: 'Acme Analytics', source: 'github:acme-analytics', found: 2 },
    ]);
    expect(searching[0]?.message).toBe(`sandbox: ${team.people.length} people at Acme Analytics`);

    const { contacts } = dataOf(events, 'network_found');
    expect(contacts.length).toBeLessThanOrEqual(8);
    expect(contacts.slice(0, 2).map((c) => c.relation)).toEqual(['recruiter', 'recruiter']);
    const manager = contacts.find((c) => c.relation === 'hiring_manager');
    expect(manager?.team).toBe(posting.team);
    expect(manager?.why).toContain(`Leads the ${posting.team} team, where the ${posting.title} opening sits`);
    const peers = contacts.filter((c) => c.relation === 'peer');
    expect(peers.length).toBeGreaterThan(0);
    expect(peers.every((c) => c.team === posting.team || /backend|software/i.test(c.title))).toBe(true);
    expect(contacts.find((c) => c.name === 'Jane Doe')).toMatchObject({ relation: 'peer', source: 'github:acme-analytics', profileUrl: 'https://github.com/jdoe' });

    // Five reviews, one of them edited through a second, free-text question.
    expect(asked).toHaveLength(MAX_NOTES + 1);
    expect(asked[0]?.options).toEqual(['approve', 'edit', 'skip']);
    expect(asked[0]?.opts.default).toBe('skip');
    expect(asked[0]?.question).toBe(`Outreach note to ${contacts[0]?.name} (recruiter, ${contacts[0]?.title}): approve it, edit it, or skip this person?`);
    expect(asked[0]?.context).toContain(`Hi ${contacts[0]?.name.split(' ')[0]},`);
    expect(asked[0]?.context).toContain('Nothing is sent: you copy the note yourself.');
    expect(asked[2]?.options).toEqual([]);
    expect(asked[2]?.opts.default).toBeNull();

    const complete = dataOf(events, 'network_complete');
    expect(complete.contacts).toBe(contacts.length);
    expect(complete.notes.map((n) => n.status)).toEqual(['approved', 'edited', 'skipped', 'approved', 'skipped']);
    expect(complete.notes.map((n) => n.name)).toEqual(contacts.slice(0, MAX_NOTES).map((c) => c.name));
    expect(complete.notes[1]?.note).toBe('Hi there, my own words.');
    expect(complete.notes[0]?.note).toContain("I'm Ada Lovelace, a Senior Backend Engineer at Analytical Engines Ltd.");
    expect(complete.notes[0]?.note).toContain(posting.title);
    expect(outcome.outcome).toBe('completed');
    expect(outcome.summary).toBe(
      `${contacts.length} people at Acme Analytics worth contacting about the ${posting.title} role; notes: 2 approved, 1 edited, 2 skipped. Nothing was sent.`,
    );
  });

  it('reports a failing source in the user’s words and goes on with the others', async () => {
    const { ctx, events } = agentContext({ company: 'Northwind Labs', role: 'Frontend Engineer', githubOrg: 'northwind' }, []);
    const outcome = await findPeople(ctx);
    const searching = events.filter((e) => e.type === 'network_searching');
    expect(searching.map((e) => e.message)).toEqual([
      `sandbox: ${teamForSlug('northwind-labs')?.people.length} people at Northwind Labs`,
      "github:northwind: no GitHub organisation 'northwind'; check the name",
    ]);
    expect(dataOf(events, 'network_start').role).toBe('Frontend Engineer');
    expect(dataOf(events, 'network_found').contacts.length).toBeGreaterThan(0);
    // Nobody answered: every note is skipped, and none is kept as approved.
    expect(dataOf(events, 'network_complete').notes.every((n) => n.status === 'skipped')).toBe(true);
    expect(outcome.outcome).toBe('completed');
    for (const e of events) expect(e.message).not.toMatch(/Error|ECONN|stack|undefined|\bat \w+ \(/);
  });

  it('ends as nobody_found when no source knows the company', async () => {
    github.remaining = 0;
    const { ctx, events, asked } = agentContext({ company: 'Nowhere Inc' }, []);
    const outcome = await findPeople(ctx);
    expect(events.map((e) => e.type)).toEqual(['network_start', 'network_searching', 'network_searching', 'network_found', 'network_complete']);
    expect(events[2]?.message).toMatch(/^github:nowhere-inc: GitHub's rate limit for this server is used up/);
    expect(dataOf(events, 'network_found')).toEqual({ company: 'Nowhere Inc', contacts: [] });
    expect(dataOf(events, 'network_complete')).toEqual({ contacts: 0, notes: [] });
    expect(asked).toHaveLength(0);
    expect(outcome.outcome).toBe('nobody_found');
    expect(outcome.summary).toMatch(/^Nobody found at Nowhere Inc: no source could be read \(the sandbox board has no company called 'Nowhere Inc'/);
  });
});
