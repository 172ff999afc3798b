/**
 * `npm run db:migrate`: brings the database (DATABASE_URL, or the embedded PGlite
 * folder) up to the latest migration. Safe to run again; it applies only what is new.
 */
import { databaseTarget, openDatabase } from '../src/db';
import { env } from '../src/env';
import { redactUrl } from '../src/store/redis';

const target = databaseTarget(env());
const where = target.kind === 'postgresql' ? `PostgreSQL at ${redactUrl(target.url)}` : `PGlite in ${target.dataDir}`;
const db = await openDatabase(target);
try {
  const { applied, alreadyApplied } = await db.migrate();
  console.log(
    applied.length > 0
      ? `[db] ${where}: applied ${applied.join(', ')} (${alreadyApplied.length} already applied)`
      : `[db] ${where}: up to date (${alreadyApplied.length} migrations)`,
  );
} catch (err) {
  console.error(`[db] ${where}: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
