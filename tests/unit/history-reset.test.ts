import { describe, expect, it } from 'vitest';
import { pushRunEvents } from '~/server/realtime/run-event-push';
import { HistoryResetError, runEventStream } from '~/server/realtime/run-event-stream';
import { RunFeed } from '~/server/realtime/run-feed';
import type { RunFeedHub } from '~/server/realtime/run-feed-hub';
import type { RunEvent } from '~/shared/events';
import type { EventLog } from '~/store/event-log';

const RUN = 'run_0123456789';
const ev = (seq: number, type = 'ping') =>
  ({ id: String(seq), seq, runId: RUN, type, agent: 'system', message: '', data: {}, timestamp: '' }) as RunEvent;

/** The Redis log after a reset: whatever has been appended since. */
function fakeLog(kept: RunEvent[]): EventLog {
  return {
    readAfter: (_run: string, after: number, limit: number) => Promise.resolve(kept.filter((e) => e.seq > after).slice(0, limit)),
    oldestSeq: () => Promise.resolve(kept[0]?.seq ?? null),
  } as unknown as EventLog;
}

const fakeHub = (feed: RunFeed) => ({ acquire: () => Promise.resolve(feed), release: () => undefined }) as unknown as RunFeedHub;
const tick = () => new Promise((r) => setTimeout(r, 5));

/** A subscriber pushed to, with `head` as where the log ends (null: not known yet). */
function subscribe(feed: RunFeed, afterSeq: number, head: () => number | null, kept: RunEvent[] = []) {
  const got: number[] = [];
  const controller = new AbortController();
  const done = pushRunEvents({
    runId: RUN,
    afterSeq,
    hub: fakeHub(feed),
    log: fakeLog(kept),
    signal: controller.signal,
    headOf: () => Promise.resolve(head()),
    deliver: (event) => got.push(event.seq),
  });
  return { got, done, stop: () => controller.abort() };
}

describe('a feed when Redis lost its data', () => {
  it('forgets the old epoch and hands back what it held', () => {
    const feed = new RunFeed(RUN, 10);
    [1, 2, 3].forEach((s) => feed.push(ev(s)));
    let heard = 0;
    feed.listen(() => (heard += 1));
    const held = feed.reset();
    expect(held.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(held.latestSeq).toBe(3);
    expect(feed.latestSeq).toBe(0);
    expect(feed.slice(0, 10)).toBeNull();
    expect(heard).toBe(1);
    // The closing event follows every seq handed out before: a new ring starts with it.
    feed.push(ev(4, 'pipeline_error'));
    expect(feed.slice(3, 10)?.map((e) => e.seq)).toEqual([4]);
  });
});

describe('a subscriber whose cursor is past what the log holds', () => {
  it('connected through the reset: waits while the run is being recovered, then gets the closing event once', async () => {
    const feed = new RunFeed(RUN, 10);
    [1, 2, 3].forEach((s) => feed.push(ev(s)));
    let head: number | null = null;
    const sub = subscribe(feed, 0, () => head);
    await tick();
    expect(sub.got).toEqual([1, 2, 3]);
    feed.reset();
    await tick();
    head = 4;
    feed.push(ev(4, 'pipeline_error'));
    await sub.done;
    expect(sub.got).toEqual([1, 2, 3, 4]);
  });

  it('resuming ahead of the log once it is known: a typed error, nothing delivered', async () => {
    const feed = new RunFeed(RUN, 10);
    const sub = subscribe(feed, 57, () => 12);
    await expect(sub.done).rejects.toBeInstanceOf(HistoryResetError);
    expect(sub.got).toEqual([]);
    expect(feed.latestSeq).toBe(12);
  });

  it('resuming ahead while the head is unknown: waits, and fails once the closing event lands before its cursor', async () => {
    const feed = new RunFeed(RUN, 10);
    let head: number | null = null;
    const sub = subscribe(feed, 57, () => head);
    await tick();
    expect(sub.got).toEqual([]);
    head = 40;
    feed.push(ev(40, 'pipeline_error'));
    await expect(sub.done).rejects.toBeInstanceOf(HistoryResetError);
    expect(sub.got).toEqual([]);
  });

  it('resuming within what was kept: reads on from the log, then the closing event', async () => {
    const kept = [ev(5), ev(6), ev(7, 'pipeline_error')];
    const feed = new RunFeed(RUN, 10);
    feed.noteLatest(7);
    const sub = subscribe(feed, 4, () => 7, kept);
    await sub.done;
    expect(sub.got).toEqual([5, 6, 7]);
  });

  it('the iterator the rooms use says the same', async () => {
    const feed = new RunFeed(RUN, 10);
    const events = runEventStream({
      runId: RUN,
      afterSeq: 30,
      hub: fakeHub(feed),
      log: fakeLog([]),
      signal: new AbortController().signal,
      headOf: () => Promise.resolve(9),
    });
    await expect(events.next()).rejects.toBeInstanceOf(HistoryResetError);
  });
});
