/** Replies several answers share: asking for the role or the resume a question needs. */
import type { CareerIntent } from '~/shared/sessions/career';
import { resumeSource } from '../profile';
import { suggestionsFor } from '../suggestions';
import type { Reply } from '../types';
import type { AnswerContext } from './context';

type ReplyFields = Pick<Reply, 'intent' | 'text' | 'headline' | 'builtFrom'> & Partial<Reply>;

/**
 * A reply with the usual defaults. `about` is the role the question was about when the
 * user named one: the suggestions then follow that role rather than the resume's.
 */
export function reply(ctx: AnswerContext, fields: ReplyFields, about?: string): Reply {
  const own = about === undefined || about === ctx.suggestions.role;
  const context = own ? ctx.suggestions : { ...ctx.suggestions, role: about, nextRole: null };
  return {
    suggestions: suggestionsFor(fields.intent, context),
    proposal: null,
    facts: [],
    topic: null,
    ends: false,
    ...fields,
  };
}

/** A question about a role, asked without one, from a user whose resume names none. */
export function askForRole(ctx: AnswerContext, intent: CareerIntent, example: string): Reply {
  return reply(ctx, {
    intent,
    text: `Which role do you mean? Your resume does not name a title I can use. Try: "${example}".`,
    headline: 'Asked which role',
    builtFrom: [resumeSource(ctx.profile)],
  });
}

/** A question only the resume can answer, from a user without one. */
export function askForResume(ctx: AnswerContext, intent: CareerIntent, what: string): Reply {
  return reply(ctx, {
    intent,
    text: `To ${what} I need your resume: paste its text into your profile, then ask again.`,
    headline: 'Needs a resume',
    builtFrom: [resumeSource(ctx.profile)],
  });
}

/** "38 postings for Backend Engineer on sandbox, greenhouse:acme". */
export function postingsSource(count: number, role: string, labels: readonly string[]): string {
  const where = labels.length > 0 ? ` on ${labels.join(', ')}` : ' (no source answered)';
  return `${count} ${count === 1 ? 'posting' : 'postings'} for ${role}${where}`;
}
