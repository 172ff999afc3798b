import { expect, test } from '@playwright/test';

test('the home page introduces the product and links to live health', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'jobstream' })).toBeVisible();
  await page.screenshot({ path: `e2e/screenshots/home-${testInfo.project.name}.png`, fullPage: true });
  await page.getByRole('link', { name: 'health' }).click();
  await expect(page.locator('body')).toContainText('"status":"ok"');
});
