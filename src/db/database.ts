import { join } from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { projectRoot } from '~/project-root';
import type { PrismaClient } from './generated/client.ts';
import type { MigrationResult, SqlConnection } from './migrate';

/** Where the database lives: PostgreSQL when DATABASE_URL is set, else PGlite in a folder. */
export type DatabaseTarget = { kind: 'postgresql'; url: string } | { kind: 'pglite'; dataDir: string };

/**
 * What another thread of this process needs to open the same database: PostgreSQL's URL,
 * or a port of its own to the embedded database's thread (move it with the message).
 */
export type DatabaseShare = { kind: 'postgresql'; url: string } | { kind: 'pglite'; port: MessagePort };

export interface Database {
  target: DatabaseTarget;
  prisma: PrismaClient;
  /**
   * Plain parameterised SQL beside Prisma, for values too big to go through Prisma's
   * query engine cheaply (a 5 MB resume costs it ~0.1 s of main-thread CPU per copy).
   */
  sql: SqlConnection;
  migrate(): Promise<MigrationResult>;
  /** Lets another thread of this process open this database (see openSharedDatabase). */
  share(): Promise<DatabaseShare>;
  close(): Promise<void>;
  /**
   * Why the database can no longer answer, or null while it can. Only the embedded
   * database fails this way (its thread stopped); PostgreSQL reports errors per query.
   */
  readonly failure: Error | null;
}

export const migrationsDir = () => join(projectRoot(), 'prisma', 'migrations');
