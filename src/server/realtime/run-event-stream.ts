import { isTerminalEvent, type RunEvent } from '~/shared/events';
import type { EventLog } from '~/store/event-log';
import type { EventArchive } from '../archive/event-archive';
import type { FlowControl } from './flow-control';
import type { RunFeedHub } from './run-feed-hub';

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
}

/**
 * A run's events, in seq order, each exactly once: the history first, then the live
 * tail, through one loop with one cursor, so there is no seam between the two. A
 * subscriber holds only its cursor; events come from the instance's shared ring
 * when they are recent, from the Redis log otherwise, and from the database archive
 * once Redis no longer keeps them. While the socket's buffer is
 * full it drops the rest of its batch and waits, holding nothing; it reads on from
 * its cursor once the client has caught up. Ends after a terminal event.
 */
export async function* runEventStream(opts: RunEventStreamOptions): AsyncGenerator<RunEvent, void, void> {
  const { runId, hub, log, signal } = opts;
  const feed = await hub.acquire(runId);
  // One wake-up latch per subscriber, armed while it waits: no allocation per event
  // beyond the promise it awaits.
  let wake: (() => void) | null = null;
  const fire = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const stopListening = feed.listen(fire);
  signal.addEventListener('abort', fire, { once: true });
  try {
    let cursor = opts.afterSeq;
    while (!signal.aborted) {
      if (cursor >= feed.latestSeq) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (opts.flow && !opts.flow.hasRoom()) await opts.flow.waitForRoom();
      let batch = feed.slice(cursor, BATCH) ?? (await log.readAfter(runId, cursor, BATCH));
      if (batch[0]?.seq !== cursor + 1 && opts.archive) batch = await opts.archive.readAfter(runId, cursor, BATCH);
      if (batch[0]?.seq !== cursor + 1) throw new HistoryGapError(runId, cursor, await log.oldestSeq(runId));
      for (const event of batch) {
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
