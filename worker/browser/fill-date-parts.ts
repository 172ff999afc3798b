import { fieldLocator, type Scope } from './field-locators';
import type { FieldOption } from './read-fields';

/** A date in month / day / year selects: each select gets its part. */
export async function chooseDateParts(scope: Scope, values: readonly { ref: string; option: FieldOption }[], timeoutMs: number): Promise<void> {
  for (const { ref, option } of values) await fieldLocator(scope, ref).selectOption({ value: option.value }, { timeout: timeoutMs });
}
