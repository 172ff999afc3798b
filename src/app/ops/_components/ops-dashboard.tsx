'use client';

import { notFound } from 'next/navigation';
import { SessionGate } from '~/app/_components/session-gate';
import { api } from '~/trpc/react';
import { FleetSummary } from './fleet-summary';
import { InstancesTable } from './instances-table';
import { LiveFeed } from './live-feed';
import { WorkersTable } from './workers-table';

/** How often the fleet view is read again; the feed beside it is live. */
const REFRESH_MS = 2_000;

/** /ops: the fleet (read every few seconds) beside the live feed of what it does. */
export function OpsDashboard() {
  return (
    <SessionGate next="/ops">
      <div className="space-y-6">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold tracking-tight text-slate-950">Operations</h1>
          <p className="text-slate-700">Web instances, workers, the queue and the event archive, across the whole deployment.</p>
        </div>
        <Fleet />
        <LiveFeed />
      </div>
    </SessionGate>
  );
}

function Fleet() {
  const overview = api.ops.overview.useQuery(undefined, { refetchInterval: REFRESH_MS, staleTime: 0, retry: false });
  // The server sends non-operators the 404 before this page; this is for a session that changed since.
  if (overview.error?.data?.code === 'NOT_FOUND') notFound();
  if (!overview.data) {
    return overview.isError ? (
      <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
        The fleet could not be read: {overview.error.message}
      </p>
    ) : (
      <p role="status" className="text-slate-700">
        Reading the fleet…
      </p>
    );
  }
  const data = overview.data;
  return (
    <>
      <p className="text-sm text-slate-600">
        Read at {new Date(data.checkedAt).toLocaleTimeString()}
        {overview.isError ? ` — the last read failed (${overview.error.message}); showing the one before` : ''}.
      </p>
      <FleetSummary queue={data.queue} archive={data.archive} />
      <div className="grid gap-6 xl:grid-cols-2">
        <InstancesTable instances={data.instances} />
        <WorkersTable workers={data.workers} />
      </div>
    </>
  );
}
