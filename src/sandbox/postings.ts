import { COMPANIES } from './catalog/companies';
import { BENEFITS } from './catalog/benefits';
import { LOCATIONS, type Location } from './catalog/locations';
import { ROLE_FAMILIES, type RoleFamily } from './catalog/roles';
import { describePosting, sectionsToText, type PostingSection, type Seniority } from './description';
import type { LayoutName } from './forms/layout-names';
import { type Random, between, hashString, pick, pickSome, seededRandom, weighted } from './random';

export type { PostingSection, Seniority } from './description';
export { searchPostings } from './search';

/** One posting on the sandbox board. */
export interface Posting {
  id: string;
  title: string;
  company: string;
  companyAbout: string;
  location: string;
  remote: boolean;
  /** Finishes "Are you legally authorized to work in …?". */
  workCountry: string;
  salaryMin: number;
  salaryMax: number;
  currency: string;
  /** ISO 8601. */
  postedAt: string;
  layout: LayoutName;
  seniority: Seniority;
  team: string;
  /** The core skills as the posting spells them ("PostgreSQL", "CI/CD"). */
  skills: string[];
  sections: PostingSection[];
  /** Plain text of the sections, separated by blank lines. */
  description: string;
}

export const DEFAULT_POSTING_COUNT = 252;
export const DEFAULT_SEED = 42;
/** Postings are dated relative to this instant, never to the clock, so the board never drifts. */
export const BOARD_EPOCH = Date.UTC(2026, 2, 2, 9, 0, 0);
const HOUR_MS = 3600 * 1000;

const SENIORITY_WEIGHTS: readonly (readonly [Seniority, number])[] = [
  ['junior', 15],
  ['mid', 30],
  ['senior', 30],
  ['staff', 12],
  ['lead', 13],
];
const BASE_SALARY_USD: Readonly<Record<Seniority, number>> = { junior: 70_000, mid: 100_000, senior: 140_000, staff: 180_000, lead: 170_000 };
const TITLE_PREFIX: Readonly<Record<Seniority, string>> = { junior: 'Junior ', mid: '', senior: 'Senior ', staff: 'Staff ', lead: 'Lead ' };

/**
 * The layouts in the order consecutive ids take them, so that every layout serves the
 * same number of postings (21 of the 252). The order keeps the postings the tests
 * search for one at a time (ids 1086, 1014: placeholder-only; 1221: eeo; 1045, 1021:
 * nearby-text; 1000: iframe-embed) on forms the test profile answers completely.
 */
const LAYOUT_CYCLE: readonly LayoutName[] = [
  'classic',
  'nearby-text',
  'wizard',
  'alert-steps',
  'iframe-embed',
  'custom-dropdowns',
  'placeholder-only',
  'conditional',
  'screening',
  'eeo',
  'shadow-dom',
  'searchable-combos',
];

/** The layout follows from the id alone, so a posting keeps its form across board sizes and seeds. */
export function layoutForId(id: string): LayoutName {
  const n = /^\d{1,9}$/.test(id) ? Number(id) : hashString(id);
  return LAYOUT_CYCLE[n % LAYOUT_CYCLE.length] ?? 'classic';
}

function salaryFor(rand: Random, family: RoleFamily, seniority: Seniority, location: Location) {
  const usd = BASE_SALARY_USD[seniority] + family.salaryOffset + between(rand, 0, 20) * 1000;
  const round = (n: number) => Math.round(n / location.payStep) * location.payStep;
  const min = round(usd * location.payFactor);
  const max = round((usd + between(rand, 20, 40) * 1000) * location.payFactor);
  return { min, max, currency: location.currency };
}

function generatePosting(rand: Random, index: number): Posting {
  const id = String(1000 + index);
  const family = weighted(rand, ROLE_FAMILIES.map((f) => [f, f.weight] as const));
  const stack = pick(rand, family.stacks);
  const seniority = weighted(rand, SENIORITY_WEIGHTS);
  const location = weighted(rand, LOCATIONS.map((l) => [l, l.weight] as const));
  const company = pick(rand, COMPANIES);
  const team = pick(rand, family.teams);
  const title = `${TITLE_PREFIX[seniority]}${pick(rand, [...family.titles, ...(stack.titles ?? [])])}`;
  const salary = salaryFor(rand, family, seniority, location);
  const benefits = pickSome(rand, BENEFITS, between(rand, 4, 6));
  const sections = describePosting(rand, { title, company, location, family, stack, team, seniority, salary, benefits });
  return {
    id,
    title,
    company: company.name,
    companyAbout: company.about,
    location: location.label,
    remote: location.remote,
    workCountry: location.workCountry,
    salaryMin: salary.min,
    salaryMax: salary.max,
    currency: salary.currency,
    postedAt: new Date(BOARD_EPOCH - between(rand, 1, 45 * 24) * HOUR_MS).toISOString(),
    layout: layoutForId(id),
    seniority,
    team,
    skills: [...stack.skills],
    sections,
    description: sectionsToText(sections),
  };
}

/** The board: the same postings, in the same order, for the same count and seed. */
export function generatePostings(count = DEFAULT_POSTING_COUNT, seed = DEFAULT_SEED): Posting[] {
  const rand = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => generatePosting(rand, i));
}
