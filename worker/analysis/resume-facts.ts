/**
 * The few facts about a candidate the match score needs, read from the resume text and
 * the profile. The profile wins where it says something (the user typed it on purpose);
 * the resume fills in the rest.
 */
import type { ProfileFields } from '~/shared/profile';
import { type Seniority, seniorityFromTitle } from './requirements';
import { extractSkills } from './skills';

export interface ResumeFacts {
  skills: string[];
  /** Years of professional experience, or null when neither profile nor resume says. */
  years: number | null;
  seniority: Seniority | null;
  location: string | null;
  /** Job titles held, most recent first as resumes list them. */
  titles: string[];
  /** False when there was no resume text, so scores rest on title and profile only. */
  hasResume: boolean;
}

export interface ReadResumeOptions {
  /** What "present" means in "2019 – present"; injected so results are reproducible. */
  now?: Date;
}

const ROLE_WORD =
  /\b(engineer|developer|programmer|designer|scientist|analyst|architect|manager|intern|consultant|specialist|administrator|marketer|strategist|researcher|product owner|executive|representative|SRE|devops|lead|director|recruiter|writer)\b/i;

/** Short lines naming a role; the part before " at " / " — " / "|" is the title itself. */
function titlesIn(lines: readonly string[]): string[] {
  const titles: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/^[\s#*•\-–]+/, '').trim();
    if (line.length === 0 || line.length > 90 || !ROLE_WORD.test(line)) continue;
    if (/[.!?]$/.test(line) || line.split(/\s+/).length > 12) continue;
    const title = (line.split(/\s+(?:at|@)\s+|\s+[—–|·•]\s+|\s+-\s+|,\s+/)[0] ?? '').trim();
    if (title.length > 0 && title.split(/\s+/).length <= 6 && ROLE_WORD.test(title) && !titles.includes(title)) titles.push(title);
    if (titles.length >= 8) break;
  }
  return titles;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE = `(?:${MONTH}\\s+|(\\d{1,2})\\s*/\\s*)?((?:19|20)\\d{2})`;
const RANGE = new RegExp(`${DATE}\\s*(?:-|–|—|to|until)\\s*(?:${DATE}|(present|current|now|today|ongoing))`, 'gi');

/** Month index since year 0; an unknown month counts as mid-year so "2018 – 2020" is two years. */
function monthIndex(monthName: string | undefined, monthNumber: string | undefined, year: string): number {
  let month = 6;
  if (monthName) month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase());
  else if (monthNumber) month = Math.min(11, Math.max(0, Number(monthNumber) - 1));
  return Number(year) * 12 + month;
}

/** Sections whose dates are not employment (degrees, side projects). */
const NON_WORK_HEADING = /^(education|academic|certifications?|courses|training|volunteer(ing)?|projects|publications|awards)\b/i;
const WORK_HEADING = /^(experience|work experience|professional experience|employment|work history|career|relevant experience)\b/i;

function employmentLines(lines: readonly string[]): string[] {
  const kept: string[] = [];
  let counting = true;
  for (const raw of lines) {
    const heading = raw.replace(/^[\s#*]+/, '').replace(/[:*\s]+$/, '');
    if (heading.length <= 40 && NON_WORK_HEADING.test(heading)) counting = false;
    else if (heading.length <= 40 && WORK_HEADING.test(heading)) counting = true;
    else if (counting) kept.push(raw);
  }
  return kept;
}

/** Total months covered by employment date ranges, overlapping jobs counted once. */
function monthsEmployed(lines: readonly string[], now: Date): number {
  const nowIndex = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const spans: [number, number][] = [];
  for (const m of employmentLines(lines).join('\n').matchAll(RANGE)) {
    const [, m1, n1, y1, m2, n2, y2, open] = m;
    if (y1 === undefined) continue;
    const start = monthIndex(m1, n1, y1);
    const end = open !== undefined || y2 === undefined ? nowIndex : monthIndex(m2, n2, y2);
    if (end > start && end <= nowIndex + 1) spans.push([start, end]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let coveredTo = -Infinity;
  for (const [start, end] of spans) {
    const from = Math.max(start, coveredTo);
    if (end > from) total += end - from;
    coveredTo = Math.max(coveredTo, end);
  }
  return total;
}

/** "Senior" in a title is evidence; without one, years are the next best thing. */
function seniorityOf(titles: readonly string[], years: number | null): Seniority | null {
  const current = titles[0] === undefined ? null : seniorityFromTitle(titles[0]);
  if (current) return current;
  if (years === null) return titles.map(seniorityFromTitle).find((s) => s !== null) ?? null;
  if (years < 2) return 'junior';
  if (years < 5) return 'mid';
  return years < 10 ? 'senior' : 'staff';
}

const PLACE = /^(?:[A-Z][a-zA-Z.'-]+(?:\s[A-Z][a-zA-Z.'-]+)*),\s*(?:[A-Z]{2}|[A-Z][a-zA-Z]+(?:\s[A-Z][a-zA-Z]+)*)$/;

/** A "City, ST" or "City, Country" line (or segment) in the resume's header. */
function locationIn(lines: readonly string[]): string | null {
  for (const line of lines.slice(0, 6)) {
    for (const part of line.split(/\s*[|•·]\s*/)) {
      const candidate = part.replace(/^(location|based in)\s*:?\s*/i, '').trim();
      if (PLACE.test(candidate) && !ROLE_WORD.test(candidate)) return candidate;
    }
  }
  return null;
}

export function readResume(
  resumeText: string,
  profile?: Partial<ProfileFields>,
  options: ReadResumeOptions = {},
): ResumeFacts {
  const lines = resumeText.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const titles = titlesIn(lines);
  const profileYears = profile?.yearsOfExperience ?? null;
  const months = lines.length > 0 ? monthsEmployed(lines, options.now ?? new Date()) : 0;
  const years = profileYears ?? (months > 0 ? Math.round(months / 12) : null);
  const profileLocation = profile?.location?.trim() ?? '';
  return {
    skills: extractSkills(resumeText),
    years,
    seniority: seniorityOf(titles, years),
    location: profileLocation !== '' ? profileLocation : locationIn(lines),
    titles,
    hasResume: resumeText.trim().length > 0,
  };
}
