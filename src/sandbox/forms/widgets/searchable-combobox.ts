import { attrs, escapeHtml, tag } from '../../html/escape';
import { controlId, fieldError, labelHtml } from '../controls';
import type { FormView, SandboxField } from '../field-types';

/**
 * A react-select style combobox: a 2px-wide <input role="combobox"> inside a styled
 * box, named by a separate label element. Its listbox exists only while it is open
 * (aria-controls appears then), holds at most 40 options, and typing filters them:
 * an option far down a long list is reached by typing, not by scrolling.
 */
export function searchableCombobox(field: SandboxField, view: FormView): string {
  const id = controlId(field);
  const current = view.values[field.name] ?? '';
  const chosen = (field.options ?? []).includes(current) ? current : '';
  const options = (field.options ?? []).map((o) => tag('div', { role: 'option', class: 'sc-option', 'data-value': o }, escapeHtml(o)));
  const input = `<input${attrs({
    class: 'sc-input',
    role: 'combobox',
    type: 'text',
    autocomplete: 'off',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-haspopup': 'listbox',
    'aria-labelledby': `${id}_label`,
    'aria-required': field.required ? 'true' : undefined,
  })}>`;
  return (
    `<div class="field sc-field" data-sc data-listbox-id="${escapeHtml(id)}_listbox"><span class="q-label" id="${escapeHtml(id)}_label">${labelHtml(field)}</span>` +
    `<div class="sc-control"><span class="sc-value${chosen ? '' : ' empty'}">${escapeHtml(chosen || 'Select...')}</span>${input}<span class="sc-arrow" aria-hidden="true"></span></div>` +
    `<template class="sc-options">${options.join('')}</template><input${attrs({ type: 'hidden', name: field.name, value: chosen })}>${fieldError(field, view)}</div>`
  );
}

/** Opening, filtering as one types, choosing, and closing; the listbox is built anew each time. */
export const SEARCHABLE_COMBOBOX_SCRIPT = `(function () {
  var LIMIT = 40;
  Array.prototype.forEach.call(document.querySelectorAll('[data-sc]'), function (box) {
    var input = box.querySelector('.sc-input');
    var value = box.querySelector('.sc-value');
    var all = Array.prototype.slice.call(box.querySelector('template.sc-options').content.children);
    var list = null;
    function close() {
      if (list) list.remove();
      list = null;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-controls');
      input.value = '';
      value.hidden = false;
    }
    function render() {
      var typed = input.value.trim().toLowerCase();
      var matches = all.filter(function (o) { return o.textContent.toLowerCase().indexOf(typed) !== -1; }).slice(0, LIMIT);
      list.innerHTML = '';
      matches.forEach(function (o) { list.appendChild(o.cloneNode(true)); });
      if (!matches.length) { var none = document.createElement('div'); none.className = 'sc-none'; none.textContent = 'No options'; list.appendChild(none); }
    }
    function open() {
      if (list) return;
      list = document.createElement('div');
      list.id = box.getAttribute('data-listbox-id');
      list.className = 'sc-menu';
      list.setAttribute('role', 'listbox');
      list.addEventListener('mousedown', function (event) { event.preventDefault(); });
      list.addEventListener('click', function (event) {
        var option = event.target.closest('[role="option"]');
        if (!option) return;
        box.querySelector('input[type="hidden"]').value = option.getAttribute('data-value');
        value.textContent = option.textContent;
        value.classList.remove('empty');
        close();
      });
      box.appendChild(list);
      input.setAttribute('aria-expanded', 'true');
      input.setAttribute('aria-controls', list.id);
      render();
    }
    box.querySelector('.sc-control').addEventListener('click', function () { input.focus(); open(); });
    input.addEventListener('focus', open);
    input.addEventListener('input', function () { open(); value.hidden = input.value !== ''; render(); });
    input.addEventListener('keydown', function (event) { if (event.key === 'Escape') close(); });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
  });
})();`;

export const SEARCHABLE_COMBOBOX_CSS = `
.sc-field{position:relative}
.sc-control{position:relative;display:flex;align-items:center;min-height:42px;padding:6px 12px;border:1px solid #b8c0c8;border-radius:6px;background:#fff;cursor:text}
.sc-value.empty{color:#8a949e}
.sc-field .sc-input{position:absolute;left:12px;width:2px!important;min-width:2px;padding:0!important;border:0!important;background:transparent;outline:none}
.sc-field .sc-input:focus{position:static;width:100%!important}
.sc-arrow{margin-left:auto;width:8px;height:8px;border-right:2px solid #666;border-bottom:2px solid #666;transform:rotate(45deg)}
.sc-menu{position:absolute;z-index:10;left:0;right:0;max-height:260px;overflow:auto;background:#fff;border:1px solid #b8c0c8;border-radius:6px;box-shadow:0 8px 20px rgba(0,0,0,.12)}
.sc-option{padding:8px 12px;cursor:pointer}
.sc-option:hover{background:#eef2f7}
.sc-none{padding:8px 12px;color:#8a949e}
`;
