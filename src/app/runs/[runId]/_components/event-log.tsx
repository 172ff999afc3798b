'use client';

import { useMemo, useState } from 'react';
import type { Agent, EventType, RunEvent } from '~/shared/events';
import { useConnectionStatus } from '~/trpc/react';
import { EventLogFilters } from './event-log-filters';
import { EventLogList } from './event-log-list';
import { NewEventsAnnouncer } from './new-events-announcer';

export interface EventLogProps {
  events: readonly RunEvent[];
  agents: readonly Agent[];
  types: readonly EventType[];
  /** Why the stream ended early, when it did. */
  streamError: string | null;
}

/** Every event of the run, filterable, following the newest unless the user reads back. */
export function EventLog({ events, agents, types, streamError }: EventLogProps) {
  const [agent, setAgent] = useState<Agent | ''>('');
  const [type, setType] = useState<EventType | ''>('');
  const [follow, setFollow] = useState(true);
  const connection = useConnectionStatus();
  const shown = useMemo(
    () => (agent || type ? events.filter((e) => (!agent || e.agent === agent) && (!type || e.type === type)) : events),
    [events, agent, type],
  );
  return (
    <section
      aria-label="Event log"
      // Only the rows in view are in the DOM; these say what the log holds as a whole.
      data-event-count={events.length}
      data-last-seq={events.at(-1)?.seq ?? 0}
      className="flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white p-3 sm:p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-900">Event log</h2>
        <p className="text-sm text-slate-700">
          {shown.length === events.length ? `${events.length} events` : `${shown.length} of ${events.length} events`}
        </p>
      </div>
      <EventLogFilters
        agents={agents}
        types={types}
        agent={agent}
        type={type}
        follow={follow}
        onAgent={setAgent}
        onType={setType}
        onFollow={setFollow}
      />
      {connection !== 'connected' ? (
        <p className="mt-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">
          {connection === 'offline' ? 'Offline.' : 'Reconnecting…'} New events will catch up when the connection is back.
        </p>
      ) : null}
      {streamError ? (
        <p role="alert" className="mt-2 rounded bg-red-50 px-2 py-1 text-sm text-red-900">
          The live stream stopped: {streamError} Reload the page to try again.
        </p>
      ) : null}
      <EventLogList
        events={shown}
        follow={follow}
        onReadBack={() => setFollow(false)}
        emptyText={events.length === 0 ? 'No events yet.' : 'No events match these filters.'}
      />
      <NewEventsAnnouncer total={events.length} latest={events.at(-1)} />
    </section>
  );
}
