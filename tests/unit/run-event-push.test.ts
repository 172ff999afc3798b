import { describe, expect, it } from 'vitest';
import type { FlowControl } from '~/server/realtime/flow-control';
import { pushRunEvents } from '~/server/realtime/run-event-push';
import { HistoryGapError } from '~/server/realtime/run-event-stream';
import { RunFeed } from '~/server/realtime/run-feed';
import type { RunFeedHub } from '~/server/realtime/run-feed-hub';
import type { RunEvent } from '~/shared/events';
import type { EventLog } from '~/store/event-log';

const RUN = 'run_0123456789';
const ev = (seq: number, type = 'ping') =>
  ({ id: String(seq), seq, runId: RUN, type, agent: 'system', message: '', data: {}, timestamp: '' }) as RunEvent;

/** The Redis log as the pusher reads it: the events kept, from `oldest` on. */
function fakeLog(kept: RunEvent[]): EventLog & { reads: number } {
  const log = {
    reads: 0,
    readAfter(_run: string, after: number, limit: number) {
      log.reads += 1;
      return Promise.resolve(kept.filter((e) => e.seq > after).slice(0, limit));
    },
    oldestSeq: () => Promise.resolve(kept[0]?.seq ?? null),
  };
  return log as unknown as EventLog & { reads: number };
}

function fakeHub(feed: RunFeed): RunFeedHub {
  return { acquire: () => Promise.resolve(feed), release: () => undefined } as unknown as RunFeedHub;
}

const tick = () => new Promise((r) => setTimeout(r, 5));

function start(feed: RunFeed, log: EventLog, afterSeq: number, flow?: FlowControl) {
  const got: number[] = [];
  const controller = new AbortController();
  const done = pushRunEvents({
    runId: RUN,
    afterSeq,
    hub: fakeHub(feed),
    log,
    signal: controller.signal,
    ...(flow ? { flow } : {}),
    deliver: (event) => got.push(event.seq),
  });
  return { got, done, stop: () => controller.abort() };
}

describe('pushing a run’s events to one subscriber', () => {
  it('replays the history, then hands each live event over as it arrives, once and in order', async () => {
    const history = [1, 2, 3].map((s) => ev(s));
    const feed = new RunFeed(RUN, 512);
    feed.noteLatest(3);
    const log = fakeLog(history);
    const sub = start(feed, log, 1);
    await tick();
    expect(sub.got).toEqual([2, 3]);
    const readsBeforeLive = log.reads;
    feed.push(ev(4));
    expect(sub.got).toEqual([2, 3, 4]); // delivered inside push(), no wake-up, no read
    feed.push(ev(5));
    expect(log.reads).toBe(readsBeforeLive);
    sub.stop();
    await sub.done;
    expect(sub.got).toEqual([2, 3, 4, 5]);
  });

  it('reads what the live feed skipped from the log, then goes on live', async () => {
    const kept = [1, 2, 3, 4].map((s) => ev(s));
    const feed = new RunFeed(RUN, 512);
    feed.push(ev(1));
    const sub = start(feed, fakeLog(kept), 0);
    await tick();
    expect(sub.got).toEqual([1]);
    feed.push(ev(4)); // 2 and 3 were lost on the way (a Redis reconnect)
    await tick();
    expect(sub.got).toEqual([1, 2, 3, 4]);
    kept.push(ev(5));
    feed.push(ev(5));
    expect(sub.got).toEqual([1, 2, 3, 4, 5]);
    sub.stop();
    await sub.done;
  });

  it('holds nothing while the socket is full and reads on from its cursor once it drains', async () => {
    const kept: RunEvent[] = [];
    const feed = new RunFeed(RUN, 512);
    let room = true;
    const flow: FlowControl = {
      hasRoom: () => room,
      waitForRoom: async () => {
        while (!room) await tick();
      },
      replySlot: () => Promise.resolve(() => undefined),
    };
    const sub = start(feed, fakeLog(kept), 0, flow);
    await tick();
    for (let s = 1; s <= 3; s++) {
      kept.push(ev(s));
      feed.push(ev(s));
    }
    expect(sub.got).toEqual([1, 2, 3]);
    room = false;
    for (let s = 4; s <= 6; s++) {
      kept.push(ev(s));
      feed.push(ev(s));
    }
    expect(sub.got).toEqual([1, 2, 3]);
    room = true;
    await tick();
    await tick();
    expect(sub.got).toEqual([1, 2, 3, 4, 5, 6]);
    sub.stop();
    await sub.done;
  });

  it('ends after the terminal event, live or replayed', async () => {
    const feed = new RunFeed(RUN, 512);
    const sub = start(feed, fakeLog([]), 0);
    await tick();
    feed.push(ev(1));
    feed.push(ev(2, 'pipeline_complete'));
    feed.push(ev(3));
    await sub.done;
    expect(sub.got).toEqual([1, 2]);

    const replayed = new RunFeed(RUN, 512);
    replayed.noteLatest(3);
    const again = start(replayed, fakeLog([ev(1), ev(2, 'pipeline_complete'), ev(3)]), 0);
    await again.done;
    expect(again.got).toEqual([1, 2]);
  });

  it('says so when the history it must replay is no longer kept', async () => {
    const feed = new RunFeed(RUN, 512);
    feed.noteLatest(9);
    const sub = start(feed, fakeLog([ev(8), ev(9)]), 2);
    await expect(sub.done).rejects.toBeInstanceOf(HistoryGapError);
    expect(sub.got).toEqual([]);
  });
});
