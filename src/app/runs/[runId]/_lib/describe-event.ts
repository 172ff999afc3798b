import type { RunEvent } from '~/shared/events';

/**
 * A person reads the log, so payloads become short phrases: the agent's message
 * already says what happened, the summary adds what the message leaves out. Types
 * whose message says it all (a confirmation, an error, a count) get no summary, so
 * nothing is said twice, and nothing is ever shown as raw JSON.
 */

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function list(items: readonly string[], max = 5): string {
  if (items.length === 0) return 'none';
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

function clip(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function seconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const rest = Math.round((ms % 60_000) / 1000);
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

export function eventSummary(event: RunEvent): string | null {
  switch (event.type) {
    case 'pipeline_start':
      return `attempt ${event.data.attempt}; minimum score ${event.data.params.minMatchScore}; auto-apply ${event.data.params.autoApply ? 'on' : 'off'}`;
    case 'pipeline_complete': {
      const s = event.data;
      return `${s.jobsAnalyzed} analysed, ${s.jobsQualified} qualified, ${s.applicationsDrafted} drafted, ${s.applicationsSubmitted} submitted in ${seconds(s.durationMs)}`;
    }
    case 'pipeline_error':
      return event.data.retrying ? `attempt ${event.data.attempt}; trying again` : `attempt ${event.data.attempt}; not retrying`;
    case 'pipeline_resumed':
      return `paused for ${seconds(event.data.pausedMs)}`;
    case 'scout_start':
      return `sources: ${list(event.data.sources)}`;
    case 'scout_found':
      return event.data.count > event.data.urls.length ? `the first ${event.data.urls.length} links kept in the event` : null;
    case 'analyst_analyzing':
      return event.data.requirements.length > 0 ? `looking for ${list(event.data.requirements)}` : null;
    case 'analyst_result':
      return `has ${list(event.data.matchedSkills)}; missing ${list(event.data.missingSkills)}`;
    case 'analyst_skipped':
      return clip(event.data.reason);
    case 'company_result':
      return event.data.facts.length > 0 ? clip(list(event.data.facts, 3)) : null;
    case 'resume_tailoring':
      return event.data.keywords.length > 0 ? `keywords: ${list(event.data.keywords)}` : null;
    case 'cover_letter_complete':
      return plural(event.data.wordCount, 'word');
    case 'applier_start':
      return event.data.draftMode ? 'draft mode: asks before submitting' : 'submits without asking';
    case 'applier_draft_ready': {
      // The message already counts the fields; what it does not say is how sure the applier was.
      const unsure = event.data.fields.filter((f) => !f.confident).length;
      const parts = [unsure > 0 ? `${unsure} unsure` : 'all filled with confidence', event.data.screenshot ? 'screenshot attached' : null];
      return parts.filter(Boolean).join(', ');
    }
    case 'hitl_request': {
      const options = event.data.options.length > 0 ? `options: ${list(event.data.options)}` : 'free answer';
      const fallback = event.data.defaultAnswer === null ? '' : `; default "${clip(event.data.defaultAnswer, 40)}"`;
      return `${options}; waits ${seconds(event.data.timeoutMs)}${fallback}`;
    }
    case 'hitl_cancelled':
      return clip(event.data.reason);
    case 'task_progress':
      return `stage ${event.data.stage.replace('_', ' ')}`;
    case 'task_started':
      return `worker ${clip(event.data.workerId, 40)}`;
    case 'task_complete':
      return `took ${seconds(event.data.durationMs)}`;
    case 'task_failed':
      return event.data.retrying ? 'will retry' : 'not retrying';
    default:
      return null;
  }
}

/** The log line: the event's own message, then what its data adds. */
export function eventSentence(event: RunEvent): string {
  const summary = eventSummary(event);
  return summary ? `${event.message} (${summary})` : event.message;
}

/** "cover_letter" reads as "cover letter". */
export function agentLabel(agent: string): string {
  return agent.replaceAll('_', ' ');
}
