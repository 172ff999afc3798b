import { safeHref } from '../../_lib/safe-href';
import type { OutreachNote } from '../../_lib/network-state';
import { CopyNote } from './copy-note';

/** The notes the user approved or edited, each ready to copy. Nothing here is ever sent. */
export function OutreachNotes({ notes, skipped }: { notes: readonly OutreachNote[]; skipped: number }) {
  return (
    <section aria-labelledby="notes-title" data-notes="" className="space-y-3 rounded-lg border border-emerald-300 bg-emerald-50 p-3 sm:p-4">
      <h2 id="notes-title" className="text-lg font-semibold text-slate-950">
        Your notes
      </h2>
      <p className="font-medium text-slate-900">Nothing is sent: copy a note and send it yourself.</p>
      {notes.length > 0 ? (
        <ol className="space-y-4">
          {notes.map((n) => {
            const href = safeHref(n.profileUrl);
            return (
              <li key={`${n.profileUrl}-${n.name}`} data-note-for={n.name} data-note-status={n.status} className="space-y-2">
                <h3 className="break-words font-semibold text-slate-900">{n.name}</h3>
                <p className="flex flex-wrap items-baseline gap-x-3 text-sm">
                  <span className="text-slate-700">{n.status === 'edited' ? 'Edited by you' : 'Approved'}</span>
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer" className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">
                      Public profile<span className="sr-only"> of {n.name} (opens in a new tab)</span>
                    </a>
                  ) : null}
                </p>
                <CopyNote note={n.note} name={n.name} />
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="text-slate-800">You kept no note this time.</p>
      )}
      {skipped > 0 ? (
        <p className="text-sm text-slate-700">
          {skipped} {skipped === 1 ? 'note' : 'notes'} skipped.
        </p>
      ) : null}
    </section>
  );
}
