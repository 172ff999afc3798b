import { randomBytes } from 'node:crypto';
import { expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import type { ProfileFields } from '../src/shared/profile';
import { TEST_PROFILE, tinyPdf } from '../tests/helpers/applicant';

export interface Account {
  name: string;
  email: string;
  password: string;
}

export function newAccount(name = 'Jordan Rivera'): Account {
  return { name, email: `e2e-${randomBytes(5).toString('hex')}@example.com`, password: `pw-${randomBytes(8).toString('hex')}` };
}

/** Signs up through the sign-up page and lands on the dashboard, signed in. */
export async function signUp(page: Page, account: Account = newAccount()): Promise<Account> {
  await page.goto('/signup');
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/dashboard/, { timeout: 30_000 });
  return account;
}

/** Calls a tRPC procedure over HTTP with the page's session cookie (no transformer: plain JSON). */
export async function call<T>(request: APIRequestContext, path: string, input: unknown, kind: 'query' | 'mutation' = 'mutation'): Promise<T> {
  const url = `/api/trpc/${path}`;
  const res =
    kind === 'query'
      ? await request.get(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`)
      : await request.post(url, { data: input });
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!res.ok() || !body.result) throw new Error(`${path}: ${body.error?.message ?? res.status()}`);
  return body.result.data;
}

/** The test applicant's profile and resume, set through the API (the profile page has its own test). */
export async function giveProfile(page: Page, overrides: Partial<ProfileFields> = {}): Promise<void> {
  await call(page.request, 'profile.update', { ...TEST_PROFILE, ...overrides });
  await call(page.request, 'profile.uploadResume', {
    fileName: 'jordan-rivera-resume.pdf',
    contentBase64: tinyPdf('Jordan Rivera - Senior Backend Engineer').toString('base64'),
  });
}

/** Starts a run through the API and opens its page. */
export async function startRun(page: Page, input: Record<string, unknown>): Promise<string> {
  // The dev server compiles a page on its first visit, which on a busy machine can take
  // longer than a whole run; open the run page once before starting, so the run is
  // watched from its start rather than found finished.
  await page.goto('/runs/run_00000000000000000000000000000000');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  const { runId } = await call<{ runId: string }>(page.request, 'pipeline.start', input);
  await page.goto(`/runs/${runId}`);
  return runId;
}

/** A search that finds one sandbox posting whose form the test profile answers completely. */
export const ONE_POSTING = { query: 'Tessellate Senior Cloud Engineer', location: '', minMatchScore: 0, sources: ['sandbox'] };

/** A long run (the word is in every sandbox posting): time to pause, stop, reload or drop the network. */
export const LONG_RUN = { query: 'experience', location: '', minMatchScore: 0, sources: ['sandbox'] };

export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/${name}-${testInfo.project.name}.png`, fullPage: true });
}

/** The seqs of the event log's rendered rows. */
export async function renderedSeqs(page: Page): Promise<number[]> {
  return page.locator('[data-seq]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-seq'))));
}
