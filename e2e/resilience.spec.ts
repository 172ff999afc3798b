import { expect, test, type Page } from '@playwright/test';
import { call, giveProfile, LONG_RUN, renderedSeqs, signUp, startRun } from './support';

test.beforeEach(async ({ page }) => {
  await signUp(page);
  await giveProfile(page);
});

/** Once the run has ended: the log holds every event exactly once, 1…lastSeq, as the server has them. */
async function expectWholeHistory(page: Page, runId: string): Promise<void> {
  await expect(page.locator('[data-run-status]')).toHaveAttribute('data-run-status', /completed|stopped|failed/, { timeout: 120_000 });
  const { lastSeq } = await call<{ lastSeq: number }>(page.request, 'pipeline.get', { runId }, 'query');
  const log = page.getByRole('region', { name: 'Event log' });
  await expect(log).toHaveAttribute('data-event-count', String(lastSeq));
  await expect(log).toHaveAttribute('data-last-seq', String(lastSeq));
  const seqs = await renderedSeqs(page);
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(seqs.every((s, i) => i === 0 || s === seqs[i - 1]! + 1)).toBe(true);
}

test('a reload mid-run catches up with no duplicated or missing events', async ({ page }) => {
  const runId = await startRun(page, LONG_RUN);
  const log = page.getByRole('region', { name: 'Event log' });
  await expect.poll(async () => Number(await log.getAttribute('data-event-count')), { timeout: 30_000 }).toBeGreaterThan(50);
  await page.reload();
  await expect(log.locator('[data-seq]').first()).toBeVisible();
  await expectWholeHistory(page, runId);
});

test('offline and back: the page says so, then catches up', async ({ page, context }) => {
  const runId = await startRun(page, LONG_RUN);
  const log = page.getByRole('region', { name: 'Event log' });
  await expect.poll(async () => Number(await log.getAttribute('data-event-count')), { timeout: 30_000 }).toBeGreaterThan(20);
  await context.setOffline(true);
  await expect(page.locator('[data-connection]')).toHaveAttribute('data-connection', 'offline');
  await page.waitForTimeout(2000);
  await context.setOffline(false);
  await expect(page.locator('[data-connection]')).toHaveAttribute('data-connection', 'connected', { timeout: 30_000 });
  await expectWholeHistory(page, runId);
});
