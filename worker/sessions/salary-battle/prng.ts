/**
 * A seeded pseudo-random generator (mulberry32). A battle draws every choice (the
 * persona's name, its first offer, its jitter, the words of its replies) from one of
 * these, so that the same seed replays the same battle, turn for turn.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** The generator's position, to carry in a battle's state and resume from. */
  state(): number;
}

/** A generator at `state` (a seed is a state too). */
export function createRng(state: number): Rng {
  let s = state >>> 0;
  return {
    next() {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    state: () => s,
  };
}

/** A float in [min, max). */
export function between(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng.next();
}

/** One of `items`, which must not be empty. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng.next() * items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}
