import type { Redis } from 'ioredis';
import { workerHeartbeatSchema, type AgentFeedEvent, type AgentStatus, type WorkerHeartbeat } from '~/shared/ops';
import type { RedisKeys } from './keys';

/**
 * Workers announce themselves here: /api/health counts the live ones (a sorted set of
 * last beats), the operator's dashboard reads what each said (status, runs held) and
 * hears every beat and status change on the ops channel.
 */
export class WorkerRegistry {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  /**
   * One round trip: liveness, what the worker says about itself, and the feed's heartbeat.
   * A worker beating again after it was declared lost (it had stalled) clears that mark,
   * so that it is reported if it goes silent again.
   */
  async beat(heartbeat: WorkerHeartbeat): Promise<void> {
    const { workerId, status, runs, beatAt } = heartbeat;
    const event: AgentFeedEvent = { type: 'agent_heartbeat', agentId: workerId, status, runs, at: beatAt };
    await this.redis
      .multi()
      .zadd(this.keys.workers, Date.parse(beatAt), workerId)
      .hset(this.keys.workerInfo, workerId, JSON.stringify(heartbeat))
      .del(this.keys.workerLostMark(workerId))
      .publish(this.keys.opsChannel, JSON.stringify(event))
      .exec();
  }

  /** Tells the dashboards a worker's status changed (oldStatus null: it has just started). */
  async statusChanged(workerId: string, oldStatus: AgentStatus | null, newStatus: AgentStatus): Promise<void> {
    const event: AgentFeedEvent = { type: 'agent_status_changed', agentId: workerId, oldStatus, newStatus, at: new Date().toISOString() };
    await this.redis.publish(this.keys.opsChannel, JSON.stringify(event));
  }

  /** The goodbye (a worker that leaves this way is never reported lost); also drops one declared lost. */
  async leave(workerId: string): Promise<void> {
    await this.redis.multi().zrem(this.keys.workers, workerId).hdel(this.keys.workerInfo, workerId).exec();
  }

  /** Workers whose last heartbeat is newer than maxAgeMs; stale entries are pruned. */
  async live(maxAgeMs: number): Promise<string[]> {
    const cutoff = Date.now() - maxAgeMs;
    await this.redis.zremrangebyscore(this.keys.workers, '-inf', `(${cutoff}`);
    return this.redis.zrangebyscore(this.keys.workers, cutoff, '+inf');
  }

  /**
   * Every worker's last heartbeat, stale ones included: `live` prunes only the liveness
   * set, so a worker that died without a goodbye stays here until it is declared lost.
   */
  async heartbeats(): Promise<WorkerHeartbeat[]> {
    const stored = await this.redis.hgetall(this.keys.workerInfo);
    return Object.values(stored).flatMap((json) => parseHeartbeat(json) ?? []);
  }
}

function parseHeartbeat(json: string): WorkerHeartbeat | null {
  try {
    return workerHeartbeatSchema.parse(JSON.parse(json));
  } catch {
    // Written by another version of the worker: the next beat replaces it.
    return null;
  }
}
