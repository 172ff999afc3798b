import Link from 'next/link';
import type { RouterOutputs } from '~/trpc/types';
import { STAGE_LABEL, STATUS_LABEL, STATUS_LOOK } from '~/app/_components/run-labels';
import { runPlace, runTitle } from '~/app/_components/run-title';

type Run = RouterOutputs['pipeline']['list'][number];

const created = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function ProgressBar({ value }: { value: number }) {
  return (
    <div className="flex items-center gap-3">
      <div
        role="progressbar"
        aria-label="Progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value}%`}
        className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-blue-700 transition-[width] duration-500" style={{ width: `${value}%` }} />
      </div>
      <span aria-hidden="true" className="w-10 text-right text-sm tabular-nums text-slate-700">
        {value}%
      </span>
    </div>
  );
}

/** One run: the whole card is the link to its live view. */
export function RunCard({ run }: { run: Run }) {
  return (
    <li data-run-id={run.runId}>
      <Link
        href={`/runs/${run.runId}`}
        className="block space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-blue-400 hover:shadow"
      >
        <div className="flex items-start justify-between gap-3">
          <h3 className="break-words font-semibold text-slate-950">{runTitle(run)}</h3>
          <span
            data-run-status={run.status}
            className={`shrink-0 rounded-full px-2.5 py-0.5 text-xs font-semibold ${STATUS_LOOK[run.status]}`}
          >
            {STATUS_LABEL[run.status]}
          </span>
        </div>
        <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-700">
          <span>{runPlace(run)}</span>
          <span data-run-stage={run.stage}>{STAGE_LABEL[run.stage]}</span>
          <span>
            Created <time dateTime={run.createdAt}>{created.format(new Date(run.createdAt))}</time>
          </span>
        </p>
        <ProgressBar value={run.progress} />
        {run.status === 'failed' && run.error && <p className="text-sm text-red-800">{run.error}</p>}
      </Link>
    </li>
  );
}
