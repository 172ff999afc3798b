import { Redis, type RedisOptions } from 'ioredis';

/**
 * Opens a Redis connection. Commands wait (instead of failing) while the connection
 * is re-established, so a Redis restart delays work rather than dropping it.
 */
export function connectRedis(url: string, name: string, extra: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
    ...extra,
  });
  // ioredis reconnects by itself; an unhandled 'error' would crash the process.
  redis.on('error', (err: Error) => {
    if (process.env.NODE_ENV !== 'test') console.warn(`[redis:${name}] ${err.message}`);
  });
  return redis;
}

/** Resolves once the connection is ready, or rejects with a message that says what to do. */
export async function waitForRedis(redis: Redis, url: string, timeoutMs = 10_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new Error(
          `Cannot reach Redis at ${redactUrl(url)} after ${timeoutMs} ms. ` +
            'Start Redis (≥ 6.2) or set REDIS_URL; `npm run dev` starts a local redis-server when one is installed.',
        ),
      );
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off('ready', onReady);
    };
    redis.on('ready', onReady);
  });
}

/** A Redis URL without its password, safe for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<invalid url>';
  }
}
