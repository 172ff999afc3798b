import { isTerminalEvent, type RunEvent } from '~/shared/events';
import type { EventLog } from '~/store/event-log';
import type { EventArchive } from '../archive/event-archive';
import type { FlowControl } from './flow-control';
import type { RunFeedHub } from './run-feed-hub';
import { checkCursorAhead, eventsAfter } from './run-event-source';
import { wakeLatch } from './wake-latch';

export { HistoryGapError, HistoryResetError } from './run-event-source';

export interface RunEventStreamOptions {
  runId: string;
  /** Deliver events with seq > afterSeq (0 for the whole history). */
  afterSeq: number;
  hub: RunFeedHub;
  log: EventLog;
  /** Where events older than Redis's retention are read from. */
  archive?: EventArchive;
  signal: AbortSignal;
  /** The socket's flow control; none for in-process consumers. */
  flow?: FlowControl;
  /**
   * Where the run's log ends (run-head.ts), asked when the cursor is past what the feed
   * knows: a cursor past the end is refused with HistoryResetError instead of waiting.
   */
  headOf?: (runId: string) => Promise<number | null>;
}

/**
 * A run's events, in seq order, each exactly once: the history first, then the live
 * tail, through one loop with one cursor, so there is no seam between the two. A
 * subscriber holds only its cursor (see eventsAfter for where events come from).
 * While the socket's buffer is full it drops the rest of its batch and waits, holding
 * nothing; it reads on from its cursor once the client has caught up. Ends after a
 * terminal event.
 *
 * For consumers that need an iterator (the rooms); `pipeline.events` on a socket is
 * pushed by run-event-push.ts instead, without a promise per event.
 */
export async function* runEventStream(opts: RunEventStreamOptions): AsyncGenerator<RunEvent, void, void> {
  const { runId, hub, log, signal } = opts;
  const feed = await hub.acquire(runId);
  // One wake-up latch per subscriber, armed while it waits: no allocation per event
  // beyond the promise it awaits.
  const { fire, wait } = wakeLatch();
  const stopListening = feed.listen(fire);
  signal.addEventListener('abort', fire, { once: true });
  try {
    let cursor = opts.afterSeq;
    while (!signal.aborted) {
      if (cursor > feed.latestSeq) await checkCursorAhead(feed, cursor, opts.headOf);
      if (cursor >= feed.latestSeq) {
        await wait();
        continue;
      }
      if (opts.flow && !opts.flow.hasRoom()) await opts.flow.waitForRoom();
      for (const event of await eventsAfter({ feed, log, archive: opts.archive }, cursor)) {
        if (opts.flow && !opts.flow.hasRoom()) break;
        yield event;
        cursor = event.seq;
        if (isTerminalEvent(event)) return;
      }
    }
  } finally {
    stopListening();
    signal.removeEventListener('abort', fire);
    hub.release(feed);
  }
}
