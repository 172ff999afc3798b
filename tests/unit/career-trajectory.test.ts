import { describe, expect, it } from 'vitest';
import { validateNewEvent } from '~/shared/events';
import type { ProfileFields } from '~/shared/profile';
import { FAMILIES } from '~worker/sessions/career/ladder';
import { placeUser, rungOfTitle, type Placement } from '~worker/sessions/career/placement';
import { readCareerProfile } from '~worker/sessions/career/profile';
import { payForSteps, stepMatcher } from '~worker/sessions/career/step-pay';
import { nextSteps, trajectoryOf } from '~worker/sessions/career/trajectory';
import type { JobPosting } from '~worker/sources/types';

/** The ladder from several resumes: where each user stands, and the next rungs in order with their years and track. */

function place(title: string | null, years: number | null, skills: string[] = []): Placement {
  const placement = placeUser({ title, skills, years });
  if (!placement) throw new Error(`no placement for ${title}`);
  return placement;
}

/** [title, track, years] of each next step, IC first. */
function ladder(placement: Placement): [string, string, number][] {
  return nextSteps(placement).map((s) => [s.title, s.track, s.years]);
}

describe('the ladders', () => {
  it('has at least four families, each with both tracks and skills for every rung', () => {
    expect(FAMILIES.length).toBeGreaterThanOrEqual(4);
    expect(FAMILIES.map((f) => f.id)).toEqual(expect.arrayContaining(['software', 'data', 'design', 'product', 'devops']));
    for (const family of FAMILIES) {
      for (const level of ['junior', 'mid', 'senior', 'staff', 'principal', 'manager', 'senior manager', 'director'] as const) {
        expect(family.skills[level].length, `${family.id} ${level}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('placement and next steps', () => {
  it('a senior backend engineer: staff and principal, or the management track', () => {
    const p = place('Senior Backend Engineer', 6);
    expect([p.family.id, p.track, p.level, p.role, p.years, p.yearsKnown]).toEqual(['software', 'ic', 'senior', 'Backend Engineer', 6, true]);
    expect(ladder(p)).toEqual([
      ['Staff Backend Engineer', 'ic', 8],
      ['Principal Backend Engineer', 'ic', 12],
      ['Engineering Manager', 'management', 7],
      ['Senior Engineering Manager', 'management', 10],
      ['Director of Engineering', 'management', 13],
    ]);
  });

  it('a junior data analyst: three IC rungs and the analytics management track', () => {
    const p = place('Junior Data Analyst', 1);
    expect([p.family.id, p.level]).toEqual(['data', 'junior']);
    expect(ladder(p)).toEqual([
      ['Data Analyst', 'ic', 2],
      ['Senior Data Analyst', 'ic', 5],
      ['Staff Data Analyst', 'ic', 8],
      ['Analytics Manager', 'management', 7],
      ['Senior Analytics Manager', 'management', 10],
      ['Director of Analytics', 'management', 13],
    ]);
  });

  it('an engineering manager: up the management track, or across to staff and principal IC', () => {
    const p = place('Engineering Manager', 9);
    expect([p.family.id, p.track, p.level]).toEqual(['software', 'management', 'manager']);
    expect(ladder(p)).toEqual([
      ['Staff Software Engineer', 'ic', 8],
      ['Principal Software Engineer', 'ic', 12],
      ['Senior Engineering Manager', 'management', 10],
      ['Director of Engineering', 'management', 13],
    ]);
  });

  it('a title without a level is mid, or senior with five years or more, never staff by years alone', () => {
    expect(place('Product Designer', 3).level).toBe('mid');
    expect(place('Product Designer', null).level).toBe('mid');
    expect(place('Product Designer', 1).level).toBe('junior');
    expect(place('Site Reliability Engineer', 7).level).toBe('senior');
    expect(place('Site Reliability Engineer', 25).level).toBe('senior');
    expect(ladder(place('Product Designer', 3))).toEqual([
      ['Senior Product Designer', 'ic', 5],
      ['Staff Product Designer', 'ic', 8],
      ['Principal Product Designer', 'ic', 12],
      ['Design Manager', 'management', 7],
      ['Senior Design Manager', 'management', 10],
      ['Director of Design', 'management', 13],
    ]);
  });

  it('an SRE climbs the SRE management track', () => {
    expect(ladder(place('Site Reliability Engineer', 7)).filter(([, track]) => track === 'management').map(([title]) => title)).toEqual([
      'SRE Manager',
      'Senior SRE Manager',
      'Director of Site Reliability Engineering',
    ]);
  });

  it('an associate product manager is the junior rung; a product manager is no people manager', () => {
    const p = place('Associate Product Manager', 1);
    expect([p.family.id, p.track, p.level]).toEqual(['product', 'ic', 'junior']);
    expect(ladder(p).map(([title]) => title)).toEqual([
      'Product Manager',
      'Senior Product Manager',
      'Staff Product Manager',
      'Group Product Manager',
      'Senior Group Product Manager',
      'Director of Product',
    ]);
    expect(rungOfTitle('Senior Product Manager')).toEqual({ track: 'ic', level: 'senior' });
    expect(rungOfTitle('Group Product Manager')).toEqual({ track: 'management', level: 'manager' });
  });

  it('places a resume without a title by its skills, at the rung its years give', () => {
    const p = place(null, 3, ['Figma', 'user research', 'prototyping', 'Git']);
    expect([p.family.id, p.level, p.title, p.basis]).toEqual(['design', 'mid', 'Product Designer', 'skills']);
    expect(place(null, null, ['Python', 'Django', 'PostgreSQL', 'Docker']).family.id).toBe('software');
    expect(placeUser({ title: null, skills: [], years: 4 })).toBeNull();
  });

  it('gives the top rungs no further step on their track', () => {
    expect(ladder(place('Principal Engineer', 15))).toEqual([
      ['Engineering Manager', 'management', 7],
      ['Senior Engineering Manager', 'management', 10],
      ['Director of Engineering', 'management', 13],
    ]);
    expect(ladder(place('Director of Engineering', 15))).toEqual([['Principal Software Engineer', 'ic', 12]]);
  });

  it('stands in typical years when neither profile nor resume says', () => {
    const p = place('Staff Data Scientist', null);
    expect([p.level, p.years, p.yearsKnown]).toEqual(['staff', 8, false]);
  });

  it('reads title, seniority and years from a resume and the profile', () => {
    const resume = [
      'Jane Doe',
      'Berlin, Germany',
      'Experience',
      'Senior Frontend Engineer at Acme',
      'Mar 2019 – present',
      'Frontend Developer at Globex',
      'Jan 2016 – Feb 2019',
      'Skills: TypeScript, React, GraphQL, Jest',
    ].join('\n');
    const profile = { ...EMPTY_PROFILE, resumeText: resume };
    const read = readCareerProfile(profile, new Date('2025-03-01T00:00:00Z'));
    expect([read.currentTitle, read.role, read.resume.years]).toEqual(['Senior Frontend Engineer', 'Frontend Engineer', 9]);
    const p = place(read.currentTitle, read.resume.years, read.resume.skills);
    expect(ladder(p).slice(0, 2)).toEqual([
      ['Staff Frontend Engineer', 'ic', 8],
      ['Principal Frontend Engineer', 'ic', 12],
    ]);
    // The years the user typed win over the resume's dates.
    expect(readCareerProfile({ ...profile, yearsOfExperience: 12 }, new Date('2025-03-01T00:00:00Z')).resume.years).toBe(12);
  });
});

describe('pay per step', () => {
  let id = 0;
  const posting = (title: string, min: number, max: number, currency = 'USD'): JobPosting => {
    id += 1;
    return {
      source: 'sandbox',
      sourceId: String(id),
      title,
      company: `Company ${id}`,
      location: 'Remote',
      remote: true,
      url: `https://jobs.example/${id}`,
      applyUrl: `https://jobs.example/${id}/apply`,
      description: '',
      salary: { min, max, currency },
      postedAt: null,
    };
  };

  it('matches a posting to a rung by its role words and its level', () => {
    const [staff, , manager] = nextSteps(place('Senior Backend Engineer', 6));
    expect(stepMatcher(staff!)('Staff Backend Engineer (Go)')).toBe(true);
    expect(stepMatcher(staff!)('Senior Backend Engineer')).toBe(false);
    expect(stepMatcher(staff!)('Staff Frontend Engineer')).toBe(false);
    expect(stepMatcher(manager!)('Engineering Manager, Payments')).toBe(true);
    expect(stepMatcher(manager!)('Senior Engineering Manager')).toBe(false);
  });

  it('gives quartiles where five postings or more pay a rung, null elsewhere, in one currency', () => {
    const steps = nextSteps(place('Senior Backend Engineer', 6));
    // Staff midpoints 160k, 170k, 180k, 190k, 200k: quartiles 170k / 180k / 190k.
    const staff = [150, 160, 170, 180, 190].map((k) => posting('Staff Backend Engineer', k * 1000, (k + 20) * 1000));
    // Managers: four in USD and one in EUR; five with pay.
    const managers = [
      posting('Engineering Manager', 160_000, 180_000),
      posting('Engineering Manager', 170_000, 190_000),
      posting('Engineering Manager', 180_000, 200_000),
      posting('Engineering Manager', 190_000, 210_000),
      posting('Engineering Manager', 150_000, 170_000, 'EUR'),
    ];
    const principal = [posting('Principal Backend Engineer', 220_000, 260_000)];
    const pay = payForSteps(steps, [...staff, ...managers, ...principal, posting('Data Scientist', 10, 20)]);
    expect(pay[0]).toEqual({ currency: 'USD', p25: 170_000, p50: 180_000, p75: 190_000, sampleSize: 5 });
    expect(pay[1]).toBeNull();
    expect(pay[2]?.sampleSize).toBe(5);
    expect(pay[2]?.currency).toBe('USD');
    expect(pay.slice(3)).toEqual([null, null]);
  });

  it('makes a valid career_trajectory event, steps in order', () => {
    const p = place('Senior Backend Engineer', 6);
    const steps = nextSteps(p);
    const trajectory = trajectoryOf(p, steps, payForSteps(steps, []));
    expect(trajectory.from).toEqual({ title: 'Senior Backend Engineer', seniority: 'senior', years: 6 });
    expect(trajectory.steps.map((s) => s.title)).toEqual(steps.map((s) => s.title));
    expect(trajectory.steps.every((s) => s.pay === null && s.skills.length > 0)).toBe(true);
    expect(() => validateNewEvent({ runId: 'run_careertest01', type: 'career_trajectory', agent: 'career', message: 'steps', data: trajectory })).not.toThrow();
  });
});

const EMPTY_PROFILE: ProfileFields = {
  name: '',
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  location: '',
  linkedinUrl: '',
  githubUrl: '',
  websiteUrl: '',
  currentCompany: '',
  yearsOfExperience: null,
  workAuthorization: null,
  requiresSponsorship: null,
  desiredSalary: '',
  earliestStartDate: null,
  resumeText: '',
  jobSources: [],
  savedAnswers: [],
};
