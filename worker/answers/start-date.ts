import { bandHas, parseBand, type Band, type Scale } from './bands';
import { pickBest } from './pick';
import { textOf, type Choice, type Option } from './types';

const DAY_MS = 86_400_000;
const MONTH_DAYS = 30.44;

/** Days, whatever unit the option writes ("2 weeks", "1-3 months"). */
const inDays: Scale = (n, unit) => {
  if (unit?.startsWith('w')) return n * 7;
  if (unit?.startsWith('mo') || unit === 'm') return n * MONTH_DAYS;
  if (unit?.startsWith('y')) return n * 365.25;
  return n;
};

/** Start "immediately" means within a few days (a weekend, the paperwork), not exactly today. */
const IMMEDIATE: Band = { min: 0, max: 3, minInclusive: true, maxInclusive: true };
const IMMEDIATELY = /\b(?:immediate(?:ly)?|asap|as soon as possible|right away|right now|available now|now|today|no notice(?: period)?|none|0 days)\b/i;
const UNDECIDED = /\b(?:flexible|negotiable|depends|other|not sure|unsure|to be discussed|tbd)\b/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Days from today to a YYYY-MM-DD date (0 when it has passed: available now). */
function daysUntil(date: string, now: Date): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!m) return null;
  const target = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.max(0, Math.round((target - today) / DAY_MS));
}

/** "January 2027", "Q1 2027": the days from today that the month or quarter spans. */
function calendarBand(label: string, now: Date): Band | null {
  const t = label.toLowerCase();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const between = (from: number, to: number): Band => ({ min: (from - today) / DAY_MS, max: (to - today) / DAY_MS - 1, minInclusive: true, maxInclusive: true });
  const month = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})\b/.exec(t);
  if (month?.[1] && month[2]) {
    const index = MONTHS.indexOf(month[1]);
    const year = Number(month[2]);
    return between(Date.UTC(year, index, 1), Date.UTC(year, index + 1, 1));
  }
  const quarter = /\bq([1-4])\s*(\d{4})\b/.exec(t);
  if (quarter?.[1] && quarter[2]) {
    const q = Number(quarter[1]) - 1;
    const year = Number(quarter[2]);
    return between(Date.UTC(year, q * 3, 1), Date.UTC(year, q * 3 + 3, 1));
  }
  return null;
}

/**
 * A lone duration in a start-date ladder means "within": "2 weeks" is up to two weeks away,
 * "1-3 months" is that range, "More than 3 months" is after it.
 */
function bandOf(label: string, now: Date): Band | null {
  if (UNDECIDED.test(label)) return null;
  const calendar = calendarBand(label, now);
  if (calendar) return calendar;
  if (IMMEDIATELY.test(label) && !/\d/.test(label)) return IMMEDIATE;
  const band = parseBand(label, inDays);
  if (!band) return null;
  return band.min === band.max ? { min: 0, max: band.max, minInclusive: true, maxInclusive: true } : band;
}

/**
 * The start date against options relative to today ("Immediately", "Within 2 weeks", "1 month",
 * "2-3 months", "More than 3 months", "January 2027"). The earliest option that covers the date
 * wins; when the date falls in a gap between options ("1 month" and "2-3 months" for a start
 * in 45 days), the next option after it does, since one can always start later than one could.
 * null when no option reads as a time.
 */
export function chooseStartDate(value: string, options: readonly Option[], now: Date): Choice | null {
  const days = daysUntil(value, now);
  if (days === null) return null;
  const read = options.flatMap((option) => {
    const band = bandOf(textOf(option), now);
    return band ? [{ option, band }] : [];
  });
  if (read.length === 0) return null;
  const covering = read.filter((r) => bandHas(r.band, days));
  const later = read.filter((r) => r.band.min > days || (r.band.min === days && !r.band.minInclusive));
  const pool = covering.length > 0 ? covering : later;
  const subject = `your start date (${value}, in ${days} days)`;
  if (pool.length === 0) return { kind: 'none', why: `no option reaches ${subject}` };
  const soonest = Math.min(...pool.map((r) => r.band.max));
  return pickBest(
    pool.filter((r) => r.band.max === soonest).map((r) => ({ option: r.option, score: 1, why: `you can start in ${days} days: "${textOf(r.option)}"` })),
    subject,
  );
}
