import type { Page } from 'playwright-core';
import { z } from 'zod';
import { frameOf, inEveryFrame, rememberFrame } from './frames';
import { FIELD_STATES } from './page-scripts/field-states-script';
import { READ_FIELDS } from './page-scripts/read-fields-script';

export const fieldControlSchema = z.enum([
  'text', 'email', 'tel', 'url', 'number', 'date', 'textarea', 'select', 'radio', 'checkbox', 'file', 'combobox',
  // "Select all that apply": several boxes, one question.
  'checkboxes',
  // One date asked as separate month / day / year selects.
  'date-parts',
]);
export type FieldControl = z.infer<typeof fieldControlSchema>;

/**
 * How the field is drawn, which decides how it is filled: native controls, or custom
 * widgets (a div or input combobox, an always-open listbox, role="radio" / "checkbox"
 * elements, aria-pressed toggle buttons).
 */
export const fieldWidgetSchema = z.enum([
  'native', 'radio', 'checkboxes', 'combobox', 'input-combobox', 'listbox', 'aria-radios', 'aria-checkbox', 'aria-checkboxes',
  'toggle', 'toggle-single', 'date-parts',
]);
export type FieldWidget = z.infer<typeof fieldWidgetSchema>;

export const fieldOptionSchema = z.object({
  value: z.string(),
  label: z.string(),
  /** The option's own tag on the page, when it is clicked rather than chosen from a control. */
  ref: z.string().optional(),
});
export type FieldOption = z.infer<typeof fieldOptionSchema>;

export const datePartSchema = z.object({
  ref: z.string(),
  part: z.enum(['month', 'day', 'year']),
  options: z.array(fieldOptionSchema),
});
export type DatePart = z.infer<typeof datePartSchema>;

/** What the applier can see of one form field: every clue a human would read. */
export const fieldDescriptorSchema = z.object({
  /** Our tag on the element (data-jobstream-field), to act on it later; unique across frames. */
  ref: z.string(),
  control: fieldControlSchema,
  /** Left out for native controls. */
  widget: fieldWidgetSchema.optional(),
  name: z.string(),
  id: z.string(),
  /** Text of its <label>s or aria-labelledby elements (a group's legend). */
  label: z.string(),
  ariaLabel: z.string(),
  placeholder: z.string(),
  autocomplete: z.string(),
  /** Text just before the field, for forms that label nothing. */
  nearbyText: z.string(),
  /** The fieldset legend or heading of the part of the form it is in. */
  section: z.string(),
  /** Marked required (attribute, aria-required, or an asterisk after its question). */
  required: z.boolean(),
  options: z.array(fieldOptionSchema),
  value: z.string(),
  /** For `date-parts`: the selects, one per part of the date. */
  parts: z.array(datePartSchema).optional(),
});
export type FieldDescriptor = z.infer<typeof fieldDescriptorSchema>;

const fieldList = z.array(fieldDescriptorSchema);

/**
 * Describes the fields the page shows now that were not described before (a wizard's
 * next step, a follow-up question an answer revealed), in every visible frame and open
 * shadow root; hidden fields are left out until they are shown.
 */
export async function readNewFields(page: Page): Promise<FieldDescriptor[]> {
  const perFrame = await inEveryFrame(page, READ_FIELDS, (raw) => fieldList.parse(raw));
  return perFrame.flatMap(({ frame, result }) => {
    for (const field of result) rememberFrame(page, field.ref, frame);
    return result;
  });
}

export const fieldStateSchema = z.object({
  ref: z.string(),
  visible: z.boolean(),
  value: z.string(),
  invalid: z.boolean(),
  /** What the page says is wrong with it (its validation message, its error text). */
  messages: z.array(z.string()),
});
export type FieldState = z.infer<typeof fieldStateSchema>;

export const pageStateSchema = z.object({
  url: z.string(),
  fields: z.array(fieldStateSchema),
  /** Visible fields nobody has read yet (a new step, a follow-up question). */
  unread: z.number(),
  /** Error messages shown anywhere on the page. */
  messages: z.array(z.string()),
  confirmed: z.boolean(),
});
export type PageState = z.infer<typeof pageStateSchema>;

/** Every visible frame's state, without changing anything on the page. */
export async function readPageStates(page: Page): Promise<PageState[]> {
  return (await inEveryFrame(page, FIELD_STATES, (raw) => pageStateSchema.parse(raw))).map(({ result }) => result);
}

/** Whether a person still sees a field the walker read. */
export async function stillShown(page: Page, ref: string): Promise<boolean> {
  try {
    const state = pageStateSchema.parse(await frameOf(page, ref).evaluate(FIELD_STATES));
    return state.fields.some((f) => f.ref === ref && f.visible);
  } catch (err) {
    if (err instanceof z.ZodError) throw err;
    return false;
  }
}

/** The form as it stands (every value and how many fields there are), to tell whether it changed. */
export async function formState(page: Page): Promise<string> {
  const states = await readPageStates(page);
  return states
    .map((s) => [new URL(s.url).pathname, ...s.fields.map((f) => `${f.ref}=${f.visible ? f.value : ''}`), `unread=${s.unread}`].join('\n'))
    .join('\n--\n');
}
