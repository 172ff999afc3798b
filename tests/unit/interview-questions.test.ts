import { describe, expect, it } from 'vitest';
import { BEHAVIOURAL_BANK } from '~worker/sessions/interview/behavioural-bank';
import { interviewLevel } from '~worker/sessions/interview/level';
import { domainOf, postingFromPage, postingFromRole, postingFromRolePostings, rankSkills } from '~worker/sessions/interview/posting';
import { pickQuestions, questionMix } from '~worker/sessions/interview/questions';
import { roleTemplatesFor } from '~worker/sessions/interview/role-questions';
import { seedFrom } from '~worker/sessions/interview/seed';
import { skillsFromRoleWords } from '~worker/sessions/interview/role-skills';
import type { InterviewPosting, Level, Question } from '~worker/sessions/interview/types';

/** A posting whose answers are known: its must-haves in this order, two nice-to-haves, senior. */
const POSTING_TEXT = `Senior Backend Engineer
About the role
You will build the payment services that move money for 4,000 merchants.
Requirements
- 5+ years of experience with Python and Django
- Strong PostgreSQL skills, including query tuning
- Experience with Kafka in production
- Kubernetes and AWS
Nice to have
- Terraform
- Experience with Go
Benefits
- Remote-first team, learning budget`;

const page = (extra: Partial<Parameters<typeof postingFromPage>[0]> = {}): InterviewPosting =>
  postingFromPage({ url: 'https://jobs.example/backend', title: 'Senior Backend Engineer', company: 'Acme Pay', text: POSTING_TEXT, ...extra });

const kinds = (qs: readonly Question[]) => qs.map((q) => q.kind);
const count = (qs: readonly Question[], kind: Question['kind']) => qs.filter((q) => q.kind === kind).length;

describe('the posting', () => {
  it('reads the skills, level and field as the analyst does', () => {
    const posting = page();
    expect(posting.skills).toEqual(['Python', 'Django', 'PostgreSQL', 'Kafka', 'Kubernetes', 'AWS']);
    expect(posting.preferred).toEqual(['Terraform', 'Go']);
    expect(posting.level).toBe('senior');
    expect(posting.domain).toBe('backend');
    expect(posting.role).toBe('Senior Backend Engineer');
    expect(posting.company).toBe('Acme Pay');
    expect(posting.from).toEqual({ kind: 'posting', url: 'https://jobs.example/backend' });
  });

  it('lets the user’s role and seniority win over the page', () => {
    const posting = page({ role: 'Staff Engineer', seniority: 'staff' });
    expect(posting.role).toBe('Staff Engineer');
    expect(posting.level).toBe('staff');
  });

  it('counts skills across a role’s postings, must-haves over nice-to-haves', () => {
    const postings = [
      { title: 'Data Engineer', description: 'Requirements\n- SQL and Airflow\n- Spark\nNice to have\n- dbt' },
      { title: 'Data Engineer', description: 'Requirements\n- Python, SQL and dbt\nNice to have\n- Kafka' },
      { title: 'Senior Data Engineer', description: 'Requirements\n- SQL, Spark and Python\nNice to have\n- Airflow' },
    ];
    // SQL 3; Spark 2; Python 2; Airflow 1.5; dbt 1.5; Kafka 0.5 — ties in order of first appearance.
    expect(rankSkills(postings)).toEqual(['SQL', 'Spark', 'Python', 'Airflow', 'dbt', 'Kafka']);
    const posting = postingFromRolePostings({ role: 'Data Engineer' }, postings, ['sandbox']);
    expect(posting.skills[0]).toBe('SQL');
    expect(posting.from).toEqual({ kind: 'postings', count: 3, sources: ['sandbox'] });
    expect(posting.domain).toBe('data');
  });

  it('falls back to the role’s words', () => {
    expect(skillsFromRoleWords('Python developer')[0]).toBe('Python');
    expect(skillsFromRoleWords('Frontend Engineer')).toEqual(['JavaScript', 'CSS', 'accessibility', 'testing']);
    expect(skillsFromRoleWords('Office wizard')).toEqual([]);
    const posting = postingFromRole({ role: 'Senior Site Reliability Engineer' });
    expect(posting.skills).toEqual(['SRE', 'CI/CD', 'observability', 'incident response', 'Kubernetes']);
    expect(posting.level).toBe('senior');
    expect(posting.from).toEqual({ kind: 'role' });
  });

  it.each([
    [undefined, null, 'mid'],
    ['principal', null, 'staff'],
    ['manager', 'junior', 'lead'],
    ['junior', 'senior', 'junior'],
    [undefined, 'intern', 'junior'],
    [undefined, 'principal', 'staff'],
  ] as const)('pitches %s (posting %s) at %s', (requested, posting, level) => {
    expect(interviewLevel(requested, posting)).toBe(level);
  });

  it('names the field from the specific skills', () => {
    expect(domainOf(['Python', 'pandas', 'Airflow', 'PostgreSQL'])).toBe('data');
    expect(domainOf(['Python', 'Go'])).toBe('language');
    expect(domainOf([])).toBeNull();
  });
});

describe('the questions', () => {
  const seed = seedFrom('run_interview01');

  it('asks about the must-have skills in the posting’s order, mixing kinds', () => {
    const qs = pickQuestions(page(), 5, seed);
    expect(qs.map((q) => q.index)).toEqual([1, 2, 3, 4, 5]);
    expect(kinds(qs)).toEqual(['technical', 'behavioural', 'role', 'technical', 'behavioural']);
    const technical = qs.filter((q) => q.kind === 'technical');
    expect(technical.map((q) => q.skill)).toEqual(['Python', 'Django']);
    for (const q of technical) expect(q.question).toContain(q.skill);
    // A story first, then a design question.
    expect(technical[0]?.hypothetical).toBe(false);
    expect(technical[1]?.question).toMatch(/^How would you/);
  });

  it('takes more skills, in order, for a longer interview', () => {
    const qs = pickQuestions(page(), 10, seed);
    expect(qs.filter((q) => q.kind === 'technical').map((q) => q.skill)).toEqual(['Python', 'Django', 'PostgreSQL', 'Kafka']);
    expect([count(qs, 'technical'), count(qs, 'behavioural'), count(qs, 'role')]).toEqual([4, 4, 2]);
    expect(kinds(qs)).toEqual(['technical', 'behavioural', 'role', 'technical', 'behavioural', 'role', 'technical', 'behavioural', 'technical', 'behavioural']);
  });

  it.each([
    [1, 6, { technical: 1, behavioural: 0, role: 0 }],
    [2, 6, { technical: 1, behavioural: 1, role: 0 }],
    [3, 6, { technical: 1, behavioural: 1, role: 1 }],
    [5, 6, { technical: 2, behavioural: 2, role: 1 }],
    [5, 1, { technical: 1, behavioural: 3, role: 1 }],
    [5, 0, { technical: 0, behavioural: 4, role: 1 }],
    [8, 6, { technical: 3, behavioural: 3, role: 2 }],
  ])('mixes %i questions with %i askable skills as %o', (n, skills, mix) => {
    expect(questionMix(n, skills)).toEqual(mix);
  });

  it('asks only behavioural and role questions when the posting names no skills', () => {
    const none = { ...page(), skills: [], preferred: [] };
    const qs = pickQuestions(none, 5, seed);
    expect(count(qs, 'technical')).toBe(0);
    expect(qs).toHaveLength(5);
  });

  it('is the same interview for the same posting and seed', () => {
    expect(pickQuestions(page(), 7, seed)).toEqual(pickQuestions(page(), 7, seed));
    const others = [1, 2, 3, 4, 5].map((s) => pickQuestions(page(), 7, s).map((q) => q.question).join('\n'));
    expect(new Set(others).size).toBeGreaterThan(1);
  });

  it('never asks two questions of one theme, whatever the seed', () => {
    const posting = page();
    for (let s = 0; s < 200; s += 1) {
      const qs = pickQuestions(posting, 10, s);
      expect(qs).toHaveLength(10);
      expect(new Set(qs.map((q) => q.theme)).size).toBe(10);
      expect(new Set(qs.map((q) => q.question)).size).toBe(10);
    }
  });

  const roleThemes = (level: Level) => new Set(roleTemplatesFor(level).map((t) => t.theme));
  it.each([
    ['junior', 'junior'],
    ['senior', 'senior'],
    ['staff', 'staff'],
    ['lead', 'lead'],
  ] as const)('pitches the role question at a %s', (seniority, level) => {
    const posting = page({ seniority });
    for (let s = 0; s < 20; s += 1) {
      const role = pickQuestions(posting, 5, s).filter((q) => q.kind === 'role');
      expect(role).toHaveLength(1);
      expect(roleThemes(level).has(role[0]!.theme)).toBe(true);
    }
  });

  it('asks seniors about scope, mentoring and trade-offs', () => {
    const posting = page();
    const asked = new Set<string>();
    for (let s = 0; s < 30; s += 1) for (const q of pickQuestions(posting, 5, s)) if (q.kind === 'role') asked.add(q.theme);
    expect([...asked].sort()).toEqual(['mentoring', 'scope', 'trade-off']);
    const mentoring = [...Array(30).keys()].flatMap((s) => pickQuestions(posting, 5, s)).find((q) => q.theme === 'mentoring');
    // The mentoring question is about the next skill after the technical ones.
    expect(mentoring?.skill).toBe('PostgreSQL');
  });

  it('has a bank of at least 20 behavioural questions over the usual themes', () => {
    expect(BEHAVIOURAL_BANK.length).toBeGreaterThanOrEqual(20);
    expect(new Set(BEHAVIOURAL_BANK.map((q) => q.question)).size).toBe(BEHAVIOURAL_BANK.length);
    const themes = new Set(BEHAVIOURAL_BANK.map((q) => q.theme));
    for (const theme of ['conflict', 'failure', 'ownership', 'prioritisation', 'ambiguity', 'feedback']) expect(themes.has(theme)).toBe(true);
  });

  it('keeps every question within the catalog’s bounds', () => {
    const postings = (['junior', 'mid', 'senior', 'staff', 'lead'] as const).map((seniority) => page({ seniority }));
    for (let s = 0; s < 50; s += 1) {
      for (const q of pickQuestions(postings[s % 5]!, 10, s)) {
        expect(q.question.length).toBeLessThanOrEqual(2000);
        expect(q.question).toMatch(/[?.]$/);
        expect(q.keywords.length).toBeGreaterThan(0);
      }
    }
  });
});
