import type { Redis } from 'ioredis';
import { connectRedis, waitForRedis } from '~/store/redis';

/** A publisher's Redis connection beside a relay process; if Redis does not answer, the relay is stopped too. */
export async function relayPublisher(redisUrl: string, name: string, relay: { kill9(): Promise<void> }): Promise<Redis> {
  const redis = connectRedis(redisUrl, name);
  try {
    await waitForRedis(redis, redisUrl);
    return redis;
  } catch (err) {
    redis.disconnect();
    await relay.kill9();
    throw err;
  }
}
