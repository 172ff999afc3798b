'use client';

import { skipToken } from '@tanstack/react-query';
import type { DraftView, HitlQuestionView } from '~/app/_components/hitl/hitl-dialog';
import { api } from '~/trpc/react';

/** How far back from the run's newest event to look for the question (it waits, so little follows it). */
const LOOK_BACK = 200;

/**
 * The filled application behind an applier's "Submit …?" question, which the inbox
 * list does not carry: the run's applier_draft_ready event announced just before
 * the question, read from the run's recent history. null while loading or when
 * there is none (the dialog still works from the question's own context).
 */
export function useApplierDraft(question: HitlQuestionView | null): DraftView | null {
  const isDraft = question !== null && question.agent === 'applier' && question.options.includes('approve');
  // Never cached: a run's newest seq moves while it runs, and the question must be in the window read.
  const run = api.pipeline.get.useQuery(isDraft ? { runId: question.runId } : skipToken, { staleTime: 0 });
  const lastSeq = run.data?.lastSeq;
  const history = api.pipeline.history.useQuery(
    isDraft && lastSeq !== undefined
      ? { runId: question.runId, cursor: Math.max(0, lastSeq - LOOK_BACK), limit: LOOK_BACK + 50 }
      : skipToken,
    { staleTime: Infinity },
  );
  if (!isDraft || !history.data) return null;
  const { events } = history.data;
  const asked = events.findIndex((e) => e.type === 'hitl_request' && e.data.hitlId === question.hitlId);
  for (let i = asked - 1; i >= 0; i -= 1) {
    const event = events[i];
    if (event?.type === 'applier_draft_ready') return event.data;
    // Past the start of this application: whatever draft is further back belongs to another job.
    if (event?.type === 'applier_start') break;
  }
  return null;
}
