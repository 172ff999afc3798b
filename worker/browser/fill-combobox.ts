import type { Locator } from 'playwright-core';
import { z } from 'zod';
import { FormFillError } from './fill-errors';
import { fieldLocator, optionLocator, shownValue, type Scope } from './field-locators';
import { DOM_HELPERS } from './page-scripts/dom';
import { LABEL_HELPERS } from './page-scripts/labels';
import { VISIBILITY_HELPERS } from './page-scripts/visibility';
import { WIDGET_HELPERS } from './page-scripts/widgets';
import type { FieldDescriptor, FieldOption } from './read-fields';

/**
 * Custom dropdowns of any structure: a div, button or input with role="combobox"
 * whose listbox is inside it, beside it, tied by aria-controls / aria-owns, or drawn
 * at the end of the page only while it is open. The popup's options are tagged where
 * they are, so that Playwright clicks the very element a person would.
 */
const popupScript = (ref: string) => `(() => {${DOM_HELPERS}${VISIBILITY_HELPERS}${LABEL_HELPERS}${WIDGET_HELPERS}
  const el = allElements(document).find((e) => e.getAttribute(ATTR) === ${JSON.stringify(ref)});
  if (!el) return [];
  let list = popupOf(el);
  if (!list || !visibleBox(list)) {
    const open = allElements(document).filter((e) => e.getAttribute('role') === 'listbox' && !e.hasAttribute(ATTR) && visibleBox(e));
    list = open[open.length - 1] || list;
  }
  if (!list) return [];
  return Array.from(list.querySelectorAll('[role=option]')).map((o, i) => {
    const tag = ${JSON.stringify(ref)} + ':p' + i;
    o.setAttribute(OPT, tag);
    return { ref: tag, value: optionValue(o), label: optionText(o), visible: visibleBox(o) };
  });
})()`;

const popupOptions = z.array(z.object({ ref: z.string(), value: z.string(), label: z.string(), visible: z.boolean() }));
type PopupOption = z.infer<typeof popupOptions>[number];

async function readPopup(scope: Scope, ref: string): Promise<PopupOption[]> {
  return popupOptions.parse(await scope.evaluate(popupScript(ref)));
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

function match(options: readonly PopupOption[], wanted: FieldOption): PopupOption | undefined {
  const byLabel = options.filter((o) => norm(o.label) === norm(wanted.label));
  const byValue = options.filter((o) => o.value === wanted.value);
  const candidates = byLabel.length > 0 ? byLabel : byValue;
  return candidates.find((o) => o.visible) ?? candidates[0];
}

const isExpanded = async (trigger: Locator) => (await trigger.getAttribute('aria-expanded')) === 'true';
// Dropdown scripts open, filter and close on the next frame or two.
const settle = (scope: Scope) => scope.waitForTimeout(120);

/** Opens the dropdown (once) and lists what it offers; with `term`, typed into a searchable one first. */
async function openList(scope: Scope, field: FieldDescriptor, timeoutMs: number, term?: string): Promise<PopupOption[]> {
  const trigger = fieldLocator(scope, field.ref).first();
  if (!(await isExpanded(trigger))) await trigger.click({ timeout: timeoutMs });
  if (term !== undefined && field.widget === 'input-combobox') await trigger.fill(term, { timeout: timeoutMs });
  await settle(scope);
  return readPopup(scope, field.ref);
}

/** Closes a dropdown the walker opened only to read it, leaving its value as it was. */
async function closeList(scope: Scope, field: FieldDescriptor, timeoutMs: number): Promise<void> {
  const trigger = fieldLocator(scope, field.ref).first();
  if (field.widget === 'input-combobox') await trigger.fill('', { timeout: timeoutMs }).catch(() => undefined);
  await trigger.press('Escape', { timeout: timeoutMs }).catch(() => undefined);
  if (await isExpanded(trigger)) await trigger.click({ timeout: timeoutMs }).catch(() => undefined);
}

/**
 * The options a dropdown offers, for one whose list exists only while open; a
 * searchable one is also searched for each term (the profile's answer), since a long
 * list shows only its first entries until one types.
 */
export async function probeOptions(scope: Scope, field: FieldDescriptor, terms: readonly string[], timeoutMs: number): Promise<FieldOption[]> {
  const seen = new Map<string, FieldOption>();
  const add = (list: readonly PopupOption[]) => list.forEach((o) => seen.set(`${o.value}\n${o.label}`, { value: o.value, label: o.label }));
  try {
    add(await openList(scope, field, timeoutMs));
    for (const term of field.widget === 'input-combobox' ? terms : []) add(await openList(scope, field, timeoutMs, term));
  } finally {
    await closeList(scope, field, timeoutMs);
  }
  return [...seen.values()];
}

/** Opens the dropdown, finds the option (typing it into a searchable one when it is not shown), clicks it, and checks it took. */
export async function chooseInPopup(scope: Scope, field: FieldDescriptor, option: FieldOption, timeoutMs: number): Promise<void> {
  const before = await shownValue(scope, field.ref);
  let found = match(await openList(scope, field, timeoutMs), option);
  if (!found && field.widget === 'input-combobox') found = match(await openList(scope, field, timeoutMs, option.label), option);
  const label = field.label || field.ariaLabel || field.nearbyText || field.name;
  if (!found) {
    await closeList(scope, field, timeoutMs);
    throw new FormFillError(`"${label}" does not offer "${option.label}" any more`);
  }
  await optionLocator(scope, found.ref).click({ timeout: timeoutMs });
  await settle(scope);
  // Most dropdowns show the choice; some only change what they show (an icon, a short code).
  const after = await shownValue(scope, field.ref);
  const now = norm(after ?? '');
  if (!now.includes(norm(option.label)) && !now.includes(norm(option.value)) && after === before) {
    throw new FormFillError(`"${label}" did not take "${option.label}"`);
  }
}
