import type { RunEvent } from '~/shared/events';
import type { ServerServices } from './index';

/**
 * One page of a run's full history: the database archive first, then the newest
 * events that Redis holds and the archive may not have yet, without gaps.
 */
export async function historyPage(
  s: ServerServices,
  runId: string,
  cursor: number,
  limit: number,
): Promise<{ events: RunEvent[]; nextCursor: number | null }> {
  const archived = contiguousAfter(await s.archive.readAfter(runId, cursor, limit), cursor);
  const last = archived.at(-1)?.seq ?? cursor;
  const recent = archived.length < limit ? await s.stores.log.readAfter(runId, last, limit - archived.length) : [];
  const events = [...archived, ...contiguousAfter(recent, last)];
  return { events, nextCursor: events.length === limit ? (events.at(-1)?.seq ?? null) : null };
}

/** The run of events that follows `after` without a gap. */
function contiguousAfter(events: readonly RunEvent[], after: number): RunEvent[] {
  const out: RunEvent[] = [];
  for (const e of events) {
    if (e.seq !== after + out.length + 1) break;
    out.push(e);
  }
  return out;
}
