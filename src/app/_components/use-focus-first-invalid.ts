'use client';

import { useEffect, type RefObject } from 'react';

/**
 * After a failed submit, puts the keyboard on the first field marked invalid, so nobody has
 * to hunt for it. `attempt` changes on every failed submit (0 = none yet).
 */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, attempt: number): void {
  useEffect(() => {
    if (attempt === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, attempt]);
}
