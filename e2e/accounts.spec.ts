import { expect, test, type Page } from '@playwright/test';
import { newAccount, signUp, type Account } from './support';

async function fillSignUp(page: Page, account: Account): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('sign-up says what is wrong with a common password, next to the field', async ({ page }) => {
  await fillSignUp(page, { ...newAccount('Sam Weak'), password: 'password123' });
  const password = page.getByLabel('Password');
  // The first sign-up of a fresh dev server also compiles and loads the password dictionaries.
  await expect(password).toHaveAttribute('aria-invalid', 'true', { timeout: 20_000 });
  await expect(page.locator('#signup-password-error')).toHaveText(
    'this password is too common; add words or characters that are not easy to guess',
  );
  await expect(page).toHaveURL(/\/signup/);
});

test('signing up with an email that has an account does not say so; its owner still signs in', async ({ browser }) => {
  const owner = await browser.newContext();
  const stranger = await browser.newContext();
  try {
    const account = await signUp(await owner.newPage());
    const page = await stranger.newPage();
    await fillSignUp(page, { ...account, name: 'Someone Else', password: 'a different strong passphrase' });
    await expect(page.locator('form').getByRole('alert')).toHaveText(
      'If you already have an account with this email, sign in with its password.',
    );
    await page.goto('/signin');
    await fillSignIn(page, account.email, account.password);
    await expect(page).toHaveURL(/\/dashboard/, { timeout: 30_000 });
  } finally {
    await owner.close();
    await stranger.close();
  }
});

test('after too many wrong passwords the sign-in page says how long to wait', async ({ browser }) => {
  const owner = await browser.newContext();
  try {
    const account = await signUp(await owner.newPage());
    const page = await (await browser.newContext()).newPage();
    await page.goto('/signin');
    // The dev server runs with the defaults: 5 free attempts, then a wait that starts at 1 second.
    for (let i = 0; i < 5; i++) {
      await fillSignIn(page, account.email, `wrong password ${i}`);
      await expect(page.locator('form').getByRole('alert')).toHaveText('Email or password is not right');
    }
    await fillSignIn(page, account.email, account.password);
    await expect(page.locator('form').getByRole('alert')).toHaveText(/^Too many sign-in attempts for this account\. Try again in \d+ seconds?\.$/);
    // The wait is short and bounded: the right password works once it has passed.
    await page.waitForTimeout(1500);
    await fillSignIn(page, account.email, account.password);
    await expect(page).toHaveURL(/\/dashboard/, { timeout: 30_000 });
    await page.context().close();
  } finally {
    await owner.close();
  }
});

test('a throttle message in the sign-in link is shown only in our own words', async ({ page }) => {
  await page.goto(`/signin?error=${encodeURIComponent('Too many sign-in attempts for this account. Try again in 2 minutes.')}`);
  await expect(page.locator('form').getByRole('alert')).toHaveText('Too many sign-in attempts for this account. Try again in 2 minutes.');
  await page.goto(`/signin?error=${encodeURIComponent('Your account is locked, call +1 555 0100')}`);
  await expect(page.locator('form').getByRole('alert')).toHaveText("Couldn't sign you in just now. Try again in a moment.");
});
