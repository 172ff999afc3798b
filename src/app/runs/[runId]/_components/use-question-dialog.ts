'use client';

import { useCallback, useState } from 'react';
import type { OpenQuestion } from '~/shared/run-state';

export interface QuestionDialogState {
  /** The question whose dialog is open, if any. */
  shown: OpenQuestion | null;
  /** Questions still waiting for this user's answer, oldest first. */
  waiting: OpenQuestion[];
  open: (hitlId: string) => void;
  close: () => void;
  answered: (hitlId: string) => void;
}

/**
 * Which question's dialog is open. A new question opens by itself; one the user
 * closed (Escape) stays closed until they ask for it again, and one they answered
 * stays closed while the run's confirmation event is on its way.
 */
export function useQuestionDialog(questions: readonly OpenQuestion[]): QuestionDialogState {
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [answeredIds, setAnsweredIds] = useState<ReadonlySet<string>>(new Set());
  const [requested, setRequested] = useState<string | null>(null);

  const waiting = questions.filter((q) => !answeredIds.has(q.hitlId));
  const shown =
    waiting.find((q) => q.hitlId === requested) ?? waiting.find((q) => !dismissed.has(q.hitlId)) ?? null;

  const open = useCallback((hitlId: string) => {
    setDismissed((ids) => without(ids, hitlId));
    setRequested(hitlId);
  }, []);
  const shownId = shown?.hitlId ?? null;
  const close = useCallback(() => {
    if (shownId) setDismissed((ids) => new Set(ids).add(shownId));
    setRequested(null);
  }, [shownId]);
  const answered = useCallback((hitlId: string) => {
    setAnsweredIds((ids) => new Set(ids).add(hitlId));
    setRequested(null);
  }, []);

  return { shown, waiting, open, close, answered };
}

function without(ids: ReadonlySet<string>, id: string): ReadonlySet<string> {
  if (!ids.has(id)) return ids;
  const next = new Set(ids);
  next.delete(id);
  return next;
}
