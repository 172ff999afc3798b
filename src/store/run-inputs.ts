import type { Redis } from 'ioredis';
import { z } from 'zod';
import { profileFieldsSchema, type ProfileFields } from '~/shared/profile';
import type { RedisKeys } from './keys';

export interface ResumeFile {
  fileName: string;
  bytes: Buffer;
}

export interface RunInputs {
  profile: ProfileFields;
  resume: ResumeFile | null;
  /** Jobs the user has already applied to (from the database), so no run applies twice. */
  appliedJobUrls: string[];
}

const appliedSchema = z.array(z.string());

/**
 * What a run started with, copied from the database by the web server: workers
 * never open the database (it may be an in-process PGlite), so they read this.
 */
export class RunInputsStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly ttlSeconds: number,
  ) {}

  async save(runId: string, inputs: RunInputs): Promise<void> {
    const key = this.keys.runInputs(runId);
    const fields: Record<string, string | Buffer> = {
      profile: JSON.stringify(inputs.profile),
      applied: JSON.stringify(inputs.appliedJobUrls),
    };
    if (inputs.resume) {
      fields.resumeName = inputs.resume.fileName;
      fields.resume = inputs.resume.bytes;
    }
    await this.redis.multi().hset(key, fields).expire(key, this.ttlSeconds).exec();
  }

  async profile(runId: string): Promise<{ profile: ProfileFields; appliedJobUrls: string[] } | null> {
    const [profile, applied] = await this.redis.hmget(this.keys.runInputs(runId), 'profile', 'applied');
    if (!profile) return null;
    return {
      profile: profileFieldsSchema.parse(JSON.parse(profile)),
      appliedJobUrls: appliedSchema.parse(JSON.parse(applied ?? '[]')),
    };
  }

  async resume(runId: string): Promise<ResumeFile | null> {
    const key = this.keys.runInputs(runId);
    const [name, bytes] = await Promise.all([this.redis.hget(key, 'resumeName'), this.redis.hgetBuffer(key, 'resume')]);
    return name && bytes ? { fileName: name, bytes } : null;
  }
}
