/**
 * Deterministic randomness for the generated board: every machine and every process
 * (web instances, tests) must see exactly the same postings for the same seed.
 */
export type Random = () => number;

/** mulberry32: tiny, fast and good enough to vary fictional postings. */
export function seededRandom(seed: number): Random {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: Random, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick: empty list');
  return item;
}

/** `count` distinct items in a random order (fewer when the list is shorter). */
export function pickSome<T>(rand: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) {
    const [item] = pool.splice(Math.floor(rand() * pool.length), 1);
    if (item !== undefined) chosen.push(item);
  }
  return chosen;
}

/** A whole number in [min, max]. */
export function between(rand: Random, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/** Picks by weight; weights need not sum to 1. */
export function weighted<T>(rand: Random, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let roll = rand() * total;
  for (const [item, w] of entries) {
    roll -= w;
    if (roll < 0) return item;
  }
  const last = entries.at(-1);
  if (!last) throw new Error('weighted: empty list');
  return last[0];
}

/** FNV-1a: a stable hash of a string, for choices that must follow from an id alone. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
