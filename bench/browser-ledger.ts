/**
 * Deliveries of one measured phase of the browser workload, kept per subscriber:
 * each must get each event exactly once and in order. Counting per subscriber (not
 * per event, as the fan-out's Phase does) is what tells a duplicate on one socket
 * from a loss on another that happens to add up.
 */
import { sleep } from './proc';
import { summarize, type LatencySummary } from './stats';

/** A growable Float64Array: the number of deliveries is known only afterwards. */
class Samples {
  private data = new Float64Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }

  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

export interface LedgerResult {
  published: number;
  /** published × subscribers: what a complete phase delivers. */
  expected: number;
  /** Distinct (subscriber, event) deliveries. */
  delivered: number;
  missing: number;
  /** Second and later copies of an event to one subscriber. */
  duplicates: number;
  /** Deliveries of an event older than one the subscriber already had. */
  outOfOrder: number;
  /** Deliveries of events never published in the phase, or to a subscriber that does not exist. */
  unexpected: number;
  latencyMs: LatencySummary;
}

export class Ledger {
  private readonly seen: Uint8Array;
  private readonly highest: Int32Array;
  private readonly sentAt = new Samples();
  private readonly latency = new Samples();
  delivered = 0;
  duplicates = 0;
  outOfOrder = 0;
  unexpected = 0;
  lastReceivedAt = Number.NaN;

  /** `capacity`: the most events the phase may publish. */
  constructor(
    readonly subscribers: number,
    private readonly capacity: number,
  ) {
    this.seen = new Uint8Array(subscribers * capacity);
    this.highest = new Int32Array(subscribers).fill(-1);
  }

  record(subscriber: number, index: number, sentAt: number, receivedAt: number): void {
    if (subscriber < 0 || subscriber >= this.subscribers || index < 0 || index >= this.capacity) {
      this.unexpected += 1;
      return;
    }
    const slot = subscriber * this.capacity + index;
    if (this.seen[slot]) {
      this.duplicates += 1;
      return;
    }
    this.seen[slot] = 1;
    if (index < (this.highest[subscriber] ?? -1)) this.outOfOrder += 1;
    else this.highest[subscriber] = index;
    this.delivered += 1;
    this.sentAt.push(sentAt);
    this.latency.push(receivedAt - sentAt);
    this.lastReceivedAt = receivedAt;
  }

  /**
   * Resolves once `published` events reached every subscriber, or once nothing new
   * arrived for stallMs (then the result counts what is missing).
   */
  async settle(published: number, stallMs: number): Promise<void> {
    const target = published * this.subscribers;
    let last = this.delivered;
    let quietSince = Date.now();
    while (this.delivered < target) {
      await sleep(10);
      if (this.delivered !== last) {
        last = this.delivered;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= stallMs) {
        return;
      }
    }
  }

  /** Latency of the deliveries of events published in [from, to). */
  latencyBetween(from: number, to: number): LatencySummary {
    const sent = this.sentAt.view();
    const latency = this.latency.view();
    const picked = new Samples();
    for (let i = 0; i < sent.length; i++) {
      const t = sent[i] ?? Number.NaN;
      if (t >= from && t < to) picked.push(latency[i] ?? Number.NaN);
    }
    return summarize(picked.view());
  }

  result(published: number): LedgerResult {
    const expected = published * this.subscribers;
    return {
      published,
      expected,
      delivered: this.delivered,
      missing: expected - this.delivered,
      duplicates: this.duplicates,
      outOfOrder: this.outOfOrder,
      unexpected: this.unexpected,
      latencyMs: summarize(this.latency.view()),
    };
  }
}
