import { type AttrValue, attrs, escapeHtml, tag } from '../html/escape';
import { CHOICES_SEPARATOR } from './validate';
import type { FormView, SandboxField } from './field-types';

/**
 * The native form controls every layout is drawn with. Layouts differ in how a control
 * is named for people and machines, so that is an option here:
 * - `label`: a `<label for>` elsewhere names the control (the layout draws it);
 * - `aria`: no label at all, only a placeholder and an aria-label;
 * - `none`: no label and no ARIA; the layout prints the question as plain nearby text.
 */
export type Labelling = 'label' | 'aria' | 'none';

export interface ControlOptions {
  labelling: Labelling;
  /** Emit the field's autocomplete token (only some ATSs do). */
  autocomplete: boolean;
  /** Emit the native `required` attribute (legacy ATSs validate only on the server). */
  requiredAttr: boolean;
}

export const PDF_ACCEPT = '.pdf,application/pdf';

/** A stable element id for a field whose name may hold brackets. */
export function controlId(field: SandboxField): string {
  return `f_${field.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function errorId(field: SandboxField): string {
  return `${controlId(field)}_error`;
}

/** The question plus a required marker, as escaped HTML. */
export function labelHtml(field: SandboxField): string {
  const mark = field.required ? ' <span class="req" aria-hidden="true">*</span>' : '';
  return `${escapeHtml(field.label)}${mark}`;
}

export function fieldError(field: SandboxField, view: FormView): string {
  const message = view.errors[field.name];
  return message ? tag('p', { class: 'field-error', id: errorId(field) }, escapeHtml(message)) : '';
}

/** The list of errors above the form, linking to each field. */
export function errorSummary(view: FormView): string {
  const items = view.fields
    .filter((f) => view.errors[f.name])
    .map((f) => `<li><a href="#${escapeHtml(controlId(f))}">${escapeHtml(view.errors[f.name] ?? '')}</a></li>`);
  if (items.length === 0) return '';
  return `<div class="error-summary" role="alert"><p><strong>Please fix ${items.length === 1 ? 'this problem' : `these ${items.length} problems`}:</strong></p><ul>${items.join('')}</ul></div>`;
}

/** Attributes every control shares: identity, required, and how assistive tech finds its name and error. */
function commonAttrs(field: SandboxField, view: FormView, opts: ControlOptions): Record<string, AttrValue> {
  const hasError = Boolean(view.errors[field.name]);
  const aria = opts.labelling !== 'none';
  return {
    id: controlId(field),
    name: field.name,
    required: opts.requiredAttr && field.required,
    'aria-label': opts.labelling === 'aria' ? field.label : undefined,
    'aria-invalid': aria && hasError ? 'true' : undefined,
    'aria-describedby': aria && hasError ? errorId(field) : undefined,
  };
}

const INPUT_TYPES: Partial<Record<SandboxField['kind'], string>> = {
  text: 'text',
  email: 'email',
  tel: 'tel',
  url: 'url',
  number: 'number',
  date: 'date',
};

function placeholderFor(field: SandboxField, opts: ControlOptions): string | undefined {
  if (opts.labelling !== 'aria') return undefined;
  return field.required ? `${field.label} *` : field.label;
}

function textInput(field: SandboxField, view: FormView, opts: ControlOptions): string {
  const numeric = field.kind === 'number';
  return `<input${attrs({
    type: INPUT_TYPES[field.kind] ?? 'text',
    ...commonAttrs(field, view, opts),
    value: view.values[field.name] ?? '',
    placeholder: placeholderFor(field, opts),
    autocomplete: opts.autocomplete ? field.autocomplete : undefined,
    min: numeric ? 0 : undefined,
    max: numeric ? 70 : undefined,
    step: numeric ? 1 : undefined,
    inputmode: numeric ? 'numeric' : undefined,
  })}>`;
}

function textarea(field: SandboxField, view: FormView, opts: ControlOptions): string {
  return tag('textarea', { ...commonAttrs(field, view, opts), rows: 6, placeholder: placeholderFor(field, opts) }, escapeHtml(view.values[field.name] ?? ''));
}

function select(field: SandboxField, view: FormView, opts: ControlOptions): string {
  const current = view.values[field.name] ?? '';
  const options = (field.options ?? []).map((o) => tag('option', { value: o, selected: o === current }, escapeHtml(o)));
  const prompt = opts.labelling === 'aria' ? `${field.label}${field.required ? ' *' : ''}` : 'Select…';
  return tag('select', commonAttrs(field, view, opts), [tag('option', { value: '' }, escapeHtml(prompt)), ...options].join(''));
}

function fileInput(field: SandboxField, view: FormView, opts: ControlOptions): string {
  return `<input${attrs({ type: 'file', ...commonAttrs(field, view, opts), accept: PDF_ACCEPT })}>`;
}

/** Radio options; each option's text is a label except in `none` mode, where it is bare text. */
function radios(field: SandboxField, view: FormView, opts: ControlOptions): string {
  const current = view.values[field.name] ?? '';
  const base = commonAttrs(field, view, opts);
  return (field.options ?? [])
    .map((option, i) => {
      const input = `<input${attrs({
        type: 'radio',
        name: field.name,
        id: `${String(base.id)}_${i}`,
        value: option,
        checked: option === current,
        required: base.required,
      })}>`;
      return opts.labelling === 'none'
        ? `<span class="choice">${input} <span>${escapeHtml(option)}</span></span>`
        : `<label class="choice">${input} ${escapeHtml(option)}</label>`;
    })
    .join('');
}

/** "Select all that apply": one checkbox per option, all under the field's name. */
export function checkboxGroup(field: SandboxField, view: FormView): string {
  const current = (view.values[field.name] ?? '').split(CHOICES_SEPARATOR);
  return (field.options ?? [])
    .map((option, i) => {
      const input = `<input${attrs({ type: 'checkbox', name: field.name, id: `${controlId(field)}_${i}`, value: option, checked: current.includes(option) })}>`;
      return `<label class="choice">${input} ${escapeHtml(option)}</label>`;
    })
    .join('');
}

function checkbox(field: SandboxField, view: FormView, opts: ControlOptions): string {
  const input = `<input${attrs({ type: 'checkbox', ...commonAttrs(field, view, opts), value: 'yes', checked: view.values[field.name] === 'yes' })}>`;
  return opts.labelling === 'none'
    ? `<span class="choice">${input} <span>${escapeHtml(field.label)}</span></span>`
    : `<label class="choice">${input} ${escapeHtml(field.label)}</label>`;
}

/** The control for any field kind but `combobox`, which only the custom-dropdowns layout draws. */
export function nativeControl(field: SandboxField, view: FormView, opts: ControlOptions): string {
  switch (field.kind) {
    case 'textarea':
      return textarea(field, view, opts);
    case 'select':
      return select(field, view, opts);
    case 'file':
      return fileInput(field, view, opts);
    case 'radio':
      return radios(field, view, opts);
    case 'checkbox':
      return checkbox(field, view, opts);
    case 'checkboxes':
      return checkboxGroup(field, view);
    case 'combobox':
      throw new Error(`${field.name}: a combobox needs the custom-dropdowns layout`);
    default:
      return textInput(field, view, opts);
  }
}

/** `<form>` with the attributes an upload needs; `extra` for layout-specific hooks. */
export function formOpen(view: FormView, extra: Readonly<Record<string, AttrValue>> = {}): string {
  return `<form${attrs({ method: 'post', action: view.action, enctype: 'multipart/form-data', 'accept-charset': 'UTF-8', ...extra })}>`;
}

/** A field in the common "label above control" style (classic, eeo, screening, custom-dropdowns). */
export function labelledField(field: SandboxField, view: FormView, opts: ControlOptions): string {
  const error = fieldError(field, view);
  if (field.kind === 'radio' || field.kind === 'checkboxes') {
    return `<fieldset class="field"><legend>${labelHtml(field)}</legend><div class="choices">${nativeControl(field, view, opts)}</div>${error}</fieldset>`;
  }
  if (field.kind === 'checkbox') {
    return `<div class="field field-check">${nativeControl(field, view, opts)}${error}</div>`;
  }
  const label = `<label for="${escapeHtml(controlId(field))}">${labelHtml(field)}</label>`;
  const hint = field.kind === 'file' ? '<p class="hint">PDF only, up to 5 MB.</p>' : '';
  return `<div class="field">${label}${nativeControl(field, view, opts)}${hint}${error}</div>`;
}
