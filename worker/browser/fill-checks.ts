import type { Locator } from 'playwright-core';
import { pageRefOf } from './fill-choice';
import { fieldLocator, optionLocator, type Scope } from './field-locators';
import type { FieldDescriptor, FieldOption } from './read-fields';

/** Whether a box is ticked, however it is drawn (native, role="checkbox"; aria-pressed, which Playwright does not read as checked). */
async function isTicked(box: Locator): Promise<boolean> {
  const pressed = await box.getAttribute('aria-pressed');
  if (pressed !== null) return pressed === 'true';
  return box.isChecked();
}

/** Ticks or clears one box with a click, as a person would; a box drawn invisible is clicked through its events. */
async function setTicked(box: Locator, on: boolean, timeoutMs: number): Promise<void> {
  if ((await isTicked(box)) === on) return;
  if (await box.isVisible()) await box.click({ timeout: timeoutMs });
  else await box.dispatchEvent('click');
}

/** A single checkbox: a consent, a statement, a toggle. */
export async function setCheckbox(scope: Scope, field: FieldDescriptor, on: boolean, timeoutMs: number): Promise<void> {
  await setTicked(fieldLocator(scope, field.ref).first(), on, timeoutMs);
}

/** "Select all that apply": exactly these boxes ticked, every other one cleared. */
export async function setGroup(scope: Scope, field: FieldDescriptor, wanted: readonly FieldOption[], timeoutMs: number): Promise<void> {
  const on = new Set(wanted.map((o) => pageRefOf(field, o)));
  for (const option of field.options) {
    if (!option.ref) continue;
    await setTicked(optionLocator(scope, option.ref), on.has(option.ref), timeoutMs);
  }
}
