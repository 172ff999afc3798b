import { Worker } from 'node:worker_threads';
import type { Database } from '~/db';
import { threadEntry } from '~/thread-entry';
import type { ArchiverCommand, ArchiverReport, ArchiverThreadOptions } from './archiver-protocol';

const RESTART_DELAY_MS = 1000;
const STOP_TIMEOUT_MS = 5000;

export interface ArchiverHostOptions {
  db: Database;
  consumer: string;
  batchWaitMs: number;
  onArchived(count: number): void;
}

export interface ArchiverHost {
  /** Finishes the batch in hand, then ends the thread. */
  stop(): Promise<void>;
}

/**
 * Runs the archiver in a worker thread of its own (archiver-thread.ts) and keeps it
 * running: a thread that fails is logged and started again, and what it held
 * unacknowledged is read again by the next one (batches are idempotent).
 */
export async function startArchiverThread(options: ArchiverHostOptions): Promise<ArchiverHost> {
  let stopping = false;
  const relaunchSoon = (delayMs = RESTART_DELAY_MS) => {
    if (!stopping) setTimeout(() => void relaunch(), delayMs).unref();
  };
  let current = await launch(options, relaunchSoon);

  async function relaunch(): Promise<void> {
    if (stopping) return;
    try {
      current = await launch(options, relaunchSoon);
    } catch (err) {
      console.error(`[archive] could not restart the archiver thread: ${(err as Error).message}`);
      relaunchSoon(RESTART_DELAY_MS * 5);
    }
  }

  return {
    async stop() {
      stopping = true;
      await current.stop();
    },
  };
}

interface Running {
  stop(): Promise<void>;
}

/** One thread: resolves once it archives, rejects if it cannot start. `onLost` runs if it dies later. */
async function launch(options: ArchiverHostOptions, onLost: () => unknown): Promise<Running> {
  const share = await options.db.share();
  const workerData: ArchiverThreadOptions = { share, consumer: options.consumer, batchWaitMs: options.batchWaitMs };
  const entry = threadEntry('archiver-thread', new URL('./archiver-thread.ts', import.meta.url));
  const worker = new Worker(entry.file, {
    workerData: { ...workerData, entry: entry.entry },
    transferList: share.kind === 'pglite' ? [share.port] : [],
    name: 'archiver',
  });
  let stopped: (() => void) | null = null;
  let ready = false;
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (report: ArchiverReport) => {
      if (report.kind === 'archived') options.onArchived(report.count);
      else if (report.kind === 'ready') {
        ready = true;
        resolve();
      } else stopped?.();
    });
    worker.on('error', (err) => {
      console.error(`[archive] the archiver thread failed: ${err.message}`);
      if (!ready) reject(err);
    });
    worker.on('exit', (code) => {
      stopped?.();
      if (!ready) reject(new Error(`the archiver thread exited with code ${code}`));
      else if (!stopped) onLost();
    });
  });
  return {
    async stop() {
      const done = new Promise<void>((resolve) => (stopped = resolve));
      worker.postMessage({ kind: 'stop' } satisfies ArchiverCommand);
      const timer = setTimeout(() => void worker.terminate(), STOP_TIMEOUT_MS);
      await done;
      clearTimeout(timer);
      await worker.terminate();
    },
  };
}
