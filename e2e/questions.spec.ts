import { expect, test } from '@playwright/test';
import { call, giveProfile, ONE_POSTING, signUp } from './support';

test('a question answered with the keyboard in one tab disappears from the inbox in another', async ({ page, context }) => {
  test.setTimeout(120_000);
  await signUp(page);
  await giveProfile(page);
  const { runId } = await call<{ runId: string }>(page.request, 'pipeline.start', { ...ONE_POSTING, query: 'Blue Harbor Staff Data Engineer', autoApply: true });

  // Tab one: the inbox, waiting for the draft question.
  await page.goto('/inbox');
  const item = page.locator('li[data-hitl-id]');
  await expect(item).toHaveCount(1, { timeout: 90_000 });
  await expect(item.getByRole('timer')).toContainText(/Answer within/);

  // Tab two: the run page opens the dialog by itself; answered with the keyboard alone.
  const second = await context.newPage();
  await second.goto(`/runs/${runId}`);
  const dialog = second.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('img', { name: 'Filled application form' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'approve' })).toBeVisible();
  for (let i = 0; i < 6 && !(await dialog.getByRole('button', { name: 'approve' }).evaluate((b) => b === document.activeElement)); i++) {
    await second.keyboard.press('Tab');
  }
  await expect(dialog.getByRole('button', { name: 'approve' })).toBeFocused();
  await second.keyboard.press('Enter');
  await expect(second.locator('[data-run-status]')).toHaveAttribute('data-run-status', 'completed', { timeout: 60_000 });

  // Back in tab one, the question is gone.
  await expect(item).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByText(/No questions waiting/)).toBeVisible();
});
