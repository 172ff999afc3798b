/**
 * Amounts as people read them. The locale is fixed so the server's and the browser's
 * renders agree; a currency Intl does not know falls back to "XYZ 120,000" rather than
 * throwing in the middle of a page.
 */

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, compact: boolean): Intl.NumberFormat | null {
  const key = `${currency}|${compact ? 'compact' : 'full'}`;
  const cached = formatters.get(key);
  if (cached) return cached;
  try {
    const made = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      maximumFractionDigits: compact ? 1 : 0,
      ...(compact ? { notation: 'compact' as const } : {}),
    });
    formatters.set(key, made);
    return made;
  } catch {
    return null;
  }
}

/** 120000, "USD" → "$120,000". */
export function formatMoney(amount: number, currency: string): string {
  return formatter(currency, false)?.format(amount) ?? `${currency} ${Math.round(amount).toLocaleString('en-US')}`;
}

/** 120000, "USD" → "$120K": for axis labels, where space is short. */
export function formatMoneyShort(amount: number, currency: string): string {
  return formatter(currency, true)?.format(amount) ?? `${currency} ${Math.round(amount / 1000)}k`;
}

/** 12.345 → "+12.3%"; the sign is spelled out because a loss is possible too. */
export function formatPercent(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${rounded > 0 ? '+' : ''}${rounded.toLocaleString('en-US')}%`;
}
