import { attrs, escapeHtml, tag } from '../../html/escape';
import { controlId, fieldError } from '../controls';
import type { FormView, SandboxField } from '../field-types';

/**
 * A div combobox as some ATSs draw it: named only by a separate element through
 * aria-labelledby, its options in a role="listbox" *inside* the combobox, the choice in
 * a hidden input. Nothing says it is required: only the step's Continue check does.
 */
export function divCombobox(field: SandboxField, view: FormView): string {
  const id = controlId(field);
  const current = view.values[field.name] ?? '';
  const chosen = (field.options ?? []).includes(current) ? current : '';
  const options = (field.options ?? []).map((option) =>
    tag('div', { role: 'option', class: 'dc-option', 'data-value': option, 'aria-selected': option === chosen ? 'true' : 'false' }, escapeHtml(option)),
  );
  const trigger = tag(
    'div',
    { class: 'dc', role: 'combobox', tabindex: 0, 'aria-labelledby': `${id}_label`, 'aria-haspopup': 'listbox', 'aria-expanded': 'false' },
    `<span class="dc-value">${escapeHtml(chosen || 'Select...')}</span>${tag('div', { class: 'dc-menu', role: 'listbox', hidden: true }, options.join(''))}`,
  );
  return (
    `<div${attrs({ class: 'field dc-field', 'data-dc': true })}>` +
    `<div class="q-label" id="${escapeHtml(id)}_label">${escapeHtml(field.label)}</div>${trigger}` +
    `<input${attrs({ type: 'hidden', name: field.name, value: chosen })}>${fieldError(field, view)}</div>`
  );
}

/** Opens on click or Enter/Space, chooses on an option's click; a click outside closes. */
export const DIV_COMBOBOX_SCRIPT = `(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('[data-dc]'));
  function close(box) {
    box.querySelector('[role="combobox"]').setAttribute('aria-expanded', 'false');
    box.querySelector('[role="listbox"]').hidden = true;
  }
  function open(box) {
    boxes.forEach(function (b) { if (b !== box) close(b); });
    box.querySelector('[role="combobox"]').setAttribute('aria-expanded', 'true');
    box.querySelector('[role="listbox"]').hidden = false;
  }
  boxes.forEach(function (box) {
    var combo = box.querySelector('[role="combobox"]');
    var list = box.querySelector('[role="listbox"]');
    combo.addEventListener('click', function (event) {
      var option = event.target.closest('[role="option"]');
      if (option) {
        box.querySelector('input[type="hidden"]').value = option.getAttribute('data-value');
        box.querySelector('.dc-value').textContent = option.textContent;
        Array.prototype.forEach.call(list.children, function (o) { o.setAttribute('aria-selected', o === option ? 'true' : 'false'); });
        close(box);
        return;
      }
      if (list.hidden) open(box); else close(box);
    });
    combo.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); if (list.hidden) open(box); else close(box); }
      if (event.key === 'Escape') close(box);
    });
  });
  document.addEventListener('click', function (event) {
    boxes.forEach(function (box) { if (!box.contains(event.target)) close(box); });
  });
})();`;
