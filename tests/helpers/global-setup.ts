import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { TEST_PG_URL } from './databases';
import { killLeftovers, startTestRun } from './process-marks';
import { ROOT } from './processes';

/**
 * The integration tests run the web server in production mode, which serves the
 * Next.js build; build it once if this checkout has none. The teardown it returns fails
 * the run if any process the tests started is still alive (and kills it).
 */
export default async function setup(): Promise<() => Promise<void>> {
  const runId = startTestRun();
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('The tests start throwaway Redis servers: install redis-server (Redis ≥ 6.2) first.');
  }
  if (process.env.TEST_DATABASE !== 'pglite') {
    const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
    } catch (err) {
      throw new Error(
        `The tests create throwaway databases on PostgreSQL at ${TEST_PG_URL} and could not reach it ` +
          `(${(err as Error).message}). Start PostgreSQL, point TEST_PG_URL at one, or run \`npm run test:embedded\`.`,
        { cause: err },
      );
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  if (!existsSync(join(ROOT, '.next', 'BUILD_ID'))) {
    console.log('[tests] building the Next.js app once (npx next build)…');
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  return () => killLeftovers(runId);
}
