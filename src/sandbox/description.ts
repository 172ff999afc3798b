import type { Company } from './catalog/companies';
import type { Location } from './catalog/locations';
import type { RoleFamily, RoleStack } from './catalog/roles';
import { formatSalaryRange, groupThousands } from './money';
import { type Random, pick, pickSome } from './random';

export type Seniority = 'junior' | 'mid' | 'senior' | 'staff' | 'lead';

/** One section of a posting: a heading, then paragraphs or bullets. */
export interface PostingSection {
  heading: string;
  paragraphs: string[];
  bullets: string[];
}

export interface DescriptionInput {
  title: string;
  company: Company;
  location: Location;
  family: RoleFamily;
  stack: RoleStack;
  team: string;
  seniority: Seniority;
  salary: { min: number; max: number; currency: string };
  benefits: readonly string[];
}

export const YEARS_BY_SENIORITY: Readonly<Record<Seniority, number>> = { junior: 1, mid: 3, senior: 5, staff: 8, lead: 7 };

const GROWTH: Readonly<Record<Seniority, string>> = {
  junior: 'You will be paired with an experienced mentor and get real ownership from your first month.',
  mid: 'You will own features from design to delivery and take on a wider scope over time.',
  senior: 'You will lead projects from design to delivery and raise the bar for the people around you.',
  staff: 'You will set technical direction across several teams and tackle our hardest problems.',
  lead: 'You will lead a team of four to six people while staying hands-on in the work.',
};

const LEADERSHIP: Readonly<Partial<Record<Seniority, string>>> = {
  staff: 'Experience leading technical initiatives that span several teams',
  lead: 'Experience leading and mentoring a team, including hiring and career growth',
  senior: 'Experience mentoring others and leading projects from start to finish',
};

const NICE_EXTRAS: readonly string[] = [
  'Experience at a fast-growing startup',
  'Open-source contributions you are proud of',
  'Experience in a remote-first team',
  'A second language spoken at work',
  'Experience in a regulated industry',
];

const section = (heading: string, paragraphs: string[], bullets: string[] = []): PostingSection => ({ heading, paragraphs, bullets });

function aboutCompany(input: DescriptionInput): PostingSection {
  const { company, location } = input;
  const where = location.remote ? 'working across many time zones' : `with our main office in ${location.label.split(',')[0] ?? location.label}`;
  return section('About the company', [`${company.about} Founded in ${company.founded}, we are ${groupThousands(company.employees)} people ${where}.`]);
}

function theRole(input: DescriptionInput): PostingSection {
  const { title, company, family, team, seniority, location } = input;
  const arrangement = location.remote
    ? 'This is a fully remote role; the team meets in person twice a year.'
    : 'We work from the office three days a week and from home the rest.';
  return section('The role', [
    `As a ${title} at ${company.name}, you will ${family.mission.replace('{team}', team)}. ${GROWTH[seniority]}`,
    arrangement,
  ]);
}

function responsibilities(rand: Random, input: DescriptionInput): PostingSection {
  return section('Responsibilities', [], pickSome(rand, input.family.responsibilities, 5));
}

function requirements(rand: Random, input: DescriptionInput): PostingSection {
  const { family, stack, seniority } = input;
  const [a, b, c, d, e] = stack.skills;
  const bullets = [
    `${YEARS_BY_SENIORITY[seniority]}+ years of experience ${family.experienceIn}`,
    `Strong experience with ${a ?? ''} and ${b ?? ''}`,
    c ? `Hands-on experience with ${c}` : '',
    d && e ? `Working knowledge of ${d} and ${e}` : d ? `Working knowledge of ${d}` : '',
    pick(rand, family.qualities),
    LEADERSHIP[seniority] ?? '',
    'Fluent written and spoken English',
  ];
  return section('Requirements', [], bullets.filter(Boolean));
}

function niceToHave(rand: Random, input: DescriptionInput): PostingSection {
  const bonus = pickSome(rand, input.stack.bonus, 2).map((skill) => `Experience with ${skill}`);
  return section('Nice to have', [], [...bonus, pick(rand, NICE_EXTRAS)]);
}

function benefits(input: DescriptionInput): PostingSection {
  const { min, max, currency } = input.salary;
  return section('Benefits', [], [`A salary of ${formatSalaryRange(min, max, currency)} a year, depending on experience`, ...input.benefits]);
}

/** The posting's text, section by section, in the order real postings use. */
export function describePosting(rand: Random, input: DescriptionInput): PostingSection[] {
  return [
    aboutCompany(input),
    theRole(input),
    responsibilities(rand, input),
    requirements(rand, input),
    niceToHave(rand, input),
    benefits(input),
  ];
}

/** Plain text: sections separated by blank lines, bullets as "- " lines. */
export function sectionsToText(sections: readonly PostingSection[]): string {
  return sections
    .map((s) => [s.heading, ...s.paragraphs, ...s.bullets.map((b) => `- ${b}`)].join('\n'))
    .join('\n\n');
}
