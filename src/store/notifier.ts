import type { Redis } from 'ioredis';
import type { NewUserNote, SystemAlert } from '~/shared/rooms';
import type { RedisKeys } from './keys';

/**
 * Room messages that are notices, not history: a user's inbox changes and system
 * alerts. They go out over pub/sub; the durable truth stays in runs, events and
 * questions (hitl.pending, pipeline.list), which a client re-reads after a reconnect.
 */
export class Notifier {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async toUser(userId: string, note: NewUserNote): Promise<void> {
    await this.redis.publish(this.keys.userNotes(userId), JSON.stringify({ ...note, at: new Date().toISOString() }));
  }

  async alert(alert: Omit<SystemAlert, 'at'>): Promise<void> {
    await this.redis.publish(this.keys.alertsChannel, JSON.stringify({ ...alert, at: new Date().toISOString() }));
  }
}
