import { attrs, escapeHtml, tag } from '../html/escape';
import { controlId, errorId, fieldError, labelHtml } from './controls';
import type { FormView, SandboxField } from './field-types';

/**
 * A non-native dropdown as modern ATSs draw them: a focusable div with role="combobox"
 * opens a role="listbox" of role="option" items, and the choice lands in a hidden input.
 * There is no <select> to call selectOption on; the applier must click (or use the keys).
 */
export function comboboxField(field: SandboxField, view: FormView): string {
  const id = controlId(field);
  const current = view.values[field.name] ?? '';
  const chosen = (field.options ?? []).includes(current) ? current : '';
  const hasError = Boolean(view.errors[field.name]);
  const options = (field.options ?? []).map((option, i) =>
    tag('li', { role: 'option', id: `${id}_opt${i}`, 'data-value': option, 'aria-selected': option === chosen ? 'true' : 'false' }, escapeHtml(option)),
  );
  const trigger = tag(
    'div',
    {
      class: 'combo',
      id,
      role: 'combobox',
      tabindex: 0,
      'aria-haspopup': 'listbox',
      'aria-expanded': 'false',
      'aria-controls': `${id}_listbox`,
      'aria-labelledby': `${id}_label ${id}_value`,
      'aria-required': field.required ? 'true' : undefined,
      'aria-invalid': hasError ? 'true' : undefined,
      'aria-describedby': hasError ? errorId(field) : undefined,
    },
    `<span class="combo-value${chosen ? '' : ' empty'}" id="${escapeHtml(id)}_value">${escapeHtml(chosen || 'Select…')}</span><span class="chevron" aria-hidden="true"></span>`,
  );
  const listbox = tag('ul', { class: 'listbox', role: 'listbox', id: `${id}_listbox`, 'aria-labelledby': `${id}_label`, hidden: true }, options.join(''));
  const hidden = `<input${attrs({ type: 'hidden', name: field.name, value: chosen })}>`;
  const missing = `<p class="field-error combo-missing" hidden>Please choose an option.</p>`;
  return (
    `<div${attrs({ class: 'field combo-field', 'data-combobox': true, 'data-required': field.required })}>` +
    `<span class="label" id="${escapeHtml(id)}_label">${labelHtml(field)}</span>${trigger}${listbox}${hidden}${missing}${fieldError(field, view)}</div>`
  );
}

/** Opening, choosing (mouse and keyboard), closing on outside clicks, and a required check on submit. */
export const COMBOBOX_SCRIPT = `(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('[data-combobox]'));
  function parts(box) {
    return {
      combo: box.querySelector('[role="combobox"]'),
      list: box.querySelector('[role="listbox"]'),
      input: box.querySelector('input[type="hidden"]'),
      value: box.querySelector('.combo-value'),
      options: Array.prototype.slice.call(box.querySelectorAll('[role="option"]'))
    };
  }
  function highlight(box, option) {
    var p = parts(box);
    p.options.forEach(function (o) { o.classList.toggle('active', o === option); });
    if (option) { p.combo.setAttribute('aria-activedescendant', option.id); option.scrollIntoView({ block: 'nearest' }); }
  }
  function close(box) {
    var p = parts(box);
    p.combo.setAttribute('aria-expanded', 'false');
    p.combo.removeAttribute('aria-activedescendant');
    p.list.hidden = true;
  }
  function open(box) {
    boxes.forEach(function (other) { if (other !== box) close(other); });
    var p = parts(box);
    p.combo.setAttribute('aria-expanded', 'true');
    p.list.hidden = false;
    highlight(box, p.list.querySelector('[aria-selected="true"]') || p.options[0]);
  }
  function choose(box, option) {
    var p = parts(box);
    p.input.value = option.getAttribute('data-value');
    p.value.textContent = option.textContent;
    p.value.classList.remove('empty');
    p.options.forEach(function (o) { o.setAttribute('aria-selected', o === option ? 'true' : 'false'); });
    box.classList.remove('invalid');
    box.querySelector('.combo-missing').hidden = true;
    close(box);
    p.combo.focus();
  }
  boxes.forEach(function (box) {
    var p = parts(box);
    p.combo.addEventListener('click', function () {
      if (p.combo.getAttribute('aria-expanded') === 'true') close(box); else open(box);
    });
    p.list.addEventListener('click', function (event) {
      var option = event.target.closest('[role="option"]');
      if (option) choose(box, option);
    });
    p.combo.addEventListener('keydown', function (event) {
      var active = p.list.querySelector('.active');
      var i = p.options.indexOf(active);
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (p.list.hidden) { open(box); return; }
        var next = event.key === 'ArrowDown' ? Math.min(p.options.length - 1, i + 1) : Math.max(0, i - 1);
        highlight(box, p.options[next]);
      } else if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        if (p.list.hidden) open(box); else if (active) choose(box, active);
      } else if (event.key === 'Escape' || event.key === 'Tab') {
        close(box);
      }
    });
  });
  document.addEventListener('click', function (event) {
    boxes.forEach(function (box) { if (!box.contains(event.target)) close(box); });
  });
  var form = document.querySelector('form');
  if (form) form.addEventListener('submit', function (event) {
    var first = null;
    boxes.forEach(function (box) {
      var p = parts(box);
      if (box.hasAttribute('data-required') && !p.input.value) {
        box.classList.add('invalid');
        box.querySelector('.combo-missing').hidden = false;
        first = first || box;
      }
    });
    if (first) { event.preventDefault(); parts(first).combo.focus(); }
  });
})();`;
