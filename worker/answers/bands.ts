import { quoted, type Choice, type Option } from './types';

/** A span of numbers an option stands for: "1-3 years", "5+", "Under $50k". */
export interface Band {
  min: number;
  max: number;
  minInclusive: boolean;
  maxInclusive: boolean;
}

/** Turns a number and the unit written after it ("6 months", "100k") into the caller's unit. */
export type Scale = (n: number, unit: string | undefined) => number;

const WORD_NUMBERS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30,
};

const UNIT = String.raw`(k|m|mm|thousand|million|days?|weeks?|wks?|months?|mos?|years?|yrs?)?\b`;
const NUM = String.raw`(\d+(?:\.\d+)?)\s*${UNIT}`;
const CONNECTOR = String.raw`\s*(?:-|to|through|thru|and|until)\s*`;

/** Patterns in the order they are tried; each maps its numbers to a band. */
const PATTERNS: readonly { re: RegExp; band: (a: number, b: number) => Band }[] = [
  { re: new RegExp(String.raw`${NUM}\s*(?:up )?to less than\s*${NUM}`), band: (a, b) => span(a, b, true, false) },
  { re: new RegExp(`${NUM}${CONNECTOR}${NUM}`), band: (a, b) => span(Math.min(a, b), Math.max(a, b), true, true) },
  { re: new RegExp(String.raw`${NUM}\s*(?:\+|plus\b|or (?:more|above|over|greater|higher|longer)|and (?:more|above|over|up|higher|beyond)|or later)`), band: (a) => span(a, Infinity, true, false) },
  { re: new RegExp(String.raw`(?:at least|minimum(?: of)?|min|>=|≥)\s*${NUM}`), band: (a) => span(a, Infinity, true, false) },
  { re: new RegExp(String.raw`(?:more than|over|above|greater than|longer than|later than|after|exceeding|beyond|in excess of|>)\s*${NUM}`), band: (a) => span(a, Infinity, false, false) },
  { re: new RegExp(String.raw`(?:less than|under|below|fewer than|lower than|shorter than|sooner than|<)\s*${NUM}`), band: (a) => span(0, a, true, false) },
  { re: new RegExp(String.raw`(?:up to|at most|no more than|not more than|maximum(?: of)?|max|within|<=|≤|by)\s*${NUM}`), band: (a) => span(0, a, true, true) },
  { re: new RegExp(String.raw`${NUM}\s*(?:or (?:less|fewer|under|below|sooner|earlier)|and (?:under|below|less))`), band: (a) => span(0, a, true, true) },
  { re: new RegExp(NUM), band: (a) => span(a, a, true, true) },
];

const span = (min: number, max: number, minInclusive: boolean, maxInclusive: boolean): Band => ({ min, max, minInclusive, maxInclusive });

/** Lower case, one kind of dash, digits for number words, no thousands separators. */
export function normalizeNumbers(text: string): string {
  return text
    .toLowerCase()
    .replace(/[–—−]/g, '-')
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/(\d)\s(?=\d{3}\b)/g, '$1')
    .replace(/\b(?:an?|one) (?=(?:year|month|week|day)\b)/g, '1 ')
    // "3+ months", "5 or more years": the unit after the "+" belongs to the number.
    .replace(/(\d+(?:\.\d+)?)\s*(\+|or more|or longer|plus)\s*(days?|weeks?|wks?|months?|mos?|years?|yrs?)\b/g, '$1 $3 $2')
    .replace(/\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\b/g, (w) => String(WORD_NUMBERS[w] ?? w));
}

/**
 * The band a label names, or null when it names no number. A range borrows the unit of its
 * second number when its first has none ("80-100k", "2-3 months").
 */
export function parseBand(text: string, scale: Scale): Band | null {
  const t = normalizeNumbers(text);
  for (const { re, band } of PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const unitA = m[2] ?? m[4];
    const a = scale(Number(m[1]), unitA);
    const b = m[3] === undefined ? a : scale(Number(m[3]), m[4] ?? m[2]);
    return band(a, b);
  }
  return null;
}

export function bandHas(band: Band, n: number): boolean {
  const aboveMin = band.minInclusive ? n >= band.min : n > band.min;
  const belowMax = band.maxInclusive ? n <= band.max : n < band.max;
  return aboveMin && belowMax;
}

/** `outer` holds all of `inner`. */
export function bandCovers(outer: Band, inner: Band): boolean {
  const low = outer.min < inner.min || (outer.min === inner.min && (outer.minInclusive || !inner.minInclusive));
  const high = outer.max > inner.max || (outer.max === inner.max && (outer.maxInclusive || !inner.maxInclusive));
  return low && high;
}

const sameBand = (a: Band, b: Band): boolean => bandCovers(a, b) && bandCovers(b, a);

export interface Fitting {
  option: Option;
  band: Band;
}

/**
 * One option when its band is the only fit, or lies inside every other fit ("Within 2 weeks"
 * inside "Within 1 month"); options that merely share an edge ("1-3" and "3-5" for 3) are
 * a tie for the human to break.
 */
export function pickBand(fitting: readonly Fitting[], subject: string, describeValue: string): Choice {
  if (fitting.length === 0) return { kind: 'none', why: `no option covers ${subject}` };
  // With one narrowest fit, every other fit holds it (a ladder of "within" options).
  const minimal = fitting.filter((f) => !fitting.some((o) => o !== f && bandCovers(f.band, o.band) && !sameBand(f.band, o.band)));
  const [first] = minimal;
  if (first && minimal.length === 1) {
    return { kind: 'chosen', option: first.option, why: `${describeValue} is in "${first.option.label || first.option.value}"` };
  }
  const candidates = minimal.map((m) => m.option);
  return { kind: 'ambiguous', candidates, why: `${describeValue} fits ${quoted(candidates)}: the bands share that edge` };
}
