'use client';

import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { HitlDialog } from '~/app/_components/hitl/hitl-dialog';
import { useHitlRequests, type PendingQuestion } from '~/app/_components/hitl/use-hitl';
import { runTitle } from '~/app/_components/run-title';
import { api } from '~/trpc/react';
import { QuestionItem } from './question-item';
import { useApplierDraft } from './use-applier-draft';

/** Every question your agents wait on, soonest deadline first, answered in the question dialog. */
export function QuestionList({ heading }: { heading: RefObject<HTMLHeadingElement | null> }) {
  const pending = useHitlRequests();
  const runs = api.pipeline.list.useQuery();
  // Answered here: hidden in the same render that closes the dialog, before the room confirms it.
  const [answered, setAnswered] = useState<ReadonlySet<string>>(new Set());
  // A snapshot, so the dialog stays up (and says why) if its question is settled elsewhere meanwhile.
  const [open, setOpen] = useState<PendingQuestion | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const draft = useApplierDraft(open);
  const list = useRef<HTMLUListElement>(null);

  const runNames = useMemo(() => new Map(runs.data?.map((r) => [r.runId, runTitle(r)])), [runs.data]);
  const questions = pending.questions
    .filter((q) => !answered.has(q.hitlId))
    .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));

  // When the dialog closes and its "Answer" button is gone (answered, or settled
  // elsewhere), focus goes to the next question's button, or the heading: never lost.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) {
      wasOpen.current = true;
      return;
    }
    if (!wasOpen.current) return;
    wasOpen.current = false;
    if (document.activeElement && document.activeElement !== document.body) return;
    (list.current?.querySelector<HTMLElement>('[data-answer]') ?? heading.current)?.focus();
  }, [open, heading]);

  if (pending.isPending) {
    return (
      <p role="status" className="text-slate-700">
        Loading your questions…
      </p>
    );
  }
  if (pending.error) {
    return (
      <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
        Your questions could not be loaded: {pending.error.message}
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <p role="status" className="text-sm font-medium text-emerald-800 empty:hidden">
        {announcement}
      </p>
      {questions.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">
          No questions waiting. When an agent needs you, its question appears here at once.
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            {questions.length === 1 ? '1 question waits' : `${questions.length} questions wait`} for your answer.
          </p>
          <ul ref={list} className="space-y-3">
            {questions.map((q) => (
              <QuestionItem
                key={q.hitlId}
                question={q}
                runName={runNames.get(q.runId) ?? null}
                onAnswer={() => {
                  setAnnouncement('');
                  setOpen(q);
                }}
              />
            ))}
          </ul>
        </>
      )}
      {open && (
        <HitlDialog
          question={open}
          draft={draft}
          onClose={() => setOpen(null)}
          onAnswered={(answer) => {
            setAnswered((ids) => new Set(ids).add(open.hitlId));
            pending.drop(open.hitlId);
            setAnnouncement(`Answer sent: “${answer}”.`);
          }}
        />
      )}
    </div>
  );
}
