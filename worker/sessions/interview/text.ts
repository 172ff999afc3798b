/**
 * The small text measures every criterion shares: words, stems, numbers. Kept apart so
 * that the criteria count the same way (a word is a word in "length" and in "relevance").
 */

/** Lower-case words, apostrophes folded, so "I’ve" and "I've" are one word. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().replace(/[’‘]/g, "'").match(/[a-z0-9][a-z0-9'+#-]*/g) ?? []).map((w) => w.replace(/[-']+$/, ''));
}

export function wordCount(text: string): number {
  return wordsOf(text).length;
}

/**
 * Whether any word starts with the stem, or, for a stem of several words ("push back"),
 * whether the text has that phrase. A prefix is enough because answers inflect freely.
 */
export function hasStem(words: readonly string[], joined: string, stem: string): boolean {
  if (stem.includes(' ')) return joined.includes(` ${stem}`);
  return words.some((w) => w.startsWith(stem));
}

/** How many of the groups the text touches: each group is one idea, any stem of it counts. */
export function groupsHit(text: string, groups: readonly (readonly string[])[]): number {
  const words = wordsOf(text);
  const joined = ` ${words.join(' ')} `;
  return groups.filter((group) => group.some((stem) => hasStem(words, joined, stem))).length;
}

/**
 * The figures written in digits, as written minus grouping ("1,200" → "1200", "3.5" stays),
 * each once. Words like "three" are left out on purpose: a model's draft may only repeat
 * figures the user wrote, and digits are what can be checked reliably.
 */
export function numbersIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    const value = m[0].replace(/,(?=\d{3}(?!\d))/g, '').replace(/[.,]+$/, '');
    found.add(value);
  }
  return [...found];
}

/** "a, b and c" */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
