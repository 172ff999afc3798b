/**
 * Length: long enough to tell the story, short enough to keep the listener. Spoken,
 * 120 to 300 words is a minute or two; under 60 is a headline, over 450 a ramble.
 */
import type { CriterionResult } from '../types';

export const LENGTH = { short: 60, sweetFrom: 120, sweetTo: 300, long: 450 } as const;

function lengthPoints(words: number): number {
  if (words < LENGTH.short) return 50 * (words / LENGTH.short);
  if (words < LENGTH.sweetFrom) return 60 + 40 * ((words - LENGTH.short) / (LENGTH.sweetFrom - LENGTH.short));
  if (words <= LENGTH.sweetTo) return 100;
  if (words <= LENGTH.long) return 100 - 25 * ((words - LENGTH.sweetTo) / (LENGTH.long - LENGTH.sweetTo));
  return Math.max(30, 75 - (words - LENGTH.long) / 10);
}

export function scoreLength(words: number): CriterionResult {
  const score = Math.round(lengthPoints(words));
  const range = `${LENGTH.sweetFrom}–${LENGTH.sweetTo}`;
  if (words < LENGTH.short) {
    return {
      score,
      note: `${words} words: too short to tell the story (aim for ${range}).`,
      good: null,
      add: `say more: at ${words} words there is no room for what you did and what came of it`,
      gap: 'short',
    };
  }
  if (words < LENGTH.sweetFrom) {
    return { score, note: `${words} words: a little short (aim for ${range}).`, good: null, add: 'add a sentence or two on what you did and the result', gap: 'short' };
  }
  if (words <= LENGTH.sweetTo) return { score, note: `${words} words: in the sweet spot (${range}).`, good: 'a good length', add: null, gap: null };
  if (words <= LENGTH.long) {
    return { score, note: `${words} words: on the long side (aim for ${range}).`, good: null, add: 'trim the background so that what you did stands out', gap: 'long' };
  }
  return {
    score,
    note: `${words} words: rambling (aim for ${range}).`,
    good: null,
    add: 'cut it to the situation, what you did and the result; the listener loses the thread after a couple of minutes',
    gap: 'long',
  };
}
