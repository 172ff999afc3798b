import { attrs } from '../../html/escape';
import { controlId, fieldError, labelHtml } from '../controls';
import type { FormView, SandboxField, TextDateFormat } from '../field-types';

const PATTERN = '\\d{2}/\\d{2}/\\d{4}';

/** An ISO date as the field shows it ("2027-02-01" → "02/01/2027"), for a form drawn again. */
function shown(value: string, format: TextDateFormat): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  return format === 'MM/DD/YYYY' ? `${m[2]}/${m[3]}/${m[1]}` : `${m[3]}/${m[2]}/${m[1]}`;
}

/** A date typed as text, in the format the placeholder shows; the browser refuses any other. */
export function textDateField(field: SandboxField, view: FormView): string {
  const format = field.textDate ?? 'MM/DD/YYYY';
  const input = `<input${attrs({
    type: 'text',
    id: controlId(field),
    name: field.name,
    required: field.required,
    placeholder: format,
    pattern: PATTERN,
    title: `A date as ${format}`,
    inputmode: 'numeric',
    value: shown(view.values[field.name] ?? '', format),
  })}>`;
  return `<div class="field"><label for="${controlId(field)}">${labelHtml(field)}</label>${input}${fieldError(field, view)}</div>`;
}
