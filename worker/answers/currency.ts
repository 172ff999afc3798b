/** Written forms of currencies, most specific first ("US$" before "$"). "$", "¥" and "kr" name a family. */
const FORMS: readonly (readonly [RegExp, string])[] = [
  [/\bus\$|\busd\b|\bus dollars?\b/i, 'USD'],
  [/\bc\$|\bca\$|\bcad\b|\bcanadian dollars?\b/i, 'CAD'],
  [/\ba\$|\bau\$|\baud\b|\baustralian dollars?\b/i, 'AUD'],
  [/\bnz\$|\bnzd\b/i, 'NZD'],
  [/\bs\$|\bsgd\b/i, 'SGD'],
  [/\bhk\$|\bhkd\b/i, 'HKD'],
  [/\bmx\$|\bmxn\b/i, 'MXN'],
  [/\br\$|\bbrl\b|\breais\b/i, 'BRL'],
  [/€|\beur\b|\beuros?\b/i, 'EUR'],
  [/£|\bgbp\b|\bpounds?(?: sterling)?\b/i, 'GBP'],
  [/₹|\binr\b|\brs\.?(?=\s*\d)|\brupees?\b|\blakhs?\b|\blpa\b/i, 'INR'],
  [/\bchf\b|\bswiss francs?\b/i, 'CHF'],
  [/\bjpy\b|\byen\b/i, 'JPY'],
  [/\bcny\b|\brmb\b|\byuan\b/i, 'CNY'],
  [/\bsek\b/i, 'SEK'],
  [/\bnok\b/i, 'NOK'],
  [/\bdkk\b/i, 'DKK'],
  [/\bpln\b|zł|\bzloty\b/i, 'PLN'],
  [/\bczk\b|kč/i, 'CZK'],
  [/\bhuf\b/i, 'HUF'],
  [/₩|\bkrw\b/i, 'KRW'],
  [/₪|\bils\b|\bnis\b/i, 'ILS'],
  [/\baed\b|\bdirhams?\b/i, 'AED'],
  [/\bzar\b|\brand\b/i, 'ZAR'],
  [/₺|\btry\b|\blira\b/i, 'TRY'],
  [/\$|\bdollars?\b/i, '$'],
  [/¥/, '¥'],
  [/\bkr\.?(?=\s*\d)|\d\s*kr\b|\bkronor\b|\bkroner\b/i, 'kr'],
];

const FAMILIES: Readonly<Record<string, ReadonlySet<string>>> = {
  $: new Set(['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN']),
  '¥': new Set(['JPY', 'CNY']),
  kr: new Set(['SEK', 'NOK', 'DKK']),
};

/** The currency a text names ("USD", "EUR", "$" for any dollar), or null. */
export function currencyOf(text: string): string | null {
  return FORMS.find(([re]) => re.test(text))?.[1] ?? null;
}

/** Whether two written currencies can be the same money: "$" and "USD" can, "€" and "$" cannot. */
export function sameCurrency(a: string, b: string): boolean {
  return a === b || Boolean(FAMILIES[a]?.has(b)) || Boolean(FAMILIES[b]?.has(a));
}

/** Removes currency marks so that only amounts remain. */
export function withoutCurrency(text: string): string {
  return FORMS.reduce((t, [re]) => t.replace(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`), ' '), text);
}
