/** One message in, one reply out: the intent decides which answer runs. */
import type { AnswerContext } from './answers/context';
import { answerFindJobs } from './answers/find-jobs';
import { answerJobsThatFit } from './answers/jobs-that-fit';
import { answerPay } from './answers/pay';
import { answerSkillGaps } from './answers/skill-gaps';
import { answerSmallTalk, answerUnknown } from './answers/talk';
import { answerTrajectory } from './answers/trajectory';
import type { ParsedMessage, Reply } from './types';

export type { AnswerContext } from './answers/context';

export function answer(ctx: AnswerContext, parsed: ParsedMessage, message: string): Promise<Reply> {
  switch (parsed.intent) {
    case 'jobs_that_fit':
      return answerJobsThatFit(ctx);
    case 'skill_gaps':
      return answerSkillGaps(ctx, parsed.role);
    case 'trajectory':
      return answerTrajectory(ctx, parsed.from);
    case 'pay':
      return answerPay(ctx, parsed);
    case 'find_jobs':
      return Promise.resolve(answerFindJobs(ctx, parsed));
    case 'small_talk':
      return Promise.resolve(answerSmallTalk(ctx, parsed.talk));
    case 'unknown':
      return Promise.resolve(answerUnknown(ctx, message));
  }
}
