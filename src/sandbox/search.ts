import type { Posting } from './postings';

/**
 * Search as a job board's visitor expects it: every query word must appear as a word
 * (so "go" does not match "Google" and "java" does not match "JavaScript"), and a
 * plural finds the singular and the reverse ("engineers" finds "Engineer").
 */
const WORD = /[a-z0-9+#]+/g;

/** Folds simple English plurals onto one form; applied to both sides, so it need not be a real stemmer. */
function fold(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

export function searchWords(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map(fold);
}

const wordsOfPosting = new WeakMap<Posting, ReadonlySet<string>>();

function postingWords(posting: Posting): ReadonlySet<string> {
  let words = wordsOfPosting.get(posting);
  if (!words) {
    words = new Set(searchWords(`${posting.title} ${posting.company} ${posting.description}`));
    wordsOfPosting.set(posting, words);
  }
  return words;
}

/** "" and "anywhere" mean everywhere; "remote" means remote postings; anything else is part of the location. */
export function matchesLocation(posting: Posting, location: string): boolean {
  const where = location.trim().toLowerCase();
  if (where === '' || where === 'anywhere') return true;
  if (where === 'remote') return posting.remote;
  return posting.location.toLowerCase().includes(where);
}

export function matchesQuery(posting: Posting, query: string): boolean {
  const words = postingWords(posting);
  return searchWords(query).every((w) => words.has(w));
}

/** Postings matching every query word and the location, newest first. */
export function searchPostings(postings: readonly Posting[], query: string, location: string): Posting[] {
  return postings
    .filter((p) => matchesLocation(p, location) && matchesQuery(p, query))
    .sort((a, b) => b.postedAt.localeCompare(a.postedAt) || a.id.localeCompare(b.id));
}
