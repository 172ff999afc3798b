import type { Redis } from 'ioredis';
import { instanceHeartbeatSchema, type InstanceHeartbeat } from '~/shared/ops';
import type { RedisKeys } from './keys';

/**
 * Web instances announce themselves here (sockets and subscriptions they serve), so that
 * any instance can show the whole fleet on /ops. One hash field per instance; an
 * instance that stops beating without a goodbye is pruned by the next reader.
 */
export class InstanceRegistry {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async beat(heartbeat: InstanceHeartbeat): Promise<void> {
    await this.redis.hset(this.keys.instances, heartbeat.instanceId, JSON.stringify(heartbeat));
  }

  async leave(instanceId: string): Promise<void> {
    await this.redis.hdel(this.keys.instances, instanceId);
  }

  /** Instances heard from within maxAgeMs; older (and unreadable) entries are removed. */
  async live(maxAgeMs: number, now = Date.now()): Promise<InstanceHeartbeat[]> {
    const stored = await this.redis.hgetall(this.keys.instances);
    const live: InstanceHeartbeat[] = [];
    const stale: string[] = [];
    for (const [instanceId, json] of Object.entries(stored)) {
      const heartbeat = parseHeartbeat(json);
      if (heartbeat && now - Date.parse(heartbeat.beatAt) <= maxAgeMs) live.push(heartbeat);
      else stale.push(instanceId);
    }
    if (stale.length > 0) await this.redis.hdel(this.keys.instances, ...stale);
    return live;
  }
}

function parseHeartbeat(json: string): InstanceHeartbeat | null {
  try {
    return instanceHeartbeatSchema.parse(JSON.parse(json));
  } catch {
    return null;
  }
}
