import { expect, test } from '@playwright/test';
import { screenshot, signUp } from './support';

test.describe.configure({ mode: 'serial' });

/** "$152,000", as the page writes US dollars. */
const usd = (amount: number) => `$${amount.toLocaleString('en-US')}`;

test('a newcomer practises negotiating an offer from a search: opening offer, an argued ask, a reply, accepting, and the debrief', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await signUp(page);

  // A search that only finds and scores: nothing in the profile, nothing applied to.
  await page.getByLabel('What job?').fill('Northwind Labs Senior Backend Engineer');
  await page.getByLabel('Location').fill('');
  await page.getByLabel('Minimum match score').fill('0');
  await page.getByRole('button', { name: 'Start pipeline' }).click();
  await expect(page).toHaveURL(/\/runs\/run_/, { timeout: 60_000 });

  // The job card links to the negotiate page with the job filled in.
  const card = page.getByRole('region', { name: 'Jobs found' }).locator('li[data-job-url]').filter({ hasText: 'Northwind Labs' }).first();
  const practise = card.getByRole('link', { name: /^Practise negotiating this offer/ });
  await expect(practise).toBeVisible({ timeout: 90_000 });
  const title = (await card.getByRole('heading').innerText()).trim();
  const jobUrl = (await card.getAttribute('data-job-url')) ?? '';
  await practise.click();
  await expect(page).toHaveURL(/\/negotiate\?/, { timeout: 60_000 });

  const form = page.getByRole('region', { name: 'Practise a salary negotiation' });
  await expect(form.getByLabel('Role')).toHaveValue(title);
  await expect(form.getByLabel('Company')).toHaveValue('Northwind Labs');
  await expect(form.getByLabel('Posting link (optional)')).toHaveValue(jobUrl);
  await expect(form.getByLabel('Currency')).toHaveValue('USD');
  // The target is the user's to say: without it the form says so under the field.
  await form.getByRole('button', { name: 'Start the negotiation' }).click();
  await expect(form.getByRole('alert')).toContainText('Enter your target');
  await expect(form.getByLabel('Target salary (a year)')).toBeFocused();
  await form.getByLabel('Target salary (a year)').fill('185000');
  await form.getByRole('button', { name: 'Start the negotiation' }).click();
  await expect(page).toHaveURL(/\/runs\/run_/, { timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${title} at Northwind Labs`);

  // The recruiter opens with an offer, and the turn is the user's: the countdown runs and the message box has the keyboard.
  const offer = page.locator('[data-current-offer]');
  await expect(offer).toHaveAttribute('data-current-offer', /^\d+$/, { timeout: 90_000 });
  const opening = Number(await offer.getAttribute('data-current-offer'));
  const conversation = page.getByRole('region', { name: 'Conversation' });
  const replies = conversation.locator('li[data-from="persona"][data-message-id]');
  await expect(replies.first()).toContainText(usd(opening));
  await expect(page.getByRole('timer')).toContainText(/Time left for your turn: \d\d:\d\d/, { timeout: 30_000 });
  const message = page.getByLabel('Your message');
  await expect(message).toBeFocused();

  // A higher ask with market data behind it, sent with Ctrl+Enter. The persona is seeded at random,
  // so it may concede, meet the ask (and close) or hold: every path is followed below.
  const ask = Math.ceil((opening * 1.12) / 1000) * 1000;
  await page.getByLabel(/^Your ask/).fill(String(ask));
  await message.fill(
    `Thank you for the offer. Market data for this role puts the median above it, and I have led a team that shipped a build system used by 4,000 teams, so I am asking for ${ask}.`,
  );
  await message.press('Control+Enter');
  const yours = conversation.locator('li[data-from="you"][data-message-id]');
  await expect(yours).toHaveCount(1, { timeout: 60_000 });
  await expect(yours.first()).toContainText(usd(ask));

  const debrief = page.getByRole('region', { name: 'Debrief' });
  await expect(replies.nth(1).or(debrief).first()).toBeVisible({ timeout: 60_000 });
  // The next round opens (the countdown), unless that reply closed the negotiation (the debrief).
  await expect(page.getByRole('timer').or(debrief).first()).toBeVisible({ timeout: 30_000 });
  if (!(await debrief.isVisible())) {
    await expect(message).toBeFocused();
    await message.fill('I accept your offer');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
  }

  await expect(debrief).toBeVisible({ timeout: 60_000 });
  await expect(debrief).toHaveAttribute('data-outcome', 'accepted');
  await expect(debrief.getByText('First offer', { exact: true })).toBeVisible();
  await expect(debrief).toContainText(usd(opening));
  await expect(debrief.getByText('Final offer', { exact: true })).toBeVisible();
  const final = Number(await offer.getAttribute('data-current-offer'));
  expect(final).toBeGreaterThanOrEqual(opening);
  await expect(debrief).toContainText(usd(final));
  await expect(page.locator('[data-run-status]').first()).toHaveAttribute('data-run-status', 'completed', { timeout: 30_000 });
  // The turn box is gone with the negotiation, and the live region has said how it ended.
  await expect(page.getByLabel('Your message')).toHaveCount(0);
  await expect(page.locator('[data-reply-announcer]')).toContainText('The negotiation is over');
  // Never an internal error on the page.
  await expect(page.locator('body')).not.toContainText(/locator\.|TypeError|Error:/);
  await screenshot(page, testInfo, 'negotiation-debrief');
});

test('pay research from the negotiate page: the research page shows the percentiles or says there is not enough data', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  // Signed out, the page sends to sign in and keeps the whole address to come back to.
  await page.goto('/negotiate?role=Data%20Engineer');
  await expect(page).toHaveURL(/\/signin\?next=%2Fnegotiate%3Frole%3DData/, { timeout: 30_000 });

  await signUp(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Negotiate' }).click();
  await expect(page).toHaveURL(/\/negotiate$/, { timeout: 60_000 });
  const form = page.getByRole('region', { name: 'Research pay for a role' });
  // The schema's own words, under the field.
  await form.getByRole('button', { name: 'Research pay' }).click();
  await expect(form.getByRole('alert')).toContainText('Say which role');
  await form.getByLabel('Role').fill('Senior Backend Engineer');
  await form.getByLabel('Seniority (optional)').selectOption('senior');
  await form.getByRole('button', { name: 'Research pay' }).click();
  await expect(page).toHaveURL(/\/runs\/run_/, { timeout: 60_000 });

  const panel = page.getByRole('region', { name: 'Market pay' });
  await expect(panel).toHaveAttribute('data-research-result', /^(enough|not-enough)$/, { timeout: 90_000 });
  if ((await panel.getAttribute('data-research-result')) === 'enough') {
    await expect(panel.locator('[data-percentiles]')).toContainText('Median');
    await expect(panel.locator('[data-percentiles]')).toContainText('25th percentile');
    await expect(panel.getByRole('img', { name: /^Pay range chart/ })).toBeVisible();
  } else {
    await expect(panel).toContainText('Not enough data');
    await expect(panel).toContainText('To find more');
  }
  await expect(page.locator('[data-run-status]').first()).toHaveAttribute('data-run-status', 'completed', { timeout: 30_000 });
  await screenshot(page, testInfo, 'salary-research');
});
