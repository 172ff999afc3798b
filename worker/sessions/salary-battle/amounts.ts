/**
 * Money written in free text: "$135,000", "135k", "135 000", "€120.000", "1.2m",
 * "USD 140,000". One reader serves both the user's turns (what they ask for) and the
 * model's drafts (every amount it names must be one the engine made).
 */

export interface AmountMention {
  /** The amount in whole units. */
  value: number;
  /** Where the mention starts and ends in the text. */
  index: number;
  end: number;
  /** Written as money (a currency sign or code, a k/m suffix, digit grouping), not a bare number. */
  marked: boolean;
  /** Followed by "%": a share, not an amount. */
  percent: boolean;
}

const CURRENCY_SIGN = String.raw`[$€£¥₹]|\b(?:USD|EUR|GBP|CAD|AUD|CHF|JPY|INR|SEK|NOK|DKK|PLN|SGD|NZD|BRL|MXN)\s?`;
// Groups of three after a comma, dot or (narrow) space; the first group has 1–3 digits
// and is not the tail of a longer number, so "2023 100 people" stays two numbers.
const GROUPED = String.raw`\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?:[.,]\d{1,2}(?!\d))?`;
const PLAIN = String.raw`\d+(?:[.,]\d+)?`;
const SUFFIX = String.raw`\s?(?:k|m|mn|million|thousand|grand)\b`;
const WHOLLY_GROUPED = new RegExp(`^${GROUPED}$`);
const MENTION = new RegExp(
  String.raw`(?<sign>${CURRENCY_SIGN})?(?<![\d.,])(?<num>${GROUPED}|${PLAIN})(?<suffix>${SUFFIX})?(?<code>\s?(?:USD|EUR|GBP|dollars|euros|pounds)\b)?(?<percent>\s?(?:%|percent\b))?`,
  'gi',
);

/** Every number in `text` that could be an amount, in order. */
export function findAmounts(text: string): AmountMention[] {
  const mentions: AmountMention[] = [];
  for (const m of text.matchAll(MENTION)) {
    const g = m.groups ?? {};
    const num = g.num;
    if (num === undefined) continue;
    const grouped = WHOLLY_GROUPED.test(num);
    const suffix = (g.suffix ?? '').trim().toLowerCase();
    const value = Math.round(parseNumber(num, grouped) * multiplier(suffix));
    mentions.push({
      value,
      index: m.index,
      end: m.index + m[0].length,
      marked: g.sign !== undefined || g.code !== undefined || suffix !== '' || grouped,
      percent: g.percent !== undefined,
    });
  }
  return mentions;
}

function parseNumber(num: string, grouped: boolean): number {
  if (grouped) {
    // Whatever separates the thousands goes; a trailing 1–2 digit part is cents.
    const cents = /[.,](\d{1,2})$/.exec(num);
    const whole = cents ? num.slice(0, cents.index) : num;
    return Number(whole.replace(/[^\d]/g, '')) + (cents?.[1] ? Number(`0.${cents[1]}`) : 0);
  }
  return Number(num.replace(',', '.'));
}

function multiplier(suffix: string): number {
  if (suffix === 'k' || suffix === 'thousand' || suffix === 'grand') return 1_000;
  if (suffix === 'm' || suffix === 'mn' || suffix === 'million') return 1_000_000;
  return 1;
}

/** A bare four-digit number from 1900 to 2100 is far more often a year than a salary. */
export function looksLikeYear(mention: AmountMention): boolean {
  return !mention.marked && mention.value >= 1900 && mention.value <= 2100;
}
