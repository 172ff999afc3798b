import { Job, QueueEvents, type Queue } from 'bullmq';
import { jobProgressSchema, opsFeedEventSchema, type OpsFeedEvent } from '~/shared/ops';
import { systemAlertSchema } from '~/shared/rooms';
import type { RedisKeys } from '~/store/keys';
import { bullPrefix } from '~/store/queue';
import type { ChannelHub } from '../realtime/channel-hub';
import type { FlowControl } from '../realtime/flow-control';
import { wakeLatch } from '../realtime/wake-latch';
import type { ServerServices } from '../services';

type Listener = (event: OpsFeedEvent) => void;

export interface OpsFeedDeps {
  channels: ChannelHub;
  keys: RedisKeys;
  /** The pipeline queue, to read which worker took a job. */
  queue: Queue;
  redisUrl: string;
}

interface Sources {
  close(): Promise<void>;
}

/**
 * What every ops.feed subscriber of this web instance hears, from one set of sources:
 * the ops channel (workers' heartbeats and status changes), the alerts channel, and one
 * BullMQ QueueEvents reader (a blocking Redis connection of its own). They are opened
 * by the first subscriber and closed after the last, so an instance nobody watches
 * from /ops reads nothing extra.
 */
export class OpsFeed {
  private readonly listeners = new Set<Listener>();
  private sources: Promise<Sources> | null = null;
  /** Events go out in the order their sources produced them, even when one needs a read first. */
  private ordered: Promise<void> = Promise.resolve();

  constructor(private readonly deps: OpsFeedDeps) {}

  /** Starts hearing the feed; resolves once every source is open. Returns the way out. */
  async join(listener: Listener): Promise<() => void> {
    this.listeners.add(listener);
    const opening = (this.sources ??= this.open());
    try {
      await opening;
    } catch (err) {
      // The next subscriber tries again (open() closed whatever it had opened).
      if (this.sources === opening) this.sources = null;
      this.listeners.delete(listener);
      throw err;
    }
    return () => this.leave(listener);
  }

  private leave(listener: Listener): void {
    if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
    const sources = this.sources;
    this.sources = null;
    void sources?.then((s) => s.close()).catch(() => undefined);
  }

  private emit(event: OpsFeedEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** Queues an event behind the ones before it; `make` may read Redis, and null drops it. */
  private enqueue(make: () => OpsFeedEvent | null | Promise<OpsFeedEvent | null>): void {
    this.ordered = this.ordered
      .then(make)
      .then((event) => {
        if (event) this.emit(event);
      })
      .catch((err: unknown) => console.error('[ops] feed event dropped:', err instanceof Error ? err.message : err));
  }

  private async open(): Promise<Sources> {
    const { channels, keys } = this.deps;
    const closers: (() => unknown)[] = [];
    const close = async () => {
      await Promise.allSettled(closers.map((c) => c()));
    };
    try {
      closers.push(await channels.listen(keys.opsChannel, (raw) => this.enqueue(() => parsed(raw))));
      closers.push(await channels.listen(keys.alertsChannel, (raw) => this.enqueue(() => alertFrom(raw))));
      const queueEvents = this.queueEvents();
      closers.push(() => queueEvents.close());
      await queueEvents.waitUntilReady();
    } catch (err) {
      await close();
      throw err;
    }
    return { close };
  }

  /** seed 004's task:* events from BullMQ's event stream (live only: it starts at "now"). */
  private queueEvents(): QueueEvents {
    const { keys, redisUrl, queue } = this.deps;
    const events = new QueueEvents(keys.queueName, { connection: { url: redisUrl }, prefix: bullPrefix(keys) });
    const at = () => new Date().toISOString();
    events.on('error', (err) => console.warn(`[ops] queue events: ${err.message}`));
    events.on('added', ({ jobId }) => this.enqueue(() => ({ type: 'task_created', taskId: jobId, at: at() })));
    events.on('active', ({ jobId }) =>
      this.enqueue(async () => ({ type: 'task_assigned', taskId: jobId, agentId: await workerOf(queue, jobId), at: at() })),
    );
    events.on('progress', ({ jobId, data }) => {
      const progress = jobProgressSchema.safeParse(data);
      const update = progress.success ? progress.data : { progress: null, stage: null };
      this.enqueue(() => ({ type: 'task_updated', taskId: jobId, ...update, at: at() }));
    });
    // The failure's text is the worker's own (possibly internal); the run's log says it in the user's words.
    events.on('completed', ({ jobId }) => this.enqueue(() => ({ type: 'task_completed', taskId: jobId, outcome: 'completed', at: at() })));
    events.on('failed', ({ jobId }) => this.enqueue(() => ({ type: 'task_completed', taskId: jobId, outcome: 'failed', at: at() })));
    return events;
  }
}

/** The worker a job went to: BullMQ records the worker's name (our worker id) when it takes the job. */
async function workerOf(queue: Queue, jobId: string): Promise<string | null> {
  const job = await Job.fromId(queue, jobId);
  return job?.processedBy ?? null;
}

function parsed(raw: string): OpsFeedEvent | null {
  const event = opsFeedEventSchema.safeParse(JSON.parse(raw));
  return event.success ? event.data : null;
}

function alertFrom(raw: string): OpsFeedEvent | null {
  const alert = systemAlertSchema.safeParse(JSON.parse(raw));
  return alert.success ? { type: 'system_alert', ...alert.data } : null;
}

/**
 * One subscriber's share of the feed. The feed is notices, not history: a subscriber
 * more than `maxQueued` events behind loses the oldest, never memory, and while its
 * socket's send buffer is full it waits (a client that stops reading is closed by flow
 * control, as for every subscription).
 */
export async function* opsFeedEvents(
  feed: Pick<OpsFeed, 'join'>,
  signal: AbortSignal,
  flow: FlowControl | null,
  maxQueued = 200,
): AsyncGenerator<OpsFeedEvent, void, void> {
  const queue: OpsFeedEvent[] = [];
  const { fire, wait } = wakeLatch();
  const leave = await feed.join((event) => {
    queue.push(event);
    if (queue.length > maxQueued) queue.shift();
    fire();
  });
  signal.addEventListener('abort', fire, { once: true });
  try {
    while (!signal.aborted) {
      if (flow && !flow.hasRoom()) await flow.waitForRoom();
      const next = queue.shift();
      if (next === undefined) await wait();
      else yield next;
    }
  } finally {
    leave();
    signal.removeEventListener('abort', fire);
  }
}

const feeds = new WeakMap<ServerServices, OpsFeed>();

/** This web instance's feed, made when /ops is first watched (one per process, kept beside its services). */
export function opsFeedOf(services: ServerServices): OpsFeed {
  let feed = feeds.get(services);
  if (!feed) {
    feed = new OpsFeed({ channels: services.channels, keys: services.stores.keys, queue: services.queue, redisUrl: services.env.REDIS_URL });
    feeds.set(services, feed);
  }
  return feed;
}
