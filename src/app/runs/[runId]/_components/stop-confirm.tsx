'use client';

import { useEffect, useId, useRef } from 'react';

/**
 * A stop cannot be undone, so it takes a second, deliberate click. Focus starts on
 * Cancel so a stray Enter does not stop the run; Escape backs out.
 */
export function StopConfirm({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const titleId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      role="group"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
      className="flex flex-wrap items-center gap-3 rounded border border-red-300 bg-red-50 p-3"
    >
      <p id={titleId} className="font-semibold text-red-900">
        Stop this run?
      </p>
      <button
        type="button"
        onClick={onConfirm}
        className="rounded bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800"
      >
        Yes, stop
      </button>
      <button
        ref={cancel}
        type="button"
        onClick={onCancel}
        className="rounded border border-slate-500 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100"
      >
        Cancel
      </button>
    </div>
  );
}
