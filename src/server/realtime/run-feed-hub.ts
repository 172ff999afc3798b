import type { Redis } from 'ioredis';
import type { RunEvent } from '~/shared/events';
import { parseEventJson, type EventLog } from '~/store/event-log';
import type { RedisKeys } from '~/store/keys';
import type { Metrics } from '../metrics';
import { RunFeed } from './run-feed';
import type { RunHeadOf } from './run-head';

const RING_SIZE = 512;

/**
 * One Redis subscriber connection per web instance, subscribed to the live channel
 * of every run that has a local viewer. Pub/sub only wakes subscribers up; the
 * event log stays the source of truth, so a message lost while Redis reconnects
 * is read back from the log instead of being missed.
 */
export class RunFeedHub {
  private readonly feeds = new Map<string, { feed: RunFeed; ready: Promise<void> }>();
  private readonly byChannel = new Map<string, RunFeed>();

  /**
   * @param headOf where a run's log ends (see run-head.ts): null while its live state
   * is lost and not yet recovered. The Redis log's own count when left out.
   */
  constructor(
    private readonly subscriber: Redis,
    log: EventLog,
    private readonly keys: RedisKeys,
    private readonly metrics: Metrics,
    private readonly headOf: RunHeadOf = (runId) => log.latestSeq(runId),
  ) {
    subscriber.on('message', (channel: string, message: string) => this.onMessage(channel, message));
    // Channels are re-subscribed by ioredis after a reconnect; anything published
    // in between is caught up from the log.
    subscriber.on('ready', () => void this.resyncAll());
  }

  async acquire(runId: string): Promise<RunFeed> {
    let entry = this.feeds.get(runId);
    if (!entry) {
      const feed = new RunFeed(runId, RING_SIZE);
      const channel = this.keys.runLive(runId);
      this.byChannel.set(channel, feed);
      // Subscribe first, then read the log's head: nothing can fall in between.
      const ready = this.subscriber.subscribe(channel).then(() => this.resync(feed));
      entry = { feed, ready };
      this.feeds.set(runId, entry);
    }
    entry.feed.refs += 1;
    try {
      await entry.ready;
    } catch (err) {
      this.release(entry.feed);
      throw err;
    }
    return entry.feed;
  }

  release(feed: RunFeed): void {
    feed.refs -= 1;
    if (feed.refs > 0) return;
    const channel = this.keys.runLive(feed.runId);
    this.feeds.delete(feed.runId);
    this.byChannel.delete(channel);
    void this.subscriber.unsubscribe(channel).catch(() => undefined);
  }

  get runsWatched(): number {
    return this.feeds.size;
  }

  /** Where a run's log ends, as far as this epoch knows (null: its live state is lost, not yet recovered). */
  head(runId: string): Promise<number | null> {
    return this.headOf(runId);
  }

  /**
   * Redis lost its data: every feed forgets the old epoch's events and reads its head
   * again. Returns what they held (the events, and the highest seq seen per run), so
   * that it can be archived and reported before anything new is appended.
   */
  resetAll(): { events: RunEvent[]; latest: Map<string, number> } {
    const events: RunEvent[] = [];
    const latest = new Map<string, number>();
    for (const { feed } of this.feeds.values()) {
      const held = feed.reset();
      events.push(...held.events);
      if (held.latestSeq > 0) latest.set(feed.runId, held.latestSeq);
    }
    void this.resyncAll();
    return { events, latest };
  }

  private onMessage(channel: string, message: string): void {
    const feed = this.byChannel.get(channel);
    if (!feed) return;
    const event = parseEventJson(message);
    this.metrics.relayLag.observe(Math.max(0, Date.now() - Date.parse(event.timestamp)) / 1000);
    feed.push(event);
  }

  private async resync(feed: RunFeed): Promise<void> {
    const head = await this.headOf(feed.runId);
    if (head !== null) feed.noteLatest(head);
  }

  private async resyncAll(): Promise<void> {
    await Promise.all([...this.feeds.values()].map(({ feed }) => this.resync(feed).catch(() => undefined)));
  }
}
