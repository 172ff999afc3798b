import { offsetsOf, type ZoneGroup } from '../gazetteer/time-zones';

/** Minutes east of UTC, inclusive. */
export interface OffsetRange {
  min: number;
  max: number;
}

/** A zone kept all year matches strongly; one that only reaches the offset in summer, weakly. */
export type Strength = 'strong' | 'weak';

const SIGN = String.raw`[+\-−–±]`;
const OFFSET = String.raw`(?:utc|gmt)\s*(${SIGN})\s*(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?`;
const SECOND = String.raw`(?:(?:utc|gmt)\s*)?(${SIGN})\s*(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?`;
const RANGE = new RegExp(String.raw`(?:between\s+)?${OFFSET}\s*(?:to|-|–|—|and|through|until)\s*${SECOND}`, 'gi');
const SINGLE = new RegExp(OFFSET, 'gi');
/** "UTC" and "GMT" alone are offset 0: Lisbon and Accra keep it as well as London. */
const BARE_UTC = /\b(?:utc|gmt)(?:\s*[±+]\s*0+(?::?00)?)?\b(?!\s*[+\-−–±]\s*\d)/gi;
const AROUND = /(?:±|\+\s*\/\s*-|\+-|plus or minus)\s*(\d{1,2})\s*(?:h\b|hrs?\b|hours?\b)?|within\s+(\d{1,2})\s*(?:h|hrs?|hours?)\s+of/i;

function minutes(sign: string | undefined, hours: string | undefined, mins: string | undefined): number {
  const value = Number(hours ?? 0) * 60 + Number(mins ?? 0);
  return sign === '-' || sign === '−' || sign === '–' ? -value : value;
}

export interface ZoneText {
  ranges: OffsetRange[];
  /** Hours either side allowed ("CET ± 3 hours"), 0 when the text allows none. */
  slack: number;
  /** The text with the offsets taken out, for the place scanner. */
  rest: string;
}

/** "UTC-8", "GMT+01:00", "UTC-8 to UTC-5", "UTC", "GMT", "± 3 hours". */
export function zonesInText(text: string): ZoneText {
  const ranges: OffsetRange[] = [];
  let rest = text.replace(RANGE, (_m, s1: string, h1: string, m1: string | undefined, s2: string, h2: string, m2: string | undefined) => {
    const a = minutes(s1, h1, m1);
    const b = minutes(s2, h2, m2);
    ranges.push({ min: Math.min(a, b), max: Math.max(a, b) });
    return ' ';
  });
  rest = rest.replace(SINGLE, (_m, s: string, h: string, m: string | undefined) => {
    const value = minutes(s, h, m);
    // "UTC±3" is a span around UTC, not a single offset.
    ranges.push(s === '±' ? { min: -value, max: value } : { min: value, max: value });
    return ' ';
  });
  rest = rest.replace(BARE_UTC, () => {
    ranges.push({ min: 0, max: 0 });
    return ' ';
  });
  const around = AROUND.exec(rest);
  const slack = around ? Number(around[1] ?? around[2] ?? 0) : 0;
  if (around) rest = rest.replace(around[0], ' ');
  return { ranges, slack, rest };
}

/** Whether a zone keeps an offset in the range: all year (strong) or in summer only (weak). */
export function rangeFit(range: OffsetRange, zone: string): Strength | null {
  const offsets = offsetsOf(zone);
  if (!offsets) return null;
  if (offsets.standard >= range.min && offsets.standard <= range.max) return 'strong';
  if (offsets.daylight >= range.min && offsets.daylight <= range.max) return 'weak';
  return null;
}

/**
 * Whether a zone is in a named group: listed (strong), or keeping the same clocks as the
 * group's first zone, as Lisbon keeps London's (weak).
 */
export function groupFit(group: ZoneGroup, zone: string): Strength | null {
  if (group.zones.includes(zone)) return 'strong';
  const [representative] = group.zones;
  return representative && sameClocks(representative, zone) ? 'weak' : null;
}

export function sameClocks(a: string, b: string): boolean {
  const x = offsetsOf(a);
  const y = offsetsOf(b);
  return x !== null && y !== null && x.standard === y.standard && x.daylight === y.daylight;
}

/** A group widened by some hours either side ("CET ± 3 hours") becomes a range around its standard offset. */
export function widen(group: ZoneGroup, hours: number): OffsetRange | null {
  const [representative] = group.zones;
  const offsets = representative ? offsetsOf(representative) : null;
  return offsets ? { min: offsets.standard - hours * 60, max: offsets.standard + hours * 60 } : null;
}

export const stronger = (a: Strength | null, b: Strength | null): Strength | null => (a === 'strong' || b === 'strong' ? 'strong' : (a ?? b));
export const weaker = (a: Strength | null, b: Strength | null): Strength | null => (a === null || b === null ? null : a === 'weak' || b === 'weak' ? 'weak' : 'strong');
