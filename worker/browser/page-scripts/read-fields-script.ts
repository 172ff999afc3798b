import { DOM_HELPERS } from './dom';
import { LABEL_HELPERS } from './labels';
import { VISIBILITY_HELPERS } from './visibility';
import { WIDGET_HELPERS } from './widgets';

/**
 * Tags every visible field not yet seen in this document (shadow roots included) and
 * describes it. Hidden fields stay untagged, so a later step or answer that shows them
 * finds them then. Groups (radios, checkboxes, toggles, date parts) become one field.
 */
const READER = String.raw`
  const doc = document.documentElement;
  let token = doc.getAttribute('data-jobstream-doc');
  if (!token) {
    token = Math.random().toString(36).slice(2, 6);
    doc.setAttribute('data-jobstream-doc', token);
  }
  let next = Number(doc.getAttribute('data-jobstream-next') || '1');
  const newRef = () => 'f' + token + (next++);
  const elements = allElements(document);
  const ids = popupIds(elements);
  const found = [];
  const nativeGroups = new Map();

  const requiredOf = (el, raw, near) => el.required || el.getAttribute('aria-required') === 'true' || marked(raw) || (!raw && marked(near));
  const base = (ref, control, widget, el, raw, near) => ({
    ref, control, widget, name: el.getAttribute('name') || '', id: el.id || '', label: question(raw),
    ariaLabel: question(el.getAttribute('aria-label')), placeholder: question(el.getAttribute('placeholder')),
    autocomplete: clean(el.getAttribute('autocomplete')), nearbyText: question(near), section: sectionOf(el),
    required: requiredOf(el, raw, near), options: [], value: '',
  });
  const tag = (el, ref, widget) => { el.setAttribute(ATTR, ref); el.setAttribute(WIDGET, widget); };

  // A select that asks for one part of a date ("Month", "Day", "Year").
  const dateParts = { month: /^(month|mm|mon)$/i, day: /^(day|dd)$/i, year: /^(year|yyyy|yy)$/i };
  const partOf = (el) => {
    const first = el.options && el.options[0] && !el.options[0].value ? el.options[0].textContent : '';
    const names = [labelOf(el), question(el.getAttribute('aria-label')), clean(first), (el.getAttribute('name') || '').split(/[^a-z]+/i).pop()];
    for (const [part, pattern] of Object.entries(dateParts)) if (names.some((n) => pattern.test(clean(n)))) return part;
    return null;
  };
  const readDateParts = (el) => {
    let holder = up(el);
    for (let depth = 0; holder && depth < 3; depth++, holder = up(holder)) {
      const selects = Array.from(holder.querySelectorAll('select')).filter((s) => !s.hasAttribute(ATTR) && partOf(s));
      if (selects.length >= 2 && selects.includes(el)) {
        const ref = newRef();
        const raw = groupQuestion(holder);
        const near = raw ? '' : rawNearby(holder);
        const d = base(ref, 'date-parts', 'date-parts', holder, raw, near);
        d.name = el.getAttribute('name') || '';
        d.required = selects.some((s) => s.required) || marked(raw) || marked(near);
        tag(holder, ref, 'date-parts');
        d.parts = selects.map((s) => {
          const part = partOf(s);
          s.setAttribute(ATTR, ref + '-' + part);
          return { ref: ref + '-' + part, part, options: Array.from(s.options).filter((o) => o.value !== '').map((o) => ({ value: o.value, label: clean(o.textContent) })) };
        });
        d.value = valueOf(holder);
        return d;
      }
    }
    return null;
  };

  // Radios and same-named checkboxes: one field per group, each input tagged with the group's ref.
  const readNativeGroup = (el, kind) => {
    const root = el.getRootNode();
    const key = kind + ':' + (el.name || el.id);
    const peers = el.name ? Array.from(root.querySelectorAll('input[type=' + kind + ']')).filter((p) => p.name === el.name) : [el];
    if (kind === 'checkbox' && peers.length < 2) return undefined;
    let group = nativeGroups.get(key);
    const created = !group;
    if (!group) {
      const holder = closestUp(el, 'fieldset,[role=radiogroup],[role=group]');
      const raw = groupQuestion(holder);
      const near = raw ? '' : rawNearby(holder || up(el) || el);
      group = base(newRef(), kind === 'radio' ? 'radio' : 'checkboxes', kind === 'radio' ? 'radio' : 'checkboxes', el, raw, near);
      group.ariaLabel = '';
      group.placeholder = '';
      group.required = marked(raw) || marked(near);
      nativeGroups.set(key, group);
    }
    tag(el, group.ref, group.widget);
    el.setAttribute(OPT, group.ref + ':' + group.options.length);
    group.required = group.required || el.required;
    group.options.push({ value: el.value, label: labelOf(el) || clean(el.value), ref: group.ref + ':' + group.options.length });
    group.value = valueOf(el);
    return created ? group : null;
  };

  // Options drawn as elements (ARIA radios and checkboxes, toggle buttons, listbox items), each tagged to be clicked.
  const readClickGroup = (holder, kind, widget, members) => {
    const ref = newRef();
    const raw = groupQuestion(holder);
    const near = raw ? '' : rawNearby(holder);
    const d = base(ref, kind, widget, holder, raw, near);
    tag(holder, ref, widget);
    d.options = members.map((m, i) => {
      m.setAttribute(OPT, ref + ':' + i);
      return { value: optionValue(m), label: ownText(m) || optionValue(m), ref: ref + ':' + i };
    });
    d.value = valueOf(holder);
    return d;
  };
  const groupHolder = (el) => closestUp(el, '[role=radiogroup],[role=group],fieldset') || up(el);

  const readSingle = (el, kind) => {
    const ref = newRef();
    const widget = kind === 'aria-checkbox' ? 'aria-checkbox' : kind === 'toggle' ? 'toggle-single' : kind;
    const control = ['aria-checkbox', 'toggle'].includes(kind) ? 'checkbox' : kind === 'input-combobox' ? 'combobox' : kind;
    const ownName = kind === 'aria-checkbox' || kind === 'toggle';
    const raw = ownName && !el.getAttribute('aria-labelledby') ? ownText(el) : rawLabelOf(el);
    const near = rawNearby(el);
    const d = base(ref, control, ['text', 'email', 'tel', 'url', 'number', 'date', 'textarea', 'select', 'file', 'checkbox'].includes(kind) ? 'native' : widget, el, raw, near);
    tag(el, ref, d.widget);
    if (kind === 'select') d.options = Array.from(el.options).filter((o) => o.value !== '').map((o) => ({ value: o.value, label: clean(o.textContent) }));
    if (kind === 'combobox' || kind === 'input-combobox') {
      d.options = optionsIn(popupOf(el));
      // A custom dropdown often names itself with its own shown value ("… Select…").
      const shownValue = kind === 'combobox' ? ownText(el) : '';
      if (shownValue && d.label.endsWith(shownValue) && d.label !== shownValue) d.label = question(d.label.slice(0, -shownValue.length));
      if (d.label === shownValue) d.label = '';
    }
    d.value = valueOf(el);
    return d;
  };

  const visibleField = (el, kind) => {
    if (el.disabled || el.getAttribute('aria-disabled') === 'true') return false;
    const drawnByHolder = ['file', 'radio', 'checkbox', 'input-combobox'].includes(kind);
    return visibleForUser(el, drawnByHolder);
  };

  for (const el of elements) {
    if (!el.matches(CANDIDATES) || el.hasAttribute(ATTR)) continue;
    const kind = kindOf(el, ids);
    if (!kind || !visibleField(el, kind)) continue;
    let d = null;
    if (kind === 'radio' || kind === 'checkbox') {
      const group = readNativeGroup(el, kind);
      if (group === undefined) d = readSingle(el, kind);
      else d = group;
    } else if (kind === 'select' && partOf(el)) {
      d = readDateParts(el) || readSingle(el, kind);
    } else if (kind === 'aria-radios') {
      const holder = el.getAttribute('role') === 'radiogroup' ? el : groupHolder(el);
      d = readClickGroup(holder, 'radio', 'aria-radios', Array.from(holder.querySelectorAll('[role=radio]')));
    } else if (kind === 'toggle' || kind === 'aria-checkbox') {
      const holder = groupHolder(el);
      const selector = kind === 'toggle' ? 'button[aria-pressed]' : '[role=checkbox]';
      const members = holder ? Array.from(holder.querySelectorAll(selector)).filter((m) => !m.hasAttribute(ATTR) && !m.hasAttribute(OPT)) : [];
      if (members.length >= 2) d = readClickGroup(holder, kind === 'toggle' ? 'radio' : 'checkboxes', kind === 'toggle' ? 'toggle' : 'aria-checkboxes', members);
      else d = readSingle(el, kind);
    } else if (kind === 'listbox') {
      d = readClickGroup(el, 'combobox', 'listbox', Array.from(el.querySelectorAll('[role=option]')));
    } else {
      d = readSingle(el, kind);
    }
    if (d) found.push(d);
  }
  doc.setAttribute('data-jobstream-next', String(next));
  return found;
`;

export const READ_FIELDS = `(() => {${DOM_HELPERS}${VISIBILITY_HELPERS}${LABEL_HELPERS}${WIDGET_HELPERS}${READER}})()`;
