import { mkdirSync } from 'node:fs';
import type { Database } from './database';
import { migrationsDir } from './database';
import { PrismaClient } from './generated/client.ts';
import { migrate, type SqlConnection } from './migrate';
import type { ThreadOptions } from './pglite/protocol';
import { ThreadAdapterFactory } from './pglite/thread-adapter';
import { ThreadConnection } from './pglite/thread-connection';
import { threadEntry } from '~/thread-entry';

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
  const thread = await ThreadConnection.start(threadEntry('pglite-thread', new URL('./pglite/pglite-thread.ts', import.meta.url)), threadOptions);
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
