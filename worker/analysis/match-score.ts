/**
 * The deterministic match score: how well a resume covers what a posting asks for.
 * Required-skill coverage dominates; nice-to-haves and the fit between the resume's
 * field and the job's title add a little; being under-levelled, over-levelled or in
 * the wrong city takes points off. Same inputs, same score — nothing here reads the
 * clock or a random source, so scores can be compared across runs.
 */
import { type Requirements, type Seniority, seniorityFromTitle } from './requirements';
import type { ResumeFacts } from './resume-facts';
import { extractSkills, type SkillCategory, skillCategory, substituteFor, withImpliedSkills } from './skills';

export interface PostingSummary {
  title: string;
  location: string;
  remote: boolean;
}

export type SeniorityFit = 'under' | 'fit' | 'over' | 'unknown';
export type LocationFit = 'remote' | 'same-city' | 'relocation' | 'unknown';

export interface MatchResult {
  /** 0–100, an integer. */
  score: number;
  matchedSkills: string[];
  /** Required skills the resume does not show (nice-to-haves are only mentioned in the explanation). */
  missingSkills: string[];
  seniorityFit: SeniorityFit;
  locationFit: LocationFit;
  explanation: string;
}

/** The weights, in points out of 100 before penalties. */
const WEIGHT = { required: 65, preferred: 10, domain: 25 } as const;
const PENALTY = { perLevelUnder: 9, perYearUnder: 6, maxUnder: 30, perLevelOver: 5, maxOver: 15, relocation: 15 } as const;

// ---------------------------------------------------------------- field of work

type Family = 'backend' | 'frontend' | 'mobile' | 'devops' | 'data' | 'ml' | 'design' | 'product' | 'marketing' | 'sales' | 'software';

/** Order matters: the first rule that fits a title decides ("Data Engineer" before "Data …"). */
const TITLE_RULES: readonly [RegExp, readonly Family[]][] = [
  [/full[\s-]?stack/i, ['backend', 'frontend']],
  [/\b(ios|android|mobile|react native|flutter)\b/i, ['mobile']],
  [/data engineer|analytics engineer/i, ['data', 'backend']],
  [/machine learning|\bml\b|\bai\b|deep learning|research scientist|\bnlp\b/i, ['ml']],
  [/data scien|data analy|\banalytics\b|business intelligence|\bbi\b|statistic/i, ['data']],
  [/front[\s-]?end|\bui engineer|web developer|\breact\b|\bjavascript\b/i, ['frontend']],
  [/\bsre\b|site reliability|devops|platform|infrastructure|cloud engineer|reliability/i, ['devops']],
  [/back[\s-]?end|\bapi\b|server|python|\bjava\b|golang|\bgo\b|django|node|ruby|rails|\.net|php/i, ['backend']],
  [/design|\bux\b|\bui\b/i, ['design']],
  [/product manager|product owner|\bpm\b|product lead|head of product|product management/i, ['product']],
  [/marketing|\bseo\b|growth|content/i, ['marketing']],
  [/sales|account executive|\bsdr\b|\bbdr\b|account manager|business development/i, ['sales']],
  [/software|engineer|developer|programmer/i, ['software']],
];

export function titleFamilies(title: string): readonly Family[] {
  return TITLE_RULES.find(([pattern]) => pattern.test(title))?.[1] ?? [];
}

const CATEGORY_FAMILY: Partial<Record<SkillCategory, Family>> = {
  frontend: 'frontend',
  backend: 'backend',
  database: 'backend',
  mobile: 'mobile',
  cloud: 'devops',
  devops: 'devops',
  data: 'data',
  ml: 'ml',
  design: 'design',
  product: 'product',
  marketing: 'marketing',
  sales: 'sales',
};

/**
 * Which fields a resume is in, with confidence: the titles held say it best; the mix of
 * skills says it too, a little less surely (a backend dev who once used Figma is not a designer).
 */
function resumeFamilies(resume: ResumeFacts): Map<Family, number> {
  const families = new Map<Family, number>();
  for (const title of resume.titles.slice(0, 3)) for (const f of titleFamilies(title)) families.set(f, 1);
  const counts = new Map<Family, number>();
  for (const s of resume.skills) {
    if (GENERIC.has(s)) continue;
    const category = skillCategory(s);
    const family = category ? CATEGORY_FAMILY[category] : undefined;
    if (family) counts.set(family, (counts.get(family) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  for (const [family, n] of counts) {
    if (n / total >= 0.25 && !families.has(family)) families.set(family, 0.8);
  }
  return families;
}

const ENGINEERING: readonly Family[] = ['backend', 'frontend', 'mobile', 'devops'];

/** How much experience in one field counts toward another (symmetric; 1 for the same field). */
const AFFINITY: readonly [Family, Family, number][] = [
  ['backend', 'devops', 0.6],
  ['backend', 'data', 0.5],
  ['backend', 'frontend', 0.4],
  ['backend', 'ml', 0.4],
  ['backend', 'mobile', 0.3],
  ['frontend', 'mobile', 0.5],
  ['frontend', 'design', 0.35],
  ['devops', 'data', 0.3],
  ['data', 'ml', 0.7],
  ['data', 'product', 0.2],
  ['design', 'product', 0.4],
  ['design', 'marketing', 0.2],
  ['product', 'marketing', 0.3],
  ['marketing', 'sales', 0.4],
];

function affinity(a: Family, b: Family): number {
  if (a === b) return 1;
  if (a === 'software' || b === 'software') {
    const other = a === 'software' ? b : a;
    if (ENGINEERING.includes(other)) return 0.9;
    return other === 'ml' || other === 'data' ? 0.6 : 0.1;
  }
  const pair = AFFINITY.find(([x, y]) => (x === a && y === b) || (x === b && y === a));
  return pair?.[2] ?? 0.05;
}

/** 0–1: how close the resume's field is to the job's; middling when either is unknown. */
function domainFit(jobTitle: string, resume: ResumeFacts): number {
  const job = titleFamilies(jobTitle);
  const mine = resumeFamilies(resume);
  if (job.length === 0) return 0.7;
  if (mine.size === 0) return 0.5;
  let best = 0;
  for (const j of job) for (const [r, confidence] of mine) best = Math.max(best, affinity(j, r) * confidence);
  return best;
}

// ---------------------------------------------------------------- skills

/** Tooling nearly every posting lists; it should not weigh as much as the core stack. */
const GENERIC = new Set(['Git', 'Linux', 'Agile', 'Jira', 'Confluence', 'testing', 'code review', 'mentoring', 'REST', 'SQL']);

interface Coverage {
  /** 0–1, weighted. */
  ratio: number;
  matched: string[];
  missing: string[];
  /** "MySQL for PostgreSQL": partial credit, still listed as missing. */
  substitutes: string[];
  /** How many things were asked for, a group of alternatives counting once. */
  asked: number;
}

/** One thing the posting asks for: a single skill, or a group of which any one will do. */
function requirementUnits(wanted: readonly string[], alternatives: readonly (readonly string[])[]): string[][] {
  const units: string[][] = [];
  const grouped = new Set<string>();
  for (const skill of wanted) {
    if (grouped.has(skill)) continue;
    const group = alternatives.find((g) => g.includes(skill))?.filter((s) => wanted.includes(s)) ?? [skill];
    for (const s of group) grouped.add(s);
    units.push(group);
  }
  return units;
}

const skillWeight = (skill: string, titleSkills: ReadonlySet<string>): number =>
  titleSkills.has(skill) ? 2 : GENERIC.has(skill) ? 0.5 : 1;

function coverage(
  wanted: readonly string[],
  alternatives: readonly (readonly string[])[],
  have: ReadonlySet<string>,
  titleSkills: ReadonlySet<string>,
): Coverage {
  const units = requirementUnits(wanted, alternatives);
  const result: Coverage = { ratio: 0, matched: [], missing: [], substitutes: [], asked: units.length };
  let earned = 0;
  let total = 0;
  for (const unit of units) {
    const weight = Math.max(...unit.map((s) => skillWeight(s, titleSkills)));
    total += weight;
    const held = unit.filter((s) => have.has(s));
    if (held.length > 0) {
      earned += weight;
      result.matched.push(...held);
      continue;
    }
    result.missing.push(unit.join(' or '));
    const stand = unit.map((s) => [substituteFor(s, have), s] as const).find(([sub]) => sub !== undefined);
    if (stand?.[0] !== undefined) {
      earned += weight / 2;
      result.substitutes.push(`${stand[0]} for ${stand[1]}`);
    }
  }
  result.ratio = total === 0 ? 0 : earned / total;
  return result;
}

// ---------------------------------------------------------------- seniority

const LEVEL: Record<Seniority, number> = { intern: 0, junior: 1, mid: 2, senior: 3, lead: 4, staff: 4, principal: 5 };

interface LevelVerdict {
  fit: SeniorityFit;
  penalty: number;
}

/**
 * Under-qualification costs more than over-qualification: a junior will struggle in a
 * staff role, while a senior in a mid role is merely a flight risk. Level and years
 * measure the same thing, so the larger of the two gaps counts, not their sum.
 */
function levelVerdict(resume: ResumeFacts, req: Requirements, jobTitle: string): LevelVerdict {
  const jobLevel = req.seniority === null ? null : LEVEL[req.seniority];
  const myLevel = resume.seniority === null ? null : LEVEL[resume.seniority];
  const levelGap = jobLevel !== null && myLevel !== null ? jobLevel - myLevel : null;
  const yearsGap = req.minYears !== null && resume.years !== null ? req.minYears - resume.years : null;
  if (levelGap === null && yearsGap === null) return { fit: 'unknown', penalty: 0 };
  const under = Math.min(
    PENALTY.maxUnder,
    Math.max((levelGap ?? 0) * PENALTY.perLevelUnder, (yearsGap ?? 0) * PENALTY.perYearUnder, 0),
  );
  if (under > 0) return { fit: 'under', penalty: under };
  // "3+ years" is a floor, not a ceiling: only a level the title states can be overshot.
  if (seniorityFromTitle(jobTitle) === null) return { fit: 'fit', penalty: 0 };
  const overLevels = levelGap !== null && levelGap < 0 ? -levelGap : 0;
  // A "Staff" resume applying to a "Senior" role is a normal move, so one level over is free for senior+ titles.
  const tolerated = req.seniority !== null && LEVEL[req.seniority] >= LEVEL.senior && !/intern|junior/i.test(jobTitle) ? 1 : 0;
  const over = Math.min(PENALTY.maxOver, Math.max(0, overLevels - tolerated) * PENALTY.perLevelOver);
  return over > 0 ? { fit: 'over', penalty: over } : { fit: 'fit', penalty: 0 };
}

// ---------------------------------------------------------------- location

const CITY_ALIASES: Record<string, string> = {
  nyc: 'new york',
  'new york city': 'new york',
  sf: 'san francisco',
  'bay area': 'san francisco',
  'san francisco bay area': 'san francisco',
  la: 'los angeles',
};

function cityOf(location: string): string {
  const first = (location.split(/[,(/;]|\s-\s/)[0] ?? '').toLowerCase();
  const city = first.replace(/\b(greater|metro(politan)?|area|city of)\b/g, '').replace(/\s+/g, ' ').trim();
  return CITY_ALIASES[city] ?? city;
}

function isRemote(posting: PostingSummary, req: Requirements): boolean {
  if (posting.remote || /\bremote\b|anywhere/i.test(posting.location)) return true;
  return req.remote === true && posting.location.trim() === '';
}

function locationFit(resume: ResumeFacts, req: Requirements, posting: PostingSummary): LocationFit {
  if (isRemote(posting, req)) return 'remote';
  const mine = resume.location === null ? '' : cityOf(resume.location);
  const theirs = cityOf(posting.location);
  if (mine === '' || theirs === '') return 'unknown';
  const sameCity = mine === theirs || posting.location.toLowerCase().includes(mine);
  return sameCity ? 'same-city' : 'relocation';
}

// ---------------------------------------------------------------- explanation

const list = (items: readonly string[], max = 6): string => {
  const shown = items.slice(0, max);
  const more = items.length > max ? ` and ${items.length - max} more` : '';
  if (shown.length <= 1) return `${shown.join('')}${more}`;
  return more ? `${shown.join(', ')}${more}` : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1) ?? ''}`;
};

function skillsSentence(req: Coverage, pref: Coverage): string {
  if (req.asked === 0 && pref.asked === 0) return 'The posting names no specific skills, so the match rests on the job title';
  const base = req.asked > 0 ? req : pref;
  const kind = req.asked > 0 ? 'required' : 'listed';
  const met = base.asked - base.missing.length;
  const has = met > 0 ? `Matches ${met} of ${base.asked} ${kind} skills (${list(base.matched)})` : `Matches none of the ${base.asked} ${kind} skills`;
  const lacks = base.missing.length > 0 ? `; missing ${list(base.missing)}` : '';
  const close = base.substitutes.length > 0 ? ` (close: ${list(base.substitutes, 3)})` : '';
  const extras = req.asked > 0 && pref.asked > 0 ? `; ${pref.asked - pref.missing.length} of ${pref.asked} nice-to-haves` : '';
  return `${has}${lacks}${close}${extras}`;
}

const yearsText = (n: number): string => `${n} ${n === 1 ? 'year' : 'years'}`;

function levelPhrase(resume: ResumeFacts, req: Requirements, verdict: LevelVerdict): string {
  const askedYears = req.minYears === null || req.minYears === 0 ? null : `${req.minYears}+ years`;
  const asked = [req.seniority, askedYears].filter((x) => x !== null).join(', ');
  const shown = [resume.seniority, resume.years === null ? null : yearsText(resume.years)].filter((x) => x !== null).join(', ');
  switch (verdict.fit) {
    case 'under':
      return `under-qualified (the role asks ${asked}; the resume shows ${shown})`;
    case 'over':
      return `over-qualified (${shown} for a ${asked} role)`;
    case 'fit':
      return `seniority fits (${shown}${asked ? ` for ${asked}` : ''})`;
    case 'unknown':
      return 'seniority could not be compared';
  }
}

function locationPhrase(fit: LocationFit, resume: ResumeFacts, posting: PostingSummary): string {
  switch (fit) {
    case 'remote':
      return 'remote role';
    case 'same-city':
      return `on-site in ${posting.location}, where you are`;
    case 'relocation':
      return `on-site in ${posting.location} while you are in ${resume.location ?? 'another city'} (relocation)`;
    case 'unknown':
      return 'location fit unknown';
  }
}

function domainPhrase(fit: number, title: string): string | null {
  if (fit >= 0.5) return null;
  return `your background is in a different field from "${title}"`;
}

// ---------------------------------------------------------------- score

const clampScore = (n: number): number => Math.min(100, Math.max(0, Math.round(n)));

function basePoints(req: Coverage, pref: Coverage, requirements: Requirements, domain: number, hasResume: boolean): number {
  // Without a resume only the field is known (from what the user searched for), so the score stays near the middle.
  if (!hasResume) return 30 + 40 * domain;
  const hasRequired = requirements.required.length > 0;
  const hasPreferred = requirements.preferred.length > 0;
  if (!hasRequired && !hasPreferred) return 35 + 50 * domain;
  const main = hasRequired ? req.ratio : pref.ratio;
  const extra = hasRequired && hasPreferred ? pref.ratio : main;
  return WEIGHT.required * main + WEIGHT.preferred * extra + WEIGHT.domain * domain;
}

export function scoreMatch(resume: ResumeFacts, requirements: Requirements, posting: PostingSummary): MatchResult {
  const have = new Set(withImpliedSkills(resume.skills));
  const titleSkills = new Set(extractSkills(posting.title));
  const req = coverage(requirements.required, requirements.alternatives, have, titleSkills);
  const pref = coverage(requirements.preferred, requirements.alternatives, have, titleSkills);
  const domain = domainFit(posting.title, resume);
  const level = levelVerdict(resume, requirements, posting.title);
  const place = locationFit(resume, requirements, posting);
  const points = basePoints(req, pref, requirements, domain, resume.hasResume);
  const score = clampScore(points - level.penalty - (place === 'relocation' ? PENALTY.relocation : 0));

  const context = [levelPhrase(resume, requirements, level), locationPhrase(place, resume, posting), domainPhrase(domain, posting.title)]
    .filter((p): p is string => p !== null && (resume.hasResume || !p.startsWith('your background')))
    .join('; ');
  const first = resume.hasResume
    ? skillsSentence(req, pref)
    : 'No resume text to compare skills with, so this is scored from the job title and your profile only — add your resume in your profile for a real match';
  return {
    score,
    matchedSkills: resume.hasResume ? [...req.matched, ...pref.matched] : [],
    missingSkills: resume.hasResume ? req.missing : [],
    seniorityFit: level.fit,
    locationFit: place,
    explanation: `${first}. ${context.charAt(0).toUpperCase()}${context.slice(1)}.`,
  };
}
