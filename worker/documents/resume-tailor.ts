import type { ProfileFields } from '~/shared/profile';
import { extractSkills } from '../analysis/skills';
import { atsScore, findSkillTerms, jobTerms, type TermHit } from './ats-score';

export interface TailorJob {
  title: string;
  company: string;
  description: string;
}

export interface TailoredResume {
  text: string;
  /** The job's keywords the resume has, in the job's wording; the tailoring puts them forward. */
  keywordsUsed: string[];
  /** The job's keywords the resume lacks: reported, never added. */
  keywordsMissing: string[];
  /** Spellings changed to the job's wording ("Postgres" → "PostgreSQL"). */
  rephrased: { from: string; to: string }[];
  /** ATS score of the original and of the tailored resume, 0–100. */
  before: number;
  after: number;
}

export interface ResumeSection {
  /** null for the lines above the first heading (name, contact details). */
  heading: string | null;
  lines: string[];
}

const BULLET = /^\s*(?:[-*•·–▪◦]|\d{1,2}[.)])\s+/;
const KNOWN_HEADING =
  /^(?:professional |career |technical |core |work |key )?(?:summary|profile|about me|about|objective|experience|employment(?: history)?|work history|skills|technologies|tools|competencies|education|projects|certifications?|publications|awards|languages|interests|volunteering|references|achievements)$/i;
const SUMMARY_HEADING = /^(?:professional |career )?(?:summary|profile|about me|about|objective)$/i;
const LIST_HEADING = /skill|technolog|tool|stack|competenc/i;
const TOP_SKILLS_IN_SUMMARY = 5;

/**
 * Tailors a resume to a job without adding anything the resume does not say: it
 * reorders, respells skills the resume already names in the job's words, and opens
 * with a summary line built from those same skills. Every step is checked against
 * the skills of the original, and the ATS score can only go up.
 */
export function tailorResume(
  resumeText: string,
  job: TailorJob,
  profile: Pick<ProfileFields, 'yearsOfExperience'>,
): TailoredResume {
  const jobText = `${job.title}\n${job.description}`;
  const terms = jobTerms(jobText);
  const original = atsScore(resumeText, jobText, terms);
  const { text: respelled, changes } = useJobWording(resumeText, terms);
  const jobSkills = new Set(terms.keys());
  const sections = reorder(parseResume(respelled), jobSkills);
  const summary = summaryLine(job, original.matched, resumeText, profile.yearsOfExperience);
  const candidates = [formatResume(withSummary(sections, summary)), formatResume(sections)];
  const text = candidates.find((t) => addsNoSkill(resumeText, t)) ?? resumeText;
  const after = atsScore(text, jobText, terms).score;
  const kept = after >= original.score ? text : resumeText;
  return {
    text: kept,
    keywordsUsed: original.matched,
    keywordsMissing: original.missing,
    rephrased: kept === resumeText ? [] : changes,
    before: original.score,
    after: kept === resumeText ? original.score : after,
  };
}

/** The resume's sections, in order; text above the first heading is the header. */
export function parseResume(text: string): ResumeSection[] {
  const sections: ResumeSection[] = [{ heading: null, lines: [] }];
  let started = false;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    // The first line is the name, however it is written ("JANE DOE", "# Jane Doe").
    if (started && isHeading(line)) sections.push({ heading: line.trim(), lines: [] });
    else sections.at(-1)?.lines.push(line.trimEnd());
    started ||= line.trim() !== '';
  }
  return sections.map((s) => ({ ...s, lines: trimBlankLines(s.lines) })).filter((s) => s.heading !== null || s.lines.length > 0);
}

export function formatResume(sections: readonly ResumeSection[]): string {
  return sections
    .map((s) => [...(s.heading === null ? [] : [s.heading]), ...s.lines].join('\n'))
    .filter((block) => block.trim() !== '')
    .join('\n\n');
}

/** The resume's bullet points, markers stripped and wrapped lines joined. */
export function bulletItems(text: string): string[] {
  return parseResume(text).flatMap((s) =>
    bulletBlocks(s.lines)
      .filter((b) => b.bullet)
      .map((b) => b.lines.map((l) => l.trim()).join(' ').replace(BULLET, '').trim()),
  );
}

function isHeading(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 50 || BULLET.test(t)) return false;
  if (/^#{1,6}\s+\S/.test(t)) return true;
  const bare = t.replace(/:$/, '').trim();
  if (KNOWN_HEADING.test(bare)) return true;
  // An all-capitals line of words ("WORK EXPERIENCE"), not an acronym list ("AWS, GCP").
  return /^[A-Z][A-Z&/ -]{3,}$/.test(bare) && bare.split(/\s+/).length <= 4;
}

function headingText(heading: string): string {
  return heading.replace(/^#+\s*/, '').replace(/:$/, '').trim();
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]?.trim() === '') start += 1;
  while (end > start && lines[end - 1]?.trim() === '') end -= 1;
  return lines.slice(start, end);
}

/**
 * Respells skills in the job's wording (`terms`: skill → wording, from jobTerms). Each
 * skill's respelling must leave the skills found in the text unchanged, alone and
 * together with the others; otherwise the text keeps its own spelling.
 */
export function useJobWording(text: string, terms: ReadonlyMap<string, string>): { text: string; changes: { from: string; to: string }[] } {
  const wordingOf = (h: TermHit) => terms.get(h.skill) ?? h.surface;
  const hits = findSkillTerms(text).filter((h) => h.surface.toLowerCase() !== wordingOf(h).toLowerCase());
  const had = new Set(extractSkills(text));
  const keepsSkills = (candidate: string) => sameSkills(had, candidate);
  const skills = [...new Set(hits.map((h) => h.skill))].filter((skill) =>
    keepsSkills(replaceHits(text, hits.filter((h) => h.skill === skill), wordingOf)),
  );
  const chosen = hits.filter((h) => skills.includes(h.skill));
  const out = replaceHits(text, chosen, wordingOf);
  if (chosen.length === 0 || !keepsSkills(out)) return { text, changes: [] };
  const pairs = new Map(chosen.map((h) => [`${h.surface}\u0000${wordingOf(h)}`, { from: h.surface, to: wordingOf(h) }]));
  return { text: out, changes: [...pairs.values()] };
}

function replaceHits(text: string, hits: readonly TermHit[], wordingOf: (h: TermHit) => string): string {
  return [...hits].sort((a, b) => b.start - a.start).reduce((t, h) => t.slice(0, h.start) + wordingOf(h) + t.slice(h.end), text);
}

function sameSkills(had: ReadonlySet<string>, text: string): boolean {
  const found = extractSkills(text);
  return found.length === had.size && found.every((s) => had.has(s));
}

function addsNoSkill(original: string, tailored: string): boolean {
  const had = new Set(extractSkills(original));
  return extractSkills(tailored).every((s) => had.has(s));
}

function relevance(text: string, jobSkills: ReadonlySet<string>): number {
  return extractSkills(text).filter((s) => jobSkills.has(s)).length;
}

/** Summary first, then sections by how many of the job's skills they show; ties keep the resume's order. */
function reorder(sections: ResumeSection[], jobSkills: ReadonlySet<string>): ResumeSection[] {
  const [header, ...rest] = sections[0]?.heading === null ? sections : [{ heading: null, lines: [] }, ...sections];
  const tailored = rest.map((s) => ({ heading: s.heading, lines: reorderLines(s, jobSkills) }));
  const rank = (s: ResumeSection) =>
    s.heading !== null && SUMMARY_HEADING.test(headingText(s.heading)) ? Number.MAX_SAFE_INTEGER : relevance(s.lines.join('\n'), jobSkills);
  const ordered = tailored.map((s, i) => ({ s, i, r: rank(s) })).sort((a, b) => b.r - a.r || a.i - b.i);
  return [header ?? { heading: null, lines: [] }, ...ordered.map((o) => o.s)];
}

function reorderLines(section: ResumeSection, jobSkills: ReadonlySet<string>): string[] {
  const isList = section.heading !== null && LIST_HEADING.test(headingText(section.heading));
  const lines = isList ? section.lines.map((l) => reorderListLine(l, jobSkills)) : section.lines;
  return reorderBulletRuns(lines, jobSkills);
}

interface Block {
  bullet: boolean;
  lines: string[];
}

/** A bullet with its wrapped (indented) continuation lines is one block. */
function bulletBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  for (const line of lines) {
    const last = blocks.at(-1);
    const continues = last?.bullet === true && line.trim() !== '' && /^\s+\S/.test(line) && !BULLET.test(line);
    if (continues) last.lines.push(line);
    else blocks.push({ bullet: BULLET.test(line), lines: [line] });
  }
  return blocks;
}

/** Within each run of consecutive bullets, the ones naming more of the job's skills go first. */
function reorderBulletRuns(lines: readonly string[], jobSkills: ReadonlySet<string>): string[] {
  const out: string[] = [];
  let run: Block[] = [];
  const flush = () => {
    const ranked = run.map((b, i) => ({ b, i, r: relevance(b.lines.join(' '), jobSkills) }));
    ranked.sort((x, y) => y.r - x.r || x.i - y.i);
    out.push(...ranked.flatMap((x) => x.b.lines));
    run = [];
  };
  for (const block of bulletBlocks(lines)) {
    if (block.bullet) {
      run.push(block);
      continue;
    }
    flush();
    out.push(...block.lines);
  }
  flush();
  return out;
}

/** "Languages: Go, Python, SQL" puts the job's skills first in the list. */
function reorderListLine(line: string, jobSkills: ReadonlySet<string>): string {
  const separator = [', ', '; ', ' | ', ' · ', ' • '].find((sep) => line.split(sep).length >= 3);
  if (!separator) return line;
  const bullet = BULLET.exec(line)?.[0] ?? '';
  const body = line.slice(bullet.length);
  const colon = body.indexOf(': ');
  const label = colon === -1 ? '' : body.slice(0, colon + 2);
  const items = body.slice(label.length).split(separator);
  const ranked = items.map((item, i) => ({ item, i, r: relevance(item, jobSkills) })).sort((a, b) => b.r - a.r || a.i - b.i);
  return bullet + label + ranked.map((x) => x.item).join(separator);
}

/**
 * "Candidate for the Backend Engineer role at Acme: 6 years of experience, with
 * hands-on work in PostgreSQL and Go." Only skills the resume has appear; a title
 * or company name that names a skill the resume lacks is left out rather than
 * smuggle that skill into the resume.
 */
function summaryLine(job: TailorJob, matched: string[], resumeText: string, years: number | null): string {
  const had = new Set(extractSkills(resumeText));
  const title = withoutForeignSkills(job.title, had);
  const company = extractSkills(job.company).every((s) => had.has(s)) ? job.company.trim() : '';
  const role = title ? `the ${title} role` : 'this role';
  const head = `Candidate for ${role}${company ? ` at ${company}` : ''}`;
  const experience = years === null ? '' : `${years} year${years === 1 ? '' : 's'} of experience`;
  const skills = matched.slice(0, TOP_SKILLS_IN_SUMMARY);
  const work = skills.length ? `hands-on work in ${listPhrase(skills)}` : '';
  if (experience && work) return `${head}: ${experience}, with ${work}.`;
  if (experience || work) return `${head}, with ${experience || work}.`;
  return `${head}.`;
}

function withoutForeignSkills(title: string, had: ReadonlySet<string>): string {
  const foreign = findSkillTerms(title).filter((h) => !had.has(h.skill));
  const stripped = replaceHits(title, foreign, () => '')
    .replace(/\(\s*[,/&|-]*\s*\)/g, '')
    .replace(/\s*[,/&|]\s*(?=[,/&|)]|$)/g, '')
    .replace(/^\s*[,/&|-]+\s*/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return extractSkills(stripped).every((s) => had.has(s)) ? stripped : '';
}

function withSummary(sections: ResumeSection[], summary: string): ResumeSection[] {
  const existing = sections.findIndex((s) => s.heading !== null && SUMMARY_HEADING.test(headingText(s.heading)));
  if (existing !== -1) {
    return sections.map((s, i) => (i === existing ? { ...s, lines: [summary, ...s.lines] } : s));
  }
  const [header, ...rest] = sections;
  const heading = summaryHeading(sections);
  if (heading === null) return [{ heading: null, lines: afterFirstParagraph(header?.lines ?? [], summary) }, ...rest];
  return [header ?? { heading: null, lines: [] }, { heading, lines: [summary] }, ...rest];
}

/** A resume without headings gets its summary right below the name and contact block. */
function afterFirstParagraph(lines: readonly string[], summary: string): string[] {
  const blank = lines.findIndex((l) => l.trim() === '');
  const at = blank === -1 ? lines.length : blank;
  return [...lines.slice(0, at), '', summary, ...(at < lines.length ? lines.slice(at) : [])];
}

/** A "Summary" heading written like the resume's own headings; null when it has none. */
function summaryHeading(sections: readonly ResumeSection[]): string | null {
  const sample = sections.find((s) => s.heading !== null)?.heading;
  if (!sample) return null;
  const hashes = /^(#+)\s/.exec(sample)?.[1];
  if (hashes) return `${hashes} Summary`;
  const word = headingText(sample) === headingText(sample).toUpperCase() ? 'SUMMARY' : 'Summary';
  return sample.endsWith(':') ? `${word}:` : word;
}

export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * Skills and numbers in `candidate` that none of `sources` contains: what a rewrite
 * (a model's, typically) made up. Empty means nothing checkable was invented.
 */
export function ungroundedTerms(candidate: string, sources: readonly string[]): string[] {
  const all = sources.join('\n');
  const skills = new Set(extractSkills(all));
  const numbers = new Set(numbersIn(all));
  const newSkills = extractSkills(candidate).filter((s) => !skills.has(s));
  const newNumbers = [...new Set(numbersIn(candidate))].filter((n) => !numbers.has(n));
  return [...newSkills, ...newNumbers];
}

function numbersIn(text: string): string[] {
  return [...text.matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => m[0].replace(/,(?=\d{3}\b)/g, ''));
}
