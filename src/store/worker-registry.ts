import type { Redis } from 'ioredis';
import type { RedisKeys } from './keys';

/** Workers announce themselves here; /api/health counts the live ones. */
export class WorkerRegistry {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async beat(workerId: string): Promise<void> {
    await this.redis.zadd(this.keys.workers, Date.now(), workerId);
  }

  async leave(workerId: string): Promise<void> {
    await this.redis.zrem(this.keys.workers, workerId);
  }

  /** Workers whose last heartbeat is newer than maxAgeMs; stale entries are pruned. */
  async live(maxAgeMs: number): Promise<string[]> {
    const cutoff = Date.now() - maxAgeMs;
    await this.redis.zremrangebyscore(this.keys.workers, '-inf', `(${cutoff}`);
    return this.redis.zrangebyscore(this.keys.workers, cutoff, '+inf');
  }
}
