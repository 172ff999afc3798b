/**
 * Reads what a posting asks for out of its plain text: which skills are must-haves and
 * which are nice-to-haves, how many years, how senior, whether it is remote. Postings
 * are loosely structured, so this leans on section headings and falls back to "every
 * skill is required" when there are none.
 */
import { extractSkills } from './skills';

export type Seniority = 'intern' | 'junior' | 'mid' | 'senior' | 'staff' | 'principal' | 'lead';

export interface Requirements {
  required: string[];
  preferred: string[];
  /** Skills a posting offers as alternatives ("Django or FastAPI"): any one of a group will do. */
  alternatives: string[][];
  minYears: number | null;
  seniority: Seniority | null;
  remote: boolean | null;
  keywords: string[];
}

type SectionKind = 'intro' | 'required' | 'preferred' | 'duties' | 'other';

interface Line {
  text: string;
  section: SectionKind;
}

const PREFERRED_HEADING = /nice[\s-]*to[\s-]*have|bonus|preferred|pluses|a plus|desired|extra credit|good to have|would be great|ideally|stand out/i;
const REQUIRED_HEADING =
  /requirement|qualification|what you(?:'|’)?ll (?:need|bring)|what you bring|you have|you bring|must[\s-]*have|about you|who you are|what we(?:'|’)?re looking for|looking for|skills|experience|you should|you are|your profile/i;
const DUTIES_HEADING = /responsibilit|what you(?:'|’)?ll do|the role|your role|day to day|day-to-day|what you will do|duties|the job|your impact|in this role/i;
const OTHER_HEADING =
  /about (?:us|the company|the team)|benefit|perks|what we offer|compensation|salary|our (?:values|culture|stack)|equal opportunity|how to apply|why join|life at|who we are|location/i;

/** Strips markdown and bullet decorations so "## Requirements:" reads as "Requirements". */
function headingText(line: string): string {
  return line.replace(/^[\s#*•\-–>]+/, '').replace(/[*:_\s]+$/, '').trim();
}

function classifyHeading(heading: string): SectionKind | null {
  if (PREFERRED_HEADING.test(heading)) return 'preferred';
  if (OTHER_HEADING.test(heading)) return 'other';
  if (DUTIES_HEADING.test(heading)) return 'duties';
  if (REQUIRED_HEADING.test(heading)) return 'required';
  return null;
}

/** A heading is a short line that is not a list item and does not read like a sentence. */
function asHeading(line: string): SectionKind | null {
  const trimmed = line.trim();
  if (/^[-•*–]\s/.test(trimmed) && !/^\*\*.*\*\*$/.test(trimmed)) return null;
  const heading = headingText(trimmed);
  const colonEnded = trimmed.endsWith(':');
  if (heading.length === 0 || heading.length > 60 || heading.split(/\s+/).length > (colonEnded ? 8 : 6)) return null;
  if (/[.!?,;]$/.test(heading) && !colonEnded) return null;
  // "Requirements: Python" is a heading with content; "3+ years of experience" is content.
  if (heading.includes(':') || /\d|\byears?\b/i.test(heading)) return null;
  // "Experience with Kafka" is a requirement line, not a heading.
  if (extractSkills(heading).length > 0) return null;
  return classifyHeading(heading);
}

/** "Requirements: 5+ years of Python" — a heading and its content on one line. */
function inlineHeading(line: string): { kind: SectionKind; rest: string } | null {
  const m = /^\s*([A-Za-z][A-Za-z '’/-]{2,40}):\s+(\S.*)$/.exec(line);
  if (!m?.[1] || m[2] === undefined) return null;
  const kind = classifyHeading(m[1]);
  return kind ? { kind, rest: m[2] } : null;
}

/** Sentences are judged one by one, so "Storybook is a plus." does not make its whole paragraph optional. */
const sentences = (text: string): string[] => text.split(/(?<=[.!?;])\s+(?=[A-Z0-9])/).filter((s) => s.trim() !== '');

function sectionLines(text: string): Line[] {
  const lines: Line[] = [];
  let section: SectionKind = 'intro';
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    const heading = asHeading(raw);
    if (heading) {
      section = heading;
      continue;
    }
    const inline = inlineHeading(raw);
    const kind = inline ? inline.kind : section;
    for (const sentence of sentences(inline ? inline.rest : raw)) lines.push({ text: sentence, section: kind });
  }
  return lines;
}

const INLINE_PREFERRED = /nice[\s-]*to[\s-]*have|is a plus|are a plus|a bonus|is a bonus|preferred|ideally|bonus points|not required|helpful|familiarity with/i;
const INLINE_REQUIRED = /\bmust\b|\brequired\b|\bessential\b/i;

/** Within a section, a single sentence can still say "X is a plus" or "Y is a must". */
function lineKind(line: Line): SectionKind {
  if (line.section !== 'preferred' && INLINE_PREFERRED.test(line.text) && !INLINE_REQUIRED.test(line.text)) return 'preferred';
  if (line.section === 'preferred' && INLINE_REQUIRED.test(line.text)) return 'required';
  return line.section;
}

function skillsByKind(lines: readonly Line[]): Map<SectionKind, string[]> {
  const byKind = new Map<SectionKind, string[]>();
  for (const line of lines) {
    const kind = lineKind(line);
    const list = byKind.get(kind) ?? [];
    for (const s of extractSkills(line.text)) if (!list.includes(s)) list.push(s);
    byKind.set(kind, list);
  }
  return byKind;
}

/**
 * "Go or Python", "Salesforce or HubSpot CRM": the items right around an "or" are
 * alternatives. Only the nearest list item on each side counts, so in "Python, Django,
 * PostgreSQL or MySQL" Python and Django stay required on their own.
 */
function alternativesIn(lines: readonly Line[]): string[][] {
  const groups: string[][] = [];
  for (const line of lines) {
    const parts = line.text.split(/\s+or\s+(?!similar\b)/i);
    for (let i = 1; i < parts.length; i += 1) {
      const left = (parts[i - 1] ?? '').split(/,|\band\b|\bwith\b|:/i).at(-1) ?? '';
      const right = (parts[i] ?? '').split(/,|\band\b|\bin\b|:/i)[0] ?? '';
      const group = [...new Set([...extractSkills(left), ...extractSkills(right)])];
      if (group.length < 2) continue;
      const joined = groups.find((g) => g.some((s) => group.includes(s)));
      if (joined) joined.push(...group.filter((s) => !joined.includes(s)));
      else groups.push(group);
    }
  }
  return groups;
}

const union = (...lists: (readonly string[] | undefined)[]): string[] => [...new Set(lists.flatMap((l) => l ?? []))];

/**
 * With a requirements section, its skills are the must-haves and skills only named in
 * the duties count as nice-to-haves; without one, whatever is not marked optional is required.
 */
function splitSkills(lines: readonly Line[], text: string, title: string): { required: string[]; preferred: string[] } {
  const byKind = skillsByKind(lines);
  const titleSkills = extractSkills(title);
  const explicitRequired = byKind.get('required') ?? [];
  const preferredOnly = byKind.get('preferred') ?? [];
  const required =
    explicitRequired.length > 0
      ? union(titleSkills, explicitRequired)
      : union(titleSkills, byKind.get('intro'), byKind.get('duties'));
  const extra = explicitRequired.length > 0 ? union(byKind.get('duties'), preferredOnly) : preferredOnly;
  const preferred = extra.filter((s) => !required.includes(s));
  if (required.length === 0 && preferred.length === 0) return { required: extractSkills(text), preferred: [] };
  return { required, preferred };
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15,
};

const NUM = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)';
const YEARS_PATTERNS: readonly RegExp[] = [
  new RegExp(`${NUM}\\s*(?:-|–|—|to)\\s*${NUM}\\s*\\+?\\s*(?:years?|yrs?)`, 'gi'),
  new RegExp(`(?:at least|minimum(?: of)?|min\\.?|over|more than)\\s*${NUM}\\s*\\+?\\s*(?:years?|yrs?)`, 'gi'),
  new RegExp(`${NUM}\\s*\\+\\s*(?:years?|yrs?)`, 'gi'),
  new RegExp(`${NUM}\\s*(?:\\(\\d+\\)\\s*)?(?:or more\\s*)?(?:years?|yrs?)(?:'|’)?\\s*(?:of\\s+)?(?:\\w+\\s+){0,3}(?:experience|professional)`, 'gi'),
];

const toNumber = (token: string | undefined): number | null => {
  if (token === undefined) return null;
  const n = /^\d+$/.test(token) ? Number(token) : (NUMBER_WORDS[token.toLowerCase()] ?? null);
  return n !== null && n >= 0 && n <= 30 ? n : null;
};

/**
 * A range's lower end is the minimum ("0-2 years" asks for none), so once a range has
 * matched, the single figures inside it are not read again.
 */
function yearsIn(line: string): number[] {
  const found: number[] = [];
  let rest = line;
  for (const pattern of YEARS_PATTERNS) {
    for (const m of rest.matchAll(pattern)) {
      const n = toNumber(m[1]);
      if (n !== null) found.push(n);
    }
    rest = rest.replace(pattern, ' ');
  }
  return found;
}

/**
 * The largest figure a must-have line asks for ("5+ years overall, 2+ with Go" is 5);
 * figures only in nice-to-have lines count when nothing else names one. Lines about the
 * company ("founded 20 years ago") are skipped because they do not mention experience.
 */
function minYearsFrom(lines: readonly Line[]): number | null {
  const relevant = (l: Line) =>
    l.section === 'required' || /experience|professional|industry|background|minimum|at least|\brole\b|\d\s*\+\s*(?:years?|yrs?)/i.test(l.text);
  const must = lines.filter((l) => relevant(l) && lineKind(l) !== 'preferred').flatMap((l) => yearsIn(l.text));
  if (must.length > 0) return Math.max(...must);
  const nice = lines.filter((l) => relevant(l)).flatMap((l) => yearsIn(l.text));
  return nice.length > 0 ? Math.min(...nice) : null;
}

const TITLE_SENIORITY: readonly [RegExp, Seniority][] = [
  [/\bintern(ship)?\b|\bco-?op\b|\btrainee\b/i, 'intern'],
  [/\bprincipal\b|\bdistinguished\b|\bfellow\b/i, 'principal'],
  [/\bstaff\b/i, 'staff'],
  [/\blead\b|\bhead of\b|\bmanager\b|\bdirector\b|\bvp\b|\bvice president\b/i, 'lead'],
  [/\bsenior\b|\bsr\.?(?=\s|$)|\bIII\b/i, 'senior'],
  [/\bjunior\b|\bjr\.?(?=\s|$)|\bentry[\s-]level\b|\bgraduate\b|\bnew grad\b|\bassociate\b|\bapprentice\b/i, 'junior'],
  [/\bmid[\s-]?level\b|\bintermediate\b|\bII\b/i, 'mid'],
];

/**
 * The level a job title states. "Product Manager" names a discipline, not a level, so
 * "manager" only counts as lead when the title manages engineers or people.
 */
export function seniorityFromTitle(title: string): Seniority | null {
  const cleaned = title.replace(/\b(product|program|project|account|community|marketing|office)\s+manager\b/gi, '$1');
  for (const [pattern, level] of TITLE_SENIORITY) if (pattern.test(cleaned)) return level;
  return null;
}

/** Without a level in the title, an explicit phrase or the years asked for decide. */
function seniorityFrom(title: string, text: string, minYears: number | null): Seniority | null {
  const fromTitle = seniorityFromTitle(title);
  if (fromTitle) return fromTitle;
  if (/\binternship\b/i.test(text)) return 'intern';
  if (/\b(entry[\s-]level|new grads?|recent graduates?|junior (?:role|position|engineer|developer|designer))\b/i.test(text)) return 'junior';
  if (/\bsenior[\s-]level\b|\bas a senior\b|\bthis senior\b/i.test(text)) return 'senior';
  if (minYears === null) return null;
  if (minYears <= 1) return 'junior';
  if (minYears <= 4) return 'mid';
  return minYears <= 8 ? 'senior' : 'staff';
}

/** Negative phrases are checked first: "not a remote role" must not read as remote. */
function remoteFrom(text: string): boolean | null {
  if (/\b(not (?:a )?remote|no remote|on[\s-]?site only|in[\s-]office only|must be (?:located|based) in|must relocate|relocation (?:is )?required)\b/i.test(text)) return false;
  if (/\b(fully remote|100% remote|remote[\s-]first|remote[\s-]friendly|work from anywhere|work from home|remote (?:position|role|job|team|within)|this role is remote|distributed team)\b/i.test(text)) return true;
  if (/\b(on[\s-]?site|in[\s-]office|in the office|hybrid)\b/i.test(text)) return false;
  if (/\bremote\b/i.test(text)) return true;
  return null;
}

const STOPWORDS = new Set(
  'about above after again also and any are based been being both build but can could day does each every for from have help into its just like make many more most must need other our over own role same should some such team than that the their them then there these they this those through under using very want we were what when where which while will with work would you your years year experience including across ability strong working within well new'.split(' '),
);

/**
 * The words a resume should echo for this posting: its skills first, then content words
 * the posting repeats, since repetition is how postings signal what matters.
 */
function keywordsFrom(text: string, skills: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[a-z][a-z+#.-]{3,}/g) ?? []) {
    const w = word.replace(/[.-]+$/, '');
    if (w.length < 4 || STOPWORDS.has(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const known = new Set(skills.map((s) => s.toLowerCase()));
  const repeated = [...counts.entries()]
    .filter(([w, n]) => n >= 2 && !known.has(w))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 12)
    .map(([w]) => w);
  return [...skills, ...repeated];
}

/** What the posting asks for; `title` helps with seniority and marks the skills it names as required. */
export function extractRequirements(text: string, title = ''): Requirements {
  const lines = sectionLines(text);
  const { required, preferred } = splitSkills(lines, text, title);
  const minYears = minYearsFrom(lines);
  return {
    required,
    preferred,
    alternatives: alternativesIn(lines),
    minYears,
    seniority: seniorityFrom(title, text, minYears),
    remote: remoteFrom(`${title}\n${text}`),
    keywords: keywordsFrom(text, union(required, preferred, extractSkills(text))),
  };
}
