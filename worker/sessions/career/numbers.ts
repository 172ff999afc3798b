/**
 * Numbers as a reply may write them, read as values so that the same number written two
 * ways is one number: "$150,000", "150k" and "150 000" are 150000, "55%" is 55, "twelve"
 * is 12. List markers ("1. ") and links are not numbers the reply states.
 */

export interface NumberMention {
  value: number;
  /** As written, for the reason a draft is refused. */
  raw: string;
}

const NUMBER = /(?<![\p{L}\p{N}_.,])(\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(k|m|mn|million|thousand)\b)?/giu;

const WORDS: Readonly<Record<string, number>> = {
  zero: 0, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};
// "one" is left out: "one of the postings" names no count worth checking, and it is everywhere.
const NUMBER_WORD = new RegExp(`\\b(${Object.keys(WORDS).join('|')})\\b`, 'gi');

const URL = /\bhttps?:\/\/[^\s)>\]]+/gi;
const LIST_MARKER = /^(\s*)\d+[.)](?=\s)/gm;

export function withoutLinks(text: string): string {
  return text.replace(URL, ' ');
}

export function linksIn(text: string): string[] {
  // A sentence's full stop after a link is not part of it.
  return (text.match(URL) ?? []).map((url) => url.replace(/[.,;:!?]+$/, ''));
}

function scale(suffix: string | undefined): number {
  const s = suffix?.toLowerCase();
  if (s === 'k' || s === 'thousand') return 1_000;
  if (s === 'm' || s === 'mn' || s === 'million') return 1_000_000;
  return 1;
}

export function numbersIn(text: string): NumberMention[] {
  const plain = withoutLinks(text).replace(LIST_MARKER, '$1');
  const digits = [...plain.matchAll(NUMBER)].map((m): NumberMention => {
    const value = Number((m[1] ?? '').replace(/[,\u00a0\u202f ]/g, '')) * scale(m[2]);
    return { value: Math.round(value * 100) / 100, raw: m[0] };
  });
  const words = [...plain.matchAll(NUMBER_WORD)].map((m): NumberMention => ({ value: WORDS[(m[1] ?? '').toLowerCase()] ?? 0, raw: m[0] }));
  return [...digits, ...words];
}
