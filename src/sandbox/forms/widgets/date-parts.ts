import { escapeHtml, tag } from '../../html/escape';
import { controlId, fieldError } from '../controls';
import type { FormView, SandboxField } from '../field-types';

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];
export const DAY_NUMBERS = Array.from({ length: 31 }, (_, i) => String(i + 1));
export const START_YEARS = ['2026', '2027', '2028', '2029', '2030'];

function partSelect(field: SandboxField, view: FormView, caption: string): string {
  const id = controlId(field);
  const current = view.values[field.name] ?? '';
  const options = [tag('option', { value: '' }, caption), ...(field.options ?? []).map((o) => tag('option', { value: o, selected: o === current }, escapeHtml(o)))];
  return (
    `<span class="dp-part"><label class="dp-caption" for="${escapeHtml(id)}">${escapeHtml(caption)}</label>` +
    `${tag('select', { id, name: field.name, required: field.required }, options.join(''))}${fieldError(field, view)}</span>`
  );
}

/**
 * One date asked as three selects (month, day, year) under one legend: each select's
 * own label says only "Month", "Day" or "Year"; the question is the legend.
 */
export function dateParts(question: string, parts: readonly [SandboxField, SandboxField, SandboxField], view: FormView, required: boolean): string {
  const [month, day, year] = parts;
  const mark = required ? ' <span class="req" aria-hidden="true">*</span>' : '';
  return (
    `<fieldset class="field dp"><legend>${escapeHtml(question)}${mark}</legend><div class="dp-row">` +
    `${partSelect(month, view, 'Month')}${partSelect(day, view, 'Day')}${partSelect(year, view, 'Year')}</div></fieldset>`
  );
}

export const DATE_PARTS_CSS = `
.dp-row{display:flex;gap:10px}
.dp-part{flex:1}
.dp-caption{font-size:.8rem;color:#5f6b76;font-weight:400!important}
`;
