import { errorSummary, formOpen, labelledField, type ControlOptions } from '../controls';
import { field, YES_NO } from '../field-builder';
import type { FormContext, FormView, LayoutDefinition, RenderedForm, SandboxField } from '../field-types';

/**
 * An ATS with a long screening questionnaire: free text, yes/no radio groups, a number,
 * a salary expectation and a date picker, each question named `q_<id>`.
 */
function fields(context: FormContext): SandboxField[] {
  const screening = { section: 'screening' as const, required: true };
  return [
    field('candidate[name]', 'Full name', 'text', { required: true, profileKey: 'name' }),
    field('candidate[email]', 'Email address', 'email', { required: true, profileKey: 'email' }),
    field('candidate[phone]', 'Phone number', 'tel', { required: true, profileKey: 'phone' }),
    field('candidate[location]', 'Where are you based?', 'text', { profileKey: 'location' }),
    field('candidate[urls][linkedin]', 'LinkedIn profile', 'url', { profileKey: 'linkedinUrl' }),
    field('candidate[urls][github]', 'GitHub or portfolio', 'url', { profileKey: 'githubUrl' }),
    field('candidate[company]', 'Current company', 'text', { profileKey: 'currentCompany' }),
    field('candidate[resume]', 'Resume', 'file', { required: true, profileKey: 'resume' }),
    field('q_4101', `Why do you want to work at ${context.company}?`, 'textarea', { ...screening, profileKey: 'coverLetter' }),
    field('q_4102', `Are you legally authorized to work in ${context.workCountry}?`, 'radio', {
      ...screening,
      options: YES_NO,
      profileKey: 'workAuthorization',
    }),
    field('q_4103', 'Will you now or in the future require sponsorship for employment visa status?', 'radio', {
      ...screening,
      options: YES_NO,
      profileKey: 'requiresSponsorship',
    }),
    field('q_4104', 'How many years of professional experience do you have?', 'number', { ...screening, profileKey: 'yearsOfExperience' }),
    field('q_4105', 'What are your salary expectations for this role?', 'text', { ...screening, profileKey: 'desiredSalary' }),
    field('q_4106', 'What is your earliest possible start date?', 'date', { ...screening, profileKey: 'earliestStartDate' }),
    field('q_4107', 'Are you willing to relocate?', 'radio', { ...screening, options: YES_NO, needsHuman: true }),
  ];
}

const OPTIONS: ControlOptions = { labelling: 'label', autocomplete: false, requiredAttr: true };

function render(view: FormView): RenderedForm {
  const basics = view.fields.filter((f) => f.section !== 'screening').map((f) => labelledField(f, view, OPTIONS));
  const questions = view.fields
    .filter((f) => f.section === 'screening')
    .map((f, i) => `<div class="question"><span class="qnum" aria-hidden="true">${i + 1}</span>${labelledField(f, view, OPTIONS)}</div>`);
  const html =
    `${errorSummary(view)}${formOpen(view)}<section class="block"><h2>Your details</h2>${basics.join('')}</section>` +
    `<section class="block"><h2>Screening questions</h2><p class="muted">All questions are required.</p>${questions.join('')}</section>` +
    `<button type="submit" class="primary">Submit application</button></form>`;
  return { html, scripts: [], css: CSS };
}

const CSS = `
body{background:#eef6f6}
.block{background:#fff;border:1px solid #cfe3e3;border-radius:8px;padding:22px 26px;margin-bottom:20px}
.block h2{margin-top:0;color:#0f5257}
.question{display:flex;gap:14px;border-top:1px dashed #cfe3e3;padding-top:16px}
.question .field{flex:1}
.qnum{flex:none;width:28px;height:28px;border-radius:50%;background:#0f7c83;color:#fff;display:grid;place-items:center;font-weight:700;font-size:.85rem}
.choices{display:flex;gap:18px}
.primary{background:#0f7c83;border-color:#0f7c83;color:#fff}
`;

export const screeningLayout: LayoutDefinition = {
  name: 'screening',
  summary:
    'Seven required screening questions of mixed kinds (motivation text to write, yes/no radio groups, a number, a salary expectation, a date picker), with opaque q_ names, and a relocation question only the human can answer.',
  fields,
  render,
};
