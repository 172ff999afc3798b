import { tag } from '../../html/escape';
import { checkboxGroup, errorSummary, fieldError, formOpen, labelHtml, labelledField, type ControlOptions } from '../controls';
import { field, YES_NO } from '../field-builder';
import type { FormContext, FormView, LayoutDefinition, RenderedForm, SandboxField } from '../field-types';
import { ARIA_CHOICES_CSS, ARIA_CHOICES_FUNCTION, ariaCheckbox, ariaRadios, toggleButtons } from '../widgets/aria-choices';

/**
 * An application widget built as web components: <apply-widget> holds the whole form,
 * its submit button included, in an open shadow root, and a nested <skills-picker> holds
 * a "select all that apply" in a shadow root of its own. Yes/no is a pair of toggle
 * buttons, sponsorship a role="radio" group, the consent a role="checkbox".
 */
export const PRODUCTION_SKILLS = ['Python', 'Go', 'Java', 'Rust', 'Kubernetes', 'Terraform', 'React', 'Swift', 'Kafka', 'Ruby on Rails'];

function fields(context: FormContext): SandboxField[] {
  return [
    field('full_name', 'Full name', 'text', { required: true, profileKey: 'name', autocomplete: 'name' }),
    field('email', 'Email', 'email', { required: true, profileKey: 'email', autocomplete: 'email' }),
    field('phone', 'Phone', 'tel', { required: true, profileKey: 'phone', autocomplete: 'tel' }),
    field('resume', 'Resume', 'file', { required: true, profileKey: 'resume' }),
    field('work_auth', `Are you legally authorized to work in ${context.workCountry}?`, 'radio', {
      required: true,
      options: YES_NO,
      profileKey: 'workAuthorization',
    }),
    field('sponsorship', 'Will you need visa sponsorship, now or later?', 'radio', { required: true, options: YES_NO, profileKey: 'requiresSponsorship' }),
    field('skills', 'Which of these have you used in production? Select all that apply', 'checkboxes', {
      required: true,
      options: PRODUCTION_SKILLS,
      profileKey: 'skills',
    }),
    field('data_consent', `I agree that ${context.company} may keep my application data for 12 months`, 'checkbox', { required: true, needsHuman: true }),
  ];
}

const OPTIONS: ControlOptions = { labelling: 'label', autocomplete: true, requiredAttr: true };

/** The checkbox group in a component of its own, with its own shadow root. */
function skillsPicker(f: SandboxField, view: FormView): string {
  const inner = `<style>${INNER_CSS}</style><fieldset class="field"><legend>${labelHtml(f)}</legend><div class="choices">${checkboxGroup(f, view)}</div>${fieldError(f, view)}</fieldset>`;
  return `<skills-picker data-required="${f.required ? 'true' : 'false'}">${tag('template', { shadowrootmode: 'open' }, inner)}</skills-picker>`;
}

function control(f: SandboxField, view: FormView): string {
  if (f.name === 'work_auth') return toggleButtons(f, view);
  if (f.kind === 'radio') return ariaRadios(f, view);
  if (f.kind === 'checkboxes') return skillsPicker(f, view);
  if (f.kind === 'checkbox') return ariaCheckbox(f, view);
  return labelledField(f, view, OPTIONS);
}

function render(view: FormView): RenderedForm {
  const body = view.fields.map((f) => control(f, view)).join('');
  const shadow = `<style>${INNER_CSS}${ARIA_CHOICES_CSS}</style><div class="widget"><h2>Apply now</h2>${errorSummary(view)}${formOpen(view)}${body}<button type="submit" class="primary">Submit application</button></form></div>`;
  return { html: `<apply-widget>${tag('template', { shadowrootmode: 'open' }, shadow)}</apply-widget>`, scripts: [SCRIPT], css: CSS };
}

/** The components, their widgets, and the nested picker's values added to the form's data. */
const SCRIPT = `(function () {
  ${ARIA_CHOICES_FUNCTION}
  customElements.define('apply-widget', class extends HTMLElement {});
  customElements.define('skills-picker', class extends HTMLElement {});
  var host = document.querySelector('apply-widget');
  var root = host && host.shadowRoot;
  if (!root) return;
  wireAriaChoices(root);
  var form = root.querySelector('form');
  var pickers = Array.prototype.slice.call(root.querySelectorAll('skills-picker'));
  function checkedIn(picker) { return Array.prototype.slice.call(picker.shadowRoot.querySelectorAll('input[type="checkbox"]:checked')); }
  form.addEventListener('formdata', function (event) {
    pickers.forEach(function (p) { checkedIn(p).forEach(function (c) { event.formData.append(c.name, c.value); }); });
  });
  form.addEventListener('submit', function (event) {
    var empty = pickers.filter(function (p) { return p.getAttribute('data-required') === 'true' && checkedIn(p).length === 0; });
    if (empty.length) { event.preventDefault(); empty[0].shadowRoot.querySelector('input').focus(); }
  });
})();`;

/** Page styles stop at a shadow root, so the widget brings its own. */
const INNER_CSS = `
*{box-sizing:border-box}
.widget{font-family:system-ui,sans-serif;background:#fff;border:1px solid #dcd8ef;border-radius:12px;padding:24px 28px}
.field{margin:0 0 18px;border:0;padding:0}
.field label:not(.choice),.field legend,.q-label{display:block;font-weight:600;margin-bottom:6px}
input:not([type=radio]):not([type=checkbox]):not([type=file]),select,textarea{width:100%;font:inherit;padding:9px 11px;border:1px solid #b8c0c8;border-radius:6px}
.choice{display:inline-flex;align-items:center;gap:6px;margin:0 18px 6px 0}
button{font:inherit;padding:9px 18px;border-radius:6px;border:1px solid #8a949e;background:#fff;cursor:pointer}
.primary{background:#3b2fa0;border-color:#3b2fa0;color:#fff;font-weight:600}
.req{color:#b3261e}
.field-error{color:#b3261e;font-size:.9rem}
.error-summary{border:2px solid #b3261e;border-radius:6px;padding:10px 14px;margin-bottom:16px}
`;

const CSS = `apply-widget{display:block}`;

export const shadowDomLayout: LayoutDefinition = {
  name: 'shadow-dom',
  summary:
    'The whole form, submit button included, lives in the open shadow root of a custom element, and a "select all that apply" sits in a nested component with a shadow root of its own; yes/no is a pair of aria-pressed toggle buttons, sponsorship a role="radio" group and the consent a role="checkbox".',
  fields,
  render,
};
