'use client';

import { useId, useRef, useState } from 'react';
import { copyText } from '~/app/_components/copy-text';
import { secondaryButtonClass } from '~/app/_components/form-controls';

/** Puts the whole of an element's text under the user's selection, ready for Ctrl+C. */
function selectText(element: HTMLElement): boolean {
  const selection = window.getSelection();
  if (!selection) return false;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

/**
 * A note and a button that copies it. The clipboard needs a secure page and the user's
 * permission; without either, the note is selected instead and the user copies it.
 */
export function CopyNote({ note, name }: { note: string; name: string }) {
  const id = useId();
  const text = useRef<HTMLParagraphElement>(null);
  const [said, setSaid] = useState('');

  const fallback = () => {
    const element = text.current;
    setSaid(element && selectText(element) ? 'The note is selected: press Ctrl+C (⌘+C on a Mac) to copy it.' : 'Select the note and copy it.');
  };

  const copy = () => void copyText(note).then((copied) => (copied ? setSaid('Copied.') : fallback()));

  return (
    <div className="space-y-2">
      <p ref={text} id={`${id}-note`} data-note="" className="whitespace-pre-wrap break-words rounded border border-slate-200 bg-white p-3 text-slate-900">
        {note}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={copy} aria-describedby={`${id}-note`} className={secondaryButtonClass}>
          Copy note<span className="sr-only"> for {name}</span>
        </button>
        <p role="status" className="text-sm text-slate-800">
          {said}
        </p>
      </div>
    </div>
  );
}
