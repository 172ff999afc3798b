import type { Redis } from 'ioredis';

/**
 * Fans out plain pub/sub channels (notifications, alerts) to local subscribers over
 * the instance's one subscriber connection: one Redis subscription per channel,
 * however many sockets listen.
 */
export class ChannelHub {
  private readonly listeners = new Map<string, Set<(message: string) => void>>();

  constructor(private readonly subscriber: Redis) {
    subscriber.on('message', (channel: string, message: string) => {
      for (const listener of this.listeners.get(channel) ?? []) listener(message);
    });
  }

  async listen(channel: string, listener: (message: string) => void): Promise<() => void> {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      await this.subscriber.subscribe(channel);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size > 0 || this.listeners.get(channel) !== set) return;
      this.listeners.delete(channel);
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
