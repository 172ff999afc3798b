import type { LayoutName } from './forms/layout-names';
import { generatePostings, type Posting } from './postings';

/** The board the web server serves: generated once per process, identical in every process. */
let postings: readonly Posting[] | undefined;
let byId: ReadonlyMap<string, Posting> | undefined;

export function boardPostings(): readonly Posting[] {
  postings ??= Object.freeze(generatePostings());
  return postings;
}

export function findPosting(id: string): Posting | undefined {
  byId ??= new Map(boardPostings().map((p) => [p.id, p]));
  return byId.get(id);
}

/** The ids of the board's postings whose application form uses this layout. */
export function postingIdsForLayout(layout: LayoutName): string[] {
  return boardPostings()
    .filter((p) => p.layout === layout)
    .map((p) => p.id);
}
