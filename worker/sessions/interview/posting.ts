/**
 * What the interview is for, built from what could be read: the posting's text (read as
 * the analyst reads it), postings for the role counted together, or the role's words.
 * Pure: the fetching and searching is in read-posting.ts.
 */
import type { Seniority as RequestedSeniority } from '~/shared/sessions/salary';
import { extractRequirements, seniorityFromTitle } from '../../analysis/requirements';
import { skillCategory, type SkillCategory } from '../../analysis/skills';
import { interviewLevel } from './level';
import { skillsFromRoleWords } from './role-skills';
import type { InterviewPosting } from './types';

/** The catalog takes up to 50 skills; a dozen is already more than any interview asks about. */
const MAX_SKILLS = 12;
const MAX_PREFERRED = 12;

export interface PageInput {
  url: string;
  /** The page's title (its og:title or first heading). */
  title: string;
  company: string | null;
  /** The posting's plain text. */
  text: string;
  /** The role the user named, which wins over the page's title. */
  role?: string | undefined;
  seniority?: RequestedSeniority | undefined;
}

/** The posting at the run's jobUrl: its must-haves in the posting's order, its level, its field. */
export function postingFromPage(input: PageInput): InterviewPosting {
  const requirements = extractRequirements(input.text, input.title);
  const skills = requirements.required.slice(0, MAX_SKILLS);
  return {
    role: input.role ?? input.title,
    company: input.company,
    skills,
    preferred: requirements.preferred.filter((s) => !skills.includes(s)).slice(0, MAX_PREFERRED),
    level: interviewLevel(input.seniority, requirements.seniority),
    domain: domainOf(skills),
    from: { kind: 'posting', url: input.url },
  };
}

export interface RolePosting {
  title: string;
  description: string;
}

export interface RoleInput {
  role: string;
  seniority?: RequestedSeniority | undefined;
  company?: string | null;
}

/**
 * Skills counted across the role's postings: a skill most of them ask for is what an
 * interviewer for the role will ask about, whatever one posting happens to list first.
 * Required counts fully and nice-to-have half, so a common must-have outranks a common extra.
 */
export function postingFromRolePostings(input: RoleInput, postings: readonly RolePosting[], sources: readonly string[]): InterviewPosting {
  const ranked = rankSkills(postings);
  return {
    role: input.role,
    company: input.company ?? null,
    skills: ranked.slice(0, MAX_SKILLS),
    preferred: ranked.slice(MAX_SKILLS, MAX_SKILLS + MAX_PREFERRED),
    level: interviewLevel(input.seniority, seniorityFromTitle(input.role)),
    domain: domainOf(ranked.slice(0, MAX_SKILLS)),
    from: { kind: 'postings', count: postings.length, sources: [...sources] },
  };
}

/** Nothing to read: the role's own words say what it is about. */
export function postingFromRole(input: RoleInput): InterviewPosting {
  const skills = skillsFromRoleWords(input.role).slice(0, MAX_SKILLS);
  return {
    role: input.role,
    company: input.company ?? null,
    skills,
    preferred: [],
    level: interviewLevel(input.seniority, seniorityFromTitle(input.role)),
    domain: domainOf(skills),
    from: { kind: 'role' },
  };
}

/** Skills by weight over the postings, ties in order of first appearance. */
export function rankSkills(postings: readonly RolePosting[]): string[] {
  const weight = new Map<string, number>();
  for (const posting of postings) {
    const { required, preferred } = extractRequirements(posting.description, posting.title);
    for (const skill of required) weight.set(skill, (weight.get(skill) ?? 0) + 1);
    for (const skill of preferred) if (!required.includes(skill)) weight.set(skill, (weight.get(skill) ?? 0) + 0.5);
  }
  const firstSeen = [...weight.keys()];
  return firstSeen.sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0) || firstSeen.indexOf(a) - firstSeen.indexOf(b));
}

/**
 * The field most skills belong to. Languages and general practices are left out when
 * anything else is there: Python says less about a job than Django or Airflow next to it.
 */
export function domainOf(skills: readonly string[]): SkillCategory | null {
  const categories = skills.flatMap((s) => skillCategory(s) ?? []);
  const specific = categories.filter((c) => c !== 'language' && c !== 'practice');
  const pool = specific.length > 0 ? specific : categories;
  let best: SkillCategory | null = null;
  let bestCount = 0;
  for (const category of pool) {
    const count = pool.filter((c) => c === category).length;
    if (count > bestCount) [best, bestCount] = [category, count];
  }
  return best;
}
