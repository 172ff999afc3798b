'use client';

import { useCallback } from 'react';
import { api } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';

export type PendingQuestion = RouterOutputs['hitl']['pending'][number];

/**
 * The questions still waiting for an answer (all runs, or one), kept live: a new
 * question refetches the list, a settled one leaves at once. Room notes are not
 * history, so the list is read again each time the subscription (re)starts, which
 * covers notes sent before it started and while the socket was down.
 */
export function useHitlRequests(runId?: string) {
  const utils = api.useUtils();
  const query = api.hitl.pending.useQuery(runId ? { runId } : {});

  const drop = useCallback(
    (hitlId: string) => {
      utils.hitl.pending.setData(runId ? { runId } : {}, (old) => old?.filter((q) => q.hitlId !== hitlId));
    },
    [utils, runId],
  );
  const refetch = useCallback(() => void utils.hitl.pending.invalidate(runId ? { runId } : {}), [utils, runId]);

  api.rooms.inbox.useSubscription(undefined, {
    onStarted: refetch,
    onData: (note) => {
      if (runId && note.runId !== runId) return;
      if (note.type === 'hitl_request') refetch();
      else if (note.type === 'hitl_settled') drop(note.hitlId);
    },
  });

  return {
    questions: query.data ?? [],
    isPending: query.isPending,
    error: query.error,
    /** Takes a question off the list now (e.g. just answered here), before the room says so. */
    drop,
  };
}
