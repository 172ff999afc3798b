'use client';

import { useEffect, useRef, useState } from 'react';
import type { RunEvent } from '~/shared/events';

/** A burst is gathered into one announcement… */
const GATHER_MS = 1500;
/** …and announcements come at most this often, so a busy run never floods a screen reader. */
const EVERY_MS = 5000;
const MAX_LATEST_CHARS = 140;

function announcement(count: number, latest: RunEvent | undefined): string {
  const what = count === 1 ? '1 new event' : `${count} new events`;
  if (!latest) return what;
  const message = latest.message.length > MAX_LATEST_CHARS ? `${latest.message.slice(0, MAX_LATEST_CHARS - 1)}…` : latest.message;
  return `${what}; latest: ${message}`;
}

/** Tells screen-reader users that the log moved on, in a sentence every few seconds at most. */
export function NewEventsAnnouncer({ total, latest }: { total: number; latest: RunEvent | undefined }) {
  const [text, setText] = useState('');
  const announcedUpTo = useRef<number | null>(null);
  const lastAnnouncedAt = useRef(0);
  const timer = useRef<number | null>(null);
  // The timer reads the newest values when it fires, not those of the render that set it.
  const current = useRef({ total, latest });
  current.current = { total, latest };

  useEffect(() => {
    announcedUpTo.current ??= total;
    if (total <= announcedUpTo.current || timer.current !== null) return;
    const wait = Math.max(GATHER_MS, lastAnnouncedAt.current + EVERY_MS - Date.now());
    timer.current = window.setTimeout(() => {
      timer.current = null;
      const from = announcedUpTo.current ?? 0;
      const now = current.current;
      announcedUpTo.current = now.total;
      lastAnnouncedAt.current = Date.now();
      if (now.total > from) setText(announcement(now.total - from, now.latest));
    }, wait);
  }, [total]);

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
    },
    [],
  );

  return (
    <div aria-live="polite" aria-atomic="true" data-log-announcer="" className="sr-only">
      {text}
    </div>
  );
}
