import { isAbsolute, join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { projectRoot } from '~/project-root';
import { migrationsDir, type Database, type DatabaseShare, type DatabaseTarget } from './database';
import { openEmbeddedDatabase, type EmbeddedOptions } from './embedded';
import { PrismaClient } from './generated/client.ts';
import { migrate, type SqlConnection } from './migrate';

export type { PrismaClient };
export { Prisma } from './generated/client.ts';
export type { Database, DatabaseShare, DatabaseTarget, EmbeddedOptions };
export { openSharedDatabase, type SharedDatabase } from './shared';
export { migrationsDir };

export function databaseTarget(env: { DATABASE_URL?: string | undefined; PGLITE_DATA_DIR: string }): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: 'postgresql', url: env.DATABASE_URL };
  const dir = isAbsolute(env.PGLITE_DATA_DIR) ? env.PGLITE_DATA_DIR : join(projectRoot(), env.PGLITE_DATA_DIR);
  return { kind: 'pglite', dataDir: dir };
}

/**
 * Opens the database. PGlite runs inside this process (in a worker thread of its own,
 * see embedded.ts), so with the embedded default only one process may open it: the
 * web server (workers never touch the database).
 */
export async function openDatabase(target: DatabaseTarget, embedded: EmbeddedOptions = {}): Promise<Database> {
  if (target.kind === 'pglite') return openEmbeddedDatabase(target.dataDir, embedded);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) });
  const pool = new pg.Pool({ connectionString: target.url, max: 4 });
  // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
  pool.on('error', (err) => console.error('[db] idle PostgreSQL connection failed:', err.message));
  return {
    target,
    prisma,
    sql: {
      query: async (sql, params) => ({ rows: (await pool.query<Record<string, unknown>>(sql, params)).rows }),
      exec: (sql) => pool.query(sql),
    },
    migrate: () => withPgConnection(target.url, (db) => migrate(db, migrationsDir())),
    share: () => Promise.resolve({ kind: 'postgresql', url: target.url }),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
    failure: null,
  };
}

/** Runs `work` on one short-lived pg connection. */
export async function withPgConnection<T>(url: string, work: (db: SqlConnection) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work({
      query: async (sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as Record<string, unknown>[] }),
      exec: (sql: string) => client.query(sql),
    });
  } finally {
    await client.end();
  }
}
