'use client';

import { useCallback } from 'react';
import { isTerminalStatus } from '~/shared/pipeline';
import { api } from '~/trpc/react';

/** While a run is unfinished its stage and progress move; room notes only carry status changes. */
const REFRESH_WHILE_RUNNING_MS = 10_000;

/**
 * Your runs, newest first, kept live: a status note from your inbox room updates the
 * run at once; a run this list does not know yet (started in another tab) or one
 * that just finished is read again for its final stage, progress and times.
 */
export function useLiveRuns() {
  const utils = api.useUtils();
  const list = api.pipeline.list.useQuery(undefined, {
    refetchInterval: (query) =>
      query.state.data?.some((run) => !isTerminalStatus(run.status)) ? REFRESH_WHILE_RUNNING_MS : false,
  });

  // Notes sent before the subscription started, or while the socket was down, are
  // lost (they are notices, not history): read the list again on every (re)start.
  const reread = useCallback(() => void utils.pipeline.list.invalidate(), [utils]);

  api.rooms.inbox.useSubscription(undefined, {
    onStarted: reread,
    onData: (note) => {
      if (note.type !== 'run_status') return;
      const known = utils.pipeline.list.getData()?.some((run) => run.runId === note.runId) ?? false;
      utils.pipeline.list.setData(undefined, (runs) =>
        runs?.map((run) => (run.runId === note.runId ? { ...run, status: note.status } : run)),
      );
      if (!known || isTerminalStatus(note.status)) reread();
    },
  });

  return list;
}
