import { describe, expect, it } from 'vitest';
import { analyseSalaries, MAX_LISTED_POSTINGS, MINIMUM_SAMPLE } from '~worker/sessions/salary-research/analyse';
import { reportCurrency } from '~worker/sessions/salary-research/currency';
import { convert, FX_RATES_AS_OF, USD_PER_UNIT } from '~worker/sessions/salary-research/fx';
import { describeRange } from '~worker/sessions/salary-research/money';
import { resultMessage, summaryOf } from '~worker/sessions/salary-research/messages';
import { percentile, quartiles } from '~worker/sessions/salary-research/percentiles';
import { titleMatcher } from '~worker/sessions/salary-research/role-match';
import { senioritiesOf } from '~worker/sessions/salary-research/seniority';
import { sameJobUrl } from '~worker/sessions/salary-research/urls';
import type { JobPosting } from '~worker/sources/types';

let nextId = 1;

/** A posting with pay; each is a different job unless title, company and location say otherwise. */
function posting(min: number, max: number, currency = 'USD', fields: Partial<JobPosting> = {}): JobPosting {
  const id = nextId++;
  return {
    source: 'greenhouse',
    sourceId: String(id),
    title: 'Backend Engineer',
    company: `Company ${id}`,
    location: 'Berlin',
    remote: false,
    url: `https://boards.greenhouse.io/c${id}/jobs/${id}`,
    applyUrl: `https://boards.greenhouse.io/c${id}/jobs/${id}`,
    description: '',
    salary: { min, max, currency },
    postedAt: null,
    ...fields,
  };
}

describe('percentiles', () => {
  it('interpolates between the closest ranks (type 7)', () => {
    // n = 4: rank = 3p. p25 → rank 0.75: 10 + 0.75 × (20 − 10) = 17.5; p50 → rank 1.5: 20 + 0.5 × 10 = 25.
    expect(percentile([10, 20, 30, 40], 0.25)).toBe(17.5);
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(percentile([10, 20, 30, 40], 0.75)).toBe(32.5);
    expect(percentile([10, 20, 30, 40], 0)).toBe(10);
    expect(percentile([10, 20, 30, 40], 1)).toBe(40);
    expect(percentile([7], 0.5)).toBe(7);
  });

  it('sorts the values and rounds to whole units', () => {
    // Sorted: 1, 2, 4, 8. p25 → rank 0.75: 1.75 → 2; p50 → rank 1.5: 3; p75 → rank 2.25: 4 + 0.25 × 4 = 5.
    expect(quartiles([8, 1, 4, 2])).toEqual({ p25: 2, p50: 3, p75: 5 });
  });
});

describe('analyseSalaries', () => {
  it('gives the quartiles of the yearly midpoints, and lists the postings by midpoint', () => {
    // Midpoints 60k, 80k, 100k, 110k, 140k, 150k (given out of order). n = 6, rank = 5p:
    // p25 → rank 1.25: 80,000 + 0.25 × 20,000 = 85,000
    // p50 → rank 2.5: 100,000 + 0.5 × 10,000 = 105,000
    // p75 → rank 3.75: 110,000 + 0.75 × 30,000 = 132,500
    const postings = [
      posting(130_000, 150_000),
      posting(50_000, 70_000),
      posting(140_000, 160_000),
      posting(90_000, 110_000),
      posting(70_000, 90_000),
      posting(100_000, 120_000),
    ];

    const { result } = analyseSalaries(postings, {});

    expect(result).toMatchObject({ currency: 'USD', sampleSize: 6, enough: true, minimumSample: 5, p25: 85_000, p50: 105_000, p75: 132_500 });
    expect(result.postings.map((p) => [p.min, p.max])).toEqual([
      [50_000, 70_000],
      [70_000, 90_000],
      [90_000, 110_000],
      [100_000, 120_000],
      [130_000, 150_000],
      [140_000, 160_000],
    ]);
    expect(result.postings[0]).toEqual({
      title: 'Backend Engineer',
      company: postings[1]!.company,
      url: postings[1]!.url,
      source: 'greenhouse',
      min: 50_000,
      max: 70_000,
      original: 'USD 50,000–70,000 per year',
    });
    expect(resultMessage(analyseSalaries(postings, {}))).toBe('Median $105,000 (p25 $85,000, p75 $132,500) from 6 postings');
    expect(summaryOf({ role: 'Backend engineer', location: 'Berlin', seniority: 'senior' }, result)).toBe(
      'Backend engineer (senior) in Berlin: median $105,000 (p25 $85,000, p75 $132,500) from 6 postings',
    );
  });

  it('converts every range into the asked currency at the dated table rates', () => {
    expect(FX_RATES_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // EUR is 1.16 USD and GBP 1.33 USD in the table.
    expect(USD_PER_UNIT.EUR).toBe(1.16);
    expect(USD_PER_UNIT.GBP).toBe(1.33);
    expect(convert(100_000, 'EUR', 'USD')).toBeCloseTo(116_000, 6);
    expect(convert(116_000, 'USD', 'EUR')).toBeCloseTo(100_000, 6);
    expect(convert(50_000, 'XYZ', 'USD')).toBeNull();
    expect(convert(50_000, 'XYZ', 'XYZ')).toBe(50_000);

    const eur = posting(50_000, 70_000, 'EUR', { title: 'Senior Backend Engineer' });
    const gbp = posting(60_000, 80_000, 'GBP');
    const usd = posting(100_000, 100_000, 'USD');
    const analysis = analyseSalaries([eur, gbp, usd], { currency: 'usd' });

    // EUR 50,000–70,000 × 1.16 = USD 58,000–81,200; GBP 60,000–80,000 × 1.33 = USD 79,800–106,400.
    expect(analysis.result.currency).toBe('USD');
    expect(analysis.result.postings.map((p) => [p.original, p.min, p.max])).toEqual([
      ['EUR 50,000–70,000 per year', 58_000, 81_200],
      ['GBP 60,000–80,000 per year', 79_800, 106_400],
      ['USD 100,000 per year', 100_000, 100_000],
    ]);
    expect(analysis.converted).toBe(2);
    expect(resultMessage(analysis)).toContain(`2 postings converted to USD at the exchange rates of ${FX_RATES_AS_OF}`);
  });

  it('reports in the most common currency when none is asked for', () => {
    const postings = [posting(60_000, 80_000, 'EUR'), posting(70_000, 90_000, 'EUR'), posting(116_000, 116_000, 'USD')];
    expect(reportCurrency(postings)).toBe('EUR');
    // A tie goes to the alphabetically first: the same postings always give the same answer.
    expect(reportCurrency([posting(1, 2, 'USD'), posting(1, 2, 'EUR')])).toBe('EUR');

    const { result } = analyseSalaries(postings, {});
    expect(result.currency).toBe('EUR');
    // USD 116,000 / 1.16 = EUR 100,000.
    expect(result.postings.map((p) => p.max)).toEqual([80_000, 90_000, 100_000]);
  });

  it('leaves out and counts postings in a currency the table does not know', () => {
    // XYZ is the most common currency here, but it cannot be compared with anything.
    const postings = [
      posting(1_000_000, 2_000_000, 'XYZ'),
      posting(1_500_000, 2_500_000, 'XYZ'),
      posting(60_000, 80_000, 'EUR'),
      ...[50_000, 60_000, 70_000, 80_000].map((min) => posting(min, min + 20_000, 'EUR')),
    ];

    const analysis = analyseSalaries(postings, {});

    expect(analysis.result.currency).toBe('EUR');
    expect(analysis.result.sampleSize).toBe(5);
    expect(analysis.result.postings.every((p) => p.original.startsWith('EUR '))).toBe(true);
    expect([...analysis.unconvertible]).toEqual([['XYZ', 2]]);
    expect(resultMessage(analysis)).toContain('2 postings paid in XYZ left out: no exchange rate to EUR');
    // Midpoints 60k, 70k, 70k, 80k, 90k: rank = 4p gives 70k, 70k, 80k.
    expect([analysis.result.p25, analysis.result.p50, analysis.result.p75]).toEqual([70_000, 70_000, 80_000]);
  });

  it('says "not enough data" below the minimum sample, never a number', () => {
    const postings = [posting(50_000, 60_000), posting(60_000, 70_000), posting(70_000, 80_000), posting(80_000, 90_000)];
    // Postings without pay do not count towards the sample.
    const withoutPay = posting(0, 0, 'USD', { salary: null });

    const analysis = analyseSalaries([...postings, withoutPay], {});

    expect(MINIMUM_SAMPLE).toBe(5);
    expect(analysis.result).toMatchObject({ sampleSize: 4, enough: false, minimumSample: 5, p25: null, p50: null, p75: null });
    expect(analysis.result.postings).toHaveLength(4);
    expect(resultMessage(analysis)).toBe('Not enough data: 4 postings with pay; at least 5 are needed');
    expect(summaryOf({ role: 'Backend engineer', location: 'Berlin' }, analysis.result)).toBe(
      'Not enough data: 4 postings with pay for Backend engineer in Berlin; at least 5 are needed. ' +
        'Try a broader role or location, or add Greenhouse/Lever boards on your profile.',
    );
  });

  it('counts a job listed on several boards once', () => {
    const listed = posting(80_000, 100_000, 'USD', { company: 'Acme Robotics', title: 'Senior Backend Engineer', location: 'Berlin' });
    const copy = posting(80_000, 100_000, 'USD', {
      source: 'sandbox',
      company: 'Acme Robotics, Inc.',
      title: 'Sr. Backend Engineer',
      location: 'Berlin, Germany',
    });

    const analysis = analyseSalaries([copy, listed], {});

    expect(analysis.result.sampleSize).toBe(1);
    expect(analysis.result.postings[0]?.source).toBe('greenhouse');
    expect(analysis.duplicatesRemoved).toBe(1);
  });

  it('lists at most 200 postings, spread over the whole sample', () => {
    const postings = Array.from({ length: 401 }, (_, i) => posting(10_000 + i * 100, 10_000 + i * 100));

    const { result } = analyseSalaries(postings, {});

    expect(result.sampleSize).toBe(401);
    expect(result.postings).toHaveLength(MAX_LISTED_POSTINGS);
    expect(result.postings[0]?.min).toBe(10_000);
    expect(result.postings.at(-1)?.min).toBe(50_000);
    // Quartiles come from the whole sample: midpoints 10,000 + 100i, i = 0…400, so p50 is i = 200.
    expect(result.p50).toBe(30_000);
  });

  it('shows each posting’s own range as it was written', () => {
    expect(describeRange({ min: 60_000, max: 80_000, currency: 'EUR' })).toBe('EUR 60,000–80,000 per year');
    expect(describeRange({ min: 1_234_567, max: 1_234_567, currency: 'JPY' })).toBe('JPY 1,234,567 per year');
  });
});

describe('role and seniority', () => {
  it('matches the role in the title, abbreviations spelled out', () => {
    const isRole = titleMatcher({ role: 'Backend engineer' });
    expect(isRole('Senior Backend Engineer')).toBe(true);
    expect(isRole('Backend Engineers (m/f/d)')).toBe(true);
    expect(isRole('Frontend Engineer')).toBe(false);
    expect(isRole('Sales Manager')).toBe(false);
    expect(titleMatcher({ role: 'Senior backend engineer' })('Sr. Backend Engineer')).toBe(true);
  });

  it('keeps only titles of the asked seniority; mid is a title without a marker', () => {
    const titles = [
      'Backend Engineer',
      'Senior Backend Engineer',
      'Sr Backend Engineer',
      'Staff Backend Engineer',
      'Principal Backend Engineer',
      'Lead Backend Engineer',
      'Jr. Backend Engineer',
      'Backend Engineering Manager',
      'Director, Backend Engineering',
    ];
    const keep = (seniority: Parameters<typeof titleMatcher>[0]['seniority'], role = 'Backend engineer') =>
      titles.filter(titleMatcher({ role, seniority }));

    expect(keep('senior')).toEqual(['Senior Backend Engineer', 'Sr Backend Engineer']);
    expect(keep('mid')).toEqual(['Backend Engineer']);
    expect(keep('staff')).toEqual(['Staff Backend Engineer']);
    expect(keep('principal')).toEqual(['Principal Backend Engineer']);
    expect(keep('lead')).toEqual(['Lead Backend Engineer']);
    expect(keep('junior')).toEqual(['Jr. Backend Engineer']);
    expect(keep('manager', 'Backend')).toEqual(['Backend Engineering Manager']);
    expect(keep('director', 'Backend')).toEqual(['Director, Backend Engineering']);
    expect([...senioritiesOf('Senior Engineering Manager')].sort()).toEqual(['manager', 'senior']);
  });
});

describe('sameJobUrl', () => {
  it('ignores a trailing slash, a fragment and the host’s case', () => {
    expect(sameJobUrl('https://jobs.lever.co/acme/123/', 'https://jobs.lever.co/acme/123')).toBe(true);
    expect(sameJobUrl('https://Jobs.Lever.co/acme/123#apply', 'https://jobs.lever.co/acme/123')).toBe(true);
    expect(sameJobUrl('https://boards.greenhouse.io/acme/jobs/1?gh_src=x/', 'https://boards.greenhouse.io/acme/jobs/1?gh_src=x')).toBe(true);
    expect(sameJobUrl('https://jobs.lever.co/acme/123', 'https://jobs.lever.co/acme/124')).toBe(false);
  });
});
