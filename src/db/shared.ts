import { PrismaPg } from '@prisma/adapter-pg';
import type { DatabaseShare } from './database';
import { PrismaClient } from './generated/client.ts';
import { ThreadAdapterFactory } from './pglite/thread-adapter';
import { ThreadConnection } from './pglite/thread-connection';

/** Another thread's Prisma client on the process's database. */
export interface SharedDatabase {
  prisma: PrismaClient;
  /** Closes this thread's connection; the database itself stays open for the process. */
  close(): Promise<void>;
}

/**
 * Opens, in this thread, the database another thread shared (Database.share()): its own
 * pool to PostgreSQL, or its own port to the embedded database's thread. Prisma runs its
 * query compiler on the thread that calls it, so work moved here costs the sharing
 * thread nothing.
 */
export async function openSharedDatabase(share: DatabaseShare): Promise<SharedDatabase> {
  if (share.kind === 'postgresql') {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: share.url, max: 2 }) });
    return { prisma, close: () => prisma.$disconnect() };
  }
  const connection = await ThreadConnection.overPort(share.port);
  const prisma = new PrismaClient({ adapter: new ThreadAdapterFactory(connection) });
  return {
    prisma,
    // Prisma's $disconnect would dispose of the thread's one adapter, which the
    // process's other users still need: closing this port is all there is to release.
    close: () => connection.close(),
  };
}
