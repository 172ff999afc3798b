import type { RunEvent } from '~/shared/events';
import { isTerminalStatus, type RunStatus } from '~/shared/pipeline';
import { statusAfter } from '~/shared/run-state';

/** What every session page folds the same way: its status, how it ended, and its events in order. */

/** How a session ended: its own verdict, or a stop or a failure from outside it. */
export type SessionEnd =
  | { kind: 'completed'; outcome: string; summary: string }
  | { kind: 'stopped'; reason: string }
  | { kind: 'failed'; error: string };

/** A session's status after an event: the pipeline's rules, plus its own terminal event. */
export function sessionStatusAfter(current: RunStatus | null, event: RunEvent): RunStatus | null {
  if (event.type === 'session_complete') return current && isTerminalStatus(current) ? current : 'completed';
  return statusAfter(current, event);
}

/** The first end wins: a stop that races the session's own completion cannot rewrite it. */
export function sessionEndAfter(current: SessionEnd | null, event: RunEvent): SessionEnd | null {
  if (current) return current;
  switch (event.type) {
    case 'session_complete':
      return { kind: 'completed', outcome: event.data.outcome, summary: event.data.summary };
    case 'pipeline_stopped':
    case 'job_cancelled':
      return { kind: 'stopped', reason: event.data.reason };
    case 'pipeline_error':
    case 'task_failed':
      return event.data.retrying ? null : { kind: 'failed', error: event.data.error };
    default:
      return null;
  }
}

/** Events once each, in seq order: the same list folds the same way however it arrived. */
export function inSeqOrder(events: readonly RunEvent[]): RunEvent[] {
  const bySeq = new Map<number, RunEvent>();
  for (const event of events) if (!bySeq.has(event.seq)) bySeq.set(event.seq, event);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
