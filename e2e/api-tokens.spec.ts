import { expect, test } from '@playwright/test';
import { signUp } from './support';

test('an API token is created on the profile page, shown once, listed by its prefix and revoked', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signUp(page);
  await page.goto('/profile');
  const section = page.getByRole('region', { name: 'API tokens' });
  // A newcomer is told what a token is for before making one.
  await expect(section).toContainText('lets an AG-UI client such as CopilotKit start and watch your runs through POST /api/agui', {
    timeout: 30_000,
  });

  await section.getByLabel('New token’s name').fill('CopilotKit on my laptop');
  await section.getByRole('button', { name: 'Create token' }).click();
  const field = section.getByRole('textbox', { name: 'Your new token “CopilotKit on my laptop”' });
  await expect(field).toHaveValue(/^jst_[A-Za-z0-9_-]{43}$/);
  await expect(field).toHaveAccessibleDescription(/it will not be shown again/);
  const token = await field.inputValue();
  const shown = `jst_${token.slice(4, 12)}…`;

  await section.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(section.getByRole('status').filter({ hasText: /Copied|selected/ })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  await section.getByRole('button', { name: 'I have copied it' }).click();
  await expect(field).toHaveCount(0);
  const list = section.getByRole('list', { name: 'Your API tokens' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('CopilotKit on my laptop');
  await expect(list).toContainText(shown);
  await expect(list).toContainText('Last used never');
  expect(await page.content()).not.toContain(token);

  await page.reload();
  await expect(list).toContainText(shown, { timeout: 30_000 });
  expect(await page.content()).not.toContain(token);

  // Revoking takes a second, deliberate click; Cancel keeps it.
  await list.getByRole('button', { name: 'Revoke “CopilotKit on my laptop”' }).click();
  await expect(list.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await list.getByRole('button', { name: 'Cancel' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByRole('button', { name: 'Revoke “CopilotKit on my laptop”' }).click();
  await list.getByRole('button', { name: 'Yes, revoke' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Revoked “CopilotKit on my laptop”' })).toBeVisible();
  await expect(section).toContainText('You have no API tokens.');

  await page.reload();
  await expect(section).toContainText('You have no API tokens.', { timeout: 30_000 });
  await expect(section).not.toContainText(shown);
});
