import { escapeHtml } from '../../html/escape';
import { errorSummary, fieldError, formOpen, nativeControl, type ControlOptions } from '../controls';
import { field, YES_NO } from '../field-builder';
import type { FormContext, FormView, LayoutDefinition, RenderedForm, SandboxField } from '../field-types';

/**
 * A legacy ATS: each question is plain text in the cell before its control, with no
 * <label>, no ARIA and no `required` attribute; the server alone enforces the asterisks.
 */
function fields(context: FormContext): SandboxField[] {
  return [
    field('txtFirstName', 'First Name', 'text', { required: true, profileKey: 'firstName' }),
    field('txtLastName', 'Last Name', 'text', { required: true, profileKey: 'lastName' }),
    field('txtEmail', 'E-mail Address', 'email', { required: true, profileKey: 'email' }),
    field('txtPhone', 'Primary Phone', 'tel', { required: true, profileKey: 'phone' }),
    field('txtCity', 'City / Location', 'text', { required: true, profileKey: 'location' }),
    field('txtCurrentEmployer', 'Current Employer', 'text', { profileKey: 'currentCompany' }),
    field('txtLinkedIn', 'LinkedIn Profile URL', 'url', { profileKey: 'linkedinUrl' }),
    field('txtWebsite', 'Personal Website', 'url', { profileKey: 'websiteUrl' }),
    field('ddlWorkAuth', `Are you authorized to work in ${context.workCountry}?`, 'select', {
      required: true,
      options: YES_NO,
      profileKey: 'workAuthorization',
    }),
    field('ddlSponsorship', 'Will you require visa sponsorship now or in the future?', 'select', { options: YES_NO, profileKey: 'requiresSponsorship' }),
    field('fileResume', 'Resume (PDF)', 'file', { required: true, profileKey: 'resume' }),
    field('txtResumeText', 'Or paste your resume as plain text', 'textarea', { profileKey: 'resumeText' }),
    field('txtCoverLetter', 'Cover Letter', 'textarea', { profileKey: 'coverLetter' }),
  ];
}

const OPTIONS: ControlOptions = { labelling: 'none', autocomplete: false, requiredAttr: false };

/** Alternating <div> and <span> captions, as hand-written legacy templates do. */
function row(f: SandboxField, view: FormView, i: number): string {
  const mark = f.required ? '<span class="req">*</span>' : '';
  const caption = i % 2 === 0 ? `<div class="cap">${escapeHtml(f.label)}${mark}</div>` : `<div class="cap"><span>${escapeHtml(f.label)}</span>${mark}</div>`;
  return `<div class="tr">${caption}<div class="ctl">${nativeControl(f, view, OPTIONS)}${fieldError(f, view)}</div></div>`;
}

function render(view: FormView): RenderedForm {
  const rows = view.fields.map((f, i) => row(f, view, i)).join('');
  const html =
    `<div class="legacy"><div class="bar">Candidate Profile &ndash; Step 1 of 1</div>${errorSummary(view)}` +
    `<p class="note">Fields marked with <span class="req">*</span> are mandatory.</p>` +
    `${formOpen(view, { novalidate: true })}<div class="grid">${rows}</div><div class="actions"><input type="submit" value="Submit"></div></form></div>`;
  return { html, scripts: [], css: CSS };
}

const CSS = `
body{background:#e9e9e9;font-family:Verdana,Geneva,Tahoma,sans-serif;font-size:13px}
.legacy{background:#fff;border:1px solid #9aa5b1}
.bar{background:linear-gradient(#4d79a8,#2f5d8c);color:#fff;font-weight:bold;padding:6px 10px}
.note{padding:0 10px}
.grid{padding:4px 10px 10px}
.tr{display:grid;grid-template-columns:230px 1fr;gap:8px;padding:6px 0;border-bottom:1px solid #eee;align-items:start}
.cap{font-weight:bold;color:#333;padding-top:5px}
.ctl input:not([type=radio]):not([type=checkbox]):not([type=file]),.ctl select,.ctl textarea{border-radius:0;border:1px solid #7f9db9;padding:3px;font:inherit;max-width:360px}
.actions{padding:10px;background:#f3f3f3;border-top:1px solid #ccc;text-align:right}
.actions input{font:inherit;padding:4px 18px;border:1px solid #666;background:linear-gradient(#fff,#ddd);border-radius:2px;cursor:pointer}
@media (max-width:600px){.tr{grid-template-columns:1fr}}
`;

export const nearbyTextLayout: LayoutDefinition = {
  name: 'nearby-text',
  summary:
    'Questions are plain text in a neighbouring <div>/<span> with no <label>, no ARIA and no required attributes, field names are Hungarian-notation (txtFirstName, ddlWorkAuth), and only the server says what is missing.',
  fields,
  render,
};
