import type { Redis } from 'ioredis';

/**
 * Fans out plain pub/sub channels (notifications, alerts) to local subscribers over
 * the instance's one subscriber connection: one Redis subscription per channel,
 * however many sockets listen.
 */
interface Channel {
  listeners: Set<(message: string) => void>;
  /** Every listener waits for this, so none returns before Redis confirmed the subscription. */
  subscribed: Promise<unknown>;
}

export class ChannelHub {
  private readonly channels = new Map<string, Channel>();

  constructor(private readonly subscriber: Redis) {
    subscriber.on('message', (channel: string, message: string) => {
      for (const listener of this.channels.get(channel)?.listeners ?? []) listener(message);
    });
  }

  async listen(channel: string, listener: (message: string) => void): Promise<() => void> {
    let entry = this.channels.get(channel);
    if (!entry) {
      entry = { listeners: new Set(), subscribed: this.subscriber.subscribe(channel) };
      this.channels.set(channel, entry);
    }
    const joined = entry;
    try {
      await joined.subscribed;
    } catch (err) {
      // Forget the failed subscription, so that the next listener tries again.
      if (this.channels.get(channel) === joined) this.channels.delete(channel);
      throw err;
    }
    joined.listeners.add(listener);
    return () => {
      joined.listeners.delete(listener);
      if (joined.listeners.size > 0 || this.channels.get(channel) !== joined) return;
      this.channels.delete(channel);
      void this.subscriber.unsubscribe(channel).catch(() => undefined);
    };
  }
}

/**
 * A channel's messages as an async stream. Notices are not history: a subscriber
 * that falls more than `maxQueued` behind loses the oldest ones, never memory.
 */
export async function* channelMessages<T>(
  hub: ChannelHub,
  channel: string,
  parse: (raw: unknown) => T,
  signal: AbortSignal,
  maxQueued = 100,
): AsyncGenerator<T, void, void> {
  const queue: T[] = [];
  let wake: (() => void) | null = null;
  const fire = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const stop = await hub.listen(channel, (raw) => {
    queue.push(parse(JSON.parse(raw)));
    if (queue.length > maxQueued) queue.shift();
    fire();
  });
  signal.addEventListener('abort', fire, { once: true });
  try {
    while (!signal.aborted) {
      const next = queue.shift();
      if (next === undefined) await new Promise<void>((resolve) => (wake = resolve));
      else yield next;
    }
  } finally {
    stop();
    signal.removeEventListener('abort', fire);
  }
}
