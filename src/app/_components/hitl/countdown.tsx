'use client';

import { useEffect, useState } from 'react';

/** Whole seconds until `expiresAt`, re-rendering once a second; 0 once it has passed. */
export function useSecondsLeft(expiresAt: string): number {
  const deadline = Date.parse(expiresAt);
  const [now, setNow] = useState(() => Date.now());
  const expired = now >= deadline;
  useEffect(() => {
    // Nothing left to count once expired: no timer keeps a settled page busy.
    if (expired) return;
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [expired]);
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** 83 → "1:23", 3723 → "1:02:03". */
export function formatSecondsLeft(total: number): string {
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export const TIME_IS_UP = 'Time is up: the agent used its default';

/**
 * The time left to answer. role="timer" keeps screen readers from announcing every
 * tick; the text is read when the user reaches it.
 */
export function Countdown({ secondsLeft, className = '' }: { secondsLeft: number; className?: string }) {
  const urgent = secondsLeft > 0 && secondsLeft <= 30;
  return (
    <p
      role="timer"
      data-seconds-left={secondsLeft}
      className={`${className} font-medium tabular-nums ${secondsLeft === 0 ? 'text-slate-600' : urgent ? 'text-red-800' : 'text-amber-900'}`}
    >
      {secondsLeft > 0 ? `Answer within ${formatSecondsLeft(secondsLeft)}` : TIME_IS_UP}
    </p>
  );
}
