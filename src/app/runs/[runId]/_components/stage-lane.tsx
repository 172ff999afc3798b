import { agentLabel } from '~/app/_components/hitl/agent-label';
import { laneProgress, type Lane, type LaneState, type LaneStatus } from '~/shared/run-state';


/** What a lane counts, so "3 of 5" says 3 of 5 what. */
const UNIT: Record<Lane, string> = {
  scout: 'sources',
  analyst: 'jobs',
  company: 'companies',
  resume: 'resumes',
  cover_letter: 'letters',
  applier: 'applications',
};

const STATUS: Record<LaneStatus, string> = {
  waiting: 'Waiting',
  working: 'Working',
  done: 'Done',
  skipped: 'Skipped',
  failed: 'Failed',
};

const LOOK: Record<LaneStatus, { card: string; bar: string; text: string }> = {
  waiting: { card: 'border-slate-200 bg-white', bar: 'bg-slate-400', text: 'text-slate-700' },
  working: { card: 'border-blue-300 bg-blue-50', bar: 'bg-blue-700', text: 'text-blue-900' },
  done: { card: 'border-emerald-300 bg-white', bar: 'bg-emerald-700', text: 'text-emerald-900' },
  skipped: { card: 'border-slate-200 bg-slate-50', bar: 'bg-slate-400', text: 'text-slate-700' },
  failed: { card: 'border-red-300 bg-red-50', bar: 'bg-red-700', text: 'text-red-900' },
};

function statusText(lane: Lane, state: LaneState): string {
  const label = STATUS[state.status];
  if (state.note) return `${label}: ${state.note}`;
  if (state.status === 'working' || state.status === 'done') {
    const count = state.total === null ? `${state.handled}` : `${state.handled} of ${state.total}`;
    return `${label}, ${count} ${UNIT[lane]}`;
  }
  return label;
}

/** One stage: its name, where it stands in words, and a bar for the same. */
export function StageLane({ lane, state }: { lane: Lane; state: LaneState }) {
  const progress = laneProgress(state);
  const look = LOOK[state.status];
  const text = statusText(lane, state);
  return (
    <li data-stage={lane} data-stage-status={state.status} className={`rounded-lg border px-3 py-2 sm:py-3 ${look.card}`}>
      {/* Name and status share a line on a phone, so six stacked lanes stay short. */}
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 sm:block">
        <h3 className="font-semibold text-slate-900">{agentLabel(lane)}</h3>
        <p className={`line-clamp-2 text-sm sm:mt-1 ${look.text}`} title={text}>
          {text}
        </p>
      </div>
      <div
        role="progressbar"
        aria-label={`${agentLabel(lane)} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        // Left out while the lane's size is unknown: an indeterminate bar, not a false 0%.
        aria-valuenow={progress ?? undefined}
        aria-valuetext={progress === null ? `${STATUS[state.status]}, size not known yet` : `${progress}%`}
        className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full ${look.bar} ${progress === null ? 'w-1/3 animate-pulse' : 'transition-[width] duration-300'}`}
          style={progress === null ? undefined : { width: `${progress}%` }}
        />
      </div>
    </li>
  );
}
