import type { RunEvent } from '~/shared/events';

/** What one subscriber received of a run, against what the run published. */
export interface Tally {
  lost: number;
  duplicated: number;
  outOfOrder: number;
}

/** Compares the seqs a subscriber received with 1..lastSeq: each exactly once, in order. */
export function tally(events: readonly RunEvent[], lastSeq: number): Tally {
  const seen = new Set<number>();
  let duplicated = 0;
  let outOfOrder = 0;
  let previous = 0;
  for (const event of events) {
    if (seen.has(event.seq)) duplicated++;
    seen.add(event.seq);
    if (event.seq <= previous) outOfOrder++;
    previous = Math.max(previous, event.seq);
  }
  let lost = 0;
  for (let seq = 1; seq <= lastSeq; seq++) if (!seen.has(seq)) lost++;
  return { lost, duplicated, outOfOrder };
}
