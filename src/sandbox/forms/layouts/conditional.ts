import { escapeHtml } from '../../html/escape';
import { errorSummary, formOpen, labelledField, type ControlOptions } from '../controls';
import { field, HEARD_ABOUT_US, YES_NO } from '../field-builder';
import type { FormContext, FormView, LayoutDefinition, RenderedForm, SandboxField } from '../field-types';
import { DATE_PARTS_CSS, DAY_NUMBERS, dateParts, MONTH_NAMES, START_YEARS } from '../widgets/date-parts';

/**
 * A Workable-style page where questions appear only after an earlier answer
 * ("Are you willing to relocate?" Yes → "Where to?"; "Other" → "Please specify"), and
 * the start date is three selects (month, day, year) under one legend.
 */
function fields(context: FormContext): SandboxField[] {
  return [
    field('name', 'Full name', 'text', { required: true, profileKey: 'name' }),
    field('email', 'Email', 'email', { required: true, profileKey: 'email' }),
    field('phone', 'Phone', 'tel', { required: true, profileKey: 'phone' }),
    field('location', 'Current location', 'text', { profileKey: 'location' }),
    field('resume', 'Resume', 'file', { required: true, profileKey: 'resume' }),
    field('sponsorship', `Will you require visa sponsorship to work in ${context.workCountry}?`, 'radio', {
      required: true,
      options: YES_NO,
      profileKey: 'requiresSponsorship',
    }),
    // "No" first, so that a form filled with each question's last option shows the follow-up.
    field('relocate', 'Are you willing to relocate?', 'radio', { required: true, options: ['No', 'Yes'], needsHuman: true }),
    field('relocate_to', 'Where would you like to relocate to?', 'text', {
      required: true,
      needsHuman: true,
      showIf: { field: 'relocate', equals: 'Yes' },
    }),
    field('start_month', 'Month', 'select', { required: true, options: MONTH_NAMES, profileKey: 'startMonth' }),
    field('start_day', 'Day', 'select', { required: true, options: DAY_NUMBERS, profileKey: 'startDay' }),
    field('start_year', 'Year', 'select', { required: true, options: START_YEARS, profileKey: 'startYear' }),
    field('source', 'How did you hear about us?', 'select', { required: true, options: HEARD_ABOUT_US, needsHuman: true }),
    field('source_other', 'Please specify', 'text', { required: true, needsHuman: true, showIf: { field: 'source', equals: 'Other' } }),
  ];
}

const OPTIONS: ControlOptions = { labelling: 'label', autocomplete: false, requiredAttr: true };
const START_PARTS = ['start_month', 'start_day', 'start_year'];

/** A follow-up question, hidden until its condition holds (the server ignores it otherwise). */
function conditional(f: SandboxField, view: FormView): string {
  const html = labelledField(f, view, OPTIONS);
  if (!f.showIf) return html;
  const shown = view.values[f.showIf.field] === f.showIf.equals;
  return `<div class="follow-up" data-show-if="${escapeHtml(f.showIf.field)}" data-equals="${escapeHtml(f.showIf.equals)}"${shown ? '' : ' hidden'}>${html}</div>`;
}

function startDate(view: FormView): string {
  const [month, day, year] = START_PARTS.map((name) => view.fields.find((f) => f.name === name));
  if (!month || !day || !year) return '';
  return dateParts('When could you start?', [month, day, year], view, month.required);
}

function render(view: FormView): RenderedForm {
  const body = view.fields
    .filter((f) => !START_PARTS.includes(f.name) || f.name === 'start_month')
    .map((f) => (f.name === 'start_month' ? startDate(view) : conditional(f, view)))
    .join('');
  const html = `<div class="wk"><h2>Apply for this job</h2>${errorSummary(view)}${formOpen(view)}${body}<button type="submit" class="primary">Submit application</button></form></div>`;
  return { html, scripts: [SCRIPT], css: CSS };
}

/** Shows a follow-up when its question gets the answer it waits for; a hidden one is disabled, so it neither blocks nor posts. */
const SCRIPT = `(function () {
  var form = document.querySelector('form');
  if (!form) return;
  var followUps = Array.prototype.slice.call(form.querySelectorAll('[data-show-if]'));
  function valueOf(name) {
    var checked = form.querySelector('input[name="' + name + '"]:checked');
    if (checked) return checked.value;
    var control = form.querySelector('select[name="' + name + '"]');
    return control ? control.value : '';
  }
  function update() {
    followUps.forEach(function (box) {
      var shown = valueOf(box.getAttribute('data-show-if')) === box.getAttribute('data-equals');
      box.hidden = !shown;
      Array.prototype.forEach.call(box.querySelectorAll('input, select, textarea'), function (c) { c.disabled = !shown; });
    });
  }
  form.addEventListener('change', update);
  update();
})();`;

const CSS = `
body{background:#f7f7fa}
.wk{background:#fff;border:1px solid #e1e1ea;border-radius:10px;padding:26px 30px}
.field label,.field legend{font-weight:600}
.follow-up{margin:-6px 0 18px 18px;padding-left:14px;border-left:3px solid #d6d6f0}
.primary{background:#00756a;border-color:#00756a;color:#fff}
${DATE_PARTS_CSS}
`;

export const conditionalLayout: LayoutDefinition = {
  name: 'conditional',
  summary:
    'Follow-up questions appear only after an earlier answer (relocation Yes → "Where would you like to relocate to?", "Other" → "Please specify"), so the form must be read again after each answer; the start date is three selects (month, day, year) labelled only "Month", "Day" and "Year" under one legend.',
  fields,
  render,
};
