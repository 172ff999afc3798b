import type { OpsFeedEvent, OpsFeedEventType } from '~/shared/ops';
import { runIdSchema } from '~/shared/pipeline';

/** The feed keeps this many entries, newest first; older ones fall off the end. */
export const FEED_LIMIT = 200;

/** Seed 004's names for the feed's types, as operators know them. */
export const FEED_LABEL: Record<OpsFeedEventType, string> = {
  agent_status_changed: 'agent:status_changed',
  agent_heartbeat: 'agent:heartbeat',
  task_created: 'task:created',
  task_assigned: 'task:assigned',
  task_updated: 'task:updated',
  task_completed: 'task:completed',
  system_alert: 'system:alert',
};

/** The event in a sentence (ids are shown beside it, as links where they lead somewhere). */
export function feedText(event: OpsFeedEvent): string {
  switch (event.type) {
    case 'agent_status_changed':
      return event.oldStatus ? `Worker went from ${event.oldStatus} to ${event.newStatus}` : `Worker started, ${event.newStatus}`;
    case 'agent_heartbeat':
      return `Worker is ${event.status}${event.runs.length > 0 ? `, holding ${event.runs.length} run(s)` : ''}`;
    case 'task_created':
      return 'Run queued';
    case 'task_assigned':
      return event.agentId ? `Run taken by ${event.agentId}` : 'Run taken by a worker';
    case 'task_updated':
      return event.progress === null ? 'Run reported progress' : `Run ${event.progress}% done${event.stage ? ` (${event.stage})` : ''}`;
    case 'task_completed':
      return event.outcome === 'completed' ? 'Run finished' : 'Run failed';
    case 'system_alert':
      return event.message;
  }
}

/** The run an event is about, when it is one a link can open. */
export function feedRunId(event: OpsFeedEvent): string | null {
  if (!('taskId' in event)) return null;
  return runIdSchema.safeParse(event.taskId).success ? event.taskId : null;
}

/** Adds an event at the top, keeping at most FEED_LIMIT. */
export function prepend<T>(list: readonly T[], item: T, limit = FEED_LIMIT): T[] {
  return [item, ...list.slice(0, limit - 1)];
}

/** "1.2 s", "3 min": how long ago a heartbeat came. */
export function ageText(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 60_000)} min`;
}
