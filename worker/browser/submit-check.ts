import type { Locator, Page } from 'playwright-core';
import { watchDialogs } from './dialogs';
import { readProblems } from './page-problems';
import { markStep, movedOn, settle } from './step-progress';

export type SubmitCheck =
  | { kind: 'moved' }
  /** The page stayed: what it said (alert(), confirm(), error texts, the browser's validation messages). */
  | { kind: 'stayed'; said: string[] };

/**
 * Clicks a submit button and tells whether the page moved on (another address, a
 * confirmation, the form gone). A form that refuses on the client (an alert(), an
 * invalid field) sends nothing; this says so in the page's own words, which the
 * applier can show the user instead of waiting for a confirmation that cannot come.
 */
export async function clickAndCheck(page: Page, button: Locator, timeoutMs: number): Promise<SubmitCheck> {
  const dialogs = watchDialogs(page);
  try {
    const before = await markStep(page);
    await button.click({ timeout: timeoutMs });
    await settle(page);
    if (movedOn(before, await markStep(page))) return { kind: 'moved' };
    const problems = await readProblems(page, dialogs.take(), new Map(), new Set());
    const fieldWords = problems.fields.map((f) => f.said);
    return { kind: 'stayed', said: [...new Set([...problems.said, ...fieldWords])].slice(0, 5) };
  } finally {
    dialogs.stop();
  }
}
