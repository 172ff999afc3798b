'use client';

import { useEffect, useRef } from 'react';

/**
 * For a section that replaces the control that had the keyboard (the debrief after the
 * turn box, the summary after the answer box): focus comes to its heading instead of
 * falling back to the top of the page, unless the user has already moved it elsewhere.
 */
export function useFocusOnArrival<T extends HTMLElement>() {
  const target = useRef<T>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) target.current?.focus();
  }, []);
  return target;
}
