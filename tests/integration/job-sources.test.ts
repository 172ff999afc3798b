import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateNewEvent, type EventType, type NewEvent } from '~/shared/events';
import { pipelineParamsSchema, type PipelineParamsInput } from '~/shared/pipeline';
import type { ProfileFields } from '~/shared/profile';
import { scout, type ScoutContext } from '~worker/agents/scout';
import { dedupePostings, normalizeCompany, normalizeLocation, normalizeTitle } from '~worker/sources/dedupe';
import { createGreenhouseClient } from '~worker/sources/greenhouse';
import { fetchJson, SOURCE_USER_AGENT, SourceError } from '~worker/sources/http';
import { planSources } from '~worker/sources/index';
import { createLeverClient } from '~worker/sources/lever';
import { createSandboxClient } from '~worker/sources/sandbox';
import type { JobPosting, JobSourceClient } from '~worker/sources/types';
import {
  greenhouseJob,
  leverPosting,
  sandboxJob,
  startFakeJobBoards,
  type FakeJobBoards,
} from '../helpers/fake-job-boards';

const TIMEOUT_MS = 2_000;
const SLOW_MS = 5_000;

let boards: FakeJobBoards;

beforeAll(async () => {
  boards = await startFakeJobBoards();
});

afterAll(async () => {
  await boards.close();
});

beforeEach(() => {
  boards.greenhouse.clear();
  boards.lever.clear();
  boards.sandbox = { jobs: [] };
  boards.requests.length = 0;
});

const greenhouse = (board: string, timeoutMs = TIMEOUT_MS) =>
  createGreenhouseClient({ apiUrl: boards.greenhouseApiUrl, board, timeoutMs });
const lever = (site: string, timeoutMs = TIMEOUT_MS) => createLeverClient({ apiUrl: boards.leverApiUrl, site, timeoutMs });
const sandbox = (timeoutMs = TIMEOUT_MS) => createSandboxClient({ appUrl: boards.appUrl, timeoutMs });

function search(client: JobSourceClient, query = '', location = '', limit = 100, signal = new AbortController().signal) {
  return client.search({ query, location, limit, signal });
}

/** The error a search failed with, so its class and message can both be checked. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the search to fail');
}

const titles = (postings: readonly JobPosting[]) => postings.map((p) => p.title);

describe('Greenhouse', () => {
  it('maps every field and reads the escaped HTML content as plain text', async () => {
    const html =
      '<h2>About the role</h2><p>Build &amp; run our <strong>Python</strong> services &mdash; at scale.</p>' +
      '<ul><li>5+ years of Python</li><li>PostgreSQL &amp; Redis</li></ul>' +
      '<p>Write &lt;code&gt; daily. Salary&nbsp;range: &euro;80k. It&#39;s great &#x1F680;</p><script>alert(1)</script>';
    boards.greenhouse.set('acme', {
      name: 'Acme (board name)',
      jobs: [
        greenhouseJob('acme', {
          id: 4012345,
          title: 'Senior Python Engineer',
          company_name: 'Acme Robotics',
          locationName: 'Berlin, Germany',
          first_published: '2024-04-20T09:00:00-04:00',
          html,
        }),
      ],
    });

    const [posting, ...rest] = await search(greenhouse('acme'));

    expect(rest).toEqual([]);
    expect(posting).toEqual({
      source: 'greenhouse',
      sourceId: '4012345',
      title: 'Senior Python Engineer',
      company: 'Acme Robotics',
      location: 'Berlin, Germany',
      remote: false,
      url: 'https://boards.greenhouse.io/acme/jobs/4012345',
      applyUrl: 'https://boards.greenhouse.io/acme/jobs/4012345',
      description:
        'About the role\nBuild & run our Python services — at scale.\n- 5+ years of Python\n- PostgreSQL & Redis\n' +
        "Write <code> daily. Salary range: €80k. It's great 🚀",
      salary: null,
      postedAt: '2024-04-20T13:00:00.000Z',
    } satisfies JobPosting);
    // company_name was there: the board's name was not needed.
    expect(boards.requests.map((r) => r.url)).toEqual(['/v1/boards/acme/jobs?content=true']);
    expect(boards.requests[0]?.headers['user-agent']).toBe(SOURCE_USER_AGENT);
  });

  it('names the company from the board, asked once, or from its token when the board will not say', async () => {
    boards.greenhouse.set('initech', { name: 'Initech', jobs: [greenhouseJob('initech', { id: 1, title: 'QA Engineer' })] });
    boards.greenhouse.set('acme-robotics', { name: null, jobs: [greenhouseJob('acme-robotics', { id: 2, title: 'QA Engineer' })] });
    // Neither job has company_name (older answers do not) nor first_published.
    const initech = greenhouse('initech');
    expect((await search(initech))[0]?.company).toBe('Initech');
    expect((await search(initech))[0]?.company).toBe('Initech');
    expect(boards.requests.filter((r) => r.url === '/v1/boards/initech')).toHaveLength(1);

    const [acme] = await search(greenhouse('acme-robotics'));
    expect(acme?.company).toBe('Acme Robotics');
    expect(acme?.postedAt).toBe('2024-05-02T15:15:04.000Z'); // updated_at, in UTC
  });

  it('keeps postings whose title or text has every query word, in the wanted place', async () => {
    boards.greenhouse.set('globex', {
      name: 'Globex',
      jobs: [
        greenhouseJob('globex', { id: 1, title: 'Senior Python Developer', locationName: 'Berlin, Germany', html: '<p>Django and PostgreSQL.</p>' }),
        greenhouseJob('globex', { id: 2, title: 'Backend Engineer', locationName: 'Remote', html: '<p>We use <b>Python</b> and Go.</p>' }),
        greenhouseJob('globex', { id: 3, title: 'Go Developer', locationName: 'New York, NY', html: '<p>Microservices.</p>' }),
        greenhouseJob('globex', { id: 4, title: 'Frontend Engineer', locationName: 'Remote - Berlin', html: '<p>React for our engineers.</p>' }),
        greenhouseJob('globex', { id: 5, title: 'Data Engineer', locationName: 'Remote - US', html: '<p>Python pipelines.</p>' }),
        greenhouseJob('globex', { id: 6, title: 'Site Reliability Engineer', locationName: 'Zürich', html: '<p>Google Cloud.</p>' }),
      ],
    });
    const client = greenhouse('globex');

    expect(titles(await search(client, 'python'))).toEqual(['Senior Python Developer', 'Backend Engineer', 'Data Engineer']);
    expect(titles(await search(client, 'PYTHON developer'))).toEqual(['Senior Python Developer']);
    // Whole words: "go" is not in "Google".
    expect(titles(await search(client, 'go'))).toEqual(['Backend Engineer', 'Go Developer']);
    expect(titles(await search(client, 'engineer', 'remote'))).toEqual(['Backend Engineer', 'Frontend Engineer', 'Data Engineer']);
    // A remote posting matches a city only when it names that city.
    expect(titles(await search(client, '', 'Berlin'))).toEqual(['Senior Python Developer', 'Frontend Engineer']);
    expect(titles(await search(client, '', 'berlin, germany'))).toEqual(['Senior Python Developer', 'Frontend Engineer']);
    expect(titles(await search(client, '', 'Zurich'))).toEqual(['Site Reliability Engineer']);
    expect(await search(client, '', 'Anywhere')).toHaveLength(6);
    expect(titles(await search(client, '', '', 2))).toEqual(['Senior Python Developer', 'Backend Engineer']);

    const remote = await search(client, '', 'remote');
    expect(remote.every((p) => p.remote)).toBe(true);
    expect(remote).toHaveLength(3);
  });

  it('says which board does not exist and what to do', async () => {
    const err = await failure(search(greenhouse('acme')));
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).kind).toBe('not_found');
    expect((err as SourceError).message).toBe("Greenhouse board 'acme' not found (HTTP 404): check the board name in your profile");
  });
});

describe('Lever', () => {
  it('maps every field: company from the site, lists in the text, salary per year', async () => {
    boards.lever.set('acme-robotics', {
      postings: [
        leverPosting('acme-robotics', {
          id: 'b7c9e0d2-1f3a-4c5b-9d8e-7f6a5b4c3d2e',
          text: 'Sr. Backend Engineer',
          categories: { commitment: 'Full-time', department: 'Engineering', location: 'Berlin', team: 'Platform', allLocations: ['Berlin', 'Hamburg'] },
          description: '<div><b>Acme Robotics</b> builds warehouse robots.</div>',
          descriptionPlain: 'Acme Robotics builds warehouse robots.\n',
          lists: [
            { text: "What you'll do", content: '<li>Design Python &amp; Go services</li><li>Own PostgreSQL schemas</li>' },
            { text: 'What you bring', content: '<li>5+ years of backend experience</li>' },
          ],
          additional: '<div>We offer 30 days of vacation.</div>',
          additionalPlain: 'We offer 30 days of vacation.',
          workplaceType: 'hybrid',
          salaryRange: { currency: 'eur', interval: 'per-year-salary', min: 80_000, max: 95_000 },
          createdAt: Date.UTC(2024, 3, 28, 9, 30),
        }),
      ],
    });

    const [posting, ...rest] = await search(lever('acme-robotics'));

    expect(rest).toEqual([]);
    expect(posting).toEqual({
      source: 'lever',
      sourceId: 'b7c9e0d2-1f3a-4c5b-9d8e-7f6a5b4c3d2e',
      title: 'Sr. Backend Engineer',
      company: 'Acme Robotics',
      location: 'Berlin',
      remote: false,
      url: 'https://jobs.lever.co/acme-robotics/b7c9e0d2-1f3a-4c5b-9d8e-7f6a5b4c3d2e',
      applyUrl: 'https://jobs.lever.co/acme-robotics/b7c9e0d2-1f3a-4c5b-9d8e-7f6a5b4c3d2e/apply',
      description:
        "Acme Robotics builds warehouse robots.\nWhat you'll do\n- Design Python & Go services\n- Own PostgreSQL schemas\n" +
        'What you bring\n- 5+ years of backend experience\nWe offer 30 days of vacation.',
      salary: { min: 80_000, max: 95_000, currency: 'EUR' },
      postedAt: '2024-04-28T09:30:00.000Z',
    } satisfies JobPosting);
    expect(boards.requests.map((r) => r.url)).toEqual(['/v0/postings/acme-robotics?mode=json']);
    expect(boards.requests[0]?.headers['user-agent']).toBe(SOURCE_USER_AGENT);
  });

  it('tells remote postings by workplace type or location, and matches every location listed', async () => {
    boards.lever.set('initech', {
      postings: [
        leverPosting('initech', { id: 'a1', text: 'Platform Engineer', workplaceType: 'remote', categories: { location: 'United States' } }),
        leverPosting('initech', { id: 'a2', text: 'Support Engineer', workplaceType: 'unspecified', categories: { location: 'Remote, Europe' } }),
        leverPosting('initech', {
          id: 'a3',
          text: 'Contract Engineer',
          workplaceType: 'on-site',
          categories: { location: 'London', allLocations: ['London', 'Hamburg'] },
          salaryRange: { currency: 'GBP', interval: 'per-hour-wage', min: 50, max: 60 },
        }),
        leverPosting('initech', {
          id: 'a4',
          text: 'Bounty Hunter',
          categories: { location: 'Hamburg' },
          salaryRange: { currency: 'USD', interval: 'one-time', min: 500, max: 1000 },
        }),
      ],
    });
    const client = lever('initech');

    const all = await search(client);
    expect(all.map((p) => [p.sourceId, p.remote])).toEqual([['a1', true], ['a2', true], ['a3', false], ['a4', false]]);
    expect(all[2]?.salary).toEqual({ min: 104_000, max: 124_800, currency: 'GBP' });
    expect(all[3]?.salary).toBeNull();
    expect(all[0]?.company).toBe('Initech');

    expect((await search(client, '', 'Remote')).map((p) => p.sourceId)).toEqual(['a1', 'a2']);
    expect((await search(client, '', 'Hamburg')).map((p) => p.sourceId)).toEqual(['a3', 'a4']);
    expect((await search(client, 'engineer', 'Hamburg', 100)).map((p) => p.sourceId)).toEqual(['a3']);
    expect((await search(client, '', '', 3)).map((p) => p.sourceId)).toEqual(['a1', 'a2', 'a3']);
  });

  it('says which site does not exist and what to do', async () => {
    const err = await failure(search(lever('nope')));
    expect(err).toBeInstanceOf(SourceError);
    expect((err as Error).message).toBe("Lever site 'nope' not found (HTTP 404): check the Lever site name in your profile");
  });
});

describe('sandbox', () => {
  it('asks the board to search and maps its jobs', async () => {
    boards.sandbox = {
      jobs: [
        sandboxJob(boards.appUrl, { id: 's1', title: 'Python Developer', company: 'Blue Harbor', location: 'Berlin', remote: false, currency: 'EUR' }),
        sandboxJob(boards.appUrl, { id: 's2', title: 'Senior Python Developer' }),
      ],
    };

    const postings = await search(sandbox(), 'python developer', 'Berlin', 10);

    expect(boards.requests.map((r) => r.url)).toEqual(['/sandbox/api/jobs?q=python+developer&location=Berlin&limit=10']);
    expect(postings[0]).toEqual({
      source: 'sandbox',
      sourceId: 's1',
      title: 'Python Developer',
      company: 'Blue Harbor',
      location: 'Berlin',
      remote: false,
      url: `${boards.appUrl}/sandbox/jobs/s1`,
      applyUrl: `${boards.appUrl}/sandbox/jobs/s1/apply`,
      description: 'Northwind Labs is hiring a Python Developer.',
      salary: { min: 90_000, max: 115_000, currency: 'EUR' },
      postedAt: '2024-05-01T08:00:00.000Z',
    } satisfies JobPosting);
    expect(postings).toHaveLength(2);
  });

  it('keeps to the limit even when the board sends more', async () => {
    const jobs = ['a', 'b', 'c'].map((id) => sandboxJob(boards.appUrl, { id, title: 'Engineer' }));
    boards.sandbox = { jobs, rawBody: JSON.stringify({ jobs, total: 3, page: 1 }) };
    expect(await search(sandbox(), 'engineer', '', 2)).toHaveLength(2);
  });
});

describe('a failing source', () => {
  it('times out with a message that says so and what to do', async () => {
    boards.greenhouse.set('slow', { name: 'Slow', delayMs: SLOW_MS, jobs: [greenhouseJob('slow', { id: 1, title: 'Engineer' })] });
    const started = Date.now();
    const err = await failure(search(greenhouse('slow', 300)));
    expect(Date.now() - started).toBeLessThan(SLOW_MS / 2);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).kind).toBe('timeout');
    expect((err as Error).message).toBe("Greenhouse board 'slow' did not answer within 300 ms: try again later, or raise SOURCE_TIMEOUT_MS");
  });

  it('reports a body that is not JSON, or JSON of another shape', async () => {
    boards.greenhouse.set('broken', { name: 'Broken', rawBody: '{"jobs": [{"id": 1,', jobs: [] });
    boards.greenhouse.set('html', { name: 'Html', rawBody: '<!doctype html><title>Oops</title>', jobs: [] });
    boards.lever.set('odd', { rawBody: JSON.stringify({ postings: [] }), postings: [] });
    boards.sandbox = { rawBody: JSON.stringify({ jobs: [{ id: 'x', title: 'Engineer' }], total: 1 }), jobs: [] };

    expect((await failure(search(greenhouse('broken')))) as Error).toMatchObject({
      kind: 'not_json',
      message: "Greenhouse board 'broken' sent a response that is not JSON: check that GREENHOUSE_API_URL points at the job board API",
    });
    expect(((await failure(search(greenhouse('html')))) as Error).message).toContain('sent an HTML page instead of JSON');
    expect((await failure(search(lever('odd')))) as Error).toMatchObject({
      kind: 'malformed',
      message: expect.stringMatching(/^Lever site 'odd' sent JSON in an unexpected shape \(.+\): check that LEVER_API_URL points/) as unknown,
    });
    expect(((await failure(search(sandbox()))) as Error).message).toMatch(
      /^The sandbox job board sent JSON in an unexpected shape \(jobs\.0\.company: .+\)/,
    );
  });

  it('reports an HTTP error and an unreachable server', async () => {
    boards.lever.set('down', { status: 503, postings: [] });
    expect(((await failure(search(lever('down')))) as Error).message).toBe(
      "Lever site 'down' answered HTTP 503: the service is busy or failing; try again later",
    );

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = createLeverClient({ apiUrl: `http://127.0.0.1:${port}/v0/postings`, site: 'acme', timeoutMs: TIMEOUT_MS });
    expect(((await failure(search(unreachable))) as Error).message).toBe(
      "Lever site 'acme' could not be reached (it refused the connection): check the network and LEVER_API_URL",
    );
  });

  it('stops reading a response past the size cap', async () => {
    const jobs = Array.from({ length: 50 }, (_, i) => greenhouseJob('big', { id: i + 1, title: 'Engineer', html: `<p>${'x'.repeat(2000)}</p>` }));
    boards.greenhouse.set('big', { name: 'Big', jobs });
    const subject = { name: "Greenhouse board 'big'", notFoundHint: 'check the board name', setting: 'GREENHOUSE_API_URL' };
    const request = { signal: new AbortController().signal, timeoutMs: TIMEOUT_MS, subject };

    const err = await failure(fetchJson(`${boards.greenhouseApiUrl}/big/jobs?content=true`, z.unknown(), { ...request, maxBytes: 10_000 }));
    expect(err).toMatchObject({ kind: 'too_large', message: expect.stringContaining("Greenhouse board 'big' sent more than") as unknown });
    await expect(fetchJson(`${boards.greenhouseApiUrl}/big/jobs?content=true`, z.unknown(), request)).resolves.toBeTruthy();
  });

  it('gives up at once when the run is stopped, with the stop as the reason', async () => {
    boards.greenhouse.set('slow', { name: 'Slow', delayMs: SLOW_MS, jobs: [] });
    const controller = new AbortController();
    const stop = new Error('run stopped by the user');
    setTimeout(() => controller.abort(stop), 100);
    const started = Date.now();

    const err = await failure(search(greenhouse('slow', 10_000), '', '', 100, controller.signal));

    expect(err).toBe(stop);
    expect(Date.now() - started).toBeLessThan(SLOW_MS / 2);
    // Already stopped: nothing is asked.
    boards.requests.length = 0;
    expect(await failure(search(greenhouse('slow'), '', '', 100, controller.signal))).toBe(stop);
    expect(boards.requests).toEqual([]);
  });
});

describe('duplicates', () => {
  it('keeps one posting per job across Greenhouse, Lever and the sandbox', async () => {
    boards.greenhouse.set('acme-robotics', {
      name: 'Acme Robotics',
      jobs: [
        greenhouseJob('acme-robotics', { id: 1, title: 'Senior Backend Engineer', company_name: 'Acme Robotics, Inc.', locationName: 'Berlin, Germany' }),
        greenhouseJob('acme-robotics', { id: 2, title: 'Junior Backend Engineer', company_name: 'Acme Robotics, Inc.', locationName: 'Berlin, Germany' }),
        greenhouseJob('acme-robotics', { id: 3, title: 'Data Engineer', company_name: 'Acme Robotics, Inc.', locationName: 'Remote' }),
      ],
    });
    boards.lever.set('acme-robotics', {
      postings: [
        leverPosting('acme-robotics', { id: 'l1', text: 'Sr. Backend Engineer', categories: { location: 'Berlin' } }),
        leverPosting('acme-robotics', { id: 'l2', text: 'Jr Backend Engineer', categories: { location: 'berlin' } }),
        leverPosting('acme-robotics', { id: 'l3', text: 'Platform Engineer', categories: { location: 'Remote' } }),
      ],
    });
    boards.sandbox = {
      jobs: [
        sandboxJob(boards.appUrl, { id: 's1', title: 'Senior Backend Engineer', company: 'ACME Robotics', location: 'Berlin' }),
        // The same form as Lever's l3, whatever the title says.
        sandboxJob(boards.appUrl, { id: 's2', title: 'Platform Engineer II', company: 'Acme', applyUrl: 'https://jobs.lever.co/acme-robotics/l3/apply#form' }),
        sandboxJob(boards.appUrl, { id: 's3', title: 'Frontend Engineer', company: 'Northwind Labs' }),
      ],
    };

    // Sandbox first, to show that the order they come in does not decide which copy is kept.
    const found = [
      ...(await search(sandbox())),
      ...(await search(lever('acme-robotics'))),
      ...(await search(greenhouse('acme-robotics'))),
    ];
    const { postings, duplicatesRemoved } = dedupePostings(found);

    expect(duplicatesRemoved).toBe(4);
    expect(postings.map((p) => `${p.source}:${p.sourceId}`)).toEqual(['greenhouse:1', 'greenhouse:2', 'greenhouse:3', 'lever:l3', 'sandbox:s3']);
  });

  it('sets spelling aside but keeps what makes two jobs different', () => {
    expect(normalizeTitle('Sr. Software Engineer II')).toBe(normalizeTitle('senior software engineer 2'));
    expect(normalizeTitle('Sr. Software Engineer')).not.toBe(normalizeTitle('Jr. Software Engineer'));
    expect(normalizeTitle('C++ Developer')).not.toBe(normalizeTitle('C# Developer'));
    expect(normalizeTitle('R&D Engineer')).toBe(normalizeTitle('R and D Engineer'));
    expect(normalizeCompany('Acme Robotics GmbH')).toBe(normalizeCompany('acme robotics'));
    expect(normalizeCompany('Acme, Inc.')).toBe('acme');
    expect(normalizeLocation('Remote - US')).toBe(normalizeLocation('Remote (US)'));
    expect(normalizeLocation('Zürich, Switzerland')).toBe(normalizeLocation('Zurich'));
    expect(normalizeLocation('New York')).not.toBe(normalizeLocation('York'));
  });
});

describe('which sources a run searches', () => {
  const settings = { GREENHOUSE_API_URL: 'https://gh.example/v1/boards', LEVER_API_URL: 'https://lever.example/v0/postings', SOURCE_TIMEOUT_MS: 1000 };
  const labels = (plan: ReturnType<typeof planSources>) =>
    plan.steps.map((s) => (s.type === 'client' ? s.client.label : `no ${s.source} boards`));

  it('searches the sandbox and every board in the profile when the run does not say', () => {
    const plan = planSources({
      sources: undefined,
      boards: [
        { kind: 'lever', board: 'initech' },
        { kind: 'greenhouse', board: 'acme' },
        { kind: 'greenhouse', board: 'ACME' },
      ],
      settings,
      appUrl: 'http://localhost:3000',
    });
    expect(plan.sources).toEqual(['sandbox', 'greenhouse', 'lever']);
    expect(labels(plan)).toEqual(['sandbox', 'greenhouse:acme', 'lever:initech']);
  });

  it('searches what the run picked, and notes a picked source without boards', () => {
    const plan = planSources({ sources: ['lever', 'greenhouse'], boards: [{ kind: 'greenhouse', board: 'acme' }], settings, appUrl: 'http://localhost:3000' });
    expect(plan.sources).toEqual(['lever', 'greenhouse']);
    expect(labels(plan)).toEqual(['no lever boards', 'greenhouse:acme']);
  });
});

describe('the scout agent', () => {
  interface Emitted {
    type: EventType;
    message: string;
    data: unknown;
  }

  function scoutContext(
    params: PipelineParamsInput,
    jobSources: ProfileFields['jobSources'],
    options: { timeoutMs?: number; signal?: AbortSignal } = {},
  ): { ctx: ScoutContext; events: Emitted[]; pauses: string[] } {
    const events: Emitted[] = [];
    const pauses: string[] = [];
    const signal = options.signal ?? new AbortController().signal;
    const ctx: ScoutContext = {
      params: pipelineParamsSchema.parse(params),
      profile: { jobSources },
      settings: { GREENHOUSE_API_URL: boards.greenhouseApiUrl, LEVER_API_URL: boards.leverApiUrl, SOURCE_TIMEOUT_MS: options.timeoutMs ?? TIMEOUT_MS, SCOUT_MAX_POSTINGS: 100 },
      appUrl: boards.appUrl,
      signal,
      emit: (type, message, data) => {
        // What the event log checks at publish: a payload it would refuse fails here too.
        validateNewEvent({ runId: 'run_scouttest01', type, agent: 'scout', message, data } as NewEvent);
        events.push({ type, message, data });
        return Promise.resolve();
      },
      pace: () => Promise.resolve(),
      pausePoint: (step) => {
        pauses.push(step);
        signal.throwIfAborted();
        return Promise.resolve();
      },
    };
    return { ctx, events, pauses };
  }

  it('reports each source in turn, keeps going past a failing board, and removes duplicates', async () => {
    boards.sandbox = {
      jobs: [
        sandboxJob(boards.appUrl, { id: 's1', title: 'Senior Backend Engineer', company: 'Acme Robotics', location: 'Remote' }),
        sandboxJob(boards.appUrl, { id: 's2', title: 'Backend Engineer', company: 'Blue Harbor', location: 'Remote' }),
      ],
    };
    boards.greenhouse.set('acme-robotics', {
      name: 'Acme Robotics',
      jobs: [
        greenhouseJob('acme-robotics', { id: 11, title: 'Senior Backend Engineer', locationName: 'Remote' }),
        greenhouseJob('acme-robotics', { id: 12, title: 'Office Manager', locationName: 'Remote' }),
      ],
    });
    boards.greenhouse.set('slow', { name: 'Slow', delayMs: SLOW_MS, jobs: [] });
    boards.lever.set('initech', {
      postings: [leverPosting('initech', { id: 'l1', text: 'Backend Engineer', workplaceType: 'remote', categories: { location: 'Anywhere' } })],
    });
    const { ctx, events, pauses } = scoutContext(
      { query: 'backend engineer', location: 'Remote' },
      [
        { kind: 'greenhouse', board: 'acme-robotics' },
        { kind: 'greenhouse', board: 'slow' },
        { kind: 'greenhouse', board: 'missing' },
        { kind: 'lever', board: 'initech' },
      ],
      { timeoutMs: 500 },
    );

    const started = Date.now();
    const postings = await scout(ctx);

    // Asked at once: the slow board's timeout is the whole wait, not one of several.
    expect(Date.now() - started).toBeLessThan(SLOW_MS / 2);
    expect(events.map((e) => [e.type, e.message])).toEqual([
      ['scout_start', 'Searching for "backend engineer" in Remote'],
      ['scout_searching', 'Searching sandbox for "backend engineer"'],
      ['scout_found', 'Found 2 postings on sandbox'],
      ['scout_searching', 'Searching greenhouse:acme-robotics for "backend engineer"'],
      ['scout_found', 'Found 1 posting on greenhouse:acme-robotics'],
      ['scout_searching', 'Searching greenhouse:slow for "backend engineer"'],
      ['scout_found', "Greenhouse board 'slow' did not answer within 500 ms: try again later, or raise SOURCE_TIMEOUT_MS"],
      ['scout_searching', 'Searching greenhouse:missing for "backend engineer"'],
      ['scout_found', "Greenhouse board 'missing' not found (HTTP 404): check the board name in your profile"],
      ['scout_searching', 'Searching lever:initech for "backend engineer"'],
      ['scout_found', 'Found 1 posting on lever:initech'],
      ['scout_complete', 'Search complete: 3 jobs; 1 duplicate removed; 2 sources failed (see above)'],
    ]);
    expect(events[0]?.data).toEqual({ query: 'backend engineer', location: 'Remote', sources: ['sandbox', 'greenhouse', 'lever'] });
    expect(events[2]?.data).toEqual({ source: 'sandbox', count: 2, urls: [`${boards.appUrl}/sandbox/jobs/s1`, `${boards.appUrl}/sandbox/jobs/s2`] });
    expect(events[6]?.data).toEqual({ source: 'greenhouse', count: 0, urls: [] });
    expect(events.at(-1)?.data).toEqual({ count: 3, duplicatesRemoved: 1 });
    expect(pauses).toEqual(['search greenhouse:acme-robotics', 'search greenhouse:slow', 'search greenhouse:missing', 'search lever:initech']);
    // The Greenhouse copy of the senior role wins over the sandbox's; sources take turns.
    expect(postings.map((p) => `${p.source}:${p.sourceId}`)).toEqual(['greenhouse:11', 'lever:l1', 'sandbox:s2']);
  });

  it('tells the user to add a board when a picked source has none in the profile', async () => {
    boards.sandbox = { jobs: [sandboxJob(boards.appUrl, { id: 's1', title: 'Python Developer' })] };
    const { ctx, events } = scoutContext({ query: 'python', sources: ['greenhouse', 'sandbox'] }, []);

    const postings = await scout(ctx);

    expect(postings).toHaveLength(1);
    expect(events.map((e) => [e.type, e.message])).toEqual([
      ['scout_start', 'Searching for "python" in Remote'],
      ['scout_searching', 'Skipping Greenhouse: your profile names no Greenhouse board'],
      ['scout_found', 'No Greenhouse boards to search: add a Greenhouse board in your profile to search Greenhouse'],
      ['scout_searching', 'Searching sandbox for "python"'],
      ['scout_found', 'Found 1 posting on sandbox'],
      ['scout_complete', 'Search complete: 1 job'],
    ]);
    expect(events[2]?.data).toEqual({ source: 'greenhouse', count: 0, urls: [] });
  });

  it('ends with the stop, not a board failure, when the run is stopped mid-search', async () => {
    boards.greenhouse.set('slow', { name: 'Slow', delayMs: SLOW_MS, jobs: [] });
    const controller = new AbortController();
    const stop = new Error('run stopped by the user');
    const { ctx, events } = scoutContext({ query: 'engineer', sources: ['greenhouse'] }, [{ kind: 'greenhouse', board: 'slow' }], {
      timeoutMs: 10_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(stop), 100);

    expect(await failure(scout(ctx))).toBe(stop);
    expect(events.map((e) => e.type)).toEqual(['scout_start', 'scout_searching']);
  });
});
