import { FormFillError } from './fill-errors';
import { fieldLocator, type Scope } from './field-locators';
import type { FieldDescriptor } from './read-fields';

/**
 * Types a value into a text-like field. A page may reformat what was typed (a phone
 * mask, capitals); a field left empty refused it outright.
 */
export async function typeInto(scope: Scope, field: FieldDescriptor, value: string, timeoutMs: number): Promise<void> {
  const target = fieldLocator(scope, field.ref).first();
  await target.fill(value, { timeout: timeoutMs });
  if (value.trim() && !(await target.inputValue({ timeout: timeoutMs })).trim()) {
    throw new FormFillError(`"${field.label || field.name}" did not take "${value.slice(0, 60)}"`);
  }
}
