'use client';

import { useRef, useState } from 'react';
import type { OpsFeedEvent } from '~/shared/ops';
import { api } from '~/trpc/react';
import { prepend } from '../_lib/feed-text';

export interface FeedEntry {
  /** Local to this page: the feed is live only, and two events may be alike. */
  key: number;
  event: OpsFeedEvent;
}

/**
 * The live feed, newest first and bounded. Heartbeats come from every worker every few
 * seconds and would push everything else out, so they are kept only while shown.
 */
export function useOpsFeed(showHeartbeats: boolean) {
  const [entries, setEntries] = useState<FeedEntry[]>([]);
  const nextKey = useRef(0);
  // tRPC calls the latest render's onData, so it sees the current choice.
  const subscription = api.ops.feed.useSubscription(undefined, {
    onData(event) {
      if (event.type === 'agent_heartbeat' && !showHeartbeats) return;
      const entry = { key: nextKey.current++, event };
      setEntries((list) => prepend(list, entry));
    },
  });
  return { entries, status: subscription.status, error: subscription.error };
}
