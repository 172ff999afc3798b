import type { Locator, Page } from 'playwright-core';
import type { FieldPlan } from './field-mapper';
import type { FieldDescriptor } from './read-fields';
import { UserFacingError } from '../user-facing-error';

export interface UploadFile {
  fileName: string;
  bytes: Buffer;
  mimeType: string;
}

/** What the filler did, for the agent's events. */
export type FillAction =
  | { kind: 'type'; value: string }
  | { kind: 'choose'; value: string; clicked: string | null }
  | { kind: 'upload'; fileName: string };

/** A field the filler could not fill, in words the user can read (unlike the browser's own errors). */
export class FormFillError extends UserFacingError {}

const field = (page: Page, ref: string): Locator => page.locator(`[data-jobstream-field="${ref}"]`);

/** Puts one planned answer into its field, the way a person would. */
export async function fillField(
  page: Page,
  descriptor: FieldDescriptor,
  plan: Extract<FieldPlan, { kind: 'fill' | 'choose' | 'upload' }>,
  files: { resume: UploadFile | null; coverLetter: UploadFile | null },
  timeoutMs: number,
): Promise<FillAction> {
  const target = field(page, descriptor.ref);
  switch (plan.kind) {
    case 'fill':
      await target.fill(plan.value, { timeout: timeoutMs });
      return { kind: 'type', value: plan.value };
    case 'upload': {
      const file = plan.key === 'resume' ? files.resume : files.coverLetter;
      if (!file) throw new FormFillError(`no ${plan.key === 'resume' ? 'resume' : 'cover letter'} file to upload`);
      await target.setInputFiles({ name: file.fileName, mimeType: file.mimeType, buffer: file.bytes }, { timeout: timeoutMs });
      return { kind: 'upload', fileName: file.fileName };
    }
    case 'choose':
      return choose(page, descriptor, plan.option, timeoutMs);
  }
}

/** Fills a field with the human's own words or choice. */
export async function fillAnswer(page: Page, descriptor: FieldDescriptor, answer: string, timeoutMs: number): Promise<FillAction> {
  if (['select', 'radio', 'combobox'].includes(descriptor.control)) {
    const option = descriptor.options.find((o) => o.label === answer || o.value === answer);
    if (!option) throw new FormFillError(`"${answer}" is not one of the field's options`);
    return choose(page, descriptor, option, timeoutMs);
  }
  if (descriptor.control === 'checkbox') {
    const box = field(page, descriptor.ref);
    if (/^(yes|true|check|checked|agree|i agree)$/i.test(answer.trim())) await box.check({ timeout: timeoutMs });
    else await box.uncheck({ timeout: timeoutMs });
    return { kind: 'choose', value: answer, clicked: null };
  }
  await field(page, descriptor.ref).fill(answer, { timeout: timeoutMs });
  return { kind: 'type', value: answer };
}

async function choose(
  page: Page,
  descriptor: FieldDescriptor,
  option: { value: string; label: string },
  timeoutMs: number,
): Promise<FillAction> {
  const target = field(page, descriptor.ref);
  if (descriptor.control === 'select') {
    await target.selectOption({ value: option.value }, { timeout: timeoutMs });
    return { kind: 'choose', value: option.label, clicked: null };
  }
  if (descriptor.control === 'radio') {
    const radios = target;
    const count = await radios.count();
    for (let i = 0; i < count; i++) {
      const radio = radios.nth(i);
      if ((await radio.getAttribute('value')) === option.value) {
        await radio.check({ timeout: timeoutMs });
        return { kind: 'choose', value: option.label, clicked: option.label };
      }
    }
    throw new FormFillError(`the option "${option.label}" is gone from the page`);
  }
  // A custom dropdown: open it, then click the option in the list it reveals.
  await target.click({ timeout: timeoutMs });
  const controls = await target.getAttribute('aria-controls');
  const list = controls ? page.locator(`[id="${controls}"]`) : page.locator('[role=listbox]:visible');
  await list.locator('[role=option]', { hasText: option.label }).first().click({ timeout: timeoutMs });
  return { kind: 'choose', value: option.label, clicked: option.label };
}

/** A visible button that moves a multi-step form on, if there is one. */
export async function findNextButton(page: Page): Promise<Locator | null> {
  const next = page
    .locator('button:visible, input[type=button]:visible, a[role=button]:visible')
    .filter({ hasText: /^\s*(next|continue|save (and|&) continue|proceed)\b/i });
  if ((await next.count()) > 0) return next.first();
  const inputNext = page.locator('input[type=button][value*="next" i]:visible, input[type=button][value*="continue" i]:visible');
  return (await inputNext.count()) > 0 ? inputNext.first() : null;
}

/** The visible submit control, if the form is at its last step. */
export async function findSubmitButton(page: Page): Promise<Locator | null> {
  const submit = page.locator('button[type=submit]:visible, input[type=submit]:visible, button:not([type]):visible').filter({
    hasNotText: /^\s*(next|continue|back|previous)\b/i,
  });
  return (await submit.count()) > 0 ? submit.last() : null;
}

/** Error messages the page shows (client or server validation). */
export async function visibleErrors(page: Page): Promise<string[]> {
  const texts = await page
    .locator('[role=alert]:visible, .error:visible, .errors:visible, [aria-invalid=true] ~ .error:visible')
    .allInnerTexts();
  return [...new Set(texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean))].slice(0, 10);
}
