/**
 * The role ladders: for each job family, an individual-contributor track (junior → mid →
 * senior → staff → principal) and a management track (manager → senior manager →
 * director), each rung with the years of experience people typically have when they
 * reach it and the skills that separate it from the rung below. The numbers are the
 * common shape of published engineering ladders, not any one company's: they place a
 * user and show the next rungs, and pay for each rung comes from real postings.
 */
import type { SkillCategory } from '../../analysis/skills';

export type IcLevel = 'junior' | 'mid' | 'senior' | 'staff' | 'principal';
export type ManagementLevel = 'manager' | 'senior manager' | 'director';
export type Level = IcLevel | ManagementLevel;
export type Track = 'ic' | 'management';

export const IC_LEVELS: readonly IcLevel[] = ['junior', 'mid', 'senior', 'staff', 'principal'];
export const MANAGEMENT_LEVELS: readonly ManagementLevel[] = ['manager', 'senior manager', 'director'];

/** Typical years of experience at each rung. */
export const TYPICAL_YEARS: Readonly<Record<Level, number>> = {
  junior: 0,
  mid: 2,
  senior: 5,
  staff: 8,
  principal: 12,
  manager: 7,
  'senior manager': 10,
  director: 13,
};

export const IC_PREFIX: Readonly<Record<IcLevel, string>> = {
  junior: 'Junior ',
  mid: '',
  senior: 'Senior ',
  staff: 'Staff ',
  principal: 'Principal ',
};

export type FamilyId = 'product' | 'design' | 'ml' | 'data' | 'devops' | 'software';

/** The management rungs' titles, for the roles `match` fits (the last variant fits every role). */
interface ManagementTitles {
  match?: RegExp;
  titles: Readonly<Record<ManagementLevel, string>>;
}

export interface JobFamily {
  id: FamilyId;
  /** In the user's words: "software engineering". */
  name: string;
  /** Titles in this family. */
  titlePattern: RegExp;
  /** Resume skills that point to this family when the resume names no title. */
  skillCategories: readonly SkillCategory[];
  /** The IC role when neither the resume nor the message names one. */
  defaultRole: string;
  /** Rungs whose title is not "<level> <role>" (an associate product manager, not a junior one). */
  icTitles?: Partial<Readonly<Record<IcLevel, string>>>;
  management: readonly ManagementTitles[];
  /** What separates each rung from the one below it. */
  skills: Readonly<Record<Level, readonly string[]>>;
}

const managementSkills = (extra: Partial<Record<ManagementLevel, readonly string[]>> = {}): Record<ManagementLevel, readonly string[]> => ({
  manager: ['people management', 'hiring', 'mentoring', ...(extra.manager ?? ['delivery planning'])],
  'senior manager': ['managing managers', 'organisation design', ...(extra['senior manager'] ?? ['OKRs'])],
  director: ['budget and headcount planning', 'stakeholder management', ...(extra.director ?? ['strategy across teams'])],
});

const titles = (manager: string, seniorManager: string, director: string): Record<ManagementLevel, string> => ({
  manager,
  'senior manager': seniorManager,
  director,
});

/** In matching order: the first family whose pattern fits a title is its family ("Data Engineer" is data, not software). */
export const FAMILIES: readonly JobFamily[] = [
  {
    id: 'product',
    name: 'product management',
    titlePattern: /\bproduct (?:manager|owner|management|lead)\b|\bhead of product\b|\bdirector of product\b|\bvp,? (?:of )?product\b|\bapm\b/i,
    skillCategories: ['product'],
    defaultRole: 'Product Manager',
    icTitles: { junior: 'Associate Product Manager' },
    management: [{ titles: titles('Group Product Manager', 'Senior Group Product Manager', 'Director of Product') }],
    skills: {
      junior: ['user stories', 'Jira', 'data analysis'],
      mid: ['roadmapping', 'prioritization', 'A/B testing', 'stakeholder management'],
      senior: ['product strategy', 'OKRs', 'go-to-market', 'mentoring'],
      staff: ['strategy across several teams', 'market research', 'business cases'],
      principal: ['company-wide product vision', 'influence beyond the company'],
      ...managementSkills({ manager: ['product strategy'], 'senior manager': ['portfolio planning'], director: ['product vision'] }),
    },
  },
  {
    id: 'design',
    name: 'design',
    titlePattern: /\bdesigner\b|\bdesign (?:manager|lead|director)\b|\b(?:director|head|vp) of design\b|\bux\b|\buser researcher\b/i,
    skillCategories: ['design'],
    defaultRole: 'Product Designer',
    management: [{ titles: titles('Design Manager', 'Senior Design Manager', 'Director of Design') }],
    skills: {
      junior: ['Figma', 'wireframing', 'visual design'],
      mid: ['prototyping', 'user research', 'interaction design', 'usability testing'],
      senior: ['design systems', 'information architecture', 'stakeholder management', 'mentoring'],
      staff: ['design strategy', 'accessibility', 'design leadership across teams'],
      principal: ['design vision for the organisation', 'influence beyond the company'],
      ...managementSkills({ manager: ['design critique'], 'senior manager': ['design operations'], director: ['design strategy'] }),
    },
  },
  {
    id: 'ml',
    name: 'machine learning',
    titlePattern: /machine learning|\bml\b|\bai\b|deep learning|\bnlp\b|computer vision|applied scientist|research scientist|\bllm\b/i,
    skillCategories: ['ml'],
    defaultRole: 'Machine Learning Engineer',
    management: [
      { titles: titles('Machine Learning Engineering Manager', 'Senior Machine Learning Engineering Manager', 'Director of Machine Learning') },
    ],
    skills: {
      junior: ['Python', 'machine learning', 'scikit-learn'],
      mid: ['PyTorch', 'deep learning', 'SQL', 'Docker'],
      senior: ['MLOps', 'system design', 'LLMs', 'mentoring'],
      staff: ['distributed systems', 'model evaluation strategy', 'technical leadership across teams'],
      principal: ['research direction', 'technical vision for the organisation'],
      ...managementSkills({ manager: ['ML project planning'], director: ['AI strategy'] }),
    },
  },
  {
    id: 'data',
    name: 'data',
    titlePattern: /\bdata\b|\banalytics\b|business intelligence|\bbi\b|statistic/i,
    skillCategories: ['data'],
    defaultRole: 'Data Scientist',
    management: [
      {
        match: /data engineer|analytics engineer/i,
        titles: titles('Data Engineering Manager', 'Senior Data Engineering Manager', 'Director of Data Engineering'),
      },
      { match: /analyst|analytics|business intelligence|\bbi\b/i, titles: titles('Analytics Manager', 'Senior Analytics Manager', 'Director of Analytics') },
      { titles: titles('Data Science Manager', 'Senior Data Science Manager', 'Director of Data Science') },
    ],
    skills: {
      junior: ['SQL', 'Python', 'data analysis'],
      mid: ['statistics', 'data modeling', 'ETL', 'data visualization'],
      senior: ['A/B testing', 'Spark', 'stakeholder management', 'mentoring'],
      staff: ['forecasting', 'data strategy', 'technical leadership across teams'],
      principal: ['data strategy for the organisation', 'methodology standards'],
      ...managementSkills({ manager: ['analytics roadmaps'], director: ['data strategy'] }),
    },
  },
  {
    id: 'devops',
    name: 'DevOps and SRE',
    titlePattern: /\bsre\b|site reliability|devops|dev ops|\bplatform\b|infrastructure|cloud engineer|reliability/i,
    skillCategories: ['devops', 'cloud'],
    defaultRole: 'Site Reliability Engineer',
    management: [
      { match: /\bsre\b|reliability/i, titles: titles('SRE Manager', 'Senior SRE Manager', 'Director of Site Reliability Engineering') },
      { titles: titles('Platform Engineering Manager', 'Senior Platform Engineering Manager', 'Director of Platform Engineering') },
    ],
    skills: {
      junior: ['Linux', 'Bash', 'Git', 'Docker'],
      mid: ['Kubernetes', 'Terraform', 'CI/CD', 'AWS'],
      senior: ['observability', 'incident response', 'networking', 'mentoring'],
      staff: ['SRE', 'system design', 'capacity planning', 'platform strategy'],
      principal: ['reliability strategy for the organisation', 'distributed systems', 'security'],
      ...managementSkills({ manager: ['incident response'], director: ['platform strategy'] }),
    },
  },
  {
    id: 'software',
    name: 'software engineering',
    titlePattern: /engineer|developer|programmer|software|architect|\bswe\b|firmware|\bqa\b|tester/i,
    skillCategories: ['language', 'frontend', 'backend', 'mobile', 'database', 'qa', 'security', 'embedded', 'practice'],
    defaultRole: 'Software Engineer',
    management: [{ titles: titles('Engineering Manager', 'Senior Engineering Manager', 'Director of Engineering') }],
    skills: {
      junior: ['Git', 'testing', 'SQL'],
      mid: ['code review', 'REST', 'CI/CD', 'owning features end to end'],
      senior: ['system design', 'distributed systems', 'mentoring', 'leading projects'],
      staff: ['performance optimization', 'observability', 'technical strategy', 'technical leadership across teams'],
      principal: ['architecture for the organisation', 'security', 'influence beyond the company'],
      ...managementSkills({ manager: ['Agile'] }),
    },
  },
];

export function familyById(id: FamilyId): JobFamily {
  const family = FAMILIES.find((f) => f.id === id);
  if (!family) throw new Error(`no ladder for ${id}`);
  return family;
}

/** The management titles for a role in a family ("Data Engineer" → "Data Engineering Manager"…). */
export function managementTitles(family: JobFamily, role: string): Readonly<Record<ManagementLevel, string>> {
  const variant = family.management.find((m) => m.match === undefined || m.match.test(role));
  // Every family's last variant has no `match`, so a variant is always found; the first is a typed fallback.
  return (variant ?? family.management[0] ?? { titles: titles('Manager', 'Senior Manager', 'Director') }).titles;
}

/** The title of an IC rung for a role ("senior", "Backend Engineer" → "Senior Backend Engineer"). */
export function icTitle(family: JobFamily, role: string, level: IcLevel): string {
  return family.icTitles?.[level] ?? `${IC_PREFIX[level]}${role}`;
}
