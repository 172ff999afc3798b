'use client';

import { useEffect, useRef, useState, type RefObject } from 'react';

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

/** What Tab may land on inside `root`, in document order (hidden and disabled controls left out). */
function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.tabIndex >= 0 && !el.matches(':disabled') && el.getClientRects().length > 0,
  );
}

/**
 * Makes `overlay` (a direct child of <body>) modal: everything else on the page is
 * inert (unreachable by Tab, click or screen reader), Tab and Shift+Tab cycle inside
 * it, Escape calls `onEscape`, and on unmount focus goes back to the element that
 * opened it, if that element is still on the page (an answered question's "Answer"
 * button may be gone; the page then decides).
 */
export function useModal(overlay: RefObject<HTMLElement | null>, onEscape: () => void): void {
  // Read during the first render, before anything in the dialog can take focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const escape = useRef(onEscape);
  useEffect(() => {
    escape.current = onEscape;
  });

  useEffect(() => {
    const root = overlay.current;
    if (!root) return;
    const background = [...document.body.children].filter(
      (el): el is HTMLElement => el instanceof HTMLElement && el !== root && !el.inert,
    );
    for (const el of background) el.inert = true;
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    // The content picks its own first focus (its effects run before this one); this is the fallback.
    if (!root.contains(document.activeElement)) (root.querySelector<HTMLElement>('[role="dialog"]') ?? root).focus();

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        escape.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = tabbables(root);
      const first = items[0];
      const last = items.at(-1);
      if (!first || !last) {
        e.preventDefault();
        return;
      }
      // -1 when focus sits on the dialog itself (or fell to <body> when a control went away).
      const at = document.activeElement instanceof HTMLElement ? items.indexOf(document.activeElement) : -1;
      if (e.shiftKey && at <= 0) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (at === -1 || at === items.length - 1)) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      for (const el of background) el.inert = false;
      document.body.style.overflow = overflow;
      if (opener?.isConnected) opener.focus();
    };
  }, [overlay, opener]);
}
