import { randomInt, randomUUID } from 'node:crypto';
import type { SalaryBattleParams } from '~/shared/sessions/salary';
import type { AgentContext } from '../agent-context';
import { respond, startBattle } from '../sessions/salary-battle/battle';
import { chooseBudget, type Budget, type MarketPay, type PostingPay } from '../sessions/salary-battle/budget';
import { debrief } from '../sessions/salary-battle/debrief';
import { draftRules, modelWords, personaPrompt, type HistoryLine } from '../sessions/salary-battle/llm-words';
import { formatMoney } from '~/shared/money';
import { readTurn } from '../sessions/salary-battle/read-turn';
import type { BattleState, PersonaReply } from '../sessions/salary-battle/types';
import { convert } from '../sessions/salary-research/fx';
import type { SessionAgent, SessionOutcome } from '../sessions/types';
import { payForPosting, researchSalary } from './salary-research';

/**
 * The salary battle: negotiation practice against an HR persona. The persona's budget
 * comes from the posting or from market research; its numbers come from the engine
 * (worker/sessions/salary-battle), its words from the engine's templates or, with a
 * model configured, from the model under the engine's check. Each user turn is
 * answered until a deal, a walk-out, or a turn that never comes.
 */

type BattleContext = AgentContext<SalaryBattleParams>;

const SEED_LIMIT = 2 ** 31 - 1;
const PROMPT_CHARS = 2_000;

export const salaryBattle: SessionAgent<'salary_battle'> = async (ctx) => {
  const { params } = ctx;
  const seed = params.seed ?? randomInt(0, SEED_LIMIT);
  const budget = await findBudget(ctx);
  let { state, reply } = startBattle({
    role: params.role,
    company: params.company,
    currency: params.currency,
    targetSalary: params.targetSalary,
    band: budget.band,
    seed,
  });
  await ctx.emit('salary_battle_start', `Negotiating the ${params.role} offer with ${params.company} (seed ${seed} replays this battle)`, {
    role: params.role,
    company: params.company,
    targetSalary: params.targetSalary,
    currency: params.currency,
    budgetFrom: budget.from,
    phase: 'opening',
    turnSeconds: turnSeconds(ctx),
  });
  const history: HistoryLine[] = [];
  await say(ctx, state, reply, history);
  while (!state.ended) {
    const round = state.round + 1;
    const turn = await ctx.session.nextTurn({ round });
    if (!turn) return abandon(ctx, state);
    const ask = readTurn({ text: turn.text, offer: turn.offer }).ask;
    await ctx.emit('salary_battle_user_turn', ask === null ? 'You replied' : `You asked for ${money(ctx, ask)}`, {
      round,
      prompt: clip(turn.text, PROMPT_CHARS),
      offer: ask,
      turnId: turn.turnId,
    });
    history.push({ from: 'user', text: turn.text });
    await ctx.pausePoint(`round ${round}`);
    // The persona takes a moment before answering, as a person would (AGENT_STEP_DELAY_MS).
    await ctx.pace();
    ({ state, reply } = respond(state, { text: turn.text, offer: turn.offer }));
    await say(ctx, state, reply, history);
  }
  return finish(ctx, state);
};

/** The persona's budget: the posting's range, else the research, else a default (see chooseBudget). */
async function findBudget(ctx: BattleContext): Promise<Budget> {
  const { params } = ctx;
  await ctx.pausePoint('budget');
  const jobUrl = params.jobUrl;
  const posting: PostingPay | null = jobUrl ? await quietly(ctx, 'posting pay', () => payForPosting(ctx, jobUrl)) : null;
  // Researched even when the posting has a range: the user sees the market before negotiating.
  const market: MarketPay | null = await quietly(ctx, 'market research', () =>
    researchSalary(ctx, { role: params.role, location: params.location, currency: params.currency }),
  );
  return chooseBudget({ targetSalary: params.targetSalary, currency: params.currency, posting, market, convert });
}

/** A step the battle can do without: a failure is logged and the budget falls back; a stop still stops. */
async function quietly<T>(ctx: BattleContext, what: string, step: () => Promise<T>): Promise<T | null> {
  try {
    return await step();
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    console.error(`[worker] salary battle ${ctx.runId}: ${what} failed, the budget falls back:`, err);
    return null;
  }
}

/** Publishes one persona reply: its words, then the new offer and the new phase when they changed. */
async function say(ctx: BattleContext, state: BattleState, reply: PersonaReply, history: HistoryLine[]): Promise<void> {
  const messageId = `msg_${randomUUID()}`;
  const words = await wordsFor(ctx, state, reply, history, messageId);
  history.push({ from: 'persona', text: words });
  await ctx.emit('salary_battle_ai_response', replyMessage(ctx, reply), {
    round: reply.round,
    reply: clip(words, 5_000),
    offer: reply.offer,
    messageId,
    phase: reply.phase,
  });
  if (reply.offer !== null && reply.offer !== reply.previousOffer) {
    await ctx.emit('salary_battle_counter', `${ctx.params.company} offers ${money(ctx, reply.offer)}`, {
      round: reply.round,
      offer: reply.offer,
      currency: ctx.params.currency,
    });
  }
  if (reply.phase !== reply.previousPhase) {
    await ctx.emit('salary_battle_phase_change', `The negotiation moves to ${phaseWords(reply.phase)}`, {
      from: reply.previousPhase,
      to: reply.phase,
    });
  }
}

/** The model's words when one is configured and its draft passes the check; the engine's otherwise. */
async function wordsFor(ctx: BattleContext, state: BattleState, reply: PersonaReply, history: readonly HistoryLine[], messageId: string): Promise<string> {
  if (!ctx.llm) return reply.words;
  const words = await modelWords(
    ctx.llm,
    personaPrompt(state, reply, history),
    draftRules(state, reply),
    reply.words,
    ctx.session.typing(messageId),
    ctx.signal,
  );
  if (words.refused) console.warn(`[worker] salary battle ${ctx.runId}: round ${reply.round} uses the engine's words: ${words.refused}`);
  return words.text;
}

async function abandon(ctx: BattleContext, state: BattleState): Promise<SessionOutcome> {
  await complete(ctx, state, true);
  const seconds = turnSeconds(ctx);
  return {
    outcome: 'abandoned',
    summary: `Nobody answered within ${seconds} seconds, so the negotiation with ${ctx.params.company} ended without a deal. The last offer was ${money(ctx, state.offer)}.`,
  };
}

async function finish(ctx: BattleContext, state: BattleState): Promise<SessionOutcome> {
  const { company, currency } = ctx.params;
  const ended = state.ended;
  if (ended?.outcome === 'accepted') {
    await ctx.emit('salary_battle_accepted', `Deal at ${money(ctx, ended.finalOffer)}`, { finalOffer: ended.finalOffer, currency });
    const result = await complete(ctx, state, false);
    const gained = result.percentGained ?? 0;
    const summary =
      ended.finalOffer > state.firstOffer
        ? `You settled with ${company} at ${money(ctx, ended.finalOffer)}, ${gained}% above their first offer of ${money(ctx, state.firstOffer)}.`
        : `You took ${company}'s offer of ${money(ctx, ended.finalOffer)}; their first offer was ${money(ctx, state.firstOffer)}.`;
    return { outcome: 'accepted', summary };
  }
  const reason = ended?.outcome === 'rejected' ? ended.reason : 'The negotiation ended without a deal.';
  await ctx.emit('salary_battle_rejected', `No deal with ${company}`, { reason });
  await complete(ctx, state, false);
  return { outcome: 'rejected', summary: `No deal with ${company}. ${reason} Their last offer was ${money(ctx, state.offer)}.` };
}

async function complete(ctx: BattleContext, state: BattleState, abandoned: boolean): Promise<ReturnType<typeof debrief>> {
  const result = debrief(state, abandoned);
  const gained = result.percentGained === null ? '' : `, ${result.percentGained}% over the first offer`;
  await ctx.emit('salary_battle_complete', `Debrief: ${result.outcome} after ${result.rounds} rounds${gained}`, result);
  return result;
}

function replyMessage(ctx: BattleContext, reply: PersonaReply): string {
  const { company } = ctx.params;
  if (reply.ended?.outcome === 'accepted') return `${company} agrees at ${money(ctx, reply.ended.finalOffer)}`;
  if (reply.ended) return `${company} ends the negotiation`;
  if (reply.offer === null) return `${company} replies`;
  if (reply.previousOffer === null) return `${company}'s first offer: ${money(ctx, reply.offer)}`;
  return reply.offer === reply.previousOffer ? `${company} holds at ${money(ctx, reply.offer)}` : `${company} moves to ${money(ctx, reply.offer)}`;
}

function phaseWords(phase: PersonaReply['phase']): string {
  switch (phase) {
    case 'opening':
      return 'the opening';
    case 'counter':
      return 'counter-offers';
    case 'final_offer':
      return 'the final offer';
    case 'closed':
      return 'a close';
  }
}

function turnSeconds(ctx: BattleContext): number {
  return Math.round(ctx.session.turnTimeoutMs / 1000);
}

function money(ctx: BattleContext, amount: number): string {
  return formatMoney(amount, ctx.params.currency);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
