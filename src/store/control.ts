import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { RedisKeys } from './keys';

export const controlActionSchema = z.enum(['stop', 'pause', 'resume']);
export type ControlAction = z.infer<typeof controlActionSchema>;

export const controlStateSchema = z.enum(['running', 'paused', 'stopped']);
export type ControlState = z.infer<typeof controlStateSchema>;

export const controlMessageSchema = z.object({
  runId: z.string(),
  action: controlActionSchema,
  reason: z.string(),
});
export type ControlMessage = z.infer<typeof controlMessageSchema>;

const stateFor: Record<ControlAction, ControlState> = { stop: 'stopped', pause: 'paused', resume: 'running' };

/**
 * What the user wants a run to do. The state is stored (a worker that picks the job
 * up later, or reconnects, reads it) and announced (a worker holding the run reacts
 * at once); a stop is final and cannot be undone by a later pause or resume.
 */
export class ControlBus {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly ttlSeconds: number,
  ) {}

  async request(runId: string, action: ControlAction, reason: string): Promise<ControlState> {
    const key = this.keys.runControl(runId);
    const current = await this.state(runId);
    if (current.state === 'stopped') return 'stopped';
    const state = stateFor[action];
    await this.redis.multi().hset(key, { state, reason }).expire(key, this.ttlSeconds).exec();
    const message: ControlMessage = { runId, action, reason };
    await this.redis.publish(this.keys.controlChannel, JSON.stringify(message));
    return state;
  }

  async state(runId: string): Promise<{ state: ControlState; reason: string }> {
    const raw = await this.redis.hgetall(this.keys.runControl(runId));
    return { state: controlStateSchema.catch('running').parse(raw.state), reason: raw.reason ?? '' };
  }
}
