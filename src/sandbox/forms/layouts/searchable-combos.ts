import { COUNTRIES } from '../../catalog/countries';
import { errorSummary, formOpen, labelledField, type ControlOptions } from '../controls';
import { field, WORK_ARRANGEMENTS, YEARS_RANGES, YES_NO } from '../field-builder';
import type { FormContext, FormView, LayoutDefinition, RenderedForm, SandboxField } from '../field-types';
import { fileButton, FILE_BUTTON_CSS, FILE_BUTTON_SCRIPT } from '../widgets/file-button';
import { buttonCombobox, nearbyTextCombobox, POPUP_COMBOBOXES_CSS, POPUP_COMBOBOXES_SCRIPT, standaloneListbox } from '../widgets/popup-comboboxes';
import { searchableCombobox, SEARCHABLE_COMBOBOX_CSS, SEARCHABLE_COMBOBOX_SCRIPT } from '../widgets/searchable-combobox';
import { textDateField } from '../widgets/text-date';

/**
 * A modern single-page form where every choice is a different kind of custom widget:
 * a type-to-search country combobox (a 2px input; options built only when open, 40 at a
 * time), a button combobox named by aria-label with its listbox tied by aria-owns, a
 * div combobox named only by the paragraph before it, an always-open listbox, a date
 * typed as DD/MM/YYYY and a resume input hidden behind an Attach button.
 */
function fields(context: FormContext): SandboxField[] {
  return [
    field('first_name', 'First name', 'text', { required: true, profileKey: 'firstName' }),
    field('last_name', 'Last name', 'text', { required: true, profileKey: 'lastName' }),
    field('email', 'Email', 'email', { required: true, profileKey: 'email' }),
    field('phone', 'Phone', 'tel', { required: true, profileKey: 'phone' }),
    field('country', 'Country of residence', 'combobox', { required: true, options: COUNTRIES.map((c) => c.name), profileKey: 'country' }),
    field('work_auth', `Are you legally authorized to work in ${context.workCountry}?`, 'combobox', {
      required: true,
      options: YES_NO,
      profileKey: 'workAuthorization',
    }),
    field('experience', 'How many years of professional experience do you have?', 'combobox', {
      required: true,
      options: YEARS_RANGES,
      profileKey: 'yearsOfExperience',
    }),
    field('sponsorship', 'Will you require visa sponsorship?', 'combobox', { required: true, options: YES_NO, profileKey: 'requiresSponsorship' }),
    field('arrangement', 'Which working arrangement do you prefer?', 'combobox', { required: true, options: WORK_ARRANGEMENTS, needsHuman: true }),
    field('start_date', 'Earliest start date', 'date', { required: true, profileKey: 'earliestStartDate', textDate: 'DD/MM/YYYY' }),
    field('resume', 'Resume', 'file', { required: true, profileKey: 'resume' }),
    field('github', 'GitHub', 'url', { profileKey: 'githubUrl' }),
  ];
}

const OPTIONS: ControlOptions = { labelling: 'label', autocomplete: false, requiredAttr: true };

/** Each choice question gets a different widget, so that one form shows them all. */
const WIDGETS: Readonly<Record<string, (f: SandboxField, view: FormView) => string>> = {
  country: searchableCombobox,
  arrangement: searchableCombobox,
  work_auth: buttonCombobox,
  experience: nearbyTextCombobox,
  sponsorship: standaloneListbox,
  start_date: textDateField,
  resume: fileButton,
};

function render(view: FormView): RenderedForm {
  const body = view.fields.map((f) => (WIDGETS[f.name] ?? ((x: SandboxField, v: FormView) => labelledField(x, v, OPTIONS)))(f, view)).join('');
  const html = `<div class="sr"><h2>Your application</h2>${errorSummary(view)}${formOpen(view)}${body}<button type="submit" class="primary">Submit application</button></form></div>`;
  return { html, scripts: [SEARCHABLE_COMBOBOX_SCRIPT, POPUP_COMBOBOXES_SCRIPT, FILE_BUTTON_SCRIPT], css: CSS };
}

const CSS = `
body{background:#f3f5f9}
.sr{background:#fff;border:1px solid #dde2ea;border-radius:10px;padding:26px 30px}
.field label,.q-label{display:block;font-weight:600;margin-bottom:6px}
.primary{background:#1f5fbf;border-color:#1f5fbf;color:#fff}
${SEARCHABLE_COMBOBOX_CSS}
${POPUP_COMBOBOXES_CSS}
${FILE_BUTTON_CSS}
`;

export const searchableCombosLayout: LayoutDefinition = {
  name: 'searchable-combos',
  summary:
    'Every choice is a different custom widget: a type-to-search country combobox (a 2px input whose options exist only while open, 40 at a time), a button combobox named by aria-label with its listbox tied by aria-owns, a div combobox named only by the paragraph before it, an always-open listbox, a date typed as DD/MM/YYYY and a resume input hidden behind an Attach button.',
  fields,
  render,
};
