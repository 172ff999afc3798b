'use client';

import { skipToken } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { RunEvent } from '~/shared/events';
import { api } from '~/trpc/react';
import { dropCachedEvents, loadCachedEvents, saveCachedEvents } from '../_lib/event-cache';
import { initialRunState, reduceRunEvents, type RunState } from '~/shared/run-state';

/** Events are folded in small batches: a history of thousands renders a few times, not thousands. */
const BATCH_MS = 50;
/** sessionStorage writes serialise the whole run; once a second is plenty for a reload. */
const SAVE_MS = 1000;

export interface RunEventsFeed {
  state: RunState;
  /** Why the stream ended early, when it did. */
  error: string | null;
}

/**
 * A run's events, folded into the page's state: first what this tab cached before a
 * reload, then the live subscription from the last cached id. After a dropped
 * connection wsLink resumes from the last id it received by itself; the reducer
 * ignores any seq it already has, so the two can never double anything.
 */
export function useRunEvents(runId: string, enabled: boolean): RunEventsFeed {
  const [state, dispatch] = useReducer(reduceRunEvents, initialRunState);
  const [error, setError] = useState<string | null>(null);
  // Unknown until the cache is read: the subscription must start from the right place, once.
  const [resumeFrom, setResumeFrom] = useState<{ lastEventId: string | null } | null>(null);

  useEffect(() => {
    const cached = loadCachedEvents(runId);
    if (cached) dispatch(cached.events);
    setResumeFrom({ lastEventId: cached ? String(cached.lastSeq) : null });
  }, [runId]);

  const buffer = useRef<RunEvent[]>([]);
  const flushTimer = useRef<number | null>(null);
  const flush = useCallback(() => {
    flushTimer.current = null;
    const batch = buffer.current;
    buffer.current = [];
    if (batch.length > 0) dispatch(batch);
  }, []);
  useEffect(
    () => () => {
      if (flushTimer.current !== null) window.clearTimeout(flushTimer.current);
      flushTimer.current = null;
    },
    [],
  );

  const forgetCache = usePersistEvents(runId, resumeFrom !== null, state.events);
  api.pipeline.events.useSubscription(
    enabled && resumeFrom ? { runId, lastEventId: resumeFrom.lastEventId } : skipToken,
    {
      onData: (envelope) => {
        buffer.current.push(envelope.data);
        flushTimer.current ??= window.setTimeout(flush, BATCH_MS);
      },
      onStarted: () => setError(null),
      onError: (err) => {
        // The server no longer has the history this tab resumed from (Redis lost its data):
        // without the tab's copy, the reload the message asks for starts from what was kept.
        if (historyWasReset(err.data?.reason)) forgetCache();
        setError(err.message);
      },
    },
  );

  return { state, error };
}

/** The stream ended because the server's history no longer matches the tab's. */
function historyWasReset(reason: string | null | undefined): boolean {
  return reason === 'HISTORY_RESET' || reason === 'HISTORY_GAP';
}

/**
 * Keeps the tab's copy of the events current, at most once a second and when the page
 * goes away. Returns `forget`: drops the copy and keeps none from then on.
 */
function usePersistEvents(runId: string, loaded: boolean, events: RunState['events']): () => void {
  const latest = useRef(events);
  latest.current = events;
  // Once a run no longer fits, stop serialising it on every tick: a reload starts from the beginning.
  const cacheable = useRef(true);
  const saveTimer = useRef<number | null>(null);

  const save = useCallback(() => {
    saveTimer.current = null;
    if (cacheable.current && latest.current.length > 0) cacheable.current = saveCachedEvents(runId, latest.current);
  }, [runId]);

  useEffect(() => {
    if (!loaded || events.length === 0) return;
    saveTimer.current ??= window.setTimeout(save, SAVE_MS);
  }, [loaded, events, save]);

  useEffect(() => {
    if (!loaded) return;
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('pagehide', save);
      if (saveTimer.current !== null) window.clearTimeout(saveTimer.current);
      save();
    };
  }, [loaded, save]);

  return useCallback(() => {
    cacheable.current = false;
    dropCachedEvents(runId);
  }, [runId]);
}
