import type { Redis } from 'ioredis';
import { liveFrameSchema, type LiveFrame } from '~/shared/frames';
import type { RedisKeys } from './keys';

/** Long enough for a viewer that opens the run page to see the browser at once. */
const LATEST_FRAME_TTL_MS = 30_000;

/**
 * Live browser frames: the worker publishes each one; web instances fan it out to
 * viewers. Only the latest frame of a run is kept, briefly, for late joiners.
 */
export class FrameStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async publish(frame: LiveFrame): Promise<void> {
    const json = JSON.stringify(liveFrameSchema.parse(frame));
    await this.redis
      .multi()
      .set(this.keys.runFrame(frame.runId), json, 'PX', LATEST_FRAME_TTL_MS)
      .publish(this.keys.runFrames(frame.runId), json)
      .exec();
  }

  async latest(runId: string): Promise<LiveFrame | null> {
    const json = await this.redis.get(this.keys.runFrame(runId));
    return json ? liveFrameSchema.parse(JSON.parse(json)) : null;
  }
}
