/**
 * Percentiles by linear interpolation between the closest ranks (Hyndman and Fan's
 * "type 7", what spreadsheets' PERCENTILE and numpy's default compute), so a user who
 * checks the numbers by hand gets the same answer.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of an empty sample');
  const rank = (sorted.length - 1) * p;
  const below = Math.floor(rank);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (rank - below) * (high - low);
}

export interface Quartiles {
  p25: number;
  p50: number;
  p75: number;
}

/** The quartiles of `values` (any order), rounded to whole units. */
export function quartiles(values: readonly number[]): Quartiles {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p25: Math.round(percentile(sorted, 0.25)),
    p50: Math.round(percentile(sorted, 0.5)),
    p75: Math.round(percentile(sorted, 0.75)),
  };
}
