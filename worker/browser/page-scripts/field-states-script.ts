import { DOM_HELPERS } from './dom';
import { LABEL_HELPERS } from './labels';
import { VISIBILITY_HELPERS } from './visibility';
import { WIDGET_HELPERS } from './widgets';

/**
 * What the page shows now, without changing it: each tagged field's value, whether a
 * person can see it, and what the page says is wrong with it (aria-invalid, the
 * browser's own validation message, an error text tied to it); the error messages
 * shown anywhere; how many fields nobody has read yet; and whether it confirms a
 * submission. The walker tells from two of these whether a step moved on.
 */
const STATES = String.raw`
  const ERRORS = '[role=alert],.error,.errors,.field-error,.error-message,.error-summary,.invalid-feedback,.alert-danger,[aria-live=assertive]';
  const elements = allElements(document);
  const ids = popupIds(elements);
  const text = (el) => clean(el ? el.innerText || el.textContent : '');
  const linkedErrors = (el) => ['aria-describedby', 'aria-errormessage'].flatMap((a) => (el.getAttribute(a) || '').split(/\s+/).filter(Boolean)).map((id) => byId(el, id)).filter((e) => e && visibleBox(e)).map(text);
  const errorsBeside = (el) => {
    const holder = closestUp(el, '.field,.form-group,fieldset,[role=group]') || up(el);
    return holder ? Array.from(holder.querySelectorAll('.error,.field-error,.error-message,.invalid-feedback,[role=alert]')).filter(visibleBox).map(text) : [];
  };
  const nativeProblem = (el) => (el.willValidate && el.validity && !el.validity.valid ? el.validationMessage : '');
  const fields = new Map();
  for (const el of elements) {
    const ref = el.getAttribute(ATTR);
    if (!ref || ref.includes('-')) continue;
    const widget = el.getAttribute(WIDGET) || 'native';
    const drawnByHolder = ['radio', 'checkboxes'].includes(widget) || ['file', 'checkbox', 'radio'].includes(el.type) || el.getAttribute('role') === 'combobox';
    const visible = !el.disabled && visibleForUser(el, drawnByHolder);
    const seen = fields.get(ref);
    if (seen) {
      seen.visible = seen.visible || visible;
      continue;
    }
    const invalid = el.getAttribute('aria-invalid') === 'true' || Boolean(closestUp(el, '[aria-invalid=true]'));
    const messages = [nativeProblem(el), ...linkedErrors(el), ...errorsBeside(el)].filter(Boolean);
    fields.set(ref, { ref, visible, value: valueOf(el), invalid: invalid || Boolean(nativeProblem(el)), messages: Array.from(new Set(messages)).slice(0, 3) });
  }
  let unread = 0;
  for (const el of elements) {
    if (!el.matches(CANDIDATES) || el.hasAttribute(ATTR) || el.hasAttribute(OPT)) continue;
    const kind = kindOf(el, ids);
    if (kind && !el.disabled && visibleForUser(el, ['file', 'radio', 'checkbox', 'input-combobox'].includes(kind))) unread++;
  }
  const messages = Array.from(new Set(elements.filter((e) => e.matches(ERRORS) && visibleBox(e)).map(text).filter(Boolean))).slice(0, 10);
  const body = document.body ? document.body.innerText || '' : '';
  const confirmed = Boolean(document.querySelector('[data-confirmation]')) || /thank you for applying|application (has been |was )?(received|submitted)/i.test(body);
  return { url: location.href, fields: Array.from(fields.values()), unread, messages, confirmed };
`;

export const FIELD_STATES = `(() => {${DOM_HELPERS}${VISIBILITY_HELPERS}${LABEL_HELPERS}${WIDGET_HELPERS}${STATES}})()`;

/** Tags each frame element of this document with whether a person can see it (for its child frame). */
export const MARK_FRAMES = `(() => {${DOM_HELPERS}${VISIBILITY_HELPERS}
  for (const el of allElements(document)) {
    if (!el.matches('iframe,frame')) continue;
    el.setAttribute('data-jobstream-frame', !inHiddenTree(el) && visibleBox(el) ? 'visible' : 'hidden');
  }
  return true;
})()`;
