/**
 * In-page helpers (JavaScript source, composed into the scripts the worker evaluates in
 * each frame) for walking the composed tree: open shadow roots are part of the form a
 * person sees, so every lookup crosses into them and back out through their hosts.
 */
export const DOM_HELPERS = String.raw`
  const clean = (s) => (s || '').replace(/\s+/g, ' ').trim().slice(0, 300);
  // The element a node hangs from as drawn: its parent, or the host of the shadow root it is in.
  const up = (el) => el.parentElement || (el.parentNode && el.parentNode.host) || null;
  const closestUp = (el, selector) => {
    for (let e = el; e; e = up(e)) if (e.matches && e.matches(selector)) return e;
    return null;
  };
  // Every element in document order, each open shadow root's content right after its host.
  const allElements = (root, out = []) => {
    for (const el of root.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) allElements(el.shadowRoot, out);
    }
    return out;
  };
  // An id is looked up in the element's own tree first (a shadow root has its own ids).
  const byId = (el, id) => {
    if (!id) return null;
    const root = el.getRootNode();
    return (root.getElementById ? root.getElementById(id) : null) || document.getElementById(id);
  };
  const ownText = (el) => {
    if (!el) return '';
    const copy = el.cloneNode(true);
    copy.querySelectorAll('input,select,textarea,[role=listbox],script,style,template').forEach((n) => n.remove());
    return clean(copy.textContent);
  };
  const byIds = (ids, self) => clean((ids || '').split(/\s+/).filter((id) => !self || id !== self.id).map((id) => ownText(byId(self || document.body, id))).join(' '));
`;
