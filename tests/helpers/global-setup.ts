import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './processes';

/**
 * The integration tests run the web server in production mode, which serves the
 * Next.js build; build it once if this checkout has none.
 */
export default function setup(): void {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('The tests start throwaway Redis servers: install redis-server (Redis ≥ 6.2) first.');
  }
  if (!existsSync(join(ROOT, '.next', 'BUILD_ID'))) {
    console.log('[tests] building the Next.js app once (npx next build)…');
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
}
