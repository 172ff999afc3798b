/**
 * In-page knowledge of form widgets: which element is a field and of what kind, the
 * options of custom dropdowns and groups, and each field's current value. Needs
 * DOM_HELPERS, VISIBILITY_HELPERS and LABEL_HELPERS.
 */
export const WIDGET_HELPERS = String.raw`
  const ATTR = 'data-jobstream-field';
  const OPT = 'data-jobstream-option';
  const WIDGET = 'data-jobstream-widget';
  const CANDIDATES = 'input,select,textarea,[role=combobox],[role=listbox],[role=radiogroup],[role=radio],[role=checkbox],button[aria-pressed]';
  const SKIPPED_INPUTS = ['hidden', 'submit', 'button', 'reset', 'image', 'search'];
  const NATIVE_CONTROLS = ['email', 'tel', 'url', 'number', 'date', 'radio', 'checkbox', 'file'];

  // Ids of listboxes some combobox opens (aria-controls / aria-owns): those are popups, not fields.
  const popupIds = (elements) => {
    const ids = new Set();
    for (const el of elements) {
      if (el.getAttribute('role') !== 'combobox' && el.getAttribute('aria-haspopup') !== 'listbox') continue;
      for (const a of ['aria-controls', 'aria-owns']) (el.getAttribute(a) || '').split(/\s+/).filter(Boolean).forEach((id) => ids.add(id));
    }
    return ids;
  };
  const isPopup = (list, ids) => ids.has(list.id) || Boolean(closestUp(list, '[role=combobox]')) || Boolean(up(list) && up(list).querySelector('[role=combobox]'));

  // What kind of field an element is, or null for what is not one (or is part of another).
  const kindOf = (el, ids) => {
    const role = el.getAttribute('role');
    if (el.hasAttribute(OPT)) return null;
    if (el.tagName === 'SELECT') return 'select';
    if (el.tagName === 'TEXTAREA') return 'textarea';
    if (el.tagName === 'INPUT') {
      const t = (el.getAttribute('type') || 'text').toLowerCase();
      if (role === 'combobox' && !['hidden', 'submit', 'button', 'reset', 'image', 'radio', 'checkbox', 'file'].includes(t)) return 'input-combobox';
      if (SKIPPED_INPUTS.includes(t) || closestUp(up(el) || el, '[role=combobox]')) return null;
      return NATIVE_CONTROLS.includes(t) ? t : 'text';
    }
    if (role === 'combobox') return 'combobox';
    if (role === 'listbox') return isPopup(el, ids) ? null : 'listbox';
    if (role === 'radiogroup') return el.querySelector('input[type=radio]') ? null : 'aria-radios';
    if (role === 'radio') return closestUp(el, '[role=radiogroup]') ? null : 'aria-radios';
    if (role === 'checkbox') return 'aria-checkbox';
    if (el.tagName === 'BUTTON' && el.hasAttribute('aria-pressed')) return 'toggle';
    return null;
  };

  const optionText = (o) => clean(o.textContent);
  const optionValue = (o) => o.getAttribute('data-value') || o.getAttribute('value') || optionText(o);

  // A combobox's popup: tied by aria-controls / aria-owns, inside it, or beside it.
  const popupOf = (el) => {
    for (const a of ['aria-controls', 'aria-owns']) {
      for (const id of (el.getAttribute(a) || '').split(/\s+/).filter(Boolean)) {
        const target = byId(el, id);
        if (target) return target.getAttribute('role') === 'listbox' ? target : target.querySelector('[role=listbox]') || target;
      }
    }
    const inside = el.querySelector('[role=listbox]');
    if (inside) return inside;
    for (let holder = up(el), depth = 0; holder && depth < 3; holder = up(holder), depth++) {
      const beside = holder.querySelector('[role=listbox]');
      if (beside) return beside;
    }
    return null;
  };
  const optionsIn = (list) => (list ? Array.from(list.querySelectorAll('[role=option]')).map((o) => ({ value: optionValue(o), label: optionText(o) })) : []);

  // The value a person sees in a field, whatever draws it.
  const valueOf = (el) => {
    const widget = el.getAttribute(WIDGET) || '';
    const ref = el.getAttribute(ATTR);
    const root = el.getRootNode();
    const members = () => Array.from(root.querySelectorAll('[' + ATTR + '="' + ref + '"]'));
    if (widget === 'radio') return (members().find((r) => r.checked) || { value: '' }).value;
    if (widget === 'checkboxes') return members().filter((c) => c.checked).map((c) => c.value).join(', ');
    if (widget === 'aria-radios') return clean((el.querySelector('[role=radio][aria-checked=true]') || { textContent: '' }).textContent);
    if (widget === 'aria-checkboxes') return Array.from(el.querySelectorAll('[role=checkbox][aria-checked=true]')).map(optionText).join(', ');
    if (widget === 'toggle') return clean((el.querySelector('[aria-pressed=true]') || { textContent: '' }).textContent);
    if (widget === 'listbox') return clean((el.querySelector('[role=option][aria-selected=true]') || { textContent: '' }).textContent);
    if (widget === 'aria-checkbox') return String(el.getAttribute('aria-checked') === 'true');
    if (widget === 'toggle-single') return String(el.getAttribute('aria-pressed') === 'true');
    if (widget === 'combobox') return ownText(el);
    if (widget === 'input-combobox') return clean(el.value) || ownText(up(el));
    if (widget === 'date-parts') return Array.from(root.querySelectorAll('[' + ATTR + '^="' + ref + '-"]')).map((s) => s.value).join('/');
    if (el.type === 'checkbox') return String(el.checked);
    if (el.type === 'file') return Array.from(el.files || []).map((f) => f.name).join(', ');
    return el.value || '';
  };
`;
