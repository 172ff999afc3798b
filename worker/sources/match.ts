/**
 * Search for sources whose API cannot search (Greenhouse, Lever list a whole board):
 * the scout filters their postings the way a user would expect a search box to.
 */

/** Lower case without accents, so "Zürich" finds "Zurich" and "Python" finds "python". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface PostingText {
  title: string;
  description: string;
}

/**
 * True when every word of the query is in the title or the description. Words match
 * whole ("go" does not find "Google"), plurals included ("engineer" finds "engineers").
 */
export function queryMatcher(query: string): (posting: PostingText) => boolean {
  const patterns = queryWords(query).map(wordPattern);
  return (posting) => {
    const haystack = fold(`${posting.title}\n${posting.description}`);
    return patterns.every((pattern) => pattern.test(haystack));
  };
}

/** The query's words, folded, without the punctuation around them ("python," → "python"). */
export function queryWords(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}.#+]+|[^\p{L}\p{N}#+]+$/gu, ''))
    .filter((word) => word !== '');
}

function wordPattern(word: string): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?:e?s)?(?![\\p{L}\\p{N}])`, 'u');
}

export interface PostingPlace {
  /** Every place the posting names (Lever lists several). */
  locations: readonly string[];
  remote: boolean;
}

// What people type when they do not mind where the job is.
const ANYWHERE = new Set(['', 'anywhere', 'any', 'everywhere']);

/**
 * Empty or "anywhere": every posting. "Remote": remote postings. Otherwise the city
 * (the part before a comma, so "Berlin, Germany" finds "Berlin") must be named in the
 * posting's location: a remote posting does not match a city just by being remote.
 */
export function locationMatcher(location: string): (posting: PostingPlace) => boolean {
  const wanted = fold(location).trim();
  if (ANYWHERE.has(wanted)) return () => true;
  const city = wanted.split(',')[0]?.trim() ?? '';
  if (city === 'remote') return (posting) => posting.remote;
  if (city === '') return () => true;
  return (posting) => posting.locations.some((place) => fold(place).includes(city));
}

/** Job boards write "Remote", "Remote - US", "Berlin (remote)"… */
export function mentionsRemote(location: string): boolean {
  return /\bremote\b/i.test(location);
}
