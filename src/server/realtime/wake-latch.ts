/**
 * One waiter woken by the next `fire()`: a subscriber's event loop waits on it while it
 * is up to date. Firing with nobody waiting does nothing, and costs no allocation.
 */
export function wakeLatch(): { fire: () => void; wait: () => Promise<void> } {
  let wake: (() => void) | null = null;
  return {
    fire: () => {
      const w = wake;
      wake = null;
      w?.();
    },
    wait: () => new Promise<void>((resolve) => (wake = resolve)),
  };
}
