import { describe, expect, it } from 'vitest';
import { RunFeed } from '~/server/realtime/run-feed';
import type { RunEvent } from '~/shared/events';

const ev = (seq: number) =>
  ({ id: String(seq), seq, runId: 'run_0123456789', type: 'ping', agent: 'system', message: '', data: {}, timestamp: '' }) as RunEvent;

describe('a run feed', () => {
  it('serves recent events from memory and says when it cannot reach back', () => {
    const feed = new RunFeed('run_0123456789', 3);
    [1, 2, 3, 4].forEach((s) => feed.push(ev(s)));
    expect(feed.latestSeq).toBe(4);
    expect(feed.slice(1, 10)?.map((e) => e.seq)).toEqual([2, 3, 4]);
    expect(feed.slice(0, 10)).toBeNull(); // seq 1 fell out of the ring
    expect(feed.slice(4, 10)).toBeNull();
  });

  it('ignores duplicates and restarts the ring after a gap', () => {
    const feed = new RunFeed('run_0123456789', 10);
    [1, 2, 2, 1].forEach((s) => feed.push(ev(s)));
    expect(feed.slice(0, 10)?.map((e) => e.seq)).toEqual([1, 2]);
    feed.push(ev(5));
    expect(feed.slice(2, 10)).toBeNull(); // 3 and 4 must come from the log
    expect(feed.slice(4, 10)?.map((e) => e.seq)).toEqual([5]);
  });

  it('tells its listeners when newer events are known, until they stop listening', () => {
    const feed = new RunFeed('run_0123456789', 10);
    let calls = 0;
    const stop = feed.listen(() => (calls += 1));
    feed.noteLatest(3);
    feed.noteLatest(2); // older news: nothing to tell
    feed.push(ev(4));
    stop();
    feed.push(ev(5));
    expect(calls).toBe(2);
  });
});
