import type { Redis } from 'ioredis';
import type { RunEvent } from '~/shared/events';
import { EpochWatch, type EpochChange } from '~/store/epoch';
import { writeEvents } from '../archive/archiver';
import type { ServerServices } from '../services';
import { closeLostRuns } from './lost-runs';

/**
 * How long the instance that closes the lost runs waits for the other web instances
 * to report the highest seqs they held: a run's next seq must follow all of them.
 * Instances notice within a reconnect or one EPOCH_CHECK_MS of each other.
 */
const REPORT_WAIT_MS = 3_000;
/** Passes at closing the lost runs before giving up (each waits a little longer). */
const RECOVERY_ATTEMPTS = 5;
/** Events per transaction when saving what the feeds held. */
const SALVAGE_BATCH = 500;

type EpochServices = Pick<ServerServices, 'db' | 'stores' | 'archive' | 'hub'>;

/**
 * The web instance's side of Redis losing its data. It remembers the epoch it started
 * in and checks it on every reconnect and every few seconds. When the epoch changes,
 * it drops the old epoch's events from its feeds, saves the ones the archive may not
 * have yet, and reports the highest seq it held per run; then one instance per epoch
 * closes the runs that were unfinished (lost-runs.ts). An instance that starts on a
 * Redis whose epoch no instance has recovered yet (everything was down) does the same.
 * Returns the stop.
 */
export async function watchRedisEpoch(s: EpochServices, redis: Redis, owner: string): Promise<() => void> {
  const watch = new EpochWatch(s.stores.epochs);
  const startedAt = new Date();
  const epoch = await watch.check();
  watch.onChange((change) => void onEpochChange(s, change, owner));
  void recoverEpoch(s, epoch, startedAt, owner);
  return watch.watch(redis);
}

async function onEpochChange(s: EpochServices, change: EpochChange, owner: string): Promise<void> {
  const noticedAt = new Date();
  console.warn(`[web] Redis lost its data (epoch ${change.previous} is now ${change.current}): its runs, logs and queue are gone`);
  await handOver(s, change.current);
  await recoverEpoch(s, change.current, noticedAt, owner);
}

/** Drops the feeds' old events, archives what they held and reports the highest seqs seen. */
async function handOver(s: EpochServices, epoch: string): Promise<void> {
  const { events, latest } = s.hub.resetAll();
  try {
    await salvage(s, events);
    if (events.length > 0) console.warn(`[web] archived the ${events.length} recent event(s) of ${latest.size} run(s) this instance held`);
  } catch (err) {
    // What the archive already had is still served; a run that lacks more says so (HISTORY_GAP).
    console.error('[web] could not archive the events held in memory:', err);
  }
  await s.stores.epochs.reportSeen(epoch, latest).catch((err: unknown) => {
    console.error('[web] could not report the seqs held in memory:', err);
  });
}

/**
 * Events this instance still held that Redis had not yet handed to the archive: they
 * would be missing from every run's history otherwise. Stored idempotently, so events
 * the archive has (or another instance saves too) change nothing.
 */
async function salvage(s: EpochServices, events: readonly RunEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += SALVAGE_BATCH) {
    // The questions' live state went with Redis: the events say all there is.
    await writeEvents(s.db.prisma, s.archive, events.slice(i, i + SALVAGE_BATCH), () => Promise.resolve(null));
  }
}

/** Closes the runs lost before `epoch` began, if no other instance has taken that on. */
async function recoverEpoch(s: EpochServices, epoch: string, before: Date, owner: string): Promise<void> {
  const claimed = await s.stores.epochs.claimRecovery(epoch, owner).catch(() => false);
  if (!claimed) return;
  await sleep(REPORT_WAIT_MS);
  // Closing a run twice does nothing, so a failed pass (the database away) is simply tried again.
  for (let attempt = 1; attempt <= RECOVERY_ATTEMPTS; attempt++) {
    try {
      await closeAndAnnounce(s, epoch, before);
      return;
    } catch (err) {
      console.error(`[web] could not close the runs lost with Redis (attempt ${attempt} of ${RECOVERY_ATTEMPTS}):`, err);
      await sleep(REPORT_WAIT_MS * attempt);
    }
  }
}

async function closeAndAnnounce(s: EpochServices, epoch: string, before: Date): Promise<void> {
  const closed = await closeLostRuns(s, await s.stores.epochs.seen(epoch), before);
  if (closed.length === 0) return;
  console.warn(`[web] closed ${closed.length} run(s) whose live state was lost with Redis's data: ${closed.map((e) => e.runId).join(', ')}`);
  await s.stores.notifier
    .alert({
      severity: 'warning',
      source: 'web',
      message: `Redis lost its data; ${closed.length} unfinished run(s) ended with an error and can be started again.`,
    })
    .catch(() => undefined);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
