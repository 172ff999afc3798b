import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Database } from './database';
import { migrationsDir } from './database';
import { PrismaClient } from './generated/client.ts';
import { migrate, type SqlConnection } from './migrate';
import type { ThreadOptions } from './pglite/protocol';
import { ThreadAdapterFactory } from './pglite/thread-adapter';
import { ThreadConnection } from './pglite/thread-connection';
import { threadEntry, type ThreadEntry } from '~/thread-entry';

export interface EmbeddedOptions {
  /** See ThreadOptions; Prisma's own transaction timeout (5 s by default) normally acts long before. */
  transactionIdleLimitMs?: number;
}

const DEFAULT_TRANSACTION_IDLE_LIMIT_MS = 60_000;

function migratorConnection(thread: ThreadConnection): SqlConnection {
  return {
    query: (sql, params = []) => thread.call('query', { sql, params }),
    exec: (sql) => thread.call('exec', { sql }),
  };
}

/**
 * Creates the database cluster in a new folder in a thread that then ends: initdb
 * leaves most of its memory resident in the thread that ran it, so the thread that
 * serves the database for the life of the process must not be the one.
 */
async function initialise(entry: ThreadEntry, options: ThreadOptions): Promise<void> {
  const worker = new Worker(entry.file, { workerData: { ...options, initialiseOnly: true, entry: entry.entry }, name: 'pglite-init' });
  let failure: Error | null = null;
  worker.once('error', (err) => (failure = err)); // comes before 'exit'
  const code = await new Promise<number>((resolve) => worker.once('exit', resolve));
  const reason = (failure as Error | null)?.message ?? (code !== 0 ? `the thread exited with code ${code}` : null);
  if (reason) throw new Error(`The embedded database could not be created in ${options.dataDir}: ${reason}`);
}

/**
 * Opens PGlite in a worker thread of its own, one per opened database. PGlite runs
 * PostgreSQL synchronously on the calling thread, so on the main thread a 5 MB resume
 * would stop every socket for seconds; Prisma, the migrator and close() reach it
 * through the thread instead.
 */
export async function openEmbeddedDatabase(dataDir: string, options: EmbeddedOptions = {}): Promise<Database> {
  if (dataDir !== 'memory://') mkdirSync(dataDir, { recursive: true });
  const threadOptions: ThreadOptions = {
    dataDir,
    transactionIdleLimitMs: options.transactionIdleLimitMs ?? DEFAULT_TRANSACTION_IDLE_LIMIT_MS,
  };
  const entry = threadEntry('pglite-thread', new URL('./pglite/pglite-thread.ts', import.meta.url));
  if (dataDir !== 'memory://' && !existsSync(join(dataDir, 'PG_VERSION'))) await initialise(entry, threadOptions);
  const thread = await ThreadConnection.start(entry, threadOptions);
  const prisma = new PrismaClient({ adapter: new ThreadAdapterFactory(thread) });
  return {
    target: { kind: 'pglite', dataDir },
    prisma,
    sql: migratorConnection(thread),
    migrate: () => migrate(migratorConnection(thread), migrationsDir()),
    share: async () => ({ kind: 'pglite', port: await thread.attachPort() }),
    async close() {
      try {
        await prisma.$disconnect();
      } catch (err) {
        // A thread that already failed has nothing left to release.
        if (!thread.failure) throw err;
      } finally {
        await thread.close();
      }
    },
    get failure() {
      return thread.failure;
    },
  };
}
