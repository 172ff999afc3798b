import type { RunKind, RunParamsOf } from '~/shared/pipeline';
import type { AgentContext } from '../agent-context';

/** The kinds of run that are sessions: every kind but the pipeline. */
export type SessionKind = Exclude<RunKind, 'pipeline'>;

/** How a session ended, for its `session_complete` event (the run's terminal event). */
export interface SessionOutcome {
  /** One word a page can switch on: 'completed', 'not_enough_data', 'accepted', 'rejected', 'abandoned'… */
  outcome: string;
  /** One or two sentences in the user's words. */
  summary: string;
}

/** A session kind's agent: it talks through ctx (events, turns, live text) and says how it ended. */
export type SessionAgent<K extends SessionKind> = (ctx: AgentContext<RunParamsOf<K>>) => Promise<SessionOutcome>;
