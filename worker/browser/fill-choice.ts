import { chooseInPopup } from './fill-combobox';
import { FormFillError } from './fill-errors';
import { fieldLocator, optionLocator, type Scope } from './field-locators';
import type { FieldDescriptor, FieldOption } from './read-fields';

/**
 * Picks one option the way a person would: a native select's option, a radio (its
 * label when the input itself is drawn invisible), a role="radio", a toggle button,
 * an item of an always-open listbox, or an item of a dropdown's popup.
 */
export async function chooseOne(scope: Scope, field: FieldDescriptor, option: FieldOption, timeoutMs: number): Promise<void> {
  const target = fieldLocator(scope, field.ref);
  switch (field.widget ?? 'native') {
    case 'native':
      await target.selectOption({ value: option.value }, { timeout: timeoutMs });
      return;
    case 'radio':
      return checkNative(scope, field, option, timeoutMs);
    case 'aria-radios':
    case 'toggle':
    case 'listbox':
      return clickOption(scope, field, option, timeoutMs);
    case 'combobox':
    case 'input-combobox':
      return chooseInPopup(scope, field, option, timeoutMs);
    default:
      throw new FormFillError(`"${field.label || field.name}" is not a list to choose from`);
  }
}

async function checkNative(scope: Scope, field: FieldDescriptor, option: FieldOption, timeoutMs: number): Promise<void> {
  const ref = pageRefOf(field, option);
  const radio = ref ? optionLocator(scope, ref) : fieldLocator(scope, field.ref).and(scope.locator(`[value="${cssString(option.value)}"]`));
  if ((await radio.count()) === 0) throw new FormFillError(`the option "${option.label}" is gone from the page`);
  // A radio drawn invisible behind its label is still checked by a click on it.
  if (await radio.first().isVisible()) await radio.first().check({ timeout: timeoutMs });
  else await radio.first().dispatchEvent('click');
}

async function clickOption(scope: Scope, field: FieldDescriptor, option: FieldOption, timeoutMs: number): Promise<void> {
  const ref = pageRefOf(field, option);
  if (!ref) throw new FormFillError(`the option "${option.label}" is gone from the page`);
  await optionLocator(scope, ref).click({ timeout: timeoutMs });
}

/** The option's tag on the page, found by what it says when the chooser handed back a copy. */
export function pageRefOf(field: FieldDescriptor, option: FieldOption): string | undefined {
  return option.ref ?? field.options.find((o) => o.value === option.value && o.label === option.label)?.ref;
}

const cssString = (s: string) => s.replace(/["\\]/g, '\\$&');
