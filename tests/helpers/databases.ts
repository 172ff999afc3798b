import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '~/db';

/** The PostgreSQL server the tests may create databases on (trust auth on this machine). */
export const TEST_PG_URL = process.env.TEST_PG_URL ?? `postgresql://${userInfo().username}@127.0.0.1:5432/test`;

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface ThrowawayDatabase {
  target: DatabaseTarget;
  drop(): Promise<void>;
}

/** A fresh, empty PostgreSQL database, dropped afterwards. */
export async function freshPostgres(): Promise<ThrowawayDatabase> {
  const name = `jobstream_test_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgresql', url: url.toString() },
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A fresh PGlite folder, removed afterwards. */
export function freshPglite(): ThrowawayDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'jobstream-pglite-'));
  return {
    target: { kind: 'pglite', dataDir: dir },
    drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}
