import { boardPostings } from './board';
import { COMPANIES, type Company } from './catalog/companies';
import { FIRST_NAMES, LAST_NAMES } from './catalog/people-names';
import { ROLE_FAMILIES, type RoleFamily } from './catalog/roles';
import { postingUrl } from './job-json';
import type { Posting, Seniority } from './postings';
import { type Random, hashString, pick, pickSome, seededRandom } from './random';
import { companySlug } from '~/shared/company-slug';

/**
 * The sandbox companies' public team pages: fictional people, generated from the
 * company's name alone (and its postings' teams), so every process and every test sees
 * the same people. A team page lists a name, a title, a team and a link to the
 * person's entry, as real "meet the team" pages do; never an email or a phone number,
 * because the network agent must find people, not contact details.
 */

export interface TeamMember {
  /** Unique within the company: the anchor of the person's entry on the team page. */
  id: string;
  name: string;
  title: string;
  team: string;
}

/** A posting of the company, with the team it is for, so a visitor can see who they would work with. */
export interface TeamOpening {
  id: string;
  title: string;
  team: string;
  skills: string[];
}

export interface CompanyTeam {
  company: string;
  slug: string;
  about: string;
  /** In the order the page shows them: leadership, talent, then the product teams. */
  teams: string[];
  people: TeamMember[];
  openings: TeamOpening[];
}

/** GET /sandbox/api/companies/:slug/team; the network agent codes against this shape. */
export interface TeamJson {
  company: string;
  slug: string;
  about: string;
  /** `${APP_URL}/sandbox/companies/${slug}/team` */
  url: string;
  teams: string[];
  people: (TeamMember & { profileUrl: string })[];
  openings: (TeamOpening & { url: string })[];
}

/** Hiring managers differ by discipline: an engineering manager does not hire designers. */
type Discipline = 'engineering' | 'data' | 'design' | 'product';

const DISCIPLINE: Readonly<Record<string, Discipline>> = {
  'data-science': 'data',
  'data-analysis': 'data',
  design: 'design',
  product: 'product',
};

const MANAGER_TITLES: Readonly<Record<Discipline, readonly string[]>> = {
  engineering: ['Engineering Manager, {team}', 'Engineering Lead, {team}', 'Head of {team} Engineering'],
  data: ['Data Science Manager, {team}', 'Analytics Manager, {team}'],
  design: ['Design Manager, {team}', 'Head of Design, {team}'],
  product: ['Director of Product, {team}', 'Head of Product, {team}'],
};

const IC_PREFIX: Readonly<Record<Seniority, string>> = { junior: 'Junior ', mid: '', senior: 'Senior ', staff: 'Staff ', lead: 'Lead ' };
const IC_SENIORITIES: readonly Seniority[] = ['junior', 'mid', 'senior', 'staff'];

const TALENT_TEAM = 'Talent';
const LEADERSHIP_TEAM = 'Leadership';

export { companySlug };

/**
 * The company a slug names: exactly, or as the one company whose slug starts with it
 * ("northwind" → Northwind Labs), since people shorten company names.
 */
export function findSandboxCompany(slug: string): Company | undefined {
  const wanted = companySlug(slug);
  if (!wanted) return undefined;
  const exact = COMPANIES.find((c) => companySlug(c.name) === wanted);
  if (exact) return exact;
  const prefixed = COMPANIES.filter((c) => companySlug(c.name).startsWith(`${wanted}-`));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** The family a posting was generated from: its title (without the level) is one of the family's titles. */
function familyOf(posting: Posting): RoleFamily | undefined {
  const core = posting.title.replace(/^(Junior|Senior|Staff|Lead)\s+/, '');
  const withTeam = ROLE_FAMILIES.filter((f) => f.teams.includes(posting.team));
  return (
    withTeam.find((f) => f.titles.includes(core) || f.stacks.some((s) => s.titles?.includes(core))) ??
    withTeam[0] ??
    ROLE_FAMILIES[0]
  );
}

interface TeamGroup {
  team: string;
  discipline: Discipline;
  families: RoleFamily[];
}

/** One group per team and discipline, in the order the postings name them. */
function groupsOf(postings: readonly Posting[], rand: Random): TeamGroup[] {
  const groups: TeamGroup[] = [];
  for (const posting of postings) {
    const family = familyOf(posting);
    if (!family) continue;
    const discipline = DISCIPLINE[family.key] ?? 'engineering';
    const group = groups.find((g) => g.team === posting.team && g.discipline === discipline);
    if (!group) groups.push({ team: posting.team, discipline, families: [family] });
    else if (!group.families.includes(family)) group.families.push(family);
  }
  if (groups.length > 0) return groups;
  // A company with nothing posted still has a team page: two engineering teams of its own.
  return pickSome(rand, ROLE_FAMILIES.filter((f) => !DISCIPLINE[f.key]), 2).map((family) => ({
    team: pick(rand, family.teams),
    discipline: 'engineering' as const,
    families: [family],
  }));
}

/** A name nobody else at the company has. */
function uniqueName(rand: Random, taken: Set<string>): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const name = `${pick(rand, FIRST_NAMES)} ${pick(rand, LAST_NAMES)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  // 3,600 combinations and a few dozen people: reached only if the lists shrink.
  const name = `${pick(rand, FIRST_NAMES)} ${pick(rand, LAST_NAMES)} ${taken.size + 1}`;
  taken.add(name);
  return name;
}

function personId(name: string): string {
  return companySlug(name);
}

/**
 * The company's people: leadership, two or three recruiters, and per team and
 * discipline of its postings a manager and engineers (or designers, analysts…) of
 * several levels. Deterministic for a company and its postings.
 */
export function companyTeam(company: Company, postings: readonly Posting[]): CompanyTeam {
  const rand = seededRandom(hashString(`team:${company.name}`));
  const own = postings.filter((p) => p.company === company.name);
  const taken = new Set<string>();
  const people: TeamMember[] = [];
  const add = (title: string, team: string) => {
    const name = uniqueName(rand, taken);
    people.push({ id: personId(name), name, title, team });
  };

  add(pick(rand, ['CTO', 'VP of Engineering']), LEADERSHIP_TEAM);
  add('Head of People', LEADERSHIP_TEAM);
  add(pick(rand, ['Technical Recruiter', 'Senior Technical Recruiter']), TALENT_TEAM);
  add(pick(rand, ['Talent Partner, Engineering', 'Talent Acquisition Partner']), TALENT_TEAM);
  if (rand() < 0.5) add('Recruiting Coordinator', TALENT_TEAM);

  const groups = groupsOf(own, rand);
  for (const group of groups) {
    add(pick(rand, MANAGER_TITLES[group.discipline]).replace('{team}', group.team), group.team);
    for (const family of group.families) {
      for (const seniority of pickSome(rand, IC_SENIORITIES, 2)) {
        add(`${IC_PREFIX[seniority]}${pick(rand, family.titles)}`, group.team);
      }
    }
  }

  const productTeams = [...new Set(groups.map((g) => g.team))];
  return {
    company: company.name,
    slug: companySlug(company.name),
    about: company.about,
    teams: [LEADERSHIP_TEAM, TALENT_TEAM, ...productTeams.filter((t) => t !== LEADERSHIP_TEAM && t !== TALENT_TEAM)],
    people,
    openings: own.map((p) => ({ id: p.id, title: p.title, team: p.team, skills: [...p.skills] })),
  };
}

const teams = new Map<string, CompanyTeam>();

/** The team of the company a slug names on the board the web server serves, or undefined. */
export function teamForSlug(slug: string): CompanyTeam | undefined {
  const company = findSandboxCompany(slug);
  if (!company) return undefined;
  let team = teams.get(company.name);
  if (!team) {
    team = companyTeam(company, boardPostings());
    teams.set(company.name, team);
  }
  return team;
}

export function teamPageUrl(appUrl: string, slug: string): string {
  return `${appUrl.replace(/\/+$/, '')}/sandbox/companies/${encodeURIComponent(slug)}/team`;
}

export function toTeamJson(team: CompanyTeam, appUrl: string): TeamJson {
  const url = teamPageUrl(appUrl, team.slug);
  return {
    company: team.company,
    slug: team.slug,
    about: team.about,
    url,
    teams: team.teams,
    people: team.people.map((p) => ({ ...p, profileUrl: `${url}#${encodeURIComponent(p.id)}` })),
    openings: team.openings.map((o) => ({ ...o, url: postingUrl(appUrl, o.id) })),
  };
}
