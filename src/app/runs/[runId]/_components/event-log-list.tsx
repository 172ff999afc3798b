'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { RunEvent } from '~/shared/events';
import { EventLogRow } from './event-log-row';

interface Props {
  events: readonly RunEvent[];
  follow: boolean;
  /** The user scrolled back to read: following would yank the page from under them. */
  onReadBack: () => void;
  emptyText: string;
}

const READ_BACK_KEYS = new Set(['ArrowUp', 'PageUp', 'Home']);

/**
 * Only the rows in view (and a few around) are in the DOM, so ten thousand events
 * scroll as smoothly as ten. Rows are measured as they render, since messages wrap.
 */
export function EventLogList({ events, follow, onReadBack, emptyText }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 56,
    overscan: 10,
    getItemKey: (index) => events[index]?.seq ?? index,
  });

  useEffect(() => {
    if (follow && events.length > 0) virtualizer.scrollToIndex(events.length - 1, { align: 'end' });
  }, [follow, events.length, virtualizer]);

  const readBackKey = (e: KeyboardEvent) => {
    if (follow && READ_BACK_KEYS.has(e.key)) onReadBack();
  };

  return (
    <div
      ref={scroller}
      tabIndex={0}
      role="group"
      aria-label="Events, oldest first"
      onWheel={(e) => {
        if (follow && e.deltaY < 0) onReadBack();
      }}
      onTouchMove={() => {
        if (follow) onReadBack();
      }}
      onKeyDown={readBackKey}
      className="mt-3 h-96 overflow-y-auto overscroll-contain rounded border border-slate-200 bg-slate-50 lg:h-[32rem]"
    >
      {events.length === 0 ? (
        <p className="p-3 text-sm text-slate-700">{emptyText}</p>
      ) : (
        <ol className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const event = events[item.index];
            if (!event) return null;
            return (
              <li
                key={item.key}
                data-index={item.index}
                data-seq={event.seq}
                ref={virtualizer.measureElement}
                aria-posinset={item.index + 1}
                aria-setsize={events.length}
                className="absolute left-0 top-0 w-full border-b border-slate-200 px-3 py-2"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <EventLogRow event={event} />
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
