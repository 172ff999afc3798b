'use client';

import { useEffect } from 'react';
import { api } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';

export type OpenRound = NonNullable<RouterOutputs['sessions']['turn']>;

/** How often to ask again while the events say "your turn" and the round is not open yet. */
const WAIT_FOR_ROUND_MS = 1000;

/**
 * The round waiting for the user's turn, if any: its deadline drives the countdown.
 * Asked again whenever the conversation moves on (a reply opens the next round, a turn
 * takes it), and, while the events say it is the user's turn, until the worker has
 * opened it: the reply's event can arrive a moment before its round does.
 */
export interface RoundAnswer {
  round: OpenRound | null;
  /** The server could not say (Redis down, network gone): the events alone must tell whose turn it is. */
  unknown: boolean;
}

export function useOpenRound(runId: string, live: boolean, expected: boolean, conversationLength: number): RoundAnswer {
  const turn = api.sessions.turn.useQuery(
    { runId },
    {
      enabled: live,
      staleTime: 0,
      retry: false,
      refetchInterval: (query) => (live && expected && !query.state.data ? WAIT_FOR_ROUND_MS : false),
    },
  );
  const { refetch } = turn;
  useEffect(() => {
    if (live) void refetch();
  }, [live, conversationLength, refetch]);
  // A finished session has no round, whatever was last fetched.
  return { round: live ? (turn.data ?? null) : null, unknown: live && turn.isError };
}
