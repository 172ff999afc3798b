import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { screenshot, signUp } from './support';

test.describe.configure({ mode: 'serial' });

/** Answers that read like a person's: a story with numbers, and a short technical one. */
const ANSWERS = [
  'In my last role our checkout API timed out under load. I owned the fix before a big sale: I profiled the service, moved the hot queries behind a Redis cache and added connection pooling in PostgreSQL. p99 latency fell from 1.2 s to 180 ms and errors dropped by 95%.',
  'I would start from the requirements, sketch the data model and the API, then load-test the riskiest part first. On my last team this approach cut a migration from six weeks to three, with zero downtime.',
];

/** The page at a phone's width too: the flows run on desktop, but the new pages must fit a phone. */
async function narrowScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 412, height: 915 });
  await screenshot(page, testInfo, `${name}-narrow`);
  if (size) await page.setViewportSize(size);
}

/** Never an internal error on the page. */
async function noInternalErrors(page: Page): Promise<void> {
  await expect(page.locator('body')).not.toContainText(/locator\.|TypeError|Error:/);
}

test('a newcomer rehearses the interview for a job found by a search: two questions, feedback on each, the summary', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await signUp(page);

  // A search that only finds and scores: nothing in the profile, nothing applied to.
  await page.getByLabel('What job?').fill('Northwind Labs Senior Backend Engineer');
  await page.getByLabel('Location').fill('');
  await page.getByLabel('Minimum match score').fill('0');
  await page.getByRole('button', { name: 'Start pipeline' }).click();
  await expect(page).toHaveURL(/\/runs\/run_/, { timeout: 60_000 });

  // The job card links to the interview page with the job filled in.
  const card = page.getByRole('region', { name: 'Jobs found' }).locator('li[data-job-url]').filter({ hasText: 'Northwind Labs' }).first();
  const rehearse = card.getByRole('link', { name: /^Rehearse the interview/ });
  await expect(rehearse).toBeVisible({ timeout: 90_000 });
  await expect(card.getByRole('link', { name: /^Find contacts/ })).toBeVisible();
  await expect(card.getByRole('link', { name: /^Practise negotiating this offer/ })).toBeVisible();
  const title = (await card.getByRole('heading').innerText()).trim();
  const jobUrl = (await card.getAttribute('data-job-url')) ?? '';
  await card.scrollIntoViewIfNeeded();
  await narrowScreenshot(page, testInfo, 'job-card-session-links');
  await rehearse.click();
  await expect(page).toHaveURL(/\/interview\?/, { timeout: 60_000 });

  const form = page.getByRole('region', { name: 'Rehearse an interview' });
  await expect(form.getByLabel('Role')).toHaveValue(title);
  await expect(form.getByLabel('Posting link')).toHaveValue(jobUrl);
  await form.getByLabel('Number of questions').fill('2');
  await screenshot(page, testInfo, 'interview-start');
  await form.getByRole('button', { name: 'Start the interview' }).click();
  await expect(page).toHaveURL(/\/runs\/run_/, { timeout: 60_000 });
  await expect(page.getByText('Interview practice', { exact: true })).toBeVisible();
  // The employer comes from the posting itself, not from the address it is served at.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('at Northwind Labs', { timeout: 60_000 });

  const answer = page.getByLabel('Your answer', { exact: true });
  for (const [i, words] of ANSWERS.entries()) {
    const n = i + 1;
    // The question opens with its timer, and the keyboard goes to the answer box.
    const question = page.locator(`[data-question="${n}"]`);
    await expect(question).toBeVisible({ timeout: 90_000 });
    await expect(question).toContainText(`Question ${n} of 2`);
    await expect(page.getByRole('timer')).toContainText(/Time left for this question: \d\d:\d\d/, { timeout: 30_000 });
    await expect(answer).toBeFocused();
    await answer.fill(words);
    // The first answer goes with Ctrl+Enter, the second with the button.
    if (n === 1) await answer.press('Control+Enter');
    else await page.getByRole('button', { name: 'Send answer' }).click();

    // Feedback on this answer: a score and the four criteria, each with its note.
    const feedback = page.getByRole('region', { name: `Feedback on question ${n}` });
    await expect(feedback).toBeVisible({ timeout: 60_000 });
    await expect(feedback.locator('[data-score]')).toHaveAttribute('data-score', /^\d+$/);
    for (const criterion of ['Structure', 'Specificity', 'Relevance', 'Length']) {
      await expect(feedback.getByRole('term').filter({ hasText: criterion })).toBeVisible();
    }
    await expect(page.locator('[data-reply-announcer]')).toContainText(new RegExp(`Feedback on question ${n}|The interview is over`));
  }

  // The summary: the average and what to work on; the first answer is among the past questions.
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary).toBeVisible({ timeout: 60_000 });
  await expect(summary).toContainText(/Average score\s*\d+\/100/);
  await expect(summary).toContainText('2 of 2');
  await expect(summary.getByRole('heading', { name: 'What to work on' })).toBeVisible();
  await expect(summary.getByRole('listitem').or(summary.getByText('Nothing stood out')).first()).toBeVisible();
  const past = page.getByRole('region', { name: 'Past questions' });
  await past.locator('[data-past-question="1"] summary').click();
  await expect(past.locator('[data-past-question="1"]')).toContainText('p99 latency fell');
  await expect(page.locator('[data-run-status]').first()).toHaveAttribute('data-run-status', 'completed', { timeout: 30_000 });
  await expect(answer).toHaveCount(0);
  await expect(page.locator('[data-reply-announcer]')).toContainText('The interview is over');
  await noInternalErrors(page);
  await screenshot(page, testInfo, 'interview-summary');
  await narrowScreenshot(page, testInfo, 'interview-summary');
});

test('the career chat: a newcomer with an empty resume asks what they are missing and sees every skill as a gap', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  // Signed out, the page sends to sign in and keeps the address to come back to.
  await page.goto('/career');
  await expect(page).toHaveURL(/\/signin\?next=%2Fcareer/, { timeout: 30_000 });
  await signUp(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Career' }).click();
  await expect(page).toHaveURL(/\/career$/, { timeout: 60_000 });

  const start = page.getByRole('region', { name: 'Start a conversation' });
  await expect(start.getByRole('group', { name: 'Suggested first questions' }).getByRole('button')).toHaveCount(5);
  // An empty message is refused where it was typed.
  await start.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(start.getByRole('alert').first()).toBeVisible();
  await start.getByLabel('Your message').fill('What am I missing for Senior Backend Engineer?');
  await screenshot(page, testInfo, 'career-start');
  await start.getByLabel('Your message').press('Control+Enter');
  await expect(page).toHaveURL(/\/runs\/run_/, { timeout: 60_000 });

  // The reply, with what it was built from, and the skill-gaps table beside it.
  const conversation = page.getByRole('region', { name: 'Conversation' });
  const reply = conversation.locator('li[data-from="agent"][data-message-id]').first();
  await expect(reply).toBeVisible({ timeout: 90_000 });
  await expect(reply).toHaveAttribute('data-intent', 'skill_gaps');
  await expect(reply).toContainText('Built from:');
  await expect(conversation.locator('li[data-from="you"]').first()).toContainText('What am I missing for Senior Backend Engineer?');
  const gaps = page.getByRole('region', { name: /^Skill gaps for/ });
  await expect(gaps).toBeVisible();
  const rows = gaps.getByRole('table').locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  await expect(rows.first()).toContainText(/\d+%/);
  // With nothing in the resume, every skill asked for is a gap: none is had.
  await expect(gaps).toContainText('Skills you have:');
  await expect(gaps.getByRole('list', { name: 'Skills you have' })).toHaveCount(0);
  await expect(gaps).toContainText(/Skills you have:\s*none/);
  await expect(page.locator('[data-reply-announcer]')).toContainText('Career coach:');

  // The next message is the user's: the box has the keyboard, suggestions are offered.
  const message = page.getByLabel('Your message', { exact: true });
  await expect(message).toBeFocused({ timeout: 30_000 });
  await expect(page.getByRole('group', { name: 'Suggested questions' }).getByRole('button').first()).toBeVisible();
  await noInternalErrors(page);
  await screenshot(page, testInfo, 'career-chat-skill-gaps');
  await narrowScreenshot(page, testInfo, 'career-chat-skill-gaps');

  await page.getByRole('button', { name: 'End conversation' }).click();
  await expect(page.locator('[data-run-status]').first()).toHaveAttribute('data-run-status', 'stopped', { timeout: 30_000 });
  await expect(message).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Start a new one' })).toBeVisible();
});

test('contacts at a sandbox company: ranked people, a note approved in the question dialog, ready to copy', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await signUp(page);
  await page.goto('/network?company=Northwind%20Labs&role=Senior%20Backend%20Engineer');
  const form = page.getByRole('region', { name: 'Find people to contact' });
  await expect(form.getByLabel('Company')).toHaveValue('Northwind Labs');
  await expect(form.getByLabel('Role (optional)')).toHaveValue('Senior Backend Engineer');
  await narrowScreenshot(page, testInfo, 'network-start');
  await form.getByRole('button', { name: 'Find contacts' }).click();
  await expect(page).toHaveURL(/\/runs\/run_/, { timeout: 60_000 });

  // The people, ranked: recruiters first, each with a public profile opening in a new tab.
  const contacts = page.getByRole('list', { name: 'Contacts, best first' }).locator('li[data-contact]');
  await expect(contacts.first()).toBeVisible({ timeout: 90_000 });
  await expect(contacts.first()).toHaveAttribute('data-relation', 'recruiter');
  const profile = contacts.first().getByRole('link', { name: /^Public profile/ });
  await expect(profile).toHaveAttribute('target', '_blank');

  // Each top person's note comes as a question: the first approved, the rest skipped.
  const dialog = page.getByRole('dialog');
  const notes = page.getByRole('region', { name: 'Your notes' });
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  await expect(dialog).toContainText('Nothing is sent');
  const approved = (await contacts.first().getAttribute('data-contact')) ?? '';
  await dialog.getByRole('button', { name: 'approve' }).click();
  for (let i = 0; i < 10; i++) {
    await expect(dialog.or(notes).first()).toBeVisible({ timeout: 60_000 });
    if (await notes.isVisible()) break;
    // The dialog may be on its way out with the last answer: only a live question is skipped.
    const skip = dialog.getByRole('button', { name: 'skip' });
    if (await skip.isVisible()) await skip.click().catch(() => undefined);
    await page.waitForTimeout(300);
  }

  await expect(notes).toBeVisible({ timeout: 60_000 });
  await expect(notes).toContainText('Nothing is sent: copy a note and send it yourself.');
  const kept = notes.locator('li[data-note-status="approved"]');
  await expect(kept).toHaveCount(1);
  await expect(kept).toHaveAttribute('data-note-for', approved);
  await expect(kept.locator('[data-note]')).not.toBeEmpty();
  const copy = kept.getByRole('button', { name: /^Copy note/ });
  await expect(copy).toBeVisible();
  // The clipboard may be refused in a test browser: then the note is selected instead. Either way, it says so.
  await copy.click();
  await expect(kept.getByRole('status')).toHaveText(/Copied\.|The note is selected/);
  await expect(page.locator('[data-run-status]').first()).toHaveAttribute('data-run-status', 'completed', { timeout: 30_000 });
  await noInternalErrors(page);
  await screenshot(page, testInfo, 'network-notes');
  await narrowScreenshot(page, testInfo, 'network-notes');
});
