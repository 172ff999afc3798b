import { chooseOne } from './fill-choice';
import { setCheckbox, setGroup } from './fill-checks';
import { chooseDateParts } from './fill-date-parts';
import { uploadFile } from './fill-file';
import { typeInto } from './fill-text';
import type { Scope } from './field-locators';
import type { WalkPlan } from './form-planner';
import type { FieldDescriptor, FieldOption } from './read-fields';

export { FormFillError } from './fill-errors';
export { findNextButton, findSubmitButton, visibleErrors } from './buttons';

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

export type FillablePlan = Exclude<WalkPlan, { kind: 'ask' | 'skip' }>;

/** Clicked, for the events: a native select is chosen from, everything else is clicked. */
const clicked = (field: FieldDescriptor, text: string) => ((field.widget ?? 'native') === 'native' ? null : text);
const labels = (options: readonly FieldOption[]) => options.map((o) => o.label).join(', ');

/** Puts one planned answer into its field, the way a person would. */
export function fillPlanned(scope: Scope, field: FieldDescriptor, plan: FillablePlan, timeoutMs: number): Promise<FillAction> {
  switch (plan.kind) {
    case 'fill':
      return typeAction(scope, field, plan.value, timeoutMs);
    case 'choose':
      return chooseAction(scope, field, plan.option, timeoutMs);
    case 'upload':
      return uploadAction(scope, field, plan.file, timeoutMs);
    case 'check':
      return checkAction(scope, field, plan.options, timeoutMs);
    case 'parts':
      return partsAction(scope, plan.values, timeoutMs);
  }
}

export async function typeAction(scope: Scope, field: FieldDescriptor, value: string, timeoutMs: number): Promise<FillAction> {
  await typeInto(scope, field, value, timeoutMs);
  return { kind: 'type', value };
}

export async function chooseAction(scope: Scope, field: FieldDescriptor, option: FieldOption, timeoutMs: number): Promise<FillAction> {
  await chooseOne(scope, field, option, timeoutMs);
  return { kind: 'choose', value: option.label, clicked: clicked(field, option.label) };
}

export async function uploadAction(scope: Scope, field: FieldDescriptor, file: UploadFile, timeoutMs: number): Promise<FillAction> {
  await uploadFile(scope, field, file, timeoutMs);
  return { kind: 'upload', fileName: file.fileName };
}

/** "Select all that apply": exactly these boxes. */
export async function checkAction(scope: Scope, field: FieldDescriptor, options: readonly FieldOption[], timeoutMs: number): Promise<FillAction> {
  await setGroup(scope, field, options, timeoutMs);
  return { kind: 'choose', value: labels(options), clicked: labels(options) };
}

export async function partsAction(scope: Scope, values: readonly { ref: string; option: FieldOption }[], timeoutMs: number): Promise<FillAction> {
  await chooseDateParts(scope, values, timeoutMs);
  return { kind: 'choose', value: values.map((v) => v.option.label).join(' '), clicked: null };
}

/** A single box ticked (a statement the user agreed to) or cleared. */
export async function tickAction(scope: Scope, field: FieldDescriptor, on: boolean, timeoutMs: number): Promise<FillAction> {
  await setCheckbox(scope, field, on, timeoutMs);
  return { kind: 'choose', value: on ? 'Yes' : 'No', clicked: on ? field.label || 'the checkbox' : null };
}
