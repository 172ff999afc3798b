import { expect, test } from '@playwright/test';
import { giveProfile, ONE_POSTING, screenshot, signUp, startRun } from './support';

test('every main page, captured at this project’s screen size', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  for (const [path, name, heading] of [
    ['/', 'home', 'jobstream'],
    ['/signin', 'signin', /sign in/i],
    ['/signup', 'signup', /sign up|create/i],
    ['/no-such-page', 'not-found', 'Page not found'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
    await screenshot(page, testInfo, name);
  }
  await signUp(page);
  await giveProfile(page);
  await screenshot(page, testInfo, 'dashboard');
  await page.goto('/profile');
  await expect(page.getByLabel('Full name')).toHaveValue(/Jordan/);
  await screenshot(page, testInfo, 'profile');
  await startRun(page, { ...ONE_POSTING, autoApply: true });
  await expect(page.getByRole('dialog')).toBeVisible({ timeout: 90_000 });
  await screenshot(page, testInfo, 'run-question');
  await page.keyboard.press('Escape');
  await page.goto('/inbox');
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  await screenshot(page, testInfo, 'inbox');
});
