import type { Page } from 'playwright-core';
import { readPageStates } from './read-fields';

/** What tells one step of a form from the next. */
export interface StepMark {
  urls: string;
  /** Fields the walker read that a person sees now. */
  visible: ReadonlySet<string>;
  /** Visible fields nobody has read yet. */
  unread: number;
  confirmed: boolean;
}

export async function markStep(page: Page): Promise<StepMark> {
  const states = await readPageStates(page);
  return {
    urls: states.map((s) => s.url).join(' '),
    visible: new Set(states.flatMap((s) => s.fields.filter((f) => f.visible).map((f) => f.ref))),
    unread: states.reduce((n, s) => n + s.unread, 0),
    confirmed: states.some((s) => s.confirmed),
  };
}

/** The page moved on: another address, a confirmation, new fields, or the step's fields gone. */
export function movedOn(before: StepMark, after: StepMark): boolean {
  if (after.urls !== before.urls || (after.confirmed && !before.confirmed)) return true;
  if (after.unread > before.unread) return true;
  return [...before.visible].some((ref) => !after.visible.has(ref));
}

/** Gives a step's own script (and a navigation it started) time to show the next part. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('domcontentloaded').catch(() => undefined);
  await page.waitForTimeout(200);
}
