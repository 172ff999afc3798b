import { attrs, escapeHtml, tag } from '../../html/escape';
import { controlId, fieldError, labelHtml } from '../controls';
import type { FormView, SandboxField } from '../field-types';

const chosenOf = (field: SandboxField, view: FormView) => {
  const current = view.values[field.name] ?? '';
  return (field.options ?? []).includes(current) ? current : '';
};

const optionList = (field: SandboxField, chosen: string) =>
  (field.options ?? []).map((o) => tag('li', { role: 'option', 'data-value': o, 'aria-selected': o === chosen ? 'true' : 'false' }, escapeHtml(o))).join('');

const hidden = (field: SandboxField, value: string) => `<input${attrs({ type: 'hidden', name: field.name, value })}>`;

/** A <button role="combobox"> named only by aria-label, whose listbox is elsewhere and tied by aria-owns. */
export function buttonCombobox(field: SandboxField, view: FormView): string {
  const id = controlId(field);
  const chosen = chosenOf(field, view);
  const button = tag(
    'button',
    { type: 'button', class: 'pc-trigger', role: 'combobox', 'aria-label': field.label, 'aria-haspopup': 'listbox', 'aria-expanded': 'false', 'aria-owns': `${id}_list` },
    escapeHtml(chosen || 'Choose one'),
  );
  return (
    `<div class="field pc-field" data-pc><p class="q-text" aria-hidden="true">${labelHtml(field)}</p>${button}` +
    `${tag('ul', { id: `${id}_list`, class: 'pc-menu', role: 'listbox', hidden: true }, optionList(field, chosen))}${hidden(field, chosen)}${fieldError(field, view)}</div>`
  );
}

/** A div combobox with no name of its own: the question is the paragraph before it; the listbox is tied by aria-controls. */
export function nearbyTextCombobox(field: SandboxField, view: FormView): string {
  const id = controlId(field);
  const chosen = chosenOf(field, view);
  const trigger = tag(
    'div',
    { class: 'pc-trigger', role: 'combobox', tabindex: 0, 'aria-haspopup': 'listbox', 'aria-expanded': 'false', 'aria-controls': `${id}_list` },
    escapeHtml(chosen || 'Choose one'),
  );
  return (
    `<div class="field pc-field" data-pc><p class="q-text">${labelHtml(field)}</p>${trigger}` +
    `${tag('ul', { id: `${id}_list`, class: 'pc-menu', role: 'listbox', hidden: true }, optionList(field, chosen))}${hidden(field, chosen)}${fieldError(field, view)}</div>`
  );
}

/** A listbox that is always open: a click on an option chooses it. */
export function standaloneListbox(field: SandboxField, view: FormView): string {
  const id = controlId(field);
  const chosen = chosenOf(field, view);
  return (
    `<div class="field" data-lb><span class="q-label" id="${escapeHtml(id)}_label">${labelHtml(field)}</span>` +
    tag('ul', { class: 'lb', role: 'listbox', tabindex: 0, 'aria-labelledby': `${id}_label`, 'aria-required': field.required ? 'true' : undefined }, optionList(field, chosen)) +
    `${hidden(field, chosen)}${fieldError(field, view)}</div>`
  );
}

/** The popups open and close on their trigger, and an option's click chooses it. */
export const POPUP_COMBOBOXES_SCRIPT = `(function () {
  function choose(box, option) {
    box.querySelector('input[type="hidden"]').value = option.getAttribute('data-value');
    Array.prototype.forEach.call(box.querySelectorAll('[role="option"]'), function (o) { o.setAttribute('aria-selected', o === option ? 'true' : 'false'); });
  }
  Array.prototype.forEach.call(document.querySelectorAll('[data-pc]'), function (box) {
    var trigger = box.querySelector('[role="combobox"]');
    var list = box.querySelector('[role="listbox"]');
    function set(open) { list.hidden = !open; trigger.setAttribute('aria-expanded', open ? 'true' : 'false'); }
    trigger.addEventListener('click', function () { set(list.hidden); });
    trigger.addEventListener('keydown', function (event) { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); set(list.hidden); } });
    list.addEventListener('click', function (event) {
      var option = event.target.closest('[role="option"]');
      if (!option) return;
      choose(box, option);
      trigger.textContent = option.textContent;
      set(false);
    });
    document.addEventListener('click', function (event) { if (!box.contains(event.target)) set(false); });
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-lb]'), function (box) {
    box.addEventListener('click', function (event) { var option = event.target.closest('[role="option"]'); if (option) choose(box, option); });
  });
})();`;

export const POPUP_COMBOBOXES_CSS = `
.pc-field{position:relative}
.q-text{font-weight:600;margin:0 0 6px}
.pc-trigger{display:block;width:100%;text-align:left;min-height:42px;padding:9px 12px;border:1px solid #b8c0c8;border-radius:6px;background:#fff;cursor:pointer}
.pc-menu{position:absolute;z-index:5;left:0;right:0;list-style:none;margin:4px 0 0;padding:4px;background:#fff;border:1px solid #b8c0c8;border-radius:6px}
.pc-menu li,.lb li{padding:8px 10px;border-radius:4px;cursor:pointer}
.pc-menu li:hover,.lb li:hover{background:#eef2f7}
.lb{list-style:none;margin:0;padding:4px;border:1px solid #b8c0c8;border-radius:6px;max-width:320px}
.lb li[aria-selected=true]{background:#1f5fbf;color:#fff}
`;
