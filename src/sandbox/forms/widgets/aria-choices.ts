import { attrs, escapeHtml, tag } from '../../html/escape';
import { controlId, fieldError, labelHtml } from '../controls';
import type { FormView, SandboxField } from '../field-types';

const hidden = (field: SandboxField, value: string) => `<input${attrs({ type: 'hidden', name: field.name, value })}>`;

const chosenOf = (field: SandboxField, view: FormView) => {
  const current = view.values[field.name] ?? '';
  return (field.options ?? []).includes(current) ? current : '';
};

/** Yes/No as two toggle buttons (aria-pressed) in a labelled group; no radio, no select. */
export function toggleButtons(field: SandboxField, view: FormView): string {
  const id = controlId(field);
  const chosen = chosenOf(field, view);
  const buttons = (field.options ?? []).map((o) =>
    tag('button', { type: 'button', class: 'tg', 'aria-pressed': o === chosen ? 'true' : 'false', 'data-value': o }, escapeHtml(o)),
  );
  return (
    `<div class="field" data-toggles><span class="q-label" id="${escapeHtml(id)}_label">${labelHtml(field)}</span>` +
    `${tag('div', { role: 'group', class: 'tg-row', 'aria-labelledby': `${id}_label` }, buttons.join(''))}${hidden(field, chosen)}${fieldError(field, view)}</div>`
  );
}

/** A radio group drawn with role="radio" elements in a role="radiogroup": nothing native to check(). */
export function ariaRadios(field: SandboxField, view: FormView): string {
  const id = controlId(field);
  const chosen = chosenOf(field, view);
  const radios = (field.options ?? []).map((o, i) =>
    tag('div', { role: 'radio', class: 'ar', tabindex: i === 0 ? 0 : -1, 'aria-checked': o === chosen ? 'true' : 'false', 'data-value': o }, escapeHtml(o)),
  );
  return (
    `<div class="field" data-aria-radios><span class="q-label" id="${escapeHtml(id)}_label">${labelHtml(field)}</span>` +
    tag('div', { role: 'radiogroup', class: 'ar-row', 'aria-labelledby': `${id}_label`, 'aria-required': field.required ? 'true' : undefined }, radios.join('')) +
    `${hidden(field, chosen)}${fieldError(field, view)}</div>`
  );
}

/** A consent drawn as a role="checkbox" element named by its own text. */
export function ariaCheckbox(field: SandboxField, view: FormView): string {
  const on = view.values[field.name] === 'yes';
  const box = tag(
    'div',
    { role: 'checkbox', class: 'ac', tabindex: 0, 'aria-checked': on ? 'true' : 'false', 'aria-required': field.required ? 'true' : undefined },
    `<span class="ac-box" aria-hidden="true"></span><span>${labelHtml(field)}</span>`,
  );
  return `<div class="field" data-aria-checkbox>${box}${hidden(field, on ? 'yes' : '')}${fieldError(field, view)}</div>`;
}

/** Clicks and the space bar on the three widgets above, anywhere under `root`. */
export const ARIA_CHOICES_FUNCTION = `function wireAriaChoices(root) {
  Array.prototype.forEach.call(root.querySelectorAll('[data-toggles]'), function (box) {
    box.addEventListener('click', function (event) {
      var button = event.target.closest('button[aria-pressed]');
      if (!button) return;
      Array.prototype.forEach.call(box.querySelectorAll('button[aria-pressed]'), function (b) { b.setAttribute('aria-pressed', b === button ? 'true' : 'false'); });
      box.querySelector('input[type="hidden"]').value = button.getAttribute('data-value');
    });
  });
  Array.prototype.forEach.call(root.querySelectorAll('[data-aria-radios]'), function (box) {
    function pick(radio) {
      Array.prototype.forEach.call(box.querySelectorAll('[role="radio"]'), function (r) {
        r.setAttribute('aria-checked', r === radio ? 'true' : 'false');
        r.tabIndex = r === radio ? 0 : -1;
      });
      box.querySelector('input[type="hidden"]').value = radio.getAttribute('data-value');
    }
    box.addEventListener('click', function (event) { var r = event.target.closest('[role="radio"]'); if (r) pick(r); });
    box.addEventListener('keydown', function (event) { var r = event.target.closest('[role="radio"]'); if (r && event.key === ' ') { event.preventDefault(); pick(r); } });
  });
  Array.prototype.forEach.call(root.querySelectorAll('[data-aria-checkbox]'), function (box) {
    var el = box.querySelector('[role="checkbox"]');
    function flip() {
      var on = el.getAttribute('aria-checked') !== 'true';
      el.setAttribute('aria-checked', on ? 'true' : 'false');
      box.querySelector('input[type="hidden"]').value = on ? 'yes' : '';
    }
    el.addEventListener('click', flip);
    el.addEventListener('keydown', function (event) { if (event.key === ' ') { event.preventDefault(); flip(); } });
  });
}`;

export const ARIA_CHOICES_CSS = `
.tg-row,.ar-row{display:flex;gap:10px}
.tg[aria-pressed=true],.ar[aria-checked=true]{background:#3b2fa0;border-color:#3b2fa0;color:#fff}
.ar{padding:8px 16px;border:1px solid #8a949e;border-radius:999px;cursor:pointer}
.ac{display:flex;gap:10px;align-items:flex-start;cursor:pointer}
.ac-box{flex:none;width:18px;height:18px;border:2px solid #555;border-radius:3px;margin-top:3px}
.ac[aria-checked=true] .ac-box{background:#3b2fa0;border-color:#3b2fa0}
`;
