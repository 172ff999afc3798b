import type { JobSource, PipelineParams } from '~/shared/pipeline';
import type { CareerIntent } from '~/shared/sessions/career';

/** Small talk that needs no data: a greeting, a thank-you, or the end of the conversation. */
export type SmallTalk = 'greeting' | 'thanks' | 'goodbye';

/** What a message asks, with the slots the engine needs; null slots fall back to the resume. */
export type ParsedMessage =
  | { intent: 'jobs_that_fit' }
  | { intent: 'skill_gaps'; role: string | null }
  | { intent: 'trajectory'; from: string | null }
  | { intent: 'pay'; role: string | null; location: string | null }
  | { intent: 'find_jobs'; role: string | null; location: string | null; sources: JobSource[] | null }
  | { intent: 'small_talk'; talk: SmallTalk }
  | { intent: 'unknown' };

/** One answer of the chat as the engine words it, before any model rewrites the words. */
export interface Reply {
  intent: CareerIntent;
  /** The engine's own words: what is sent when there is no model, or its draft is refused. */
  text: string;
  /** A line for the event feed. */
  headline: string;
  builtFrom: string[];
  suggestions: string[];
  proposal: PipelineParams | null;
  /**
   * The data behind the reply beyond its text (skills, titles, companies, amounts, links):
   * the only things a model's rewording may name.
   */
  facts: string[];
  /** Skills and figures the reply is about: a rewording that leaves them out is refused. */
  mustSay?: { skills?: string[]; numbers?: number[] };
  /** What the question was about, for the session's summary; null for small talk. */
  topic: string | null;
  /** The user said goodbye: the conversation ends after this reply. */
  ends: boolean;
}
