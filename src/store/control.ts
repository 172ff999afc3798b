import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { RedisKeys } from './keys';
import { defineScript } from './lua';

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

/** Sets the state unless the run was already stopped (a stop is final); returns the state now in force. */
const REQUEST_LUA = `
if redis.call('HGET', KEYS[1], 'state') == 'stopped' then return 'stopped' end
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'reason', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('PUBLISH', ARGV[4], ARGV[5])
return ARGV[1]
`;

/**
 * What the user wants a run to do. The state is stored (a worker that picks the job
 * up later, or reconnects, reads it) and announced (a worker holding the run reacts
 * at once); a stop is final and cannot be undone by a later pause or resume.
 */
export class ControlBus {
  private readonly requestScript: ReturnType<typeof defineScript>;

  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly ttlSeconds: number,
  ) {
    this.requestScript = defineScript(redis, 'jobstreamControlRun', 1, REQUEST_LUA);
  }

  async request(runId: string, action: ControlAction, reason: string): Promise<ControlState> {
    const message: ControlMessage = { runId, action, reason };
    const state = await this.requestScript(
      [this.keys.runControl(runId)],
      [stateFor[action], reason, this.ttlSeconds, this.keys.controlChannel, JSON.stringify(message)],
    );
    return controlStateSchema.parse(state);
  }

  async state(runId: string): Promise<{ state: ControlState; reason: string }> {
    const raw = await this.redis.hgetall(this.keys.runControl(runId));
    return { state: controlStateSchema.catch('running').parse(raw.state), reason: raw.reason ?? '' };
  }
}
