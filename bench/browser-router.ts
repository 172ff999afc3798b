/**
 * The subscriber side of a browser-workload topic: routes each delivery by the tag
 * in its message. Pings prove every subscriber is on the live tail; the measured
 * phase goes to its Ledger; anything else (warm-up) is received and dropped.
 */
import type { OnMessage, Topic } from './fanout';
import { Ledger } from './browser-ledger';
import { nowMs, parseTag, tagMessage } from './payload';
import { sleep } from './proc';

const PING = 'ping';

export class Router {
  /** Per subscriber, the highest ping it got. */
  private readonly pings: Int32Array;
  private measured: { phase: string; ledger: Ledger } | null = null;
  readonly errors: string[] = [];

  constructor(readonly subscribers: number) {
    this.pings = new Int32Array(subscribers).fill(-1);
  }

  readonly onMessage: OnMessage = (message, socket) => {
    const receivedAt = nowMs();
    const tag = parseTag(message);
    if (!tag) return;
    if (tag.phase === PING) {
      if (tag.index > (this.pings[socket] ?? tag.index)) this.pings[socket] = tag.index;
    } else if (tag.phase === this.measured?.phase) {
      this.measured.ledger.record(socket, tag.index, tag.sentAt, receivedAt);
    }
  };

  readonly onError = (err: Error) => {
    if (this.errors.length < 20) this.errors.push(err.message);
  };

  /** From now on deliveries tagged `phase` are kept, in a ledger for up to `capacity` events. */
  measure(phase: string, capacity: number): Ledger {
    const ledger = new Ledger(this.subscribers, capacity);
    this.measured = { phase, ledger };
    return ledger;
  }

  /**
   * Publishes pings until one reached every subscriber: from then on all of them are
   * on the live tail (a jobstream subscriber first replays the run's history).
   */
  async attach(topic: Topic): Promise<void> {
    const tries = 120; // × 250 ms: half a minute
    for (let i = 0; i < tries; i++) {
      await topic.publish(tagMessage({ phase: PING, index: i, sentAt: nowMs() }));
      for (let waited = 0; waited < 250; waited += 10) {
        if (this.pings.every((p) => p >= i)) return;
        await sleep(10);
      }
    }
    const missing = this.pings.filter((p) => p < tries - 1).length;
    throw new Error(`${missing} of ${this.subscribers} subscribers received no ping within ${tries} tries`);
  }
}
