import type { RunStatus, Stage } from '~/shared/pipeline';
import { STATUS_LABEL, STATUS_LOOK } from '~/app/_components/run-labels';
import type { RunOutcome } from '~/shared/run-state';

export interface RunStatusLineProps {
  status: RunStatus;
  stage: Stage | null;
  progress: number | null;
  attempt: number;
  outcome: RunOutcome | null;
}

const STAGE: Record<Stage, string> = {
  queued: 'waiting for a worker',
  scout: 'searching',
  analyst: 'analysing',
  company: 'researching companies',
  resume: 'tailoring resumes',
  cover_letter: 'writing cover letters',
  applier: 'applying',
  session: 'in session',
  done: 'finished',
};

function outcomeText(outcome: RunOutcome | null): string | null {
  if (!outcome) return null;
  switch (outcome.kind) {
    case 'completed': {
      const s = outcome.summary;
      return `${s.jobsFound} found, ${s.jobsQualified} qualified, ${s.applicationsSubmitted} submitted.`;
    }
    case 'stopped':
      return `Reason: ${outcome.reason}.`;
    case 'failed':
      return `Error: ${outcome.error}`;
  }
}

/** The run's status in words; `data-run-status` carries the machine value for tests and styles. */
export function RunStatusLine({ status, stage, progress, attempt, outcome }: RunStatusLineProps) {
  const live = status === 'running' || status === 'paused';
  return (
    <p data-run-status={status} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-800">
      <span className={`rounded px-2 py-0.5 text-sm font-semibold ${STATUS_LOOK[status]}`}>{STATUS_LABEL[status]}</span>
      {live && stage && stage !== 'done' ? <span>Now {STAGE[stage]}</span> : null}
      {progress !== null ? <span>{progress}% done</span> : null}
      {attempt > 1 ? <span>Attempt {attempt}</span> : null}
      {outcomeText(outcome) ? <span className="text-slate-700">{outcomeText(outcome)}</span> : null}
    </p>
  );
}
