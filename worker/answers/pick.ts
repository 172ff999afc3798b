import { quoted, textOf, type Choice, type Option } from './types';

/** An option that fits, and how well (higher is a more precise fit). */
export interface Scored {
  option: Option;
  score: number;
  why: string;
}

/**
 * The best-scoring option, or the tie among several. `subject` names what was matched, for
 * the sentences the user reads ("your location (Portland, OR)").
 */
export function pickBest(scored: readonly Scored[], subject: string): Choice {
  if (scored.length === 0) return { kind: 'none', why: `no option fits ${subject}` };
  const top = Math.max(...scored.map((s) => s.score));
  const best = scored.filter((s) => s.score === top);
  const [only] = best;
  if (best.length === 1 && only) return { kind: 'chosen', option: only.option, why: only.why };
  const candidates = best.map((s) => s.option);
  return { kind: 'ambiguous', candidates, why: `${quoted(candidates)} all fit ${subject}` };
}

/** Options that no human would pick: "Select…", "-- choose --". */
const PLACEHOLDER = /^(?:[-–—\s]*|select\b.*|choose\b.*|please (?:select|choose)\b.*|pick\b.*|--.*--|\.\.\.|…)$/i;

export function isPlaceholder(o: Option): boolean {
  return PLACEHOLDER.test(textOf(o).trim());
}
