import { expect, test } from '@playwright/test';
import { tinyPdf } from '../tests/helpers/applicant';
import { screenshot, signUp } from './support';

/** What the newcomer types, by what the dialog asks. */
const TYPED: [RegExp, string][] = [
  [/full name|"name"/i, 'Sam Newcomer'],
  [/email/i, 'sam.newcomer@example.com'],
  [/phone/i, '+1 503 555 0100'],
  [/location/i, 'Portland, OR'],
];

test('a newcomer starts auto-apply with an empty profile: told what is missing, asked each thing once (the resume as a file), and the application goes out', async ({ page }, testInfo) => {
  await signUp(page);

  // The start form says what the forms will ask for, before anything starts.
  await page.getByLabel('What job?').fill('Tessellate Senior Cloud Engineer');
  await page.getByLabel('Location').fill('');
  await page.getByLabel('Minimum match score').fill('0');
  await page.getByLabel('Apply automatically').check();
  const note = page.getByRole('note').filter({ hasText: 'Applications will ask for' });
  await expect(note).toContainText('your email');
  await expect(note).toContainText('a resume');
  await expect(note.getByRole('link', { name: 'Fill them in your profile' })).toHaveAttribute('href', '/profile');
  await screenshot(page, testInfo, 'newcomer-start');
  await page.getByRole('button', { name: 'Start pipeline' }).click();
  await expect(page).toHaveURL(/\/runs\/run_/);

  const dialog = page.getByRole('dialog');
  // The resume, as a file, kept in the profile.
  await expect(dialog).toContainText('needs your resume (PDF)', { timeout: 90_000 });
  await expect(dialog.getByRole('checkbox', { name: /profile’s resume/ })).toBeChecked();
  await dialog.getByLabel('The file (PDF, at most 5 MB)').setInputFiles({
    name: 'sam-newcomer.pdf',
    mimeType: 'application/pdf',
    buffer: tinyPdf('Sam Newcomer - Backend Engineer'),
  });
  await screenshot(page, testInfo, 'newcomer-file-question');
  await dialog.getByRole('button', { name: 'Upload and send' }).click();

  // Then each missing field, once, kept in the profile; then the draft.
  for (let asked = 0; asked < 6; asked++) {
    await expect(dialog).toBeVisible({ timeout: 60_000 });
    const heading = (await dialog.getByRole('heading').first().innerText()).trim();
    if (/^Submit the application/.test(heading)) break;
    await expect(dialog.getByRole('checkbox', { name: /Save to my profile|Remember this answer/ })).toBeChecked();
    const typed = TYPED.find(([pattern]) => pattern.test(heading))?.[1] ?? 'Yes';
    await dialog.getByLabel('Your answer').fill(typed);
    await dialog.getByRole('button', { name: 'Send answer' }).click();
    await expect(dialog.getByRole('heading').first()).not.toHaveText(heading, { timeout: 60_000 });
  }
  await expect(dialog).toContainText('Submit the application', { timeout: 60_000 });
  await expect(dialog).toContainText('sam.newcomer@example.com');
  await dialog.getByRole('button', { name: 'approve' }).click();

  await expect(page.locator('[data-run-status]')).toHaveAttribute('data-run-status', 'completed', { timeout: 90_000 });
  await expect(page.getByRole('region', { name: 'Applications' })).toContainText(/submitted/i);
  // Never an internal error on the page.
  await expect(page.locator('body')).not.toContainText(/locator\.|TypeError|Error:/);

  // The profile kept what was answered.
  await page.goto('/profile');
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue('sam.newcomer@example.com');
  await expect(page.getByText('sam-newcomer.pdf')).toBeVisible();
});
