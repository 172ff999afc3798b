import { expect, test } from '@playwright/test';
import { TEST_PROFILE, tinyPdf } from '../tests/helpers/applicant';
import { screenshot, signUp } from './support';

test.describe.configure({ mode: 'serial' });

test('sign up, set the profile, start a pipeline, answer the agents and see the application submitted', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signUp(page);

  // The profile, in its page.
  await page.goto('/profile');
  await page.getByLabel('Full name').fill(TEST_PROFILE.name);
  await page.getByLabel('First name').fill(TEST_PROFILE.firstName);
  await page.getByLabel('Last name').fill(TEST_PROFILE.lastName);
  await page.getByLabel('Email').fill(TEST_PROFILE.email);
  await page.getByLabel('Phone').fill(TEST_PROFILE.phone);
  await page.getByLabel('Location').fill(TEST_PROFILE.location);
  await page.getByLabel('LinkedIn URL').fill(TEST_PROFILE.linkedinUrl);
  await page.getByLabel('Current company').fill(TEST_PROFILE.currentCompany);
  await page.getByLabel('Resume text').fill(TEST_PROFILE.resumeText);
  await page.getByLabel('Resume (PDF)').setInputFiles({
    name: 'jordan-rivera-resume.pdf',
    mimeType: 'application/pdf',
    buffer: tinyPdf('Jordan Rivera - Senior Backend Engineer'),
  });
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Profile saved' })).toBeVisible();
  await expect(page.getByText('jordan-rivera-resume.pdf')).toBeVisible();

  // A pipeline, from the dashboard's form: one posting whose form asks one thing the profile cannot answer.
  await page.goto('/dashboard');
  await page.getByLabel('What job?').fill('Northwind Labs Senior Backend Engineer');
  await page.getByLabel('Location').fill('');
  await page.getByLabel('Minimum match score').fill('0');
  await page.getByLabel('Apply automatically').check();
  await page.getByRole('button', { name: 'Start pipeline' }).click();
  await expect(page).toHaveURL(/\/runs\/run_/);

  // Events arrive, in order.
  const log = page.getByRole('region', { name: 'Event log' });
  await expect(log.locator('[data-seq]').first()).toBeVisible();

  // The field question: "How did you hear about this job?", answered from the dialog.
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible({ timeout: 90_000 });
  await expect(dialog).toContainText('How did you hear about this job?');
  await dialog.getByRole('button', { name: 'LinkedIn' }).click();

  // The draft: the filled fields and the screenshot, approved.
  await expect(dialog).toContainText('Submit the application', { timeout: 60_000 });
  await expect(dialog.getByRole('img', { name: 'Filled application form' })).toBeVisible();
  await expect(dialog).toContainText(TEST_PROFILE.email);
  await screenshot(page, testInfo, 'draft-review');
  await dialog.getByRole('button', { name: 'approve' }).click();

  await expect(page.locator('[data-run-status]')).toHaveAttribute('data-run-status', 'completed', { timeout: 90_000 });
  const applications = page.getByRole('region', { name: 'Applications' });
  await expect(applications).toContainText(/submitted/i);
  await expect(applications).toContainText('Northwind Labs');
  await screenshot(page, testInfo, 'run-completed');
});
