import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AgentContext } from '~worker/agent-context';
import { validateNewEvent, type EventType, type NewEvent } from '~/shared/events';
import type { ProfileFields } from '~/shared/profile';
import type { SalaryResearchParams } from '~/shared/sessions/salary';
import { payForPosting, researchSalary, salaryResearch, type ResearchContext } from '~worker/agents/salary-research';
import {
  greenhouseJob,
  leverPosting,
  sandboxJob,
  startFakeJobBoards,
  type FakeJobBoards,
  type GreenhousePayRangeJson,
} from '../helpers/fake-job-boards';

/**
 * Salary research over the wire: real HTTP servers answering like Greenhouse (with pay
 * transparency on the single-job endpoint), Lever and the sandbox board, and the agent
 * run with a small real context that keeps what it emits.
 */

const TIMEOUT_MS = 2_000;

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

interface Emitted {
  type: EventType;
  message: string;
  data: unknown;
}

function researchContext(
  jobSources: ProfileFields['jobSources'],
  options: { signal?: AbortSignal } = {},
): { ctx: ResearchContext; events: Emitted[]; pauses: string[] } {
  const events: Emitted[] = [];
  const pauses: string[] = [];
  const signal = options.signal ?? new AbortController().signal;
  const ctx: ResearchContext = {
    profile: { jobSources },
    settings: { GREENHOUSE_API_URL: boards.greenhouseApiUrl, LEVER_API_URL: boards.leverApiUrl, SOURCE_TIMEOUT_MS: TIMEOUT_MS },
    appUrl: boards.appUrl,
    signal,
    emit: (type, message, data) => {
      // What the event log checks at publish: a payload it would refuse fails here too.
      validateNewEvent({ runId: 'run_salarytest01', type, agent: 'salary', message, data } as NewEvent);
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

/** A session's whole context around a research context; research must not touch the rest. */
function sessionContext(research: ResearchContext, params: SalaryResearchParams): AgentContext<SalaryResearchParams> {
  return {
    ...research,
    runId: 'run_salarytest01',
    userId: 'user_salarytest',
    params,
    profile: only<AgentContext['profile']>('profile', { jobSources: research.profile.jobSources }),
    settings: only<AgentContext['settings']>('settings', research.settings),
    resumeFile: () => Promise.reject(new Error('salary research used ctx.resumeFile')),
    llm: null,
    browser: () => Promise.reject(new Error('salary research used ctx.browser')),
    liveView: () => Promise.reject(new Error('salary research used ctx.liveView')),
    applications: only<AgentContext['applications']>('applications', {}),
    appliedJobUrls: new Set(),
    hitl: only<AgentContext['hitl']>('hitl', {}),
    sleep: () => Promise.resolve(),
    progress: () => Promise.resolve(),
    session: only<AgentContext['session']>('session', {}),
  };
}

/** An object with only `present` in it: reading anything else fails the test, naming what was read. */
function only<T extends object>(name: string, present: Partial<T>): T {
  return new Proxy(present, {
    get: (target, key) => {
      if (key in target) return Reflect.get(target, key) as unknown;
      throw new Error(`salary research used ctx.${name}.${String(key)}`);
    },
  }) as T;
}

/** A Greenhouse pay transparency range, in whole units. */
function payRange(min: number, max: number, currency = 'USD', title = 'US Pay Range'): GreenhousePayRangeJson {
  return { min_cents: min * 100, max_cents: max * 100, currency_type: currency, title, blurb: '<p>Base salary.</p>' };
}

/**
 * The market of the main test. Postings with pay whose title is the role, with yearly midpoints:
 *   greenhouse:acme 101  USD 100,000–120,000            → 110,000
 *   greenhouse:acme 102  USD 140,000–160,000 (zone 1)   → 150,000
 *   lever:initech  l1    USD 80,000–100,000 per year    →  90,000
 *   lever:initech  l2    USD 7,000–9,000 per month      →  96,000 (84,000–108,000 a year)
 *   lever:initech  l3    EUR 60,000–80,000 per year     →  81,200 (× 1.16: 69,600–92,800)
 *   sandbox        s1    USD 90,000–115,000             → 102,500
 * The sandbox's s2 is greenhouse 102 again and counts once; Greenhouse 103 says no pay.
 */
function seedMarket(): void {
  boards.sandbox = {
    jobs: [
      sandboxJob(boards.appUrl, { id: 's1', title: 'Backend Engineer', company: 'Blue Harbor', salaryMin: 90_000, salaryMax: 115_000 }),
      sandboxJob(boards.appUrl, { id: 's2', title: 'Sr. Backend Engineer', company: 'Acme', location: 'Remote', salaryMin: 130_000, salaryMax: 150_000 }),
      sandboxJob(boards.appUrl, { id: 's3', title: 'Data Analyst', salaryMin: 60_000, salaryMax: 70_000 }),
    ],
  };
  boards.greenhouse.set('acme', {
    name: 'Acme',
    jobs: [
      greenhouseJob('acme', { id: 101, title: 'Backend Engineer', pay_input_ranges: [payRange(100_000, 120_000)] }),
      greenhouseJob('acme', {
        id: 102,
        title: 'Senior Backend Engineer',
        pay_input_ranges: [payRange(140_000, 160_000, 'USD', 'Zone 1'), payRange(120_000, 140_000, 'USD', 'Zone 2')],
      }),
      greenhouseJob('acme', { id: 103, title: 'Backend Engineer, Payments' }),
      greenhouseJob('acme', { id: 104, title: 'Office Manager', html: '<p>Support our backend engineers.</p>', pay_input_ranges: [payRange(50_000, 60_000)] }),
      greenhouseJob('acme', {
        id: 105,
        title: 'Support Engineer',
        locationName: 'Toronto, ON',
        pay_input_ranges: [payRange(100_000, 120_000, 'USD', 'US Pay Range'), payRange(90_000, 110_000, 'CAD', 'Toronto, Canada')],
      }),
      greenhouseJob('acme', {
        id: 106,
        title: 'Warehouse Associate',
        pay_input_ranges: [{ min_cents: 4_500, max_cents: 6_000, currency_type: 'USD', title: 'Hourly', blurb: '<p>$45 - $60 per hour</p>' }],
      }),
    ],
  });
  boards.greenhouse.set('down', { name: 'Down', status: 503, jobs: [] });
  boards.lever.set('initech', {
    postings: [
      leverPosting('initech', { id: 'l1', text: 'Backend Engineer', salaryRange: { currency: 'USD', interval: 'per-year-salary', min: 80_000, max: 100_000 } }),
      leverPosting('initech', {
        id: 'l2',
        text: 'Backend Engineer (Platform)',
        salaryRange: { currency: 'USD', interval: 'per-month-salary', min: 7_000, max: 9_000 },
      }),
      leverPosting('initech', {
        id: 'l3',
        text: 'Backend Engineer',
        categories: { location: 'Berlin', allLocations: ['Berlin'] },
        salaryRange: { currency: 'EUR', interval: 'per-year-salary', min: 60_000, max: 80_000 },
      }),
    ],
  });
}

const PROFILE_BOARDS: ProfileFields['jobSources'] = [
  { kind: 'greenhouse', board: 'acme' },
  { kind: 'greenhouse', board: 'down' },
  { kind: 'lever', board: 'initech' },
];

describe('researchSalary', () => {
  it('searches every source, reports a failing board, and gives the quartiles of the postings with pay', async () => {
    seedMarket();
    const { ctx, events, pauses } = researchContext(PROFILE_BOARDS);

    const result = await researchSalary(ctx, { role: 'Backend engineer', location: '' });

    expect(events.map((e) => [e.type, e.message])).toEqual([
      ['salary_start', 'Researching pay for Backend engineer in any location'],
      ['salary_analyzing', 'Found 2 matching postings on sandbox, 2 with pay'],
      ['salary_analyzing', 'Found 3 matching postings on greenhouse:acme, 2 with pay'],
      ['salary_analyzing', "Greenhouse board 'down' answered HTTP 503: the service is busy or failing; try again later"],
      ['salary_analyzing', 'Found 3 matching postings on lever:initech, 3 with pay'],
      [
        'salary_result',
        'Median $99,250 (p25 $91,500, p75 $108,125) from 6 postings; ' +
          '1 copy of jobs listed on several boards counted once; 1 posting converted to USD at the exchange rates of 2026-12-01',
      ],
      ['salary_complete', 'Research complete: 6 postings with pay from 3 sources; 1 source failed (see above)'],
    ]);
    expect(events[0]?.data).toEqual({ role: 'Backend engineer', location: '', seniority: null });
    expect(events.slice(1, 5).map((e) => e.data)).toEqual([
      { source: 'sandbox', postings: 2, withPay: 2 },
      { source: 'greenhouse:acme', postings: 3, withPay: 2 },
      { source: 'greenhouse:down', postings: 0, withPay: 0 },
      { source: 'lever:initech', postings: 3, withPay: 3 },
    ]);
    // Sorted midpoints 81,200 · 90,000 · 96,000 · 102,500 · 110,000 · 150,000; n = 6, rank = 5p:
    //   p25 → rank 1.25: 90,000 + 0.25 × 6,000 = 91,500
    //   p50 → rank 2.5:  96,000 + 0.5 × 6,500  = 99,250
    //   p75 → rank 3.75: 102,500 + 0.75 × 7,500 = 108,125
    expect(result).toMatchObject({ currency: 'USD', sampleSize: 6, enough: true, minimumSample: 5, p25: 91_500, p50: 99_250, p75: 108_125 });
    expect(result.postings.map((p) => [p.source, p.title, p.min, p.max, p.original])).toEqual([
      ['lever', 'Backend Engineer', 69_600, 92_800, 'EUR 60,000–80,000 per year'],
      ['lever', 'Backend Engineer', 80_000, 100_000, 'USD 80,000–100,000 per year'],
      ['lever', 'Backend Engineer (Platform)', 84_000, 108_000, 'USD 84,000–108,000 per year'],
      ['sandbox', 'Backend Engineer', 90_000, 115_000, 'USD 90,000–115,000 per year'],
      ['greenhouse', 'Backend Engineer', 100_000, 120_000, 'USD 100,000–120,000 per year'],
      ['greenhouse', 'Senior Backend Engineer', 140_000, 160_000, 'USD 140,000–160,000 per year'],
    ]);
    expect(result.postings[5]).toMatchObject({ company: 'Acme', url: 'https://boards.greenhouse.io/acme/jobs/102' });
    expect(events.at(-2)?.data).toEqual(result);
    expect(events.at(-1)?.data).toEqual({ sources: 3, sampleSize: 6 });
    expect(pauses).toEqual(['search greenhouse:acme', 'search greenhouse:down', 'search lever:initech']);
    // Pay was asked only for the Greenhouse postings research kept, one request each.
    const payRequests = boards.requests.map((r) => r.url).filter((url) => url.includes('pay_transparency'));
    expect(payRequests.sort()).toEqual([
      '/v1/boards/acme/jobs/101?pay_transparency=true',
      '/v1/boards/acme/jobs/102?pay_transparency=true',
      '/v1/boards/acme/jobs/103?pay_transparency=true',
    ]);
  });

  it('reports in the asked currency and keeps only the asked seniority', async () => {
    seedMarket();
    const { ctx, events } = researchContext(PROFILE_BOARDS);

    const result = await researchSalary(ctx, { role: 'Backend engineer', location: '', seniority: 'senior', currency: 'EUR' });

    expect(events[0]?.data).toEqual({ role: 'Backend engineer', location: '', seniority: 'senior' });
    // Only Greenhouse 102 is senior (the sandbox's copy of it counts once): USD 140,000–160,000 / 1.16.
    expect(result).toMatchObject({ currency: 'EUR', sampleSize: 1, enough: false, p25: null, p50: null, p75: null });
    expect(result.postings.map((p) => [p.min, p.max])).toEqual([[Math.round(140_000 / 1.16), Math.round(160_000 / 1.16)]]);
    expect(events.find((e) => e.type === 'salary_result')?.message).toMatch(/^Not enough data: 1 posting with pay; at least 5 are needed/);
  });

  it('says "not enough data" with too few postings, and the session ends that way', async () => {
    boards.lever.set('initech', {
      postings: [
        leverPosting('initech', { id: 'l1', text: 'Backend Engineer', salaryRange: { currency: 'USD', interval: 'per-year-salary', min: 80_000, max: 100_000 } }),
        leverPosting('initech', { id: 'l2', text: 'Backend Engineer II' }),
      ],
    });
    boards.greenhouse.set('acme', {
      name: 'Acme',
      jobs: [
        greenhouseJob('acme', { id: 201, title: 'Backend Engineer', pay_input_ranges: [payRange(90_000, 110_000)] }),
        greenhouseJob('acme', { id: 202, title: 'Backend Engineer', locationName: 'Berlin', pay_input_ranges: [payRange(70_000, 90_000, 'EUR')] }),
      ],
      // One job's page fails: its pay is left out, the rest of the board is used.
      jobMisbehaviour: { '202': { status: 500 } },
    });
    const { ctx, events } = researchContext([
      { kind: 'greenhouse', board: 'acme' },
      { kind: 'lever', board: 'initech' },
    ]);
    const params: SalaryResearchParams = { role: 'Backend engineer', location: '' };

    const outcome = await salaryResearch(sessionContext(ctx, params));

    expect(outcome).toEqual({
      outcome: 'not_enough_data',
      summary:
        'Not enough data: 2 postings with pay for Backend engineer in any location; at least 5 are needed. ' +
        'Try a broader role or location, or add Greenhouse/Lever boards on your profile.',
    });
    expect(events.map((e) => [e.type, e.message])).toEqual([
      ['salary_start', 'Researching pay for Backend engineer in any location'],
      ['salary_analyzing', 'Found 0 matching postings on sandbox, 0 with pay'],
      [
        'salary_analyzing',
        "Found 2 matching postings on greenhouse:acme, 1 with pay; the pay of 1 posting could not be read (Greenhouse board 'acme' answered HTTP 500: the service is busy or failing; try again later)",
      ],
      ['salary_analyzing', 'Found 2 matching postings on lever:initech, 1 with pay'],
      ['salary_result', 'Not enough data: 2 postings with pay; at least 5 are needed'],
      ['salary_complete', 'Research complete: 2 postings with pay from 3 sources'],
    ]);
    expect(events.find((e) => e.type === 'salary_result')?.data).toMatchObject({
      currency: 'USD',
      sampleSize: 2,
      enough: false,
      minimumSample: 5,
      p25: null,
      p50: null,
      p75: null,
    });
  });

  it('ends with the stop, not a board failure, when the run is stopped mid-search', async () => {
    boards.greenhouse.set('slow', { name: 'Slow', delayMs: 5_000, jobs: [] });
    const controller = new AbortController();
    const stop = new Error('run stopped by the user');
    const { ctx, events } = researchContext([{ kind: 'greenhouse', board: 'slow' }], { signal: controller.signal });
    setTimeout(() => controller.abort(stop), 100);

    await expect(researchSalary(ctx, { role: 'Backend engineer', location: '' })).rejects.toBe(stop);
    expect(events.map((e) => e.type)).toEqual(['salary_start', 'salary_analyzing']);
  });
});

describe('payForPosting', () => {
  it('finds the posting on its source by its link and gives its yearly range', async () => {
    seedMarket();
    const { ctx, events } = researchContext(PROFILE_BOARDS);

    // Lever: by the posting page, written with a trailing slash; the monthly range per year.
    expect(await payForPosting(ctx, 'https://jobs.lever.co/initech/l2/')).toEqual({ min: 84_000, max: 108_000, currency: 'USD' });
    // Lever: by the application form.
    expect(await payForPosting(ctx, 'https://jobs.lever.co/initech/l3/apply')).toEqual({ min: 60_000, max: 80_000, currency: 'EUR' });
    // Greenhouse: the list has no pay, so the job's own page is asked.
    expect(await payForPosting(ctx, 'https://boards.greenhouse.io/acme/jobs/101')).toEqual({ min: 100_000, max: 120_000, currency: 'USD' });
    // The zone named after the posting's place applies to it; an hourly range is given per year (2,080 hours).
    expect(await payForPosting(ctx, 'https://boards.greenhouse.io/acme/jobs/105')).toEqual({ min: 90_000, max: 110_000, currency: 'CAD' });
    expect(await payForPosting(ctx, 'https://boards.greenhouse.io/acme/jobs/106')).toEqual({ min: 93_600, max: 124_800, currency: 'USD' });
    expect(await payForPosting(ctx, `${boards.appUrl}/sandbox/jobs/s1`)).toEqual({ min: 90_000, max: 115_000, currency: 'USD' });
    // No range, or no such posting anywhere (the failing board is only logged).
    expect(await payForPosting(ctx, 'https://boards.greenhouse.io/acme/jobs/103')).toBeNull();
    expect(await payForPosting(ctx, 'https://example.com/jobs/1')).toBeNull();
    expect(events).toEqual([]);
  });
});
