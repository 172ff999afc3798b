import { memo } from 'react';
import type { RunEvent } from '~/shared/events';
import { agentLabel, eventSentence } from '../_lib/describe-event';

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

// Failures and questions stand out in a long log; the words say the same for those who cannot see colour.
function tone(event: RunEvent): string {
  if (event.type.endsWith('_error') || event.type === 'task_failed') return 'text-red-900';
  if (event.type === 'hitl_request') return 'text-amber-900 font-medium';
  return 'text-slate-900';
}

/** One line of the log: when, who, and what happened in a sentence. */
export const EventLogRow = memo(function EventLogRow({ event }: { event: RunEvent }) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
      <time dateTime={event.timestamp} className="font-mono text-xs text-slate-700 tabular-nums">
        {TIME.format(new Date(event.timestamp))}
      </time>
      <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800">{agentLabel(event.agent)}</span>
      <span className={`min-w-0 basis-full break-words sm:basis-0 sm:grow ${tone(event)}`}>{eventSentence(event)}</span>
    </div>
  );
});
