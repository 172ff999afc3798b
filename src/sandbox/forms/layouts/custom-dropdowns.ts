import { comboboxField, COMBOBOX_SCRIPT } from '../combobox';
import { errorSummary, formOpen, labelledField, type ControlOptions } from '../controls';
import { field, WORK_ARRANGEMENTS, YEARS_RANGES, YES_NO } from '../field-builder';
import type { FormContext, FormView, LayoutDefinition, RenderedForm, SandboxField } from '../field-types';

/**
 * Ashby-style: system fields named `_systemfield_*`, custom questions named by opaque
 * UUIDs, and every multiple-choice question a custom combobox instead of a <select>.
 */
function fields(context: FormContext): SandboxField[] {
  return [
    field('_systemfield_name', 'Name', 'text', { required: true, profileKey: 'name', autocomplete: 'name' }),
    field('_systemfield_email', 'Email', 'email', { required: true, profileKey: 'email', autocomplete: 'email' }),
    field('_systemfield_phone', 'Phone', 'tel', { required: true, profileKey: 'phone', autocomplete: 'tel' }),
    field('_systemfield_location', 'Location', 'text', { profileKey: 'location', autocomplete: 'address-level2' }),
    field('_systemfield_resume', 'Resume', 'file', { required: true, profileKey: 'resume' }),
    field('4c1e9a52-3b7e-4d19-9f2a-6e4b1c7d2a90', 'LinkedIn', 'url', { profileKey: 'linkedinUrl' }),
    field('2f6d9e14-7a3c-4b85-a1e0-5c9b8d3f6e27', 'GitHub', 'url', { profileKey: 'githubUrl' }),
    field('b47e2c91-0d5a-4f63-8e1b-9a2c7f4d5e10', 'Current company', 'text', { profileKey: 'currentCompany', autocomplete: 'organization' }),
    field('e93b5d20-6f1a-4c7e-b2d8-0a4f9c3e1b76', `Are you legally authorized to work in ${context.workCountry}?`, 'combobox', {
      required: true,
      options: YES_NO,
      profileKey: 'workAuthorization',
    }),
    field('7a0c4f38-9e2b-4d61-8f5a-3c1b7e9d2f04', 'Will you now or in the future require visa sponsorship?', 'combobox', {
      required: true,
      options: YES_NO,
      profileKey: 'requiresSponsorship',
    }),
    field('d5f18b63-2c9a-4e07-a3b4-6f0e8d1c5a92', 'How many years of professional experience do you have?', 'combobox', {
      required: true,
      options: YEARS_RANGES,
      profileKey: 'yearsOfExperience',
    }),
    field('61b9e0d4-8a3f-4c25-9e7d-2b5a0f4c8e13', 'Which working arrangement do you prefer?', 'combobox', {
      required: true,
      options: WORK_ARRANGEMENTS,
      needsHuman: true,
    }),
    field('f2a7c3e5-1d8b-4f90-b6c2-9e4d0a7b3f58', 'Cover letter', 'textarea', { profileKey: 'coverLetter' }),
  ];
}

const OPTIONS: ControlOptions = { labelling: 'label', autocomplete: true, requiredAttr: true };

function render(view: FormView): RenderedForm {
  const body = view.fields.map((f) => (f.kind === 'combobox' ? comboboxField(f, view) : labelledField(f, view, OPTIONS))).join('');
  const html = `<div class="panel"><h2>Application</h2>${errorSummary(view)}${formOpen(view)}${body}<button type="submit" class="primary">Submit application</button></form></div>`;
  return { html, scripts: [COMBOBOX_SCRIPT], css: CSS };
}

const CSS = `
body{background:#f6f5fb}
.panel{background:#fff;border-radius:14px;padding:28px 32px;box-shadow:0 2px 10px rgba(60,40,120,.08)}
.field label,.combo-field .label{display:block;font-weight:600;margin-bottom:6px;color:#2b2540}
.combo-field{position:relative}
.combo{display:flex;justify-content:space-between;align-items:center;min-height:42px;padding:8px 12px;border:1px solid #c9c4dc;border-radius:10px;background:#fff;cursor:pointer}
.combo:focus{outline:2px solid #6a4cd8;outline-offset:1px}
.combo-value.empty{color:#8a86a0}
.chevron{width:8px;height:8px;border-right:2px solid #6a6680;border-bottom:2px solid #6a6680;transform:rotate(45deg);margin-left:12px}
.listbox{position:absolute;z-index:5;left:0;right:0;margin:4px 0 0;padding:4px;list-style:none;background:#fff;border:1px solid #c9c4dc;border-radius:10px;box-shadow:0 8px 24px rgba(40,20,90,.15);max-height:240px;overflow:auto}
.listbox[hidden]{display:none}
[role=option]{padding:8px 10px;border-radius:6px;cursor:pointer}
[role=option].active,[role=option]:hover{background:#efeafd}
[role=option][aria-selected=true]{font-weight:600}
.combo-field.invalid .combo{border-color:#b3261e}
input:not([type=radio]):not([type=checkbox]):not([type=file]),select,textarea{border-radius:10px}
.primary{background:#5b3fd1;border-color:#5b3fd1;color:#fff;border-radius:10px}
`;

export const customDropdownsLayout: LayoutDefinition = {
  name: 'custom-dropdowns',
  summary:
    'Multiple-choice questions are div comboboxes with a hidden input, not <select>s, so the applier must open each and click an option; custom questions are named by UUIDs, years of experience must be mapped onto ranges, and the preferred working arrangement needs the human.',
  fields,
  render,
};
