import { errorSummary, formOpen, labelledField, type ControlOptions } from '../controls';
import { field } from '../field-builder';
import type { FormView, LayoutDefinition, RenderedForm, SandboxField } from '../field-types';

/**
 * A US-style application with the voluntary self-identification section that follows
 * the standard questions: tempting to fill, but none of it is the applier's to answer.
 */
const DECLINE = 'Decline to self-identify';
const NO_ANSWER = "I don't wish to answer";
const app = (key: string) => `job_application[${key}]`;

function fields(): SandboxField[] {
  const eeo = { section: 'eeo' as const };
  return [
    field(app('first_name'), 'First name', 'text', { required: true, profileKey: 'firstName', autocomplete: 'given-name' }),
    field(app('last_name'), 'Last name', 'text', { required: true, profileKey: 'lastName', autocomplete: 'family-name' }),
    field(app('email'), 'Email', 'email', { required: true, profileKey: 'email', autocomplete: 'email' }),
    field(app('phone'), 'Phone', 'tel', { required: true, profileKey: 'phone', autocomplete: 'tel' }),
    field(app('location'), 'Location', 'text', { required: true, profileKey: 'location', autocomplete: 'address-level2' }),
    field(app('resume'), 'Resume', 'file', { required: true, profileKey: 'resume' }),
    field(app('cover_letter_text'), 'Cover letter', 'textarea', { profileKey: 'coverLetter' }),
    field(app('linkedin_url'), 'LinkedIn profile', 'url', { profileKey: 'linkedinUrl', autocomplete: 'url' }),
    field(app('website_url'), 'GitHub or portfolio', 'url', { profileKey: 'githubUrl' }),
    field(app('current_company'), 'Current company', 'text', { profileKey: 'currentCompany', autocomplete: 'organization' }),
    field(app('gender'), 'Gender', 'select', { ...eeo, options: ['Male', 'Female', 'Non-binary', DECLINE] }),
    field(app('hispanic_ethnicity'), 'Are you Hispanic/Latino?', 'select', { ...eeo, options: ['Yes', 'No', DECLINE] }),
    field(app('race'), 'Race/Ethnicity', 'select', {
      ...eeo,
      options: [
        'American Indian or Alaska Native',
        'Asian',
        'Black or African American',
        'Native Hawaiian or Other Pacific Islander',
        'White',
        'Two or More Races',
        DECLINE,
      ],
    }),
    field(app('veteran_status'), 'Veteran status', 'select', {
      ...eeo,
      options: ['I am a protected veteran', 'I am not a protected veteran', NO_ANSWER],
    }),
    field(app('disability_status'), 'Disability status', 'select', {
      ...eeo,
      options: ['Yes, I have a disability (or previously had a disability)', 'No, I do not have a disability', NO_ANSWER],
    }),
  ];
}

const OPTIONS: ControlOptions = { labelling: 'label', autocomplete: true, requiredAttr: true };

const EEO_INTRO =
  'We are an equal opportunity employer. Completing this section is voluntary and will not affect your application; ' +
  'the answers are kept apart from your application and are not seen by the people who review it.';

function render(view: FormView): RenderedForm {
  const standard = view.fields.filter((f) => f.section !== 'eeo').map((f) => labelledField(f, view, OPTIONS));
  const voluntary = view.fields.filter((f) => f.section === 'eeo').map((f) => labelledField(f, view, OPTIONS));
  const html =
    `<div class="card"><h2>Submit your application</h2>${errorSummary(view)}${formOpen(view)}${standard.join('')}` +
    `<section class="eeo" aria-labelledby="eeo-title"><h3 id="eeo-title">Voluntary Self-Identification</h3><p class="muted">${EEO_INTRO}</p>` +
    `<div class="eeo-grid">${voluntary.join('')}</div></section>` +
    `<button type="submit" class="primary">Submit application</button></form></div>`;
  return { html, scripts: [], css: CSS };
}

const CSS = `
body{background:#fbf8f4}
.card{background:#fff;border:1px solid #eadfce;border-radius:6px;padding:28px 32px}
.field label,.field legend{font-weight:600}
.eeo{background:#fdf4e7;border:1px solid #f0dcbc;border-radius:6px;padding:18px 22px;margin:26px 0}
.eeo h3{margin-top:0}
.eeo-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:0 18px}
.primary{background:#b25d12;border-color:#b25d12;color:#fff}
`;

export const eeoLayout: LayoutDefinition = {
  name: 'eeo',
  summary:
    'Standard fields followed by an optional Voluntary Self-Identification section (gender, ethnicity, veteran, disability) that an applier must leave alone or answer only as the human says, never guess.',
  fields,
  render,
};
