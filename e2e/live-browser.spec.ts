import { expect, test } from '@playwright/test';
import { giveProfile, ONE_POSTING, screenshot, signUp, startRun } from './support';

test('the live browser view shows the applier’s page, frame after frame', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signUp(page);
  await giveProfile(page);
  await startRun(page, { ...ONE_POSTING, autoApply: true });
  const view = page.getByRole('region', { name: 'Live browser' });
  const frame = view.getByRole('img', { name: "Live view of the applier's browser" });
  await expect(frame).toBeVisible({ timeout: 90_000 });
  const first = Number(await frame.getAttribute('data-frame'));
  await page.waitForTimeout(2000);
  const later = Number(await frame.getAttribute('data-frame'));
  expect(later - first).toBeGreaterThanOrEqual(5); // about 5 a second
  expect(await frame.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
  await screenshot(page, testInfo, 'live-browser');
  await page.keyboard.press('Escape'); // the draft question's dialog, left for the agent's default
});
