import { Queue, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';
import type { RedisKeys } from './keys';

/** The payload of a pipeline job: the run's parameters live in the run store. */
export const pipelineJobDataSchema = z.object({ runId: z.string() });
export type PipelineJobData = z.infer<typeof pipelineJobDataSchema>;

export const bullPrefix = (keys: RedisKeys) => `${keys.prefix}:bull`;

export function createPipelineQueue(keys: RedisKeys, connection: ConnectionOptions): Queue<PipelineJobData> {
  return new Queue<PipelineJobData>(keys.queueName, {
    connection,
    prefix: bullPrefix(keys),
    defaultJobOptions: {
      // A pipeline that throws has failed for good; retries happen only when a worker
      // is lost (stalled jobs), which BullMQ handles through maxStalledCount.
      attempts: 1,
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
}
