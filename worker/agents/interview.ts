import type { InterviewParams } from '~/shared/sessions/interview';
import type { AgentContext } from '../agent-context';
import { criteriaForEvent, engineFeedback, silenceFeedback } from '../sessions/interview/feedback';
import { feedbackPrompt, feedbackRules, modelFeedback } from '../sessions/interview/llm-feedback';
import {
  answerMessage,
  completeMessage,
  feedbackMessage,
  questionMessage,
  silenceMessage,
  startMessage,
  summaryOf,
} from '../sessions/interview/messages';
import { preparePosting } from '../sessions/interview/read-posting';
import { pickQuestions } from '../sessions/interview/questions';
import { scoreAnswer } from '../sessions/interview/score';
import { seedFrom } from '../sessions/interview/seed';
import { clip, wordCount } from '../sessions/interview/text';
import type { AnswerScore, InterviewPosting, Question } from '../sessions/interview/types';
import { workOn } from '../sessions/interview/work-on';
import type { SessionAgent, SessionOutcome } from '../sessions/types';

/**
 * Interview practice: questions from the posting's skills (or the role's), a turn for
 * each answer, and feedback on it. The engine (worker/sessions/interview) picks the
 * questions and scores the answers; with a model configured, the feedback's words may
 * come from the model under the engine's check, never the score. Two unanswered
 * questions in a row end the interview, as a real interviewer would.
 */

type InterviewContext = AgentContext<InterviewParams>;

/** Silences in a row that end the interview. */
const SILENCES_TO_ABANDON = 2;
const LIMIT = { role: 200, company: 200, skill: 100, skills: 50, question: 2000, answer: 10_000, feedback: 5000, workOn: 500 } as const;

interface Tally {
  scores: AnswerScore[];
  asked: number;
  unanswered: number;
  silentInRow: number;
}

export const interview: SessionAgent<'interview'> = async (ctx) => {
  await ctx.pausePoint('read the posting');
  const { posting, note } = await preparePosting(ctx);
  // Seeded by the run, so a resumed run asks the same questions.
  const questions = pickQuestions(posting, ctx.params.questions, seedFrom(ctx.runId));
  await start(ctx, posting, questions.length, note);
  const tally: Tally = { scores: [], asked: 0, unanswered: 0, silentInRow: 0 };
  for (const question of questions) {
    await ask(ctx, posting, question, questions.length, tally);
    await ctx.progress(Math.round((100 * question.index) / questions.length));
    if (tally.silentInRow >= SILENCES_TO_ABANDON) return finish(ctx, posting, tally, questions.length, true);
  }
  return finish(ctx, posting, tally, questions.length, false);
};

async function start(ctx: InterviewContext, posting: InterviewPosting, count: number, note: string | null): Promise<void> {
  await ctx.emit('interview_start', startMessage(posting, count, note), {
    role: clip(posting.role, LIMIT.role),
    company: posting.company === null ? null : clip(posting.company, LIMIT.company),
    questions: count,
    skills: posting.skills.slice(0, LIMIT.skills).map((s) => clip(s, LIMIT.skill)),
    fromPosting: posting.from.kind === 'posting',
    answerSeconds: answerSeconds(ctx),
  });
}

/** One question: asked, waited for, answered (or not), and given feedback. */
async function ask(ctx: InterviewContext, posting: InterviewPosting, question: Question, total: number, tally: Tally): Promise<void> {
  await ctx.pausePoint(`question ${question.index}`);
  await ctx.emit('interview_question', questionMessage(question, total), {
    index: question.index,
    question: clip(question.question, LIMIT.question),
    kind: question.kind,
    skill: question.skill === null ? null : clip(question.skill, LIMIT.skill),
  });
  tally.asked += 1;
  const turn = await ctx.session.nextTurn({ round: question.index });
  if (!turn) {
    tally.unanswered += 1;
    tally.silentInRow += 1;
    await silence(ctx, question.index);
    return;
  }
  tally.silentInRow = 0;
  await ctx.emit('interview_answer', answerMessage(question.index, wordCount(turn.text)), {
    index: question.index,
    answer: clip(turn.text, LIMIT.answer),
    turnId: turn.turnId,
  });
  const result = scoreAnswer(question, turn.text, { postingSkills: jobSkills(posting) });
  // The interviewer takes a moment before answering, as a person would (AGENT_STEP_DELAY_MS).
  await ctx.pace();
  const words = await feedbackWords(ctx, posting, question, turn.text, result);
  await ctx.emit('interview_feedback', feedbackMessage(question.index, result.score), {
    index: question.index,
    score: result.score,
    feedback: clip(words, LIMIT.feedback),
    criteria: criteriaForEvent(result.criteria),
  });
  tally.scores.push(result);
}

async function silence(ctx: InterviewContext, index: number): Promise<void> {
  const seconds = answerSeconds(ctx);
  const none = silenceFeedback(seconds);
  await ctx.pace();
  await ctx.emit('interview_feedback', silenceMessage(index, seconds), {
    index,
    score: none.score,
    feedback: none.feedback,
    criteria: criteriaForEvent(none.criteria),
  });
}

/** The model's words when one is configured and its draft passes the check; the engine's otherwise. */
async function feedbackWords(ctx: InterviewContext, posting: InterviewPosting, question: Question, answer: string, result: AnswerScore): Promise<string> {
  const fallback = engineFeedback(result);
  if (!ctx.llm) return fallback;
  const skills = jobSkills(posting);
  const words = await modelFeedback(
    ctx.llm,
    feedbackPrompt(question, answer, result, skills),
    feedbackRules(question, answer, skills, result.score),
    fallback,
    ctx.signal,
  );
  if (words.refused) console.warn(`[worker] interview ${ctx.runId}: question ${question.index} uses the engine's feedback: ${words.refused}`);
  return words.text;
}

async function finish(ctx: InterviewContext, posting: InterviewPosting, tally: Tally, planned: number, abandoned: boolean): Promise<SessionOutcome> {
  const { scores } = tally;
  const average = scores.length === 0 ? null : Math.round(scores.reduce((sum, s) => sum + s.score, 0) / scores.length);
  const advice = workOn(scores, tally.unanswered).map((item) => clip(item, LIMIT.workOn));
  await ctx.emit('interview_complete', completeMessage(scores.length, tally.asked, average), {
    averageScore: average,
    answered: scores.length,
    workOn: advice,
  });
  const summary = summaryOf(posting, {
    answered: scores.length,
    asked: tally.asked,
    planned,
    average,
    abandoned,
    seconds: answerSeconds(ctx),
    workOn: advice,
  });
  return { outcome: abandoned ? 'abandoned' : 'completed', summary };
}

function jobSkills(posting: InterviewPosting): string[] {
  return [...posting.skills, ...posting.preferred];
}

function answerSeconds(ctx: InterviewContext): number {
  return Math.round(ctx.session.turnTimeoutMs / 1000);
}
