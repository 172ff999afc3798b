import { isTerminalEvent, type RunEvent } from '~/shared/events';
import type { RunEventStreamOptions } from './run-event-stream';
import { checkCursorAhead, eventsAfter } from './run-event-source';
import { wakeLatch } from './wake-latch';

export interface RunEventPushOptions extends RunEventStreamOptions {
  /** Writes one event to the subscriber; called synchronously, in seq order, each event once. */
  deliver: (event: RunEvent) => void;
}

/**
 * A run's events pushed to one subscriber, in seq order, each exactly once, with the
 * same guarantees as runEventStream but without a promise per event: while the
 * subscriber is up to date and its socket has room, each live event is handed to
 * `deliver` from the feed's own callback. Whenever it is not (history to replay, a
 * gap in the live feed, a full send buffer), one loop reads on from its cursor as
 * runEventStream does, and hands over to the live path once caught up.
 * Resolves after a terminal event or once `signal` aborts; rejects with
 * HistoryGapError, HistoryResetError or the flow control's SlowConsumerError.
 */
export async function pushRunEvents(opts: RunEventPushOptions): Promise<void> {
  const { runId, hub, log, signal, flow, deliver } = opts;
  const feed = await hub.acquire(runId);
  // `live`: up to date and waiting, so the feed's callback delivers; `finished`: a terminal event went out.
  const state = { cursor: opts.afterSeq, live: false, finished: false };
  const { fire, wait } = wakeLatch();
  const send = (event: RunEvent) => {
    deliver(event);
    state.cursor = event.seq;
    if (isTerminalEvent(event)) {
      state.finished = true;
      state.live = false;
    }
  };
  const stopFollowing = feed.follow((event) => {
    if (!state.live) return;
    if (event.seq === state.cursor + 1 && (!flow || flow.hasRoom())) {
      send(event);
      if (state.finished) fire();
      return;
    }
    state.live = false; // a gap or a full buffer: the loop takes over from the cursor
    fire();
  });
  // Newer events known without one in hand (a resync after Redis reconnected).
  const stopListening = feed.listen(() => {
    if (!state.live || state.cursor < feed.latestSeq) fire();
  });
  signal.addEventListener('abort', fire, { once: true });
  try {
    while (!signal.aborted && !state.finished) {
      if (state.cursor > feed.latestSeq) await checkCursorAhead(feed, state.cursor, opts.headOf);
      if (state.cursor >= feed.latestSeq) {
        state.live = true;
        await wait();
        continue;
      }
      state.live = false;
      if (flow && !flow.hasRoom()) await flow.waitForRoom();
      for (const event of await eventsAfter({ feed, log, archive: opts.archive }, state.cursor)) {
        if (flow && !flow.hasRoom()) break;
        send(event);
        if (isTerminalEvent(event)) break;
      }
    }
  } finally {
    state.live = false;
    stopFollowing();
    stopListening();
    signal.removeEventListener('abort', fire);
    hub.release(feed);
  }
}
