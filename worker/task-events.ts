import { Job, type Queue, type QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Stores } from '~/store';

export interface TaskEventDeps {
  redis: Redis;
  stores: Stores;
  ttlSeconds: number;
}

/**
 * Announces that a run's BullMQ job waits for a worker (task_queued), exactly once
 * per attempt, whichever worker notices first: the one that saw the job enter the
 * queue, the one handing it back, or at the latest the one that picks it up.
 */
export async function announceQueued(
  deps: TaskEventDeps,
  runId: string,
  forAttempt: number,
  message: string,
): Promise<void> {
  const first = await deps.redis.set(deps.stores.keys.runQueuedAnnounced(runId, forAttempt), '1', 'EX', deps.ttlSeconds, 'NX');
  if (first !== 'OK') return;
  await deps.stores.log.publish({
    runId,
    type: 'task_queued',
    agent: 'task',
    message,
    data: { jobId: runId, queue: deps.stores.keys.queueName },
  });
}

/** Watches the queue's event stream for jobs entering the wait list. */
export function reportQueuedJobs(deps: TaskEventDeps, queueEvents: QueueEvents, queue: Queue): void {
  queueEvents.on('waiting', ({ jobId, prev }) => {
    announceWaitingJob(deps, queue, jobId, prev).catch((err: unknown) => {
      // The worker that picks the job up announces it instead.
      console.error(`[worker] could not announce queued job ${jobId}: ${(err as Error).message}`);
    });
  });
}

async function announceWaitingJob(
  deps: TaskEventDeps,
  queue: Queue,
  jobId: string,
  prev: string | undefined,
): Promise<void> {
  const job = await Job.fromId(queue, jobId);
  if (!job || !(await deps.stores.runs.get(jobId))) return;
  const forAttempt = job.attemptsStarted + 1;
  // Read after the attempt count: still waiting means no worker took it in between.
  if ((await job.getState()) !== 'waiting') return;
  const message = prev === 'active' ? 'Back in the queue; the next free worker takes it' : 'Pipeline queued; waiting for a worker';
  await announceQueued(deps, jobId, forAttempt, message);
}
