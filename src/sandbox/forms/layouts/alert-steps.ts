import { attrs, escapeHtml } from '../../html/escape';
import { controlId, errorSummary, fieldError, formOpen, labelHtml, labelledField, type ControlOptions } from '../controls';
import { field, HEARD_ABOUT_US, YEARS_RANGES, YES_NO } from '../field-builder';
import type { FormContext, FormView, LayoutDefinition, RenderedForm, SandboxField } from '../field-types';
import { divCombobox, DIV_COMBOBOX_SCRIPT } from '../widgets/div-combobox';
import { fileButton, FILE_BUTTON_CSS, FILE_BUTTON_SCRIPT } from '../widgets/file-button';
import { textDateField } from '../widgets/text-date';

/**
 * A Greenhouse-style multi-step application, as the applier first failed on: its
 * dropdowns are div comboboxes named by a separate element (aria-labelledby) with the
 * options inside them, "How did you hear" is required without any mark, and Continue
 * says what is missing only in an alert() and does not move on.
 */
const STEP_TITLES = ['Personal information', 'Documents', 'A few questions'];

function fields(context: FormContext): SandboxField[] {
  return [
    field('first_name', 'First name', 'text', { required: true, profileKey: 'firstName', step: 1 }),
    field('last_name', 'Last name', 'text', { required: true, profileKey: 'lastName', step: 1 }),
    field('email', 'Email', 'email', { required: true, profileKey: 'email', step: 1 }),
    field('phone', 'Phone', 'tel', { required: true, profileKey: 'phone', step: 1 }),
    field('question_work_auth', `Are you legally authorized to work in ${context.workCountry}?`, 'combobox', {
      required: true,
      options: YES_NO,
      profileKey: 'workAuthorization',
      step: 1,
    }),
    field('question_years', 'How many years of professional experience do you have?', 'combobox', {
      required: true,
      options: YEARS_RANGES,
      profileKey: 'yearsOfExperience',
      step: 1,
    }),
    field('question_source', 'How did you hear about this job?', 'combobox', { required: true, options: HEARD_ABOUT_US, needsHuman: true, step: 1 }),
    field('resume', 'Resume/CV', 'file', { required: true, profileKey: 'resume', step: 2 }),
    field('cover_letter_text', 'Cover letter', 'textarea', { profileKey: 'coverLetter', step: 2 }),
    field('question_start', 'Earliest start date', 'date', { required: true, profileKey: 'earliestStartDate', textDate: 'MM/DD/YYYY', step: 3 }),
    field('question_why', `Why do you want to work at ${context.company}?`, 'textarea', { required: true, profileKey: 'coverLetter', step: 3 }),
    field('certify', 'I certify that the information in this application is accurate and complete', 'checkbox', {
      required: true,
      needsHuman: true,
      step: 3,
    }),
  ];
}

const OPTIONS: ControlOptions = { labelling: 'label', autocomplete: false, requiredAttr: false };

const stepOf = (f: SandboxField) => f.step ?? STEP_TITLES.length;

/** The message the step's check shows for a missing answer (the server's wording). */
const missing = (f: SandboxField) => (f.label.endsWith('?') ? `Please answer: ${f.label}` : `${f.label} is required.`);

/** A statement to tick, its required mark in its label (the only place it shows). */
function statement(f: SandboxField, view: FormView): string {
  const input = `<input${attrs({ type: 'checkbox', id: controlId(f), name: f.name, value: 'yes', checked: view.values[f.name] === 'yes' })}>`;
  return `<div class="field field-check"><label class="choice">${input} ${labelHtml(f)}</label>${fieldError(f, view)}</div>`;
}

function control(f: SandboxField, view: FormView): string {
  if (f.kind === 'combobox') return divCombobox(f, view);
  if (f.kind === 'checkbox') return statement(f, view);
  if (f.kind === 'file') return fileButton(f, view);
  if (f.kind === 'date') return textDateField(f, view);
  return labelledField(f, view, OPTIONS);
}

/** The step's required fields, as data for its check: never as attributes a reader could see. */
function checked(f: SandboxField, view: FormView): string {
  const html = control(f, view);
  return f.required ? `<div data-check="${escapeHtml(f.name)}" data-message="${escapeHtml(missing(f))}">${html}</div>` : html;
}

function stepButtons(n: number): string {
  const back = n > 1 ? '<button type="button" class="back" data-back>Back</button>' : '';
  const forward = n < STEP_TITLES.length ? '<button type="button" class="primary" data-continue>Continue</button>' : '<button type="submit" class="primary">Submit application</button>';
  return `<div class="nav">${back}${forward}</div>`;
}

function initialStep(view: FormView): number {
  const failing = view.fields.find((f) => view.errors[f.name]);
  return failing ? stepOf(failing) : 1;
}

function render(view: FormView): RenderedForm {
  const current = initialStep(view);
  const steps = STEP_TITLES.map((title, i) => {
    const n = i + 1;
    const body = view.fields.filter((f) => stepOf(f) === n).map((f) => checked(f, view)).join('');
    return `<section class="gh-step" data-step="${n}"${n === current ? '' : ' hidden'}><h2>${escapeHtml(title)}</h2>${body}${stepButtons(n)}</section>`;
  });
  const html = `<div class="gh">${errorSummary(view)}${formOpen(view, { novalidate: true, 'data-alert-steps': true })}${steps.join('')}</form></div>`;
  return { html, scripts: [DIV_COMBOBOX_SCRIPT, FILE_BUTTON_SCRIPT, SCRIPT], css: CSS };
}

/** Continue checks the step and, when something is missing, says so in an alert and stays. */
const SCRIPT = `(function () {
  var form = document.querySelector('form[data-alert-steps]');
  if (!form) return;
  var steps = Array.prototype.slice.call(form.querySelectorAll('.gh-step'));
  function current() {
    for (var i = 0; i < steps.length; i++) if (!steps[i].hidden) return i;
    return 0;
  }
  function empty(box) {
    var input = box.querySelector('input[type="checkbox"]');
    if (input) return !input.checked;
    var control = box.querySelector('input[type="file"]');
    if (control) return !control.files || control.files.length === 0;
    control = box.querySelector('input[name], textarea, select');
    return !control || !control.value.trim();
  }
  function problem(step) {
    var boxes = step.querySelectorAll('[data-check]');
    for (var k = 0; k < boxes.length; k++) if (empty(boxes[k])) return boxes[k].getAttribute('data-message');
    var dates = step.querySelectorAll('input[pattern]');
    for (var d = 0; d < dates.length; d++) if (!dates[d].checkValidity()) return 'Earliest start date: enter a date as ' + dates[d].placeholder + '.';
    return null;
  }
  function show(i) { steps.forEach(function (s, j) { s.hidden = j !== i; }); window.scrollTo(0, 0); }
  form.addEventListener('click', function (event) {
    var button = event.target.closest('button');
    if (!button) return;
    var i = current();
    if (button.hasAttribute('data-continue')) {
      var message = problem(steps[i]);
      if (message) { window.alert(message); return; }
      show(i + 1);
    } else if (button.hasAttribute('data-back')) {
      show(i - 1);
    }
  });
  form.addEventListener('submit', function (event) {
    for (var i = 0; i < steps.length; i++) {
      var message = problem(steps[i]);
      if (message) { event.preventDefault(); show(i); window.alert(message); return; }
    }
  });
})();`;

const CSS = `
body{background:#f5f7f6}
.gh{background:#fff;border:1px solid #dde3e0;border-radius:8px;padding:26px 30px}
.gh-step h2{margin-top:0;font-size:1.2rem}
.q-label,.field label,.field legend{display:block;font-weight:600;margin-bottom:6px}
.dc-field{position:relative}
.dc{display:flex;flex-direction:column;min-height:40px;padding:8px 12px;border:1px solid #b8c0c8;border-radius:6px;background:#fff;cursor:pointer}
.dc-menu{margin-top:8px;border-top:1px solid #e3e7ea}
.dc-option{padding:6px 4px;border-radius:4px}
.dc-option:hover{background:#eef4f1}
.nav{display:flex;justify-content:space-between;gap:12px;border-top:1px solid #e3e7ea;padding-top:14px;margin-top:8px}
.nav .primary{margin-left:auto;background:#1f7a5a;border-color:#1f7a5a;color:#fff}
${FILE_BUTTON_CSS}
`;

export const alertStepsLayout: LayoutDefinition = {
  name: 'alert-steps',
  summary:
    'Three steps with Back and Continue: div comboboxes named by a separate element (aria-labelledby) with their options inside them, a required "How did you hear" with no mark at all, a resume input hidden behind an Attach button, a date typed as MM/DD/YYYY; Continue reports what is missing only in an alert() and stays on the step.',
  fields,
  render,
};
