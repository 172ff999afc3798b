import { extractSkills, SKILLS, skillEntry, type SkillEntry } from '../analysis/skills';

/** Where a skill is named in a text, spelled as the text spells it. */
export interface TermHit {
  skill: string;
  surface: string;
  start: number;
  end: number;
}

export interface AtsResult {
  /** 0–100: how much of the job's keywords the resume covers. */
  score: number;
  /** The job's keywords, in the job's wording, that the resume has. */
  matched: string[];
  /** The job's keywords the resume lacks. */
  missing: string[];
}

/**
 * Many ATS match the posting's exact words; newer ones also know synonyms. A keyword
 * written as the posting writes it counts fully, a synonym ("Postgres" for
 * "PostgreSQL") half, which is also why rephrasing to the job's wording pays off.
 */
const SYNONYM_CREDIT = 0.5;

// The skill lexicon's guards look at most about 20 characters around a hit.
const WINDOW = 40;

/** Scores a resume against a posting's skills, deterministically (`wanted`: the posting's jobTerms, if already known). */
export function atsScore(resumeText: string, jobText: string, wanted = jobTerms(jobText)): AtsResult {
  if (wanted.size === 0) return { score: 0, matched: [], missing: [] };
  const resumeSkills = new Set(extractSkills(resumeText));
  const exact = exactSpellings(resumeText);
  let credit = 0;
  const matched: string[] = [];
  const missing: string[] = [];
  for (const [skill, term] of wanted) {
    if (!resumeSkills.has(skill)) {
      missing.push(term);
      continue;
    }
    matched.push(term);
    credit += exact.get(skill)?.has(term.toLowerCase()) ? 1 : SYNONYM_CREDIT;
  }
  return { score: Math.round((credit / wanted.size) * 100), matched, missing };
}

/** The job's skills in order of first mention, each with the spelling the job uses most. */
export function jobTerms(jobText: string): ReadonlyMap<string, string> {
  const hits = findSkillTerms(jobText);
  const terms = new Map<string, string>();
  for (const skill of extractSkills(jobText)) {
    const spellings = hits.filter((h) => h.skill === skill).map((h) => h.surface);
    terms.set(skill, mostCommon(spellings) ?? skill);
  }
  return terms;
}

function exactSpellings(text: string): Map<string, Set<string>> {
  const bySkill = new Map<string, Set<string>>();
  for (const hit of findSkillTerms(text)) {
    const set = bySkill.get(hit.skill) ?? new Set<string>();
    set.add(hit.surface.toLowerCase());
    bySkill.set(hit.skill, set);
  }
  return bySkill;
}

/**
 * Every place a skill is named, in text order. A candidate spelling counts only when
 * the skill lexicon itself reads it as that skill in its surroundings, so "Go ahead"
 * is not Go and the "React" of "React Native" is not React.
 */
export function findSkillTerms(text: string): TermHit[] {
  const hits = extractSkills(text).flatMap((skill) => {
    const entry = skillEntry(skill);
    if (!entry) return [];
    const candidates = candidateHits(text, entry);
    return candidates.filter((hit) => !needsContext(entry, hit.surface) || isRealHit(text, hit, candidates));
  });
  return hits.sort((a, b) => a.start - b.start);
}

function candidateHits(text: string, entry: SkillEntry): TermHit[] {
  const spellings = [...entry.ci.map((s) => ({ s, flags: 'gi' })), ...entry.cs.map((s) => ({ s, flags: 'g' }))];
  const found = spellings.flatMap(({ s, flags }) =>
    [...text.matchAll(new RegExp(`(?<![A-Za-z0-9_.\\-])${escapeRegExp(s)}(?![A-Za-z0-9_+#])`, flags))].map((m) => ({
      skill: entry.name,
      surface: m[0],
      start: m.index,
      end: m.index + m[0].length,
    })),
  );
  return longestWithoutOverlap(found);
}

const contextCache = new Map<string, boolean>();

/**
 * Checking a hit in its surroundings costs two lexicon scans, so it is done only where
 * the surroundings can matter: a guarded skill ("Go"), or a spelling that shares a word
 * with another skill's spelling ("React" / "React Native", "Cloud Functions" / "Google Cloud").
 */
function needsContext(entry: SkillEntry, surface: string): boolean {
  const key = `${entry.name}\u0000${surface.toLowerCase()}`;
  let needed = contextCache.get(key);
  if (needed === undefined) {
    const words = new Set(wordsOf(surface));
    needed =
      entry.guard !== undefined ||
      SKILLS.some((other) => other !== entry && [...other.ci, ...other.cs].some((o) => o.toLowerCase().includes(surface.toLowerCase()) || wordsOf(o).some((w) => words.has(w))));
    contextCache.set(key, needed);
  }
  return needed;
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9+#]+/).filter(Boolean);
}

function longestWithoutOverlap(hits: TermHit[]): TermHit[] {
  const ordered = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TermHit[] = [];
  for (const hit of ordered) {
    const last = kept.at(-1);
    if (!last || hit.start >= last.end) kept.push(hit);
  }
  return kept;
}

/** The skill is found around this spot, and not once the spot (and its siblings) are blanked. */
function isRealHit(text: string, hit: TermHit, siblings: TermHit[]): boolean {
  const from = Math.max(0, hit.start - WINDOW);
  const to = Math.min(text.length, hit.end + WINDOW);
  const others = siblings.filter((s) => s !== hit && s.end > from && s.start < to);
  const around = blank(text.slice(from, to), others, from);
  const without = blank(around, [hit], from);
  return extractSkills(around).includes(hit.skill) && !extractSkills(without).includes(hit.skill);
}

function blank(window: string, hits: TermHit[], offset: number): string {
  let out = window;
  for (const h of hits) {
    const start = Math.max(0, h.start - offset);
    const end = Math.min(window.length, h.end - offset);
    out = out.slice(0, start) + ' '.repeat(Math.max(0, end - start)) + out.slice(end);
  }
  return out;
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = v;
  return best;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
