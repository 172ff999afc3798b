import Link from 'next/link';
import type { OpsOverview, WorkerStatus } from '~/shared/ops';
import { ageText } from '../_lib/feed-text';

const th = 'py-1.5 pr-3 font-semibold';

const STATUS_LOOK: Record<WorkerStatus, string> = {
  idle: 'bg-slate-100 text-slate-800',
  busy: 'bg-blue-100 text-blue-900',
  draining: 'bg-amber-100 text-amber-900',
};

/** Every worker that has not said goodbye (nor been declared lost): what it does and holds. */
export function WorkersTable({ workers }: { workers: OpsOverview['workers'] }) {
  return (
    <section aria-labelledby="ops-workers-title" className="min-w-0 space-y-2">
      <h2 id="ops-workers-title" className="text-xl font-semibold text-slate-950">
        Workers <span className="text-base font-normal text-slate-600">({workers.length})</span>
      </h2>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-3">
        <table className="w-full min-w-[32rem] border-collapse text-left text-sm">
          <caption className="sr-only">Workers, oldest first</caption>
          <thead>
            <tr className="border-b border-slate-300 text-slate-700">
              <th scope="col" className={th}>Worker</th>
              <th scope="col" className={th}>Status</th>
              <th scope="col" className={th}>Heartbeat</th>
              <th scope="col" className={th}>Runs held</th>
            </tr>
          </thead>
          <tbody>
            {workers.map((w) => (
              <tr key={w.workerId} data-worker={w.workerId} className="border-b border-slate-200 align-top">
                <th scope="row" className="break-all py-2 pr-3 font-medium text-slate-900">
                  {w.workerId}
                  <span className="block text-xs font-normal text-slate-600">
                    {w.runs.length} of {w.concurrency} slots in use
                  </span>
                </th>
                <td className="py-2 pr-3">
                  <span data-worker-status={w.status} className={`rounded px-2 py-0.5 font-semibold ${STATUS_LOOK[w.status]}`}>
                    {w.status}
                  </span>
                </td>
                <td className={`py-2 pr-3 tabular-nums ${w.silent ? 'font-semibold text-red-800' : ''}`}>
                  {ageText(w.heartbeatAgeMs)} ago{w.silent ? ' (silent)' : ''}
                </td>
                <td className="py-2">
                  {w.runs.length === 0 ? (
                    <span className="text-slate-600">none</span>
                  ) : (
                    <ul className="space-y-0.5">
                      {w.runs.map((runId) => (
                        <li key={runId}>
                          <Link href={`/runs/${runId}`} className="break-all text-blue-800 underline underline-offset-2 hover:text-blue-950">
                            {runId}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {workers.length === 0 ? <p className="py-2 text-slate-700">No worker is running: runs wait in the queue.</p> : null}
      </div>
    </section>
  );
}
