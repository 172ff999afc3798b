import { textOf, type Choice, type Option } from './types';

const norm = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();

/** The option whose label or value says the same as the value, ignoring case, accents and punctuation. */
export function equalText(value: string, options: readonly Option[]): Choice | null {
  const target = norm(value);
  if (!target) return null;
  const same = options.filter((o) => norm(o.label) === target || norm(o.value) === target);
  const [only] = same;
  if (same.length === 1 && only) return { kind: 'chosen', option: only, why: `"${textOf(only)}" says the same as your profile (${value})` };
  return same.length > 1 ? { kind: 'ambiguous', candidates: same, why: `several options read "${value}"` } : null;
}

/** The one option that has a word of the value ("Berlin, Germany" → "Germany"); the last resort. */
export function sharedWord(value: string, options: readonly Option[]): Choice | null {
  const words = norm(value).split(' ').filter((w) => w.length > 2);
  const partial = options.filter((o) => words.some((w) => norm(o.label).split(' ').includes(w)));
  const [only] = partial;
  if (partial.length === 1 && only) return { kind: 'chosen', option: only, why: `"${textOf(only)}" shares a word with your profile (${value})` };
  return null;
}

/** Today's behaviour, kept as the last resort: equal text, then one option sharing a word. */
export function matchText(value: string, options: readonly Option[]): Choice {
  return equalText(value, options) ?? sharedWord(value, options) ?? { kind: 'none', why: `no option reads like your profile's "${value}"` };
}
