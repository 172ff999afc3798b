import { redisKeys } from '~/store/keys';
import { createPipelineQueue } from '~/store/queue';

/** The BullMQ state of a run's job, as the worker left it. */
export async function jobState(redisUrl: string, prefix: string, runId: string): Promise<string> {
  const queue = createPipelineQueue(redisKeys(prefix), { url: redisUrl });
  try {
    const job = await queue.getJob(runId);
    return job ? await job.getState() : 'missing';
  } finally {
    await queue.close();
  }
}
