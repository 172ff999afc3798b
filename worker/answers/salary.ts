import { bandCovers, parseBand, pickBand, type Band, type Scale } from './bands';
import { currencyOf, sameCurrency, withoutCurrency } from './currency';
import { textOf, type Choice, type Option } from './types';

type Period = 'hour' | 'day' | 'month' | 'year';

/** "k" and "m" multiply; written thousands ("in thousands") are the caller's concern. */
const amounts: Scale = (n, unit) => (unit === 'k' || unit === 'thousand' ? n * 1000 : unit === 'm' || unit === 'mm' || unit === 'million' ? n * 1_000_000 : n);

function periodOf(text: string): Period | null {
  const t = text.toLowerCase();
  if (/\b(?:per|an|a|\/)\s*(?:hour|hr|h)\b|hourly|\/\s*hr?\b/.test(t)) return 'hour';
  if (/\b(?:per|a|\/)\s*day\b|daily|day rate/.test(t)) return 'day';
  if (/\b(?:per|a|\/)\s*(?:month|mo)\b|monthly|\/\s*mo\b/.test(t)) return 'month';
  if (/\b(?:per|a|\/)\s*(?:year|yr|annum)\b|annual|yearly|\bp\.?a\.?\b/.test(t)) return 'year';
  return null;
}

interface Amount {
  band: Band;
  currency: string | null;
  period: Period | null;
}

/** "$120k", "95000", "£90,000–£100,000 per year". */
function amountOf(text: string): Amount | null {
  let band = parseBand(withoutCurrency(text), amounts);
  if (!band) return null;
  // "80 - 100k": the k was written once for both ends.
  if (band.min > 0 && band.min < 1000 && band.max >= 1000 && band.min * 1000 <= band.max) band = { ...band, min: band.min * 1000 };
  return { band, currency: currencyOf(text), period: periodOf(text) };
}

/** Options in thousands ("80-100" under a "(in thousands)" question) read as the profile's scale. */
function inThousands(question: string, option: Amount, profile: Amount): Amount {
  const small = option.band.max < 1000 || (option.band.max === Infinity && option.band.min < 1000);
  if (!small || profile.band.min < 1000 || !/thousand|\(k\)|\bin k\b|000s/i.test(question)) return option;
  const { band } = option;
  return { ...option, band: { ...band, min: band.min * 1000, max: band.max * 1000 } };
}

/**
 * A salary against range options ("$80,000 - $100,000", "100k–120k", "€60k+", "Under $50k").
 * An option in another currency, or per hour against a yearly figure, never fits: amounts are
 * not converted. An option (or profile) that names no currency takes the question's, and then
 * any. null when no option names an amount.
 */
export function chooseSalary(value: string, question: string, options: readonly Option[]): Choice | null {
  const profile = amountOf(value);
  if (!profile) return null;
  const questionCurrency = currencyOf(question);
  const questionPeriod = periodOf(question);
  const wanted = { currency: profile.currency ?? questionCurrency, period: profile.period ?? 'year' };
  const read = options.map((option) => ({ option, amount: amountOf(textOf(option)) }));
  if (!read.some((r) => r.amount !== null)) return null;
  const fitting = read.flatMap(({ option, amount }) => {
    if (!amount) return [];
    const a = inThousands(question, amount, profile);
    const currency = a.currency ?? questionCurrency;
    const period = a.period ?? questionPeriod ?? 'year';
    if (currency && wanted.currency && !sameCurrency(currency, wanted.currency)) return [];
    if (period !== wanted.period) return [];
    return bandCovers(a.band, profile.band) ? [{ option, band: a.band }] : [];
  });
  const shown = value.trim();
  if (fitting.length === 0 && read.some((r) => r.amount?.currency && wanted.currency && !sameCurrency(r.amount.currency, wanted.currency))) {
    return { kind: 'none', why: `the options are in another currency than your salary (${shown}), and I do not convert currencies` };
  }
  return pickBand(fitting, `your salary expectation (${shown})`, shown);
}
