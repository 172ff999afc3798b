import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterPidDir } from '../../scripts/cluster/cluster';
import { killLeftovers } from '../../scripts/cluster/member';
import { missingPrograms, findPrograms } from '../../scripts/cluster/prerequisites';
import { ROOT } from '../helpers/processes';
import { FAULT_DIR_PREFIX, summarise, type FaultReport } from './fault-cluster';

const reportFile = join(ROOT, '.tmp', 'faults', 'report.jsonl');

/** Kills the members of every fault cluster whose test file did not stop it (an interrupted run); returns their names. */
function stopLeftoverClusters(): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(tmpdir())) {
    if (!entry.startsWith(FAULT_DIR_PREFIX)) continue;
    const dataDir = join(tmpdir(), entry);
    found.push(...killLeftovers(clusterPidDir(dataDir)).map((name) => `${name} (${dataDir})`));
    if (!process.env.KEEP_FAULT_DATA) rmSync(dataDir, { recursive: true, force: true });
  }
  return found;
}

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
  const stale = stopLeftoverClusters();
  if (stale.length > 0) console.warn(`[faults] stopped what an earlier, interrupted run left behind: ${stale.join(', ')}`);
  return () => {
    // Each file stops its own cluster; anything still running here was left behind.
    const left = stopLeftoverClusters();
    if (left.length > 0) throw new Error(`the fault suite left processes running (now stopped): ${left.join(', ')}`);
    if (!existsSync(reportFile)) return;
    const rows = readFileSync(reportFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as FaultReport);
    console.log(`\n[faults] summary\n${rows.map((r) => `  ${summarise(r)}`).join('\n')}\n`);
  };
}
