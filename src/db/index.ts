import { mkdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { projectRoot } from '~/project-root';
import { PrismaClient } from './generated/client.ts';
import { migrate, type MigrationResult, type SqlConnection } from './migrate';

export type { PrismaClient };
export { Prisma } from './generated/client.ts';

/** Where the database lives: PostgreSQL when DATABASE_URL is set, else PGlite in a folder. */
export type DatabaseTarget = { kind: 'postgresql'; url: string } | { kind: 'pglite'; dataDir: string };

export function databaseTarget(env: { DATABASE_URL?: string | undefined; PGLITE_DATA_DIR: string }): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: 'postgresql', url: env.DATABASE_URL };
  const dir = isAbsolute(env.PGLITE_DATA_DIR) ? env.PGLITE_DATA_DIR : join(projectRoot(), env.PGLITE_DATA_DIR);
  return { kind: 'pglite', dataDir: dir };
}

export interface Database {
  target: DatabaseTarget;
  prisma: PrismaClient;
  migrate(): Promise<MigrationResult>;
  close(): Promise<void>;
}

export const migrationsDir = () => join(projectRoot(), 'prisma', 'migrations');

/**
 * Opens the database. PGlite runs inside this process, so with the embedded default
 * only one process may open it: the web server (workers never touch the database).
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'pglite') {
    if (target.dataDir !== 'memory://') mkdirSync(target.dataDir, { recursive: true });
    const lite = await PGlite.create(target.dataDir);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
    return {
      target,
      prisma,
      migrate: () => migrate(lite, migrationsDir()),
      async close() {
        await prisma.$disconnect();
        await lite.close();
      },
    };
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) });
  return {
    target,
    prisma,
    migrate: () => withPgConnection(target.url, (db) => migrate(db, migrationsDir())),
    close: () => prisma.$disconnect(),
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
