/** Letters without accents, for comparing what people type: "São Paulo" = "sao paulo", "Łódź" = "lodz". */
const FOLD: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łøæœßđðþı]/g, (ch) => FOLD[ch] ?? ch);
}

/**
 * What separates two words: phrases may run over spaces, hyphens and slashes ("Asia/Pacific",
 * "Guinea-Bissau") but not over commas or brackets ("Portland, OR" is two things).
 */
export type Separator = 'start' | 'space' | 'comma' | 'open' | 'close' | 'other';

export interface Token {
  /** As written: capitals tell "OR" (Oregon) from "or". */
  raw: string;
  /** Folded, lower case. */
  word: string;
  before: Separator;
  /** Inside round or square brackets. */
  inParens: boolean;
}

/** "U.S." → "US", "St. John's" → "St Johns", "&" → "and". */
function prepare(text: string): string {
  return text
    .replace(/(\p{L})\.(?=\p{L})/gu, '$1')
    .replace(/(\p{L})\.(?=[\s,)/]|$)/gu, '$1')
    .replace(/['’`ʼ]/g, '')
    .replace(/&/g, ' and ');
}

function separatorOf(gap: string, first: boolean): Separator {
  if (first) return 'start';
  if (/[([]/.test(gap)) return 'open';
  if (/[)\]]/.test(gap)) return 'close';
  if (/[,;:|·•\n]/.test(gap)) return 'comma';
  if (/^[\s\-–—/+]*$/.test(gap)) return 'space';
  return 'other';
}

export function tokenize(text: string): Token[] {
  const prepared = prepare(text);
  const tokens: Token[] = [];
  let depth = 0;
  let last = 0;
  for (const m of prepared.matchAll(/[\p{L}\p{N}]+/gu)) {
    const gap = prepared.slice(last, m.index);
    for (const ch of gap) {
      if (ch === '(' || ch === '[') depth++;
      if ((ch === ')' || ch === ']') && depth > 0) depth--;
    }
    tokens.push({ raw: m[0], word: fold(m[0]), before: separatorOf(gap, tokens.length === 0), inParens: depth > 0 });
    last = m.index + m[0].length;
  }
  return tokens;
}

/** A name as the scanner sees it: folded words joined by one space. */
export function phraseOf(text: string): string {
  return tokenize(text).map((t) => t.word).join(' ');
}

/** Joins to the previous word: no comma or bracket between them. */
export const continues = (token: Token): boolean => token.before === 'space';

/** May continue a known name across brackets ("Cocos (Keeling) Islands", "Washington (DC)"), never across a comma. */
export const continuesName = (token: Token): boolean => token.before === 'space' || token.before === 'open' || token.before === 'close';
