import { randomUUID } from 'node:crypto';
import type { CareerChatParams } from '~/shared/sessions/career';
import type { AgentContext } from '../agent-context';
import { answer, type AnswerContext } from '../sessions/career/answer';
import { reply as withDefaults } from '../sessions/career/answers/common';
import { checkDraft, groundingOf } from '../sessions/career/grounding';
import { parseMessage } from '../sessions/career/intents';
import { checkedModelWords } from '../llm/checked-words';
import { profileFacts, readCareerProfile } from '../sessions/career/profile';
import { coachPrompt } from '../sessions/career/prompt';
import { defaultSourceClients } from '../sources';
import { suggestionDefaults } from '../sessions/career/suggestions';
import type { ParsedMessage, Reply } from '../sessions/career/types';
import { clip, listWords, plural } from '../sessions/career/words';
import type { SessionAgent, SessionOutcome } from '../sessions/types';
import { researchSalary } from './salary-research';

/**
 * The career chat: a conversation about the user's career, answered by engines over the
 * resume, the postings on every source the scout knows, the role ladders and the salary
 * research (worker/sessions/career). Each message gets one career_chat_response; the
 * opening first, then each turn, until the user says goodbye or stops writing for
 * SESSION_IDLE_TIMEOUT_MS. With a model configured, the reply's words may be the
 * model's, streamed as written, but only when they name nothing the engine's data lacks.
 */

type ChatContext = AgentContext<CareerChatParams>;

const LIMIT = { message: 2_000, userMessage: 4_000, reply: 10_000, builtFrom: 300, suggestion: 200, builtFromItems: 20, suggestionItems: 6 } as const;
const MODEL = { maxTokens: 700, temperature: 0.5 } as const;

export const careerChat: SessionAgent<'career_chat'> = async (ctx) => {
  const chat = openChat(ctx);
  const topics: string[] = [];
  let message = ctx.params.opening;
  let turnId: string | null = null;
  for (let round = 1; ; round += 1) {
    const reply = await respond(ctx, chat, { message, turnId, round });
    if (reply.topic !== null) topics.push(reply.topic);
    if (reply.ends) return { outcome: 'ended', summary: endedSummary(topics) };
    const turn = await ctx.session.nextTurn({ round, timeoutMs: ctx.session.idleTimeoutMs });
    if (!turn) return idle(ctx, topics);
    ({ text: message, turnId } = turn);
  }
};

/** The conversation's fixed parts, read once: the user, their sources, and the research. */
function openChat(ctx: ChatContext): AnswerContext {
  const profile = readCareerProfile(ctx.profile, new Date());
  return {
    profile,
    clients: defaultSourceClients({ boards: ctx.profile.jobSources, settings: ctx.settings, appUrl: ctx.appUrl }),
    signal: ctx.signal,
    emit: (type, message, data) => ctx.emit(type, message, data),
    research: (request) => researchSalary(ctx, request),
    suggestions: suggestionDefaults(profile),
  };
}

interface Message {
  message: string;
  /** Null for the opening. */
  turnId: string | null;
  /** Which message of the conversation this is: the opening is the first. */
  round: number;
}

/** Answers one message with one career_chat_response. */
async function respond(ctx: ChatContext, chat: AnswerContext, { message, turnId, round }: Message): Promise<Reply> {
  await ctx.pausePoint(turnId === null ? 'opening' : `message ${round}`);
  const parsed = parseMessage(message);
  // The coach takes a moment before answering, as a person would (AGENT_STEP_DELAY_MS).
  await ctx.pace();
  const reply = await answerSafely(ctx, chat, parsed, message);
  const messageId = `msg_${randomUUID()}`;
  const words = await wordsFor(ctx, chat, message, reply, messageId);
  await ctx.emit('career_chat_response', clip(reply.headline, LIMIT.message), {
    reply: clip(words, LIMIT.reply),
    intent: reply.intent,
    builtFrom: reply.builtFrom.slice(0, LIMIT.builtFromItems).map((s) => clip(s, LIMIT.builtFrom)),
    suggestions: reply.suggestions.slice(0, LIMIT.suggestionItems).map((s) => clip(s, LIMIT.suggestion)),
    proposal: reply.proposal,
    messageId,
    turnId,
    message: clip(message, LIMIT.userMessage),
  });
  return reply;
}

/** A bug in an answer costs that answer, not the conversation; its details go to the log, never to the user. */
async function answerSafely(ctx: ChatContext, chat: AnswerContext, parsed: ParsedMessage, message: string): Promise<Reply> {
  try {
    return await answer(chat, parsed, message);
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    console.error(`[worker] career chat ${ctx.runId}: answering a ${parsed.intent} message failed:`, err);
    return withDefaults(chat, {
      intent: parsed.intent,
      text: 'Something went wrong while I was answering that. Please ask again, or try one of the suggestions.',
      headline: 'Could not answer',
      builtFrom: [],
    });
  }
}

/** The model's words when one is configured and its draft names only what the engine's data has. */
async function wordsFor(ctx: ChatContext, chat: AnswerContext, message: string, reply: Reply, messageId: string): Promise<string> {
  // "I don't understand" quotes the user: there is nothing for a model to add, and their words are no facts.
  if (!ctx.llm || reply.intent === 'unknown') return reply.text;
  const withProfile: Reply = { ...reply, facts: [...reply.facts, ...profileFacts(chat.profile)] };
  const grounding = groundingOf({ reply: reply.text, facts: [...withProfile.facts, ...reply.builtFrom], mustSay: reply.mustSay });
  const words = await checkedModelWords(ctx.llm, {
    messages: coachPrompt(message, withProfile),
    check: (draft) => checkDraft(draft, grounding),
    fallback: reply.text,
    typing: ctx.session.typing(messageId),
    signal: ctx.signal,
    ...MODEL,
  });
  if (words.refused) console.warn(`[worker] career chat ${ctx.runId}: a ${reply.intent} reply uses the engine's words: ${words.refused}`);
  return words.text;
}

function topicsSentence(topics: readonly string[]): string {
  if (topics.length === 0) return '';
  return ` We talked about ${listWords([...new Set(topics)])}.`;
}

function endedSummary(topics: readonly string[]): string {
  if (topics.length === 0) return 'You ended the conversation.';
  return clip(`You ended the conversation after ${plural(topics.length, 'question')} answered.${topicsSentence(topics)}`, LIMIT.message);
}

function idle(ctx: ChatContext, topics: readonly string[]): SessionOutcome {
  const minutes = Math.max(1, Math.round(ctx.session.idleTimeoutMs / 60_000));
  const summary = `The conversation closed after ${plural(minutes, 'minute')} without a new message.${topicsSentence(topics)}`;
  return { outcome: 'idle', summary: clip(summary, LIMIT.message) };
}
