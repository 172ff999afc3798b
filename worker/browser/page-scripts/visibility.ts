/**
 * In-page visibility: a field is filled only if a person could see it. A hidden or
 * off-screen field (a honeypot, or a trap that collects what the applier types) is
 * left alone; parents are followed through shadow hosts. Needs DOM_HELPERS.
 */
export const VISIBILITY_HELPERS = String.raw`
  const shown = (el) => {
    for (let e = el; e && e !== document.body; e = up(e)) {
      const st = getComputedStyle(e);
      if (e.hidden || st.display === 'none' || st.visibility === 'hidden') return false;
    }
    // Chromium's own answer covers ancestors' opacity and content-visibility too.
    return !el.checkVisibility || el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true });
  };
  const inHiddenTree = (el) => Boolean(closestUp(el, '[aria-hidden="true"],[inert]'));
  const tiny = (r) => r.width < 2 || r.height < 2;
  const zeroClip = (clip) => {
    const m = /^rect\(([-\d.]+)px,?\s*([-\d.]+)px,?\s*([-\d.]+)px,?\s*([-\d.]+)px\)$/.exec(clip || '');
    return Boolean(m) && (Number(m[2]) - Number(m[4]) < 2 || Number(m[3]) - Number(m[1]) < 2);
  };
  const fullClipPath = (path) => /inset\(\s*(5\d|[6-9]\d|100)(\.\d+)?%/.test(path || '') || /circle\(\s*0(px|%)?[\s)]/.test(path || '');
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) >= 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) >= 2;
  // Clipped away by clip/clip-path, or lying outside an ancestor that hides its overflow.
  const clippedAway = (el, r) => {
    for (let e = el; e && e !== document.body && e !== document.documentElement; e = up(e)) {
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
  // Drawn by its label or its container: a file input behind a button, a styled radio, a 2px search input.
  const visibleByHolder = (el) => {
    const label = el.labels && el.labels[0];
    if (label && visibleBox(label)) return true;
    // No visible label: the container must be visible and the control inside it
    // (or not drawn at all, behind a button), not moved off somewhere else.
    const holder = up(el) || el;
    return visibleBox(holder) && (el.getClientRects().length === 0 || overlap(el.getBoundingClientRect(), holder.getBoundingClientRect()));
  };
  const visibleForUser = (el, drawnByHolder) => {
    if (inHiddenTree(el)) return false;
    return drawnByHolder ? visibleByHolder(el) : visibleBox(el);
  };
`;
