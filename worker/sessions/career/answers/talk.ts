/** Small talk and messages the chat does not understand: no data, only words and what to ask next. */
import type { SmallTalk, Reply } from '../types';
import { reply } from './common';
import type { AnswerContext } from './context';

const CAN_DO = 'I can tell you which jobs fit your resume, what you are missing for a role, where you can go from here, what a role pays, or set up a job search.';

const TALK: Readonly<Record<SmallTalk, { text: string; headline: string }>> = {
  greeting: { text: `Hi! ${CAN_DO}`, headline: 'Said hello' },
  thanks: { text: 'You are welcome. Anything else?', headline: 'You are welcome' },
  goodbye: { text: 'Good luck with your search. Bye!', headline: 'Said goodbye' },
};

export function answerSmallTalk(ctx: AnswerContext, talk: SmallTalk): Reply {
  return reply(ctx, { intent: 'small_talk', ...TALK[talk], builtFrom: [], ends: talk === 'goodbye' });
}

const QUOTED_CHARS = 80;

export function answerUnknown(ctx: AnswerContext, message: string): Reply {
  const quoted = message.length <= QUOTED_CHARS ? message : `${message.slice(0, QUOTED_CHARS - 1)}…`;
  return reply(ctx, {
    intent: 'unknown',
    text: `I don't understand "${quoted}". ${CAN_DO} Try one of the suggestions below.`,
    headline: "Didn't understand",
    builtFrom: [],
  });
}
