'use client';

import { RunCard } from './run-card';
import { useLiveRuns } from './use-live-runs';

export function RunList({ headingId }: { headingId: string }) {
  const runs = useLiveRuns();
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-xl font-semibold text-slate-950">
        Your runs
      </h2>
      {runs.isPending ? (
        <p role="status" className="text-slate-700">
          Loading your runs…
        </p>
      ) : runs.isError ? (
        <div role="alert" className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          <p>Your runs could not be loaded: {runs.error.message}</p>
          <button type="button" onClick={() => void runs.refetch()} className="font-medium underline">
            Try again
          </button>
        </div>
      ) : runs.data.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">
          No runs yet. <a href="#start-pipeline" className="font-medium text-blue-800 underline">Start a pipeline</a> and it
          appears here, live.
        </p>
      ) : (
        <ul className="space-y-3">
          {runs.data.map((run) => (
            <RunCard key={run.runId} run={run} />
          ))}
        </ul>
      )}
    </section>
  );
}
