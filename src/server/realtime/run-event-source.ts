import type { RunEvent } from '~/shared/events';
import type { EventLog } from '~/store/event-log';
import type { EventArchive } from '../archive/event-archive';
import type { RunFeed } from './run-feed';

const BATCH = 256;

/** The log no longer holds the events a subscriber asked to resume from. */
export class HistoryGapError extends Error {
  constructor(
    readonly runId: string,
    readonly afterSeq: number,
    readonly oldestAvailable: number | null,
  ) {
    super(
      oldestAvailable === null
        ? `The event history of ${runId} is no longer kept.`
        : `Events after #${afterSeq} of ${runId} are no longer kept; the oldest kept is #${oldestAvailable}.`,
    );
  }
}

/**
 * The subscriber's cursor is past the end of the run's log: it saw events that were
 * lost with Redis's data (or it names an event the run never had). Waiting would
 * skip whatever comes next under those numbers, so the subscription ends instead.
 */
export class HistoryResetError extends Error {
  constructor(
    readonly runId: string,
    readonly afterSeq: number,
    readonly head: number,
  ) {
    super(`${runId}: a subscriber resumed after #${afterSeq}, but the log ends at #${head}.`);
  }
}

/**
 * For a subscriber whose cursor is past what its feed knows (after Redis lost its
 * data, or a resume from a bad id): asks where the log really ends and notes it on the
 * feed. Throws HistoryResetError when the log ends before the cursor; does nothing
 * while the head cannot be known yet (the run's live state is being recovered).
 */
export async function checkCursorAhead(feed: RunFeed, cursor: number, headOf: ((runId: string) => Promise<number | null>) | undefined): Promise<void> {
  if (!headOf || cursor <= feed.latestSeq) return;
  const head = await headOf(feed.runId);
  if (head === null) return;
  feed.noteLatest(head);
  if (head < cursor && feed.latestSeq < cursor) throw new HistoryResetError(feed.runId, cursor, head);
}

export interface RunEventSource {
  feed: RunFeed;
  log: EventLog;
  /** Where events older than Redis's retention are read from. */
  archive?: EventArchive | undefined;
}

/**
 * The next events after `cursor`, in order and starting at cursor + 1: from the
 * instance's shared ring when they are recent, from the Redis log otherwise, and from
 * the database archive once Redis no longer keeps them. Throws HistoryGapError when
 * none of them has cursor + 1.
 */
export async function eventsAfter(source: RunEventSource, cursor: number): Promise<RunEvent[]> {
  const { feed, log, archive } = source;
  let batch = feed.slice(cursor, BATCH) ?? (await log.readAfter(feed.runId, cursor, BATCH));
  if (batch[0]?.seq !== cursor + 1 && archive) batch = await archive.readAfter(feed.runId, cursor, BATCH);
  if (batch[0]?.seq !== cursor + 1) throw new HistoryGapError(feed.runId, cursor, await log.oldestSeq(feed.runId));
  return batch;
}
