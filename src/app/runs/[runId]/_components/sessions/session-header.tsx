import type { ReactNode } from 'react';
import { STATUS_LABEL, STATUS_LOOK } from '~/app/_components/run-labels';
import type { RunStatus } from '~/shared/pipeline';
import type { SessionEnd } from '~/shared/session-state';

function endText(end: SessionEnd | null): string | null {
  if (!end) return null;
  switch (end.kind) {
    case 'completed':
      return end.summary;
    case 'stopped':
      return `Stopped: ${end.reason}.`;
    case 'failed':
      return `Error: ${end.error}`;
  }
}

interface Props {
  /** What kind of session this is, above the title. */
  eyebrow: string;
  title: ReactNode;
  /** One line under the title: the session's setup. */
  details?: ReactNode;
  status: RunStatus;
  end: SessionEnd | null;
}

/**
 * A session's title and how it is doing, as a pipeline run's header reads;
 * `data-run-status` carries the machine value for tests and styles.
 */
export function SessionHeader({ eyebrow, title, details, status, end }: Props) {
  const live = status === 'running' || status === 'paused' || status === 'queued';
  const ended = endText(end);
  return (
    <header className="space-y-2">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">{eyebrow}</p>
      <h1 className="break-words text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
      {details ? <p className="text-slate-700">{details}</p> : null}
      <p data-run-status={status} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-800">
        <span className={`rounded px-2 py-0.5 text-sm font-semibold ${STATUS_LOOK[status]}`}>{STATUS_LABEL[status]}</span>
        {live && status !== 'queued' ? <span>Now in session</span> : null}
        {ended ? <span className="break-words text-slate-700">{ended}</span> : null}
      </p>
    </header>
  );
}
