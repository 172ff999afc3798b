/** What the web server's main thread and its archiver thread say to each other. */
import type { DatabaseShare } from '~/db';

/** The archiver thread's workerData. */
export interface ArchiverThreadOptions {
  share: DatabaseShare;
  /** This instance's name in the archive's consumer group. */
  consumer: string;
  batchWaitMs: number;
  /** From source only: the TypeScript module the bootstrap loads (src/thread-boot.mjs). */
  entry?: string;
}

/** Main → thread. */
export type ArchiverCommand = { kind: 'stop' };

/** Thread → main. */
export type ArchiverReport = { kind: 'ready' } | { kind: 'archived'; count: number } | { kind: 'stopped' };
