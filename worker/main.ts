import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { QueueEvents, Worker } from 'bullmq';
import { env } from '~/env';
import { onShutdownSignals } from '~/shutdown-signals';
import { ShutdownDeadline } from '~/shutdown-deadline';
import { createStores, type Stores } from '~/store';
import { EpochWatch } from '~/store/epoch';
import { bullPrefix, createPipelineQueue, type PipelineJobData } from '~/store/queue';
import { connectRedis, redactUrl, waitForRedis } from '~/store/redis';
import type { RunControl } from './run-control';
import { closeAllBrowsers } from './browser/run-browser';
import { createLlmClient } from './llm';
import { WorkerPresence } from './presence';
import { processPipelineJob } from './run-job';
import { reportQueuedJobs, type TaskEventDeps } from './task-events';
import { WorkerBus } from './worker-bus';

/** After the grace period, the time to hand runs back and close: the worker exits within the grace plus this. */
const HAND_BACK_WINDOW_MS = 5_000;
/** The part of that window the runs get to be handed back; the rest is for closing connections. */
const HAND_BACK_RUNS_MS = 3_000;

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
  const presence = new WorkerPresence<RunControl>(stores.workers, workerId, config.WORKER_CONCURRENCY);
  const active = presence.runs;
  const connection = { url: config.REDIS_URL };
  const prefix = bullPrefix(stores.keys);

  // Redis restarted empty: the runs this worker holds lost their state; they end quietly
  // (a web instance closes them with an error event) and the worker takes new jobs.
  const epochs = new EpochWatch(stores.epochs);
  await epochs.check();
  epochs.onChange(({ current }) => loseRunsFromBefore(active, current));
  const stopEpochWatch = epochs.watch(redis, config.WORKER_HEARTBEAT_MS);

  const llm = createLlmClient(config);
  const tasks: TaskEventDeps = { redis, stores, ttlSeconds: config.RUN_TTL_SECONDS };
  const worker = new Worker<PipelineJobData>(
    stores.keys.queueName,
    (job, token) => processPipelineJob({ env: config, stores, bus, workerId, active, tasks, llm, epoch: () => epochs.check() }, job, token ?? ''),
    {
      connection,
      prefix,
      // BullMQ records it on each job it takes (processedBy): the dashboard's task_assigned names it.
      name: workerId,
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

  await stores.notifier.alert({ severity: 'info', source: 'worker', subject: workerId, message: `Worker ${workerId} is online` });
  presence.start(config.WORKER_HEARTBEAT_MS);
  console.log(
    `[worker] ${workerId} ready (concurrency ${config.WORKER_CONCURRENCY}, redis ${redactUrl(config.REDIS_URL)})`,
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    // Bounded even when Redis is unreachable: the runs this worker could not hand back
    // are retried by another worker once their BullMQ lock expires.
    const deadline = new ShutdownDeadline('worker', config.WORKER_SHUTDOWN_GRACE_MS + HAND_BACK_WINDOW_MS);
    console.log(
      `[worker] ${signal}: finishing ${active.size} run(s), ${config.WORKER_SHUTDOWN_GRACE_MS} ms grace, ` +
        `exiting within ${config.WORKER_SHUTDOWN_GRACE_MS + HAND_BACK_WINDOW_MS} ms`,
    );
    // Not awaited first: with Redis unreachable it would never be sent, and the runs would never be let go.
    const alerted = deadline.track(
      'the shutdown alert',
      stores.notifier.alert({ severity: 'warning', source: 'worker', subject: workerId, message: `Worker ${workerId} is shutting down with ${active.size} run(s) in hand` }),
    );
    presence.drain();
    stopEpochWatch();
    const closed = worker.close();
    const grace = setTimeout(() => {
      for (const control of active.values()) control.handBack();
    }, config.WORKER_SHUTDOWN_GRACE_MS);
    // Given up on, the runs stay locked to this worker until the lock expires; the closes below
    // then wait only as long as the deadline allows (ioredis keeps commands for an unreachable
    // Redis queued, and disconnect() does not release them while it is reconnecting).
    await deadline.track(`${active.size} run(s) to finish or be handed back`, closed, config.WORKER_SHUTDOWN_GRACE_MS + HAND_BACK_RUNS_MS);
    clearTimeout(grace);
    await Promise.all([
      alerted,
      deadline.track('the queue event listener to close', queueEvents.close()),
      deadline.track('the queue connection to close', queue.close()),
      deadline.track('Chromium to close', closeAllBrowsers()),
      deadline.track('the goodbye to the worker registry', presence.leave()),
    ]);
    redis.disconnect();
    subscriber.disconnect();
    deadline.finish();
  };
  onShutdownSignals('worker', shutdown);
}

/** Ends the runs started before Redis lost its data: nothing they say can be recorded any more. */
function loseRunsFromBefore(active: ReadonlyMap<string, RunControl>, epoch: string): void {
  for (const [runId, control] of active) {
    if (control.epoch === epoch) continue;
    console.warn(`[worker] Redis lost its data: stopping run ${runId}, whose live state went with it`);
    control.lose();
  }
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
