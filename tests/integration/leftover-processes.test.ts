import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LeakReport } from '../fixtures/leaks/report';
import { findMarked, isRunning } from '../helpers/process-marks';
import { launch, ROOT } from '../helpers/processes';

const scratch = mkdtempSync(join(tmpdir(), 'jobstream-leaks-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs one fixture file in a `vitest run` of its own, as `npm test` would run a test file. */
async function runFixture(name: string): Promise<{ code: number | null; output: string; report: LeakReport }> {
  const reportFile = join(scratch, `${name}.json`);
  const vitest = launch(
    'vitest',
    process.execPath,
    [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'tests/fixtures/leaks/vitest.config.ts', `tests/fixtures/leaks/${name}.fixture.ts`],
    // The embedded database: the stack needs no PostgreSQL database, so none is left behind either.
    { LEAK_FIXTURE_REPORT: reportFile, TEST_DATABASE: 'pglite', NO_COLOR: '1' },
  );
  const code = await new Promise<number | null>((resolve) => {
    if (vitest.child.exitCode !== null) resolve(vitest.child.exitCode);
    else vitest.child.once('exit', (c) => resolve(c));
  });
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as LeakReport;
  for (const dir of report.dirs) rmSync(dir, { recursive: true, force: true });
  return { code, output: vitest.output(), report };
}

describe('processes the tests start do not outlive the run', () => {
  it('a test file that fails with its stack running: the stack dies with its test worker', async () => {
    const { code, output, report } = await runFixture('stack-left-running');
    expect(output).toMatch(/deliberate failure/);
    expect(code).toBe(1);
    expect(report.pids.length).toBeGreaterThanOrEqual(2); // a redis-server and a worker
    expect(report.pids.filter(isRunning)).toEqual([]);
    expect(findMarked(report.runId)).toEqual([]);
    // Cleaned up before the end-of-run check, which therefore has nothing to report.
    expect(output).not.toMatch(/still running after the run/);
  }, 180_000);

  it('a test worker killed outright: the end-of-run check kills what it left and fails the run, naming it', async () => {
    const { code, output, report } = await runFixture('worker-killed');
    expect(report.pids).toHaveLength(1);
    expect(output).toMatch(/1 process\(es\) started by the tests were still running after the run; killed them now:\n\s+pid \d+: redis-server/);
    expect(code).not.toBe(0);
    expect(report.pids.filter(isRunning)).toEqual([]);
    expect(findMarked(report.runId)).toEqual([]);
  }, 180_000);
});
