import type { Frame, Locator, Page } from 'playwright-core';
import { visibleFrames } from './frames';
import { readPageStates } from './read-fields';

const NEXT = /^\s*(next|continue|save (and|&) continue|proceed|next step)\b/i;
const NOT_SUBMIT = /^\s*(next|continue|back|previous|cancel)\b/i;

/** Frames holding fields the walker read come first: the form's own buttons are there. */
async function framesByFields(page: Page): Promise<Frame[]> {
  const frames = await visibleFrames(page);
  const counts = await Promise.all(frames.map((f) => f.locator('[data-jobstream-field]').count().catch(() => 0)));
  return frames.map((frame, i) => ({ frame, n: counts[i] ?? 0 })).sort((a, b) => Number(b.n > 0) - Number(a.n > 0)).map((x) => x.frame);
}

async function firstIn(frames: readonly Frame[], find: (frame: Frame) => Promise<Locator | null>): Promise<Locator | null> {
  for (const frame of frames) {
    const found = await find(frame).catch(() => null);
    if (found) return found;
  }
  return null;
}

/** A visible button that moves a multi-step form on (never Back), in any frame or open shadow root. */
export async function findNextButton(page: Page): Promise<Locator | null> {
  return firstIn(await framesByFields(page), async (frame) => {
    const next = frame.locator('button:visible, a[role=button]:visible, [role=button]:visible').filter({ hasText: NEXT });
    if ((await next.count()) > 0) return next.first();
    const inputNext = frame.locator('input[type=button]:visible, input[type=submit]:visible');
    for (let i = 0; i < (await inputNext.count()); i++) {
      if (NEXT.test((await inputNext.nth(i).getAttribute('value')) ?? '')) return inputNext.nth(i);
    }
    return null;
  });
}

/** The visible submit control of the form, in any frame or open shadow root, once the form is at its last step. */
export async function findSubmitButton(page: Page): Promise<Locator | null> {
  return firstIn(await framesByFields(page), async (frame) => {
    const submit = frame.locator('button[type=submit]:visible, input[type=submit]:visible, button:not([type]):visible');
    const count = await submit.count();
    for (let i = count - 1; i >= 0; i--) {
      const button = submit.nth(i);
      const text = (await button.innerText().catch(() => '')) || ((await button.getAttribute('value')) ?? '');
      if (!NOT_SUBMIT.test(text)) return button;
    }
    return null;
  });
}

/** Error messages the page shows (client or server validation), in every visible frame. */
export async function visibleErrors(page: Page): Promise<string[]> {
  const states = await readPageStates(page);
  return [...new Set(states.flatMap((s) => s.messages))].slice(0, 10);
}
