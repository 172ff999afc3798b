/** Small pieces of English the engine's replies are written with. */

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** 0.5454 → "55%". */
export function percentOf(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const SMALL_WORDS = new Set(['of', 'and', 'in', 'for', 'the', 'a', 'an', 'to', 'on', 'at']);

/**
 * "backend engineer" → "Backend Engineer". A word the user already capitalised somewhere
 * ("iOS", "SRE", "ML") is kept as written, since its case carries meaning.
 */
export function titleCase(text: string): string {
  return text
    .split(' ')
    .map((word, i) => {
      if (word === '' || /[A-Z]/.test(word)) return word;
      if (i > 0 && SMALL_WORDS.has(word)) return word;
      return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
    })
    .join(' ');
}
