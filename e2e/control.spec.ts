import { expect, test } from '@playwright/test';
import { giveProfile, LONG_RUN, renderedSeqs, signUp, startRun } from './support';

test.beforeEach(async ({ page }) => {
  await signUp(page);
  await giveProfile(page);
});

test('stop mid-run: asked to confirm, the run stops and says so', async ({ page }) => {
  await startRun(page, LONG_RUN);
  const log = page.getByRole('region', { name: 'Event log' });
  await expect(log.locator('[data-seq]').first()).toBeVisible();
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('button', { name: 'Yes, stop' }).click();
  await expect(page.getByRole('status').filter({ hasText: /stop/i }).first()).toBeVisible();
  await expect(page.locator('[data-run-status]')).toHaveAttribute('data-run-status', 'stopped', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();
});

test('pause holds the run, resume finishes it', async ({ page }) => {
  await startRun(page, { ...LONG_RUN, query: 'python' });
  const log = page.getByRole('region', { name: 'Event log' });
  await expect(log.locator('[data-seq]').first()).toBeVisible();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.locator('[data-run-status]')).toHaveAttribute('data-run-status', 'paused', { timeout: 30_000 });
  // Nothing moves while paused.
  const held = Math.max(...(await renderedSeqs(page)));
  await page.waitForTimeout(1500);
  expect(Math.max(...(await renderedSeqs(page)))).toBe(held);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.locator('[data-run-status]')).toHaveAttribute('data-run-status', 'completed', { timeout: 90_000 });
});
