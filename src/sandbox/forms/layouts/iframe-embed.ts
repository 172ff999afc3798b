import { COUNTRIES } from '../../catalog/countries';
import { errorSummary, formOpen, labelledField, type ControlOptions } from '../controls';
import { field, YES_NO } from '../field-builder';
import type { FormContext, FormView, LayoutDefinition, RenderedForm, SandboxField } from '../field-types';
import { BASED_IN_REGIONS } from '../regions';

/**
 * A careers page that embeds its ATS's form in an iframe (as Greenhouse's embed does):
 * the fields live in another document. The phone number is split into a calling-code
 * select of 200+ entries and the national number; "Country" is a 200+ entry select;
 * "Where are you based?" offers regions, not places.
 */
export const CALLING_CODE_OPTIONS = COUNTRIES.map((c) => `${c.name} (+${c.callingCode})`);

function fields(context: FormContext): SandboxField[] {
  return [
    field('first_name', 'First Name', 'text', { required: true, profileKey: 'firstName', autocomplete: 'given-name' }),
    field('last_name', 'Last Name', 'text', { required: true, profileKey: 'lastName', autocomplete: 'family-name' }),
    field('email', 'Email', 'email', { required: true, profileKey: 'email', autocomplete: 'email' }),
    field('phone_country', 'Country code', 'select', { required: true, options: CALLING_CODE_OPTIONS, profileKey: 'phoneCallingCode' }),
    field('phone', 'Phone number', 'tel', { required: true, profileKey: 'phone', autocomplete: 'tel-national', callingCodeFrom: 'phone_country' }),
    field('country', 'Country', 'select', { required: true, options: COUNTRIES.map((c) => c.name), profileKey: 'country', autocomplete: 'country-name' }),
    field('based_in', 'Where are you based?', 'select', { required: true, options: BASED_IN_REGIONS, profileKey: 'region' }),
    field('resume', 'Resume/CV', 'file', { required: true, profileKey: 'resume' }),
    field('linkedin', 'LinkedIn Profile', 'url', { profileKey: 'linkedinUrl' }),
    field('sponsorship', `Will you now or in the future require sponsorship to work in ${context.workCountry}?`, 'select', {
      required: true,
      options: YES_NO,
      profileKey: 'requiresSponsorship',
    }),
  ];
}

const OPTIONS: ControlOptions = { labelling: 'label', autocomplete: true, requiredAttr: true };

/** The phone's two parts side by side, under one caption, as embedded forms draw them. */
function phoneRow(view: FormView, code: SandboxField, number: SandboxField): string {
  return `<div class="phone-row">${labelledField(code, view, OPTIONS)}${labelledField(number, view, OPTIONS)}</div>`;
}

function render(view: FormView): RenderedForm {
  const code = view.fields.find((f) => f.name === 'phone_country');
  const number = view.fields.find((f) => f.name === 'phone');
  const body = view.fields
    .filter((f) => f !== number)
    .map((f) => (f === code && number ? phoneRow(view, f, number) : labelledField(f, view, OPTIONS)))
    .join('');
  // The confirmation replaces the whole careers page, not just the frame (target=_top).
  const html = `<div class="embed">${errorSummary(view)}${formOpen(view, { target: '_top' })}${body}<button type="submit" class="primary">Submit application</button></form></div>`;
  return { html, scripts: [], css: CSS };
}

const CSS = `
body{background:#fff}
.embed{padding:8px 4px}
.field label,.field legend{font-weight:600}
.phone-row{display:grid;grid-template-columns:minmax(160px,1fr) 2fr;gap:12px}
.primary{background:#2a6ebb;border-color:#2a6ebb;color:#fff}
`;

export const iframeEmbedLayout: LayoutDefinition = {
  name: 'iframe-embed',
  embedded: true,
  summary:
    'The apply page is a careers page with the ATS form in an iframe from another URL: fields live in another document, the phone is split into a 200+ entry calling-code select and the national number, "Country" is a 200+ entry select, and "Where are you based?" offers regions ("Europe", "US - West (PT)") rather than places.',
  fields,
  render,
};
