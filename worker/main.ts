import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { QueueEvents, Worker } from 'bullmq';
import { env } from '~/env';
import { onShutdownSignals } from '~/shutdown-signals';
import { createStores, type Stores } from '~/store';
import { bullPrefix, createPipelineQueue, type PipelineJobData } from '~/store/queue';
import { connectRedis, redactUrl, waitForRedis } from '~/store/redis';
import type { RunControl } from './run-control';
import { closeAllBrowsers } from './browser/run-browser';
import { createLlmClient } from './llm';
import { processPipelineJob } from './run-job';
import { reportQueuedJobs, type TaskEventDeps } from './task-events';
import { WorkerBus } from './worker-bus';

/**
 * The worker process: runs pipeline jobs from BullMQ, publishes everything through
 * Redis, and on SIGTERM finishes or hands back every job it holds.
 */
async function main(): Promise<void> {
  const config = env();
  const redis = connectRedis(config.REDIS_URL, 'worker');
  const subscriber = connectRedis(config.REDIS_URL, 'worker-bus');
  await Promise.all([waitForRedis(redis, config.REDIS_URL), waitForRedis(subscriber, config.REDIS_URL)]);

  const stores = createStores(redis, config);
  const bus = new WorkerBus(subscriber, stores.keys);
  await bus.start();
  const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const active = new Map<string, RunControl>();
  const connection = { url: config.REDIS_URL };
  const prefix = bullPrefix(stores.keys);

  const llm = createLlmClient(config);
  const tasks: TaskEventDeps = { redis, stores, ttlSeconds: config.RUN_TTL_SECONDS };
  const worker = new Worker<PipelineJobData>(
    stores.keys.queueName,
    (job, token) => processPipelineJob({ env: config, stores, bus, workerId, active, tasks, llm }, job, token ?? ''),
    {
      connection,
      prefix,
      concurrency: config.WORKER_CONCURRENCY,
      lockDuration: config.WORKER_LOCK_MS,
      stalledInterval: config.WORKER_STALLED_INTERVAL_MS,
      maxStalledCount: config.WORKER_MAX_STALLED,
    },
  );
  worker.on('error', (err) => console.error(`[worker] ${err.message}`));

  // A job that stalled more often than allowed is failed by BullMQ without running
  // our code; close its run here (once, whichever worker sees it first).
  const queueEvents = new QueueEvents(stores.keys.queueName, { connection, prefix });
  queueEvents.on('failed', ({ jobId, failedReason }) => {
    closeAbandonedRun(stores, jobId, failedReason).catch((err: unknown) => {
      // Another worker's handler, or this one's next start, closes the run instead.
      console.error(`[worker] could not close abandoned run ${jobId}: ${(err as Error).message}`);
    });
  });

  const queue = createPipelineQueue(stores.keys, connection);
  reportQueuedJobs(tasks, queueEvents, queue);

  await stores.notifier.alert({ severity: 'info', source: 'worker', message: `Worker ${workerId} is online` });
  const beat = () => void stores.workers.beat(workerId).catch(() => undefined);
  beat();
  const heartbeat = setInterval(beat, config.WORKER_HEARTBEAT_MS);
  console.log(
    `[worker] ${workerId} ready (concurrency ${config.WORKER_CONCURRENCY}, redis ${redactUrl(config.REDIS_URL)})`,
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`[worker] ${signal}: finishing ${active.size} run(s), ${config.WORKER_SHUTDOWN_GRACE_MS} ms grace`);
    await stores.notifier
      .alert({ severity: 'warning', source: 'worker', message: `Worker ${workerId} is shutting down with ${active.size} run(s) in hand` })
      .catch(() => undefined);
    clearInterval(heartbeat);
    const closed = worker.close();
    const grace = setTimeout(() => {
      for (const control of active.values()) control.handBack();
    }, config.WORKER_SHUTDOWN_GRACE_MS);
    await closed;
    clearTimeout(grace);
    await queueEvents.close();
    await queue.close();
    await closeAllBrowsers();
    await stores.workers.leave(workerId).catch(() => undefined);
    redis.disconnect();
    subscriber.disconnect();
    console.log('[worker] stopped');
    process.exit(0);
  };
  onShutdownSignals('worker', shutdown);
}

async function closeAbandonedRun(stores: Stores, runId: string, failedReason: string): Promise<void> {
  const attempt = Math.max(1, (await stores.runs.get(runId))?.attempt ?? 1);
  const moved = await stores.runs.transition(runId, ['queued', 'running', 'paused'], 'failed', {
    stage: 'done',
    error: failedReason,
  });
  if (!moved.ok) return;
  const userId = (await stores.runs.get(runId))?.userId;
  if (userId) await stores.notifier.toUser(userId, { type: 'run_status', runId, status: 'failed' }).catch(() => undefined);
  await stores.log.publish({
    runId,
    type: 'task_failed',
    agent: 'task',
    message: `Job failed: ${failedReason}`,
    data: { jobId: runId, error: failedReason, retrying: false },
  });
  await stores.log.publish({
    runId,
    type: 'pipeline_error',
    agent: 'system',
    message: `Pipeline failed: its worker was lost too often (${failedReason}). Start a new run to try again.`,
    data: { error: failedReason, retrying: false, attempt },
  });
}

main().catch((err: unknown) => {
  console.error(`[worker] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
