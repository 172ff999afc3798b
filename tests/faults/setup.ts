import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { missingPrograms, findPrograms } from '../../scripts/cluster/prerequisites';
import { ROOT } from '../helpers/processes';
import { summarise, type FaultReport } from './fault-cluster';

const reportFile = join(ROOT, '.tmp', 'faults', 'report.jsonl');

/**
 * The fault suite runs the production bundles behind HAProxy: it says what is missing
 * instead of installing it, and builds the app once when this checkout has no build.
 */
export default function setup(): () => void {
  const missing = missingPrograms(findPrograms());
  if (missing.length > 0) throw new Error(`The fault suite runs a real cluster and needs:\n  ${missing.join('\n  ')}`);
  if (!existsSync(join(ROOT, '.next', 'BUILD_ID'))) {
    console.log('[faults] building the app once (npm run build)…');
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  } else {
    // The server and worker bundles take a second; rebuild them so they match the source.
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
  rmSync(reportFile, { force: true });
  return () => {
    if (!existsSync(reportFile)) return;
    const rows = readFileSync(reportFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as FaultReport);
    console.log(`\n[faults] summary\n${rows.map((r) => `  ${summarise(r)}`).join('\n')}\n`);
  };
}
