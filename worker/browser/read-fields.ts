import type { Page } from 'playwright-core';
import { z } from 'zod';

export const fieldControlSchema = z.enum([
  'text', 'email', 'tel', 'url', 'number', 'date', 'textarea', 'select', 'radio', 'checkbox', 'file', 'combobox',
]);
export type FieldControl = z.infer<typeof fieldControlSchema>;

/** What the applier can see of one form field: every clue a human would read. */
export const fieldDescriptorSchema = z.object({
  /** Our tag on the element (data-jobstream-field), to act on it later. */
  ref: z.string(),
  control: fieldControlSchema,
  name: z.string(),
  id: z.string(),
  /** Text of its <label>s or aria-labelledby elements. */
  label: z.string(),
  ariaLabel: z.string(),
  placeholder: z.string(),
  autocomplete: z.string(),
  /** Text just before the field, for forms that label nothing. */
  nearbyText: z.string(),
  /** The fieldset legend or heading of the part of the form it is in. */
  section: z.string(),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })),
  value: z.string(),
});
export type FieldDescriptor = z.infer<typeof fieldDescriptorSchema>;

/**
 * Runs in the page (as a string: the worker's compiled helpers must not leak into
 * it). Tags every visible, not yet seen field and describes it. Hidden fields stay
 * untagged, so a later step that shows them (a wizard) finds them then.
 */
const READ_FIELDS = String.raw`(() => {
  const ATTR = 'data-jobstream-field';
  const clean = (s) => (s || '').replace(/\s+/g, ' ').trim().slice(0, 300);
  // A field is filled only if a person could see it: a hidden or off-screen field
  // (a honeypot, or a trap that collects what the applier types) is left alone.
  const shown = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const st = getComputedStyle(e);
      if (e.hidden || st.display === 'none' || st.visibility === 'hidden') return false;
    }
    // Chromium's own answer covers ancestors' opacity and content-visibility too.
    return !el.checkVisibility || el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true });
  };
  const inHiddenTree = (el) => Boolean(el.closest('[aria-hidden="true"],[inert]'));
  const tiny = (r) => r.width < 2 || r.height < 2;
  const zeroClip = (clip) => {
    const m = /^rect\(([-\d.]+)px,?\s*([-\d.]+)px,?\s*([-\d.]+)px,?\s*([-\d.]+)px\)$/.exec(clip || '');
    return Boolean(m) && (Number(m[2]) - Number(m[4]) < 2 || Number(m[3]) - Number(m[1]) < 2);
  };
  const fullClipPath = (path) => /inset\(\s*(5\d|[6-9]\d|100)(\.\d+)?%/.test(path || '') || /circle\(\s*0(px|%)?[\s)]/.test(path || '');
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) >= 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) >= 2;
  // Clipped away by clip/clip-path, or lying outside an ancestor that hides its overflow.
  const clippedAway = (el, r) => {
    for (let e = el; e && e !== document.body && e !== document.documentElement; e = e.parentElement) {
      const st = getComputedStyle(e);
      if (zeroClip(st.clip) || fullClipPath(st.clipPath)) return true;
      if (e === el || [st.overflowX, st.overflowY].every((o) => o === 'visible')) continue;
      const box = e.getBoundingClientRect();
      // A scrolling container can bring its content into view; one that hides it, or has no room, cannot.
      if (tiny(box)) return true;
      if ([st.overflowX, st.overflowY].some((o) => o === 'hidden' || o === 'clip') && !overlap(r, box)) return true;
    }
    return false;
  };
  // Positioned where no scrolling reaches (left: -9999px and the like).
  const offDocument = (r) => {
    const root = document.documentElement;
    const width = Math.max(root.scrollWidth, document.body ? document.body.scrollWidth : 0);
    const height = Math.max(root.scrollHeight, document.body ? document.body.scrollHeight : 0);
    const left = r.left + window.scrollX;
    const top = r.top + window.scrollY;
    return left + r.width <= 0 || top + r.height <= 0 || left >= width || top >= height;
  };
  const visibleBox = (el) => {
    if (!shown(el)) return false;
    const r = el.getBoundingClientRect();
    return !tiny(r) && !offDocument(r) && !clippedAway(el, r);
  };
  const ownText = (el) => {
    if (!el) return '';
    const copy = el.cloneNode(true);
    copy.querySelectorAll('input,select,textarea,[role=listbox],script,style').forEach((n) => n.remove());
    return clean(copy.textContent);
  };
  const byIds = (ids, self) => clean((ids || '').split(/\s+/).filter((id) => !self || id !== self.id).map((id) => ownText(document.getElementById(id))).join(' '));
  // The required marker is decoration, not part of the question.
  const question = (s) => clean(s).replace(/\s*(\*|\(required\))\s*$/i, '');
  const labelOf = (el) => {
    if (el.getAttribute('aria-labelledby')) return question(byIds(el.getAttribute('aria-labelledby'), el));
    const labels = el.labels ? Array.from(el.labels) : [];
    return question(labels.map(ownText).join(' '));
  };
  const nearby = (el) => {
    let node = el;
    for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
      for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
        if (sib.matches('input,select,textarea,button') || sib.querySelector('input,select,textarea')) break;
        const t = ownText(sib);
        if (t) return t;
      }
    }
    return '';
  };
  const sectionOf = (el) => {
    const fs = el.closest('fieldset');
    const legend = fs && fs.querySelector('legend');
    const group = el.closest('section,[role=group],[role=region]');
    const heading = group && group.querySelector('h1,h2,h3,h4,legend');
    return clean([legend ? ownText(legend) : '', group ? (group.getAttribute('aria-label') || '') : '', heading ? ownText(heading) : ''].join(' '));
  };
  const controlOf = (el) => {
    if (el.getAttribute('role') === 'combobox' && el.tagName !== 'INPUT') return 'combobox';
    if (el.tagName === 'SELECT') return 'select';
    if (el.tagName === 'TEXTAREA') return 'textarea';
    const t = (el.getAttribute('type') || 'text').toLowerCase();
    if (['hidden', 'submit', 'button', 'reset', 'image', 'search'].includes(t)) return null;
    if (['email', 'tel', 'url', 'number', 'date', 'radio', 'checkbox', 'file'].includes(t)) return t;
    return 'text';
  };
  const optionsOf = (el, control) => {
    if (control === 'select') return Array.from(el.options).filter((o) => o.value !== '').map((o) => ({ value: o.value, label: clean(o.textContent) }));
    if (control === 'combobox') {
      const list = document.getElementById(el.getAttribute('aria-controls') || '') || el.parentElement.querySelector('[role=listbox]');
      return list ? Array.from(list.querySelectorAll('[role=option]')).map((o) => ({ value: o.getAttribute('data-value') || clean(o.textContent), label: clean(o.textContent) })) : [];
    }
    return [];
  };
  const visibleForUser = (el, control) => {
    if (inHiddenTree(el)) return false;
    // File inputs, radios and checkboxes are often hidden behind a styled label or
    // button; judge them by what a person sees and clicks: their label or container.
    if (control === 'file' || control === 'radio' || control === 'checkbox') {
      const label = el.labels && el.labels[0];
      if (label && visibleBox(label)) return true;
      // No visible label: the container must be visible and the control inside it
      // (or not drawn at all, behind a button), not moved off somewhere else.
      const holder = el.parentElement || el;
      return visibleBox(holder) && (el.getClientRects().length === 0 || overlap(el.getBoundingClientRect(), holder.getBoundingClientRect()));
    }
    return visibleBox(el);
  };
  let next = Number(document.body.getAttribute('data-jobstream-next') || '1');
  const found = [];
  const radioGroups = new Map();
  for (const el of document.querySelectorAll('input,select,textarea,[role=combobox]')) {
    if (el.hasAttribute(ATTR) || el.disabled) continue;
    if (el.tagName === 'INPUT' && el.closest('[role=combobox]')) continue;
    const control = controlOf(el);
    if (!control || !visibleForUser(el, control)) continue;
    if (control === 'radio') {
      const key = el.name || el.id;
      let group = radioGroups.get(key);
      if (!group) {
        const holder = el.closest('fieldset,[role=radiogroup]');
        const asked = holder ? question((holder.querySelector('legend') ? ownText(holder.querySelector('legend')) : '') || byIds(holder.getAttribute('aria-labelledby')) || holder.getAttribute('aria-label')) : '';
        group = { ref: 'f' + next++, control, name: el.name || '', id: el.id || '', label: asked, ariaLabel: '', placeholder: '',
          autocomplete: '', nearbyText: asked ? '' : question(nearby(holder || el.parentElement || el)), section: sectionOf(el), required: false, options: [], value: '' };
        radioGroups.set(key, group);
        found.push(group);
      }
      el.setAttribute(ATTR, group.ref);
      group.required = group.required || el.required;
      group.options.push({ value: el.value, label: labelOf(el) || clean(el.value) });
      if (el.checked) group.value = el.value;
      continue;
    }
    const ref = 'f' + next++;
    el.setAttribute(ATTR, ref);
    let label = labelOf(el);
    // A custom dropdown often names itself with its own shown value ("… Select…").
    const shownValue = control === 'combobox' ? clean(el.textContent) : '';
    if (shownValue && label.endsWith(shownValue)) label = question(label.slice(0, -shownValue.length));
    found.push({
      ref, control, name: el.getAttribute('name') || '', id: el.id || '', label,
      ariaLabel: question(el.getAttribute('aria-label')), placeholder: question(el.getAttribute('placeholder')),
      autocomplete: clean(el.getAttribute('autocomplete')), nearbyText: question(nearby(el)), section: sectionOf(el),
      required: el.required || el.getAttribute('aria-required') === 'true', options: optionsOf(el, control),
      value: control === 'combobox' ? clean(el.textContent) : control === 'checkbox' ? String(el.checked) : (el.value || ''),
    });
  }
  document.body.setAttribute('data-jobstream-next', String(next));
  return found;
})()`;

/** Describes the fields the page shows now that were not described before (a wizard's next step). */
export async function readNewFields(page: Page): Promise<FieldDescriptor[]> {
  return z.array(fieldDescriptorSchema).parse(await page.evaluate(READ_FIELDS));
}

const FORM_STATE = String.raw`(() => {
  const state = [location.pathname];
  for (const el of document.querySelectorAll('[data-jobstream-field]')) {
    const ref = el.getAttribute('data-jobstream-field');
    let value = el.value || '';
    if (el.type === 'radio' || el.type === 'checkbox') value = el.checked ? el.value || 'on' : '';
    else if (el.type === 'file') value = Array.from(el.files || []).map((f) => f.name + ':' + f.size).join(',');
    else if (el.getAttribute('role') === 'combobox') value = (el.textContent || '').trim();
    state.push(ref + '=' + value);
  }
  const fields = document.querySelectorAll('input:not([type=hidden]),select,textarea,[role=combobox]').length;
  state.push('fields=' + fields);
  return state.join('\n');
})()`;

/** The form as it stands (every value and how many fields there are), to tell whether it changed. */
export async function formState(page: Page): Promise<string> {
  return z.string().parse(await page.evaluate(FORM_STATE));
}
