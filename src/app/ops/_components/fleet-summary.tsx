import type { OpsOverview } from '~/shared/ops';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** The queue's job counts and the archive's lag, as numbers to read at a glance. */
export function FleetSummary({ queue, archive }: Pick<OpsOverview, 'queue' | 'archive'>) {
  const behind = archive.lag !== null && archive.lag > archive.alertAt;
  return (
    <section aria-labelledby="ops-queue-title" className="space-y-2">
      <h2 id="ops-queue-title" className="text-xl font-semibold text-slate-950">
        Queue and archive
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {QUEUE_STATES.map((state) => (
          <div key={state} data-queue-count={state} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-sm capitalize text-slate-700">{state}</dt>
            <dd className="text-2xl font-semibold tabular-nums text-slate-950">{queue[state]}</dd>
          </div>
        ))}
        <div
          data-archive-lag={archive.lag ?? ''}
          className={`rounded-lg border p-3 ${behind ? 'border-amber-400 bg-amber-50' : 'border-slate-200 bg-white'}`}
        >
          <dt className="text-sm text-slate-700">Archive lag</dt>
          <dd className="text-2xl font-semibold tabular-nums text-slate-950">
            {archive.lag ?? '–'}
            <span className="sr-only"> events</span>
          </dd>
          <dd className="text-xs text-slate-600">alert over {archive.alertAt}</dd>
        </div>
      </dl>
    </section>
  );
}
