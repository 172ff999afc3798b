import { expect, test } from '@playwright/test';
import { giveProfile, ONE_POSTING, signUp, startRun } from './support';

test('two users in two browser contexts never see each other’s runs', async ({ browser }) => {
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  try {
    const a = await alice.newPage();
    const b = await bob.newPage();
    await signUp(a, undefined);
    await signUp(b, undefined);
    await giveProfile(a);
    const runId = await startRun(a, { ...ONE_POSTING, query: 'Kestrel Games Product Manager' });
    await expect(a.locator('[data-run-status]')).toHaveAttribute('data-run-status', /running|completed|queued/);

    // Bob's dashboard does not list it, and its page is a plain "not found" for him.
    await b.goto('/dashboard');
    await expect(b.getByRole('heading', { name: 'Your runs' })).toBeVisible();
    await expect(b.locator(`a[href="/runs/${runId}"]`)).toHaveCount(0);
    await b.goto(`/runs/${runId}`);
    await expect(b.getByText(/run not found/i)).toBeVisible();
    await expect(b.locator('[data-seq]')).toHaveCount(0);

    // Alice sees it in hers.
    await a.goto('/dashboard');
    await expect(a.locator(`a[href="/runs/${runId}"]`)).toBeVisible();
  } finally {
    await alice.close();
    await bob.close();
  }
});
