import { errorSummary, formOpen, labelledField, type ControlOptions } from '../controls';
import { field, HEARD_ABOUT_US } from '../field-builder';
import type { FormView, LayoutDefinition, RenderedForm, SandboxField } from '../field-types';

/**
 * Greenhouse-style: one page, a `<label for>` on every native control, autocomplete
 * tokens, and custom questions named by position (`job_application[answers_attributes][n]…`).
 */
const answer = (n: number, part = 'text_value') => `job_application[answers_attributes][${n}][${part}]`;

function fields(): SandboxField[] {
  return [
    field('first_name', 'First Name', 'text', { required: true, profileKey: 'firstName', autocomplete: 'given-name' }),
    field('last_name', 'Last Name', 'text', { required: true, profileKey: 'lastName', autocomplete: 'family-name' }),
    field('email', 'Email', 'email', { required: true, profileKey: 'email', autocomplete: 'email' }),
    field('phone', 'Phone', 'tel', { required: true, profileKey: 'phone', autocomplete: 'tel' }),
    field('location', 'Location (City)', 'text', { required: true, profileKey: 'location', autocomplete: 'address-level2' }),
    field('resume', 'Resume/CV', 'file', { required: true, profileKey: 'resume' }),
    field('cover_letter', 'Cover Letter', 'file', { profileKey: 'coverLetter' }),
    field(answer(0), 'LinkedIn Profile', 'url', { profileKey: 'linkedinUrl', autocomplete: 'url' }),
    field(answer(1), 'Website', 'url', { profileKey: 'websiteUrl' }),
    field(answer(2), 'Current Company', 'text', { profileKey: 'currentCompany', autocomplete: 'organization' }),
    field(answer(3, 'question_option_id'), 'How did you hear about this job?', 'select', {
      required: true,
      options: HEARD_ABOUT_US,
      needsHuman: true,
    }),
  ];
}

const OPTIONS: ControlOptions = { labelling: 'label', autocomplete: true, requiredAttr: true };

function render(view: FormView): RenderedForm {
  const body = view.fields.map((f) => labelledField(f, view, OPTIONS)).join('');
  const html =
    `<div class="card"><h2>Apply for this job</h2><p class="muted"><span class="req">*</span> Required</p>` +
    `${errorSummary(view)}${formOpen(view)}${body}<button type="submit" class="primary">Submit application</button></form></div>`;
  return { html, scripts: [], css: CSS };
}

const CSS = `
body{background:#f4f6f4}
.card{background:#fff;border:1px solid #dfe3df;border-radius:6px;padding:28px 32px}
.field label,.field legend{font-weight:600}
.primary{background:#24705a;border-color:#24705a;color:#fff}
`;

export const classicLayout: LayoutDefinition = {
  name: 'classic',
  summary:
    'The baseline: labelled native inputs on one page, but custom questions have positional names (job_application[answers_attributes][n]) and one required select, how you heard about the job, only the human can answer.',
  fields,
  render,
};
