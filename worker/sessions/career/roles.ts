/**
 * Role names as people type them ("a senior backend engineers?") turned into the titles
 * the engine searches and shows ("Senior Backend Engineer"), and titles taken apart into
 * the role and its level words.
 */
import { titleCase } from './words';

/** Role nouns whose plural the engine folds, so "data scientists" searches "Data Scientist". */
const ROLE_NOUNS =
  'engineer|developer|programmer|scientist|analyst|designer|manager|architect|director|lead|consultant|specialist|administrator|researcher|marketer|writer|recruiter|representative|executive|owner|sre|tester|strategist|coordinator';
const PLURAL_ROLE = new RegExp(`\\b(${ROLE_NOUNS})s$`, 'i');
/** Words around a role that are not part of it ("good", "open", "jobs"). */
const LEADING_FILLER = /^(?:(?:a|an|the|some|any|good|new|open|great|few|more|my|your|their|as|for|of|entry-level)\s+)+/i;
const TRAILING_FILLER =
  /(?:\s+(?:jobs?|roles?|positions?|openings?|vacancies|postings?|opportunities|work|these days|nowadays|today|right now|now|currently|usually|typically|on average|per year|a year|annually|per annum|please|for me|again))+$/i;
const NOT_A_ROLE =
  /^(?:i|me|you|we|they|people|someone|somebody|anyone|one|it|this|that|here|there|someone like me|people like me|role|job|position|title|level|current (?:role|job|position|title|level))$/i;

export const MAX_ROLE_CHARS = 80;
const MAX_ROLE_WORDS = 8;

/** A role as typed, cleaned into a title; null when nothing that could be a role is left. */
export function cleanRole(raw: string): string | null {
  let role = raw
    .replace(/["“”'‘’?!.,;:]+$/g, '')
    .replace(/^["“‘']+|["”’']+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (let before = ''; before !== role; ) {
    before = role;
    role = role.replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '').replace(/[?!.,;:]+$/, '').trim();
  }
  role = role.replace(/\bremote\b/gi, '').replace(/\s+/g, ' ').trim();
  if (role === '' || NOT_A_ROLE.test(role) || role.length > MAX_ROLE_CHARS || role.split(' ').length > MAX_ROLE_WORDS) return null;
  return titleCase(role.replace(PLURAL_ROLE, '$1'));
}

/** Level words in a title: what a role has at every rung of its ladder is what remains without them. */
const LEVEL_WORDS =
  /\b(?:junior|jr|senior|sr|snr|staff|principal|distinguished|lead|associate|entry[\s-]level|mid[\s-]level|intermediate|graduate|trainee|intern)\b\.?|\b(?:I{1,3}|IV)$/gi;

/** "Senior Backend Engineer (Python)" → "Backend Engineer"; the role the ladder's rungs share. */
export function roleWithoutLevel(title: string): string {
  return title
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s*[,|–—-]\s+.*$/, '')
    .replace(LEVEL_WORDS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
