import { escapeHtml } from '../../html/escape';
import { errorSummary, formOpen, labelledField, type ControlOptions } from '../controls';
import { field, YES_NO } from '../field-builder';
import type { FormContext, FormView, LayoutDefinition, RenderedForm, SandboxField } from '../field-types';

/**
 * Workday-style: three steps in one form, shown one at a time. Only the visible step's
 * inputs can be reached, "Next" refuses to move on until the step is valid, and the
 * submit button exists only on the last step.
 */
const STEP_TITLES = ['My Information', 'My Experience', 'Application Questions'];

function fields(context: FormContext): SandboxField[] {
  return [
    field('legalName--firstName', 'Given Name(s)', 'text', { required: true, profileKey: 'firstName', step: 1 }),
    field('legalName--lastName', 'Family Name', 'text', { required: true, profileKey: 'lastName', step: 1 }),
    field('email', 'Email Address', 'email', { required: true, profileKey: 'email', step: 1 }),
    field('phoneNumber--deviceType', 'Phone Device Type', 'select', { options: ['Mobile', 'Home', 'Work'], step: 1 }),
    field('phoneNumber--phoneNumber', 'Phone Number', 'tel', { required: true, profileKey: 'phone', step: 1 }),
    field('address--city', 'City', 'text', { required: true, profileKey: 'location', step: 1 }),
    field('resumeAttachments', 'Resume/CV', 'file', { required: true, profileKey: 'resume', step: 2 }),
    field('experience--currentEmployer', 'Current Employer', 'text', { profileKey: 'currentCompany', step: 2 }),
    field('experience--years', 'Total Years of Relevant Experience', 'number', { required: true, profileKey: 'yearsOfExperience', step: 2 }),
    field('websites--linkedin', 'LinkedIn', 'url', { profileKey: 'linkedinUrl', step: 2 }),
    field('websites--github', 'GitHub', 'url', { profileKey: 'githubUrl', step: 2 }),
    field('questions--workAuthorization', `Are you legally authorized to work in ${context.workCountry}?`, 'select', {
      required: true,
      options: YES_NO,
      profileKey: 'workAuthorization',
      step: 3,
    }),
    field('questions--sponsorship', 'Will you now or in the future require sponsorship for employment visa status?', 'select', {
      required: true,
      options: YES_NO,
      profileKey: 'requiresSponsorship',
      step: 3,
    }),
    field('questions--relocation', 'Are you willing to relocate for this position?', 'select', {
      required: true,
      options: YES_NO,
      needsHuman: true,
      step: 3,
    }),
    field('questions--jobAlerts', `Send me emails about future openings at ${context.company}`, 'checkbox', { step: 3 }),
  ];
}

const OPTIONS: ControlOptions = { labelling: 'label', autocomplete: false, requiredAttr: true };

/** A field the spec gives no step goes on the last, with the other questions. */
const stepOf = (f: SandboxField) => f.step ?? STEP_TITLES.length;

/** The step to open on: the first one with an error, else the first. */
function initialStep(view: FormView): number {
  const failing = view.fields.find((f) => view.errors[f.name]);
  return failing ? stepOf(failing) : 1;
}

function progress(current: number): string {
  const items = STEP_TITLES.map((title, i) => {
    const n = i + 1;
    const state = n === current ? ' class="active" aria-current="step"' : n < current ? ' class="done"' : '';
    return `<li${state}><span class="dot">${n}</span><span>${escapeHtml(title)}</span></li>`;
  });
  return `<ol class="progress">${items.join('')}</ol>`;
}

function stepButtons(n: number): string {
  const back = n > 1 ? '<button type="button" data-back>Back</button>' : '';
  const forward = n < STEP_TITLES.length ? '<button type="button" class="primary" data-next>Next</button>' : '<button type="submit" class="primary">Submit</button>';
  return `<div class="step-nav">${back}${forward}</div>`;
}

function render(view: FormView): RenderedForm {
  const current = initialStep(view);
  const steps = STEP_TITLES.map((title, i) => {
    const n = i + 1;
    const body = view.fields
      .filter((f) => stepOf(f) === n)
      .map((f) => labelledField(f, view, OPTIONS))
      .join('');
    return `<section class="step" data-step="${n}"${n === current ? '' : ' hidden'}><h2 tabindex="-1">${escapeHtml(title)}</h2>${body}${stepButtons(n)}</section>`;
  });
  const html = `<div class="wd-panel">${progress(current)}${errorSummary(view)}${formOpen(view, { novalidate: true, 'data-wizard': true })}${steps.join('')}</form></div>`;
  return { html, scripts: [SCRIPT], css: CSS };
}

/** Steps, per-step validation, and on submit a jump to the first step with a problem. */
const SCRIPT = `(function () {
  var form = document.querySelector('form[data-wizard]');
  if (!form) return;
  var steps = Array.prototype.slice.call(form.querySelectorAll('.step'));
  var marks = Array.prototype.slice.call(document.querySelectorAll('.progress li'));
  function current() {
    for (var i = 0; i < steps.length; i++) if (!steps[i].hidden) return i;
    return 0;
  }
  function show(i) {
    steps.forEach(function (s, j) { s.hidden = j !== i; });
    marks.forEach(function (m, j) {
      m.className = j === i ? 'active' : j < i ? 'done' : '';
      if (j === i) m.setAttribute('aria-current', 'step'); else m.removeAttribute('aria-current');
    });
    var heading = steps[i].querySelector('h2');
    if (heading) heading.focus();
  }
  function firstInvalid(step) {
    var controls = step.querySelectorAll('input, select, textarea');
    for (var k = 0; k < controls.length; k++) if (!controls[k].checkValidity()) return controls[k];
    return null;
  }
  form.addEventListener('click', function (event) {
    var button = event.target.closest('button');
    if (!button) return;
    var i = current();
    if (button.hasAttribute('data-next')) {
      var bad = firstInvalid(steps[i]);
      if (bad) { bad.reportValidity(); return; }
      show(i + 1);
    } else if (button.hasAttribute('data-back')) {
      show(i - 1);
    }
  });
  form.addEventListener('submit', function (event) {
    for (var i = 0; i < steps.length; i++) {
      var bad = firstInvalid(steps[i]);
      if (bad) { event.preventDefault(); show(i); bad.reportValidity(); return; }
    }
  });
})();`;

const CSS = `
body{background:#eef1f5}
header.site{background:#0b4f8a;color:#fff}
header.site a{color:#fff}
.wd-panel{background:#fff;border-radius:10px;box-shadow:0 1px 4px rgba(0,0,0,.12);padding:24px 32px}
.progress{display:flex;gap:8px;list-style:none;padding:0;margin:0 0 24px;counter-reset:step}
.progress li{flex:1;display:flex;flex-direction:column;align-items:center;gap:6px;font-size:.85rem;color:#5b6572;text-align:center;border-top:3px solid #d3d9e1;padding-top:10px}
.progress li.active{border-color:#0b6bcb;color:#0b1f33;font-weight:600}
.progress li.done{border-color:#1a7f4b}
.progress .dot{display:inline-grid;place-items:center;width:26px;height:26px;border-radius:50%;background:#d3d9e1;color:#0b1f33;font-weight:600}
.progress li.active .dot{background:#0b6bcb;color:#fff}
.progress li.done .dot{background:#1a7f4b;color:#fff}
.step h2{font-size:1.25rem;margin:0 0 16px;outline:none}
.field label,.field legend{font-size:.9rem;font-weight:600;color:#33404d}
.step-nav{display:flex;justify-content:flex-end;gap:12px;border-top:1px solid #e3e7ec;padding-top:16px;margin-top:8px}
.primary{background:#0b6bcb;border-color:#0b6bcb;color:#fff}
`;

export const wizardLayout: LayoutDefinition = {
  name: 'wizard',
  summary:
    'Three steps in one form with only one visible at a time: the applier must fill a step, press Next (which refuses until the step is valid), Back to fix, and find Submit only on the last step; a required relocation question needs the human.',
  fields,
  render,
};
