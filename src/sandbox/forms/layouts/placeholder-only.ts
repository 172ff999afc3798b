import { errorSummary, fieldError, formOpen, nativeControl, type ControlOptions } from '../controls';
import { field } from '../field-builder';
import type { FormView, LayoutDefinition, RenderedForm, SandboxField } from '../field-types';

/**
 * Lever-style minimalism: no <label> anywhere. Text inputs carry only a placeholder
 * (and an aria-label), which disappears as soon as something is typed.
 */
function fields(): SandboxField[] {
  return [
    field('resume', 'Resume/CV', 'file', { required: true, profileKey: 'resume' }),
    field('name', 'Full name', 'text', { required: true, profileKey: 'name' }),
    field('email', 'Email', 'email', { required: true, profileKey: 'email' }),
    field('phone', 'Phone', 'tel', { required: true, profileKey: 'phone' }),
    field('location', 'Current location', 'text', { profileKey: 'location' }),
    field('org', 'Current company', 'text', { profileKey: 'currentCompany' }),
    field('urls[LinkedIn]', 'LinkedIn URL', 'url', { profileKey: 'linkedinUrl' }),
    field('urls[GitHub]', 'GitHub URL', 'url', { profileKey: 'githubUrl' }),
    field('urls[Portfolio]', 'Portfolio URL', 'url', { profileKey: 'websiteUrl' }),
    field('comments', 'Add a cover letter or anything else you want to share', 'textarea', { profileKey: 'coverLetter' }),
  ];
}

const OPTIONS: ControlOptions = { labelling: 'aria', autocomplete: false, requiredAttr: true };

/** Headings group the fields the way Lever does (they are not labels); the group follows from the field. */
const GROUPS = ['Submit your application', 'Links', 'Additional information'] as const;

function groupOf(f: SandboxField): (typeof GROUPS)[number] {
  if (f.kind === 'url') return 'Links';
  if (f.kind === 'textarea') return 'Additional information';
  return 'Submit your application';
}

function control(f: SandboxField, view: FormView): string {
  if (f.kind === 'file') {
    // A styled drop zone: the visible words are decoration, the input is named only by aria-label.
    const input = nativeControl(f, view, OPTIONS);
    return `<div class="row upload"><span class="upload-cta" aria-hidden="true">Attach resume/CV</span>${input}${fieldError(f, view)}</div>`;
  }
  return `<div class="row">${nativeControl(f, view, OPTIONS)}${fieldError(f, view)}</div>`;
}

function render(view: FormView): RenderedForm {
  const groups = GROUPS.map((heading) => {
    const rows = view.fields.filter((f) => groupOf(f) === heading).map((f) => control(f, view));
    return rows.length ? `<section class="group"><h3>${heading}</h3>${rows.join('')}</section>` : '';
  });
  const html = `<div class="sheet">${errorSummary(view)}${formOpen(view)}${groups.join('')}<button type="submit" class="primary">Submit application</button></form></div>`;
  return { html, scripts: [], css: CSS };
}

const CSS = `
body{background:#fff}
.sheet{max-width:640px;margin:0 auto}
.group{border-top:1px solid #e5e5e5;padding-top:14px;margin-top:22px}
.group h3{text-transform:uppercase;letter-spacing:.08em;font-size:.8rem;color:#555;margin:0 0 14px}
.row{margin-bottom:14px}
.sheet .row input:not([type=file]):not([type=radio]):not([type=checkbox]),.sheet .row textarea{border:0;border-bottom:1px solid #cfcfcf;border-radius:0;padding:10px 2px;font-size:1rem}
.sheet .row input:focus,.sheet .row textarea:focus{outline:none;border-bottom-color:#111}
.upload{display:flex;align-items:center;gap:14px;flex-wrap:wrap}
.upload-cta{display:inline-block;padding:10px 16px;border:1px solid #111;border-radius:3px;font-weight:600;text-transform:uppercase;font-size:.8rem;letter-spacing:.05em}
.primary{display:block;width:100%;background:#111;border-color:#111;color:#fff;text-transform:uppercase;letter-spacing:.06em;padding:14px}
`;

export const placeholderOnlyLayout: LayoutDefinition = {
  name: 'placeholder-only',
  summary:
    'No <label> elements at all: inputs are named only by placeholders and aria-labels (which vanish once typed into), and section headings sit where labels would be.',
  fields,
  render,
};
