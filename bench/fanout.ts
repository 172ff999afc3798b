/**
 * The measurement core, the same for both systems: a system only knows how to
 * open a topic, attach subscribers and publish; everything timed happens here.
 */
import { nowMs, parseTag, tagMessage } from './payload';
import { readCpuMs, readMemoryKiB, sleep } from './proc';
import { summarize, type LatencySummary } from './stats';

/** Subscriptions that share one WebSocket: 1,000 subscribers travel over 20 sockets. */
export const SUBSCRIPTIONS_PER_SOCKET = 50;

/**
 * One delivery: the event's message, and the index of the socket (of the set the
 * subscribe call opened) it arrived on — with one subscription per socket, the
 * subscriber; the fanout workload multiplexes and ignores it.
 */
export type OnMessage = (message: string, socket: number) => void;

export interface System {
  readonly name: string;
  /** The process doing the fan-out, for its memory and CPU. */
  readonly serverPid: number;
  /** A fresh topic (a run, a channel) per step, so that no step sees another's events. */
  openTopic(label: string): Promise<Topic>;
  stop(): Promise<void>;
}

export interface Topic {
  /**
   * Attaches `count` subscribers over socketsFor(count, perSocket) sockets (by
   * default SUBSCRIPTIONS_PER_SOCKET to a socket); each delivery's event message goes
   * to onMessage. Resolves once the server accepted them all.
   */
  subscribe(count: number, onMessage: OnMessage, onError: (err: Error) => void, perSocket?: number): Promise<SubscriberSet>;
  /** Publishes one ~1 KB event whose message is `message`. */
  publish(message: string): Promise<void>;
}

export interface SubscriberSet {
  readonly sockets: number;
  close(): Promise<void>;
}

export const socketsFor = (subscribers: number, perSocket = SUBSCRIPTIONS_PER_SOCKET) =>
  Math.max(1, Math.ceil(subscribers / perSocket));

/** How many of `subscribers` go on each socket (at most perSocket), as evenly as possible. */
export function spread(subscribers: number, perSocket = SUBSCRIPTIONS_PER_SOCKET): number[] {
  const sockets = socketsFor(subscribers, perSocket);
  return Array.from({ length: sockets }, (_, i) => Math.floor(subscribers / sockets) + (i < subscribers % sockets ? 1 : 0));
}

/** Deliveries of one phase: per event, how many subscribers got it, and each one's latency. */
export class Phase {
  readonly counts: Uint32Array;
  readonly latencies: Float64Array;
  published = 0;
  delivered = 0;
  complete = 0;
  /** Deliveries beyond one per subscriber and event, or of events never published. */
  unexpected = 0;
  firstSentAt = Number.NaN;
  lastReceivedAt = Number.NaN;
  stalled = false;
  private waiter: { target: number; resolve: () => void } | null = null;

  constructor(
    readonly name: string,
    readonly events: number,
    readonly subscribers: number,
  ) {
    this.counts = new Uint32Array(events);
    this.latencies = new Float64Array(events * subscribers);
  }

  record(index: number, sentAt: number, receivedAt: number): void {
    // An index outside the phase reads as undefined: counted as unexpected below.
    const count = (this.counts[index] ?? this.subscribers) + 1;
    if (count > this.subscribers) {
      this.unexpected += 1;
      return;
    }
    this.counts[index] = count;
    this.latencies[this.delivered++] = receivedAt - sentAt;
    this.lastReceivedAt = receivedAt;
    if (count < this.subscribers) return;
    this.complete += 1;
    if (this.waiter && this.complete >= this.waiter.target) this.waiter.resolve();
  }

  /**
   * Resolves true once `target` events reached every subscriber, or false when no
   * delivery at all arrived for stallMs (something is lost: report, don't hang).
   */
  async waitForComplete(target: number, stallMs: number): Promise<boolean> {
    while (this.complete < target) {
      const before = this.delivered;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, stallMs);
        this.waiter = {
          target,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
      });
      this.waiter = null;
      if (this.complete < target && this.delivered === before) return false;
    }
    return true;
  }

  result(): PhaseResult {
    const expected = this.events * this.subscribers;
    const durationMs = this.lastReceivedAt - this.firstSentAt;
    return {
      events: this.events,
      published: this.published,
      expected,
      delivered: this.delivered,
      missing: expected - this.delivered,
      unexpected: this.unexpected,
      stalled: this.stalled,
      durationMs,
      deliveriesPerSec: durationMs > 0 ? (this.delivered / durationMs) * 1000 : Number.NaN,
      eventsPublishedPerSec: durationMs > 0 ? (this.published / durationMs) * 1000 : Number.NaN,
      latencyMs: summarize(this.latencies.subarray(0, this.delivered)),
    };
  }
}

export interface PhaseResult {
  events: number;
  /** Fewer than `events` when the phase stalled. */
  published: number;
  /** events × subscribers: what a complete phase delivers. */
  expected: number;
  delivered: number;
  missing: number;
  unexpected: number;
  /** Deliveries stopped coming before all were in; the numbers cover what arrived. */
  stalled: boolean;
  /** First publish to last delivery. */
  durationMs: number;
  /** Delivered events per second, summed over all subscribers. */
  deliveriesPerSec: number;
  eventsPublishedPerSec: number;
  latencyMs: LatencySummary;
}

/** Routes each delivery to its phase by the tag in the event's message. */
export class Deliveries {
  private readonly phases = new Map<string, Phase>();
  readonly errors: string[] = [];

  readonly onMessage = (message: string) => {
    const receivedAt = nowMs();
    const tag = parseTag(message);
    if (tag) this.phases.get(tag.phase)?.record(tag.index, tag.sentAt, receivedAt);
  };

  readonly onError = (err: Error) => {
    if (this.errors.length < 20) this.errors.push(err.message);
  };

  phase(name: string, events: number, subscribers: number): Phase {
    const phase = new Phase(name, events, subscribers);
    this.phases.set(name, phase);
    return phase;
  }
}

/**
 * Publishes the phase's events as fast as the system delivers them: at most
 * `window` events may be on their way (published, not yet at every subscriber).
 * A bounded window measures what the system sustains; publishing open-loop would
 * measure how deep its buffers are, and trip jobstream's slow-consumer guard.
 */
export async function publishPhase(topic: Topic, phase: Phase, window: number, stallMs: number): Promise<void> {
  // Publishes are not awaited one by one (the window bounds them); the first failure ends the phase.
  const publishing: { failure: Error | null } = { failure: null };
  for (let i = 0; i < phase.events && !phase.stalled; i++) {
    if (i - phase.complete >= window && !(await phase.waitForComplete(i - window + 1, stallMs))) phase.stalled = true;
    if (publishing.failure) throw publishing.failure;
    if (phase.stalled) break;
    const sentAt = nowMs();
    if (Number.isNaN(phase.firstSentAt)) phase.firstSentAt = sentAt;
    phase.published += 1;
    topic.publish(tagMessage({ phase: phase.name, index: i, sentAt })).catch((err: unknown) => {
      publishing.failure ??= err instanceof Error ? err : new Error(String(err));
    });
  }
  if (!phase.stalled && !(await phase.waitForComplete(phase.events, stallMs))) phase.stalled = true;
  if (publishing.failure) throw publishing.failure;
}

/**
 * Publishes pings until one reaches every subscriber: from then on all of them are
 * on the live tail (a jobstream subscriber that attached late first replays the
 * history, so a ping that reached everybody proves they caught up).
 */
export async function awaitAttached(topic: Topic, deliveries: Deliveries, subscribers: number): Promise<void> {
  const pings = 120; // × 250 ms: half a minute
  const phase = deliveries.phase('ping', pings, subscribers);
  for (let i = 0; i < pings; i++) {
    await topic.publish(tagMessage({ phase: 'ping', index: i, sentAt: nowMs() }));
    for (let waited = 0; waited < 250; waited += 10) {
      if (phase.counts[i] === subscribers) return;
      await sleep(10);
    }
  }
  throw new Error(`not all ${subscribers} subscribers received a ping within ${pings} tries`);
}

export interface StepConfig {
  subscribers: number;
  /** Events of the load phase (window-bound, as fast as delivered). */
  events: number;
  /** Events of the idle-latency phase (one at a time). */
  idleEvents: number;
  warmupEvents: number;
  window: number;
  stallMs: number;
}

export interface StepResult {
  system: string;
  subscribers: number;
  sockets: number;
  /** Throughput and latency at full speed (`window` events in flight). */
  load: PhaseResult;
  /** Latency of one event at a time: the fan-out's own time, without queueing. */
  idle: PhaseResult;
  server: {
    rssKiB: { beforeSubscribe: number | null; afterSubscribe: number | null; afterLoad: number | null };
    /** The process's peak RSS since it started (VmHWM). */
    peakRssKiB: number | null;
    /** CPU the server used during the load phase, and per 1,000 deliveries. */
    loadCpuMs: number | null;
    cpuMsPer1000Deliveries: number | null;
  };
  /** CPU this process (publisher + all clients) used during the load phase. */
  benchLoadCpuMs: number;
  errors: string[];
}

async function measureLoad(topic: Topic, deliveries: Deliveries, cfg: StepConfig, pid: number) {
  const phase = deliveries.phase('load', cfg.events, cfg.subscribers);
  const serverBefore = readCpuMs(pid);
  const benchBefore = process.cpuUsage();
  await publishPhase(topic, phase, cfg.window, cfg.stallMs);
  const serverAfter = readCpuMs(pid);
  const bench = process.cpuUsage(benchBefore);
  const serverCpuMs = serverBefore !== null && serverAfter !== null ? serverAfter - serverBefore : null;
  return { load: phase.result(), serverCpuMs, benchCpuMs: (bench.user + bench.system) / 1000 };
}

/** One system at one subscriber count: attach, warm up, measure idle latency, then load. */
export async function runStep(system: System, cfg: StepConfig): Promise<StepResult> {
  const pid = system.serverPid;
  const beforeSubscribe = readMemoryKiB(pid, 'VmRSS');
  const topic = await system.openTopic(`${cfg.subscribers}`);
  const deliveries = new Deliveries();
  const subs = await topic.subscribe(cfg.subscribers, deliveries.onMessage, deliveries.onError);
  try {
    await awaitAttached(topic, deliveries, cfg.subscribers);
    const afterSubscribe = readMemoryKiB(pid, 'VmRSS');
    await publishPhase(topic, deliveries.phase('warmup', cfg.warmupEvents, cfg.subscribers), cfg.window, cfg.stallMs);
    const idlePhase = deliveries.phase('idle', cfg.idleEvents, cfg.subscribers);
    await publishPhase(topic, idlePhase, 1, cfg.stallMs);
    const { load, serverCpuMs, benchCpuMs } = await measureLoad(topic, deliveries, cfg, pid);
    return {
      system: system.name,
      subscribers: cfg.subscribers,
      sockets: subs.sockets,
      load,
      idle: idlePhase.result(),
      server: {
        rssKiB: { beforeSubscribe, afterSubscribe, afterLoad: readMemoryKiB(pid, 'VmRSS') },
        peakRssKiB: readMemoryKiB(pid, 'VmHWM'),
        loadCpuMs: serverCpuMs,
        cpuMsPer1000Deliveries: serverCpuMs !== null && load.delivered > 0 ? (serverCpuMs / load.delivered) * 1000 : null,
      },
      benchLoadCpuMs: benchCpuMs,
      errors: deliveries.errors,
    };
  } finally {
    await subs.close();
    // Let the server tear the subscriptions down before the next step is timed.
    await sleep(500);
  }
}

/** Returns the set once it is ready; if it never gets there, closes what was opened and rethrows. */
export async function readyOrClosed(set: SubscriberSet, ready: Promise<void>): Promise<SubscriberSet> {
  try {
    await ready;
  } catch (err) {
    await set.close();
    throw err;
  }
  return set;
}
