/** In-page naming of fields: what a person reads as each field's question. Needs DOM_HELPERS. */
export const LABEL_HELPERS = String.raw`
  // The required marker is decoration, not part of the question.
  const MARK = /\s*(\*|\(required\))\s*$/i;
  const question = (s) => clean(s).replace(MARK, '');
  const marked = (s) => MARK.test(clean(s));
  const rawLabelOf = (el) => {
    if (el.getAttribute('aria-labelledby')) return byIds(el.getAttribute('aria-labelledby'), el);
    const labels = el.labels ? Array.from(el.labels) : [];
    return clean(labels.map(ownText).join(' '));
  };
  const labelOf = (el) => question(rawLabelOf(el));
  // Text just before the field (up to 4 levels up), for forms that label nothing.
  const rawNearby = (el) => {
    let node = el;
    for (let depth = 0; node && depth < 4; depth++, node = up(node)) {
      for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
        if (sib.matches('input,select,textarea,button,[role=combobox],[role=listbox],[role=radiogroup]') || sib.querySelector('input,select,textarea,[role=combobox],[role=listbox],[role=radiogroup]')) break;
        const t = ownText(sib);
        if (t) return t;
      }
    }
    return '';
  };
  const nearby = (el) => question(rawNearby(el));
  // A group's own question: its legend, its aria name, or the text before it.
  const groupQuestion = (holder) => {
    if (!holder) return '';
    const legend = holder.querySelector(':scope > legend');
    return clean((legend ? ownText(legend) : '') || byIds(holder.getAttribute('aria-labelledby'), holder) || holder.getAttribute('aria-label') || '');
  };
  const sectionOf = (el) => {
    const fs = closestUp(el, 'fieldset');
    const legend = fs && fs.querySelector('legend');
    const group = closestUp(el, 'section,[role=group],[role=region]');
    const heading = group && group.querySelector('h1,h2,h3,h4,legend');
    return clean([legend ? ownText(legend) : '', group ? (group.getAttribute('aria-label') || '') : '', heading ? ownText(heading) : ''].join(' '));
  };
`;
