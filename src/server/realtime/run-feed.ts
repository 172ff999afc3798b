import type { RunEvent } from '~/shared/events';

/**
 * What this web instance knows about one run's live tail: the newest seq published
 * and a ring of the most recent events, parsed once and shared by every local
 * subscriber. Subscribers pull from it; they never hold a queue of their own.
 */
export class RunFeed {
  latestSeq = 0;
  refs = 0;
  private ring: RunEvent[] = [];
  private listeners = new Set<() => void>();
  private followers = new Set<(event: RunEvent) => void>();

  constructor(
    readonly runId: string,
    private readonly ringSize: number,
  ) {}

  /** A live event arrived; events out of order or already seen leave the ring contiguous. */
  push(event: RunEvent): void {
    const last = this.ring.at(-1);
    if (last && event.seq <= last.seq) return;
    if (last && event.seq === last.seq + 1) this.ring.push(event);
    else this.ring = [event];
    if (this.ring.length > this.ringSize) this.ring.splice(0, this.ring.length - this.ringSize);
    // Followers first: one that delivers the event at once is up to date by the time
    // listeners hear of it, and need not be woken.
    for (const follower of this.followers) follower(event);
    this.noteLatest(event.seq);
  }

  /** The log says events up to `seq` exist (after a reconnect or on first use). */
  noteLatest(seq: number): void {
    if (seq <= this.latestSeq) return;
    this.latestSeq = seq;
    for (const listener of this.listeners) listener();
  }

  /**
   * Redis lost its data: what this feed knew belongs to the old epoch. Forgets it (the
   * next events, with seqs that follow on from every seq handed out before, start a new
   * ring) and returns it: the events held, for the archive, and the highest seq seen.
   */
  reset(): { events: RunEvent[]; latestSeq: number } {
    const held = { events: this.ring, latestSeq: this.latestSeq };
    this.ring = [];
    this.latestSeq = 0;
    for (const listener of this.listeners) listener();
    return held;
  }

  /** Calls `listener` whenever newer events are known; returns the unsubscribe. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Calls `follower` with each new live event as it arrives, in the order pushed (not
   * necessarily contiguous: a follower checks the seq). Returns the unsubscribe.
   */
  follow(follower: (event: RunEvent) => void): () => void {
    this.followers.add(follower);
    return () => this.followers.delete(follower);
  }

  /** Events after `afterSeq` from memory, or null when memory does not reach back that far. */
  slice(afterSeq: number, max: number): RunEvent[] | null {
    const first = this.ring[0];
    if (!first || first.seq > afterSeq + 1) return null;
    const start = afterSeq + 1 - first.seq;
    return start >= this.ring.length ? null : this.ring.slice(start, start + max);
  }
}
