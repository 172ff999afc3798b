import { seniorityFromTitle, type Seniority } from '../../analysis/requirements';

/**
 * What a job title says about whom someone is to a job seeker: a recruiter, a manager
 * (who may hire), company leadership, and the kind of work they do. Pure and
 * deterministic; titles are free text ("Engineering Lead, Payments", "Talent
 * Acquisition Partner", a GitHub bio's "backend dev"), so the rules read words, not
 * exact titles.
 */

export type Discipline =
  | 'backend'
  | 'frontend'
  | 'mobile'
  | 'infrastructure'
  | 'machine learning'
  | 'data'
  | 'security'
  | 'quality'
  | 'embedded'
  | 'design'
  | 'product'
  /** Any software engineering; every technical discipline implies it. */
  | 'engineering';

export interface RoleReading {
  recruiter: boolean;
  /** Manages a team, and so may be the one who hires for it. */
  manager: boolean;
  /** Company-wide leadership (CTO, VP, head of people): not a team's hiring manager. */
  leadership: boolean;
  disciplines: ReadonlySet<Discipline>;
  /** 0 intern … 5 principal; a title without a level reads as mid (2). */
  level: number;
}

/** The first rules that fit each add their disciplines; order does not matter, every rule is tried. */
const DISCIPLINE_RULES: readonly [RegExp, readonly Discipline[]][] = [
  [/full[\s-]?stack/, ['backend', 'frontend']],
  [/\b(ios|android|mobile|react native|flutter|swift|kotlin)\b/, ['mobile']],
  [/\b(data|analytics) engineer/, ['data', 'backend']],
  [/machine learning|\bml\b|\bai\b|\bllm\b|deep learning|applied scien|\bnlp\b/, ['machine learning']],
  [/data scien|data analy|\banalytics\b|business intelligence|\bbi\b|statistic|\bdata\b/, ['data']],
  [/front[\s-]?end|\bui engineer|web developer|\breact\b|\bvue|\bangular\b|javascript|typescript/, ['frontend']],
  [/\bsre\b|site reliability|devops|\bplatform\b|infrastructure|\bcloud\b|reliability|production engineering|observability|developer experience/, ['infrastructure']],
  [/back[\s-]?end|\bapis?\b|\bserver|python|\bjava\b|golang|\bgo\b|django|\bnode|ruby|rails|\.net|\bphp\b|distributed systems/, ['backend']],
  [/security|appsec|trust (and|&) safety/, ['security']],
  [/\bqa\b|quality|\btest|\bsdet\b|release engineer/, ['quality']],
  [/embedded|firmware|hardware|robotics/, ['embedded']],
  [/design|\bux\b|\bui\b|user research/, ['design']],
  [/\bproduct (manager|owner|lead|management)\b|\b(head|director|vp|vice president) of product\b|\bchief product/, ['product']],
];

const TECHNICAL: ReadonlySet<Discipline> = new Set<Discipline>(['backend', 'frontend', 'mobile', 'infrastructure', 'machine learning', 'security', 'quality', 'embedded']);

const RECRUITER = /\b(recruit\w*|talent|sourc(er|ing)|hiring (partner|coordinator))\b/;
const LEADERSHIP = /\b(cto|ceo|cpo|coo|chief|vp|vice president|founder|co-founder|president)\b|\bhead of (people|engineering|technology|talent)\s*$/;
/** "Product manager" and the like name a discipline, not a manager of people. */
const NOT_PEOPLE_MANAGER = /\b(product|program|project|account|community|marketing|office|partner|success)\s+manager\b/g;
const MANAGER = /\b(manager|head of|director|vp|vice president|chief|cto)\b|\b(team|tech|engineering|design|product|data|technical)\s+lead\b|\blead\s*(,|$|of\b)/;

const LEVELS: Readonly<Record<Seniority, number>> = { intern: 0, junior: 1, mid: 2, senior: 3, staff: 4, principal: 5, lead: 4 };

/** Reads a title (and a bio, for people whose title is not public); `team` is left out of the reading. */
export function readRole(title: string, team = '', bio = ''): RoleReading {
  // "Engineering Manager, Design Systems": the team's name says nothing of the manager's discipline.
  const withoutTeam = team.trim() ? title.replace(new RegExp(`\\b${escapeRegExp(team.trim())}\\b`, 'gi'), ' ') : title;
  const text = (withoutTeam.trim() || bio).toLowerCase().replace(/\s+/g, ' ').trim();
  const disciplines = new Set<Discipline>();
  for (const [rule, found] of DISCIPLINE_RULES) if (rule.test(text)) for (const d of found) disciplines.add(d);
  if ([...disciplines].some((d) => TECHNICAL.has(d)) || /engineer|developer|programmer|software|\bcto\b|\bcoder\b|\bdev\b/.test(text)) {
    disciplines.add('engineering');
  }
  // Who someone is reads on the whole title: the recruiters' team is often called "Talent",
  // and "Head of Payments Engineering" leads a team where "Head of Engineering" leads the company.
  const whole = (title.trim() || bio).toLowerCase().replace(/\s+/g, ' ').trim();
  const recruiter = RECRUITER.test(whole);
  const leadership = !recruiter && LEADERSHIP.test(whole);
  const manager = !recruiter && MANAGER.test(whole.replace(NOT_PEOPLE_MANAGER, '$1'));
  const seniority = seniorityFromTitle(withoutTeam);
  return { recruiter, manager, leadership, disciplines, level: seniority ? LEVELS[seniority] : LEVELS.mid };
}

export type DisciplineFit = 'same' | 'related' | 'unknown' | 'different';

/**
 * How close two people's work is: the same discipline ("backend" and "backend"),
 * related (both software engineering), unknown (one title says nothing), or different.
 */
export function disciplineFit(a: ReadonlySet<Discipline>, b: ReadonlySet<Discipline>): DisciplineFit {
  if (a.size === 0 || b.size === 0) return 'unknown';
  const specific = [...a].filter((d) => d !== 'engineering' && b.has(d));
  if (specific.length > 0) return 'same';
  if (a.has('engineering') && b.has('engineering')) return 'related';
  return 'different';
}

/** The words for someone's field in a sentence: their most specific discipline. */
export function disciplineWords(disciplines: ReadonlySet<Discipline>): string {
  const specific = [...disciplines].find((d) => d !== 'engineering');
  return specific ?? (disciplines.has('engineering') ? 'engineering' : 'the same');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
