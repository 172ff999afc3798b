import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What the migrator needs from a connection: pg's Client and PGlite both fit. */
export interface SqlConnection {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** Runs a script of several statements. */
  exec(sql: string): Promise<unknown>;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

/**
 * Applies prisma/migrations in order and records them in Prisma's own
 * `_prisma_migrations` table, with Prisma's checksum, so that `prisma migrate deploy`
 * on a machine that has the schema engine sees the same history, and this works
 * where it cannot be downloaded. Each migration runs in a transaction under
 * Prisma's advisory lock, so concurrent start-ups migrate once.
 */
export async function migrate(db: SqlConnection, migrationsDir: string): Promise<MigrationResult> {
  await db.exec(`
    CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
  await db.query('SELECT pg_advisory_lock(72707369)');
  try {
    const done = await appliedMigrations(db);
    const result: MigrationResult = { applied: [], alreadyApplied: [] };
    for (const { name, sql } of await readMigrations(migrationsDir)) {
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = done.get(name);
      if (previous !== undefined) {
        if (previous !== checksum) {
          throw new Error(`Migration ${name} was changed after it was applied; add a new migration instead.`);
        }
        result.alreadyApplied.push(name);
        continue;
      }
      await applyOne(db, name, sql, checksum);
      result.applied.push(name);
    }
    return result;
  } finally {
    await db.query('SELECT pg_advisory_unlock(72707369)');
  }
}

async function appliedMigrations(db: SqlConnection): Promise<Map<string, string>> {
  const { rows } = await db.query(
    'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  return new Map(rows.map((r) => [String(r.migration_name), String(r.checksum)]));
}

async function readMigrations(dir: string): Promise<{ name: string; sql: string }[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(join(dir, name, 'migration.sql'), 'utf8') })));
}

async function applyOne(db: SqlConnection, name: string, sql: string, checksum: string): Promise<void> {
  await db.exec('BEGIN');
  try {
    await db.exec(sql);
    await db.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
       VALUES ($1, $2, now(), $3, 1)`,
      [randomUUID(), checksum, name],
    );
    await db.exec('COMMIT');
  } catch (err) {
    await db.exec('ROLLBACK');
    throw new Error(`Migration ${name} failed and was rolled back: ${(err as Error).message}`, { cause: err });
  }
}
