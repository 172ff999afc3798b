/**
 * The persona's decisions: a pure state machine. `startBattle` makes the first offer,
 * `respond` answers one user turn; neither does I/O, and every choice is drawn from
 * the seeded generator carried in the state, so a seed and the same turns replay the
 * same battle. The numbers are decided here and only here; words (templates or a
 * model) come after.
 */
import { attribute, combinedStrength, concession, weighPushes, type Push, type Reason } from './concession';
import { ceilToStep, roundToStep, stepFor } from './money';
import { between, createRng, pick, type Rng } from './prng';
import { readTurn, type TurnInput, type TurnReading } from './read-turn';
import { replyWords } from './replies';
import type { BattleEnd, BattlePhase, BattleSetup, BattleState, Movement, Persona, PersonaReply, ReplyKind, Stall } from './types';

/** The first offer lands in the lowest part of the band: room to move, as every recruiter keeps. */
const FIRST_OFFER_SPAN = 0.15;
/** An ask this far above the cap is not a negotiation position. */
export const UNREASONABLE_FACTOR = 1.3;
/** Unreasonable asks the persona sits through before it walks away. */
export const UNREASONABLE_LIMIT = 3;
/** Rounds of counter-offers before the persona names its final offer. */
export const FINAL_AFTER_ROUNDS = 4;
/** However the talk goes, it ends by this round. */
export const MAX_ROUNDS = 12;

const NAMES: readonly string[] = ['Alex', 'Jordan', 'Sam', 'Morgan', 'Taylor', 'Casey', 'Riley', 'Jamie', 'Avery', 'Quinn'];

export interface Turn {
  state: BattleState;
  reply: PersonaReply;
}

/** Opens a battle: the persona introduces itself and makes its first offer (round 0). */
export function startBattle(setup: BattleSetup): Turn {
  const rng = createRng(setup.seed);
  const persona: Persona = { name: pick(rng, NAMES), generosity: between(rng, 0.85, 1.15) };
  const { floor, cap } = setup.band;
  const firstOffer = Math.min(cap, ceilToStep(floor + (cap - floor) * between(rng, 0, FIRST_OFFER_SPAN), stepFor(cap)));
  const state: BattleState = {
    setup,
    persona,
    rngState: rng.state(),
    phase: 'opening',
    round: 0,
    firstOffer,
    offer: firstOffer,
    offers: [firstOffer],
    userAmounts: [],
    used: { market: 0, competing: 0, skills: 0, flexibility: 0, ask: 0 },
    unreasonableAsks: 0,
    moved: [],
    stalls: [],
    ended: null,
  };
  return finish(state, { kind: 'opening', offer: firstOffer, phase: 'opening', ask: null }, rng);
}

/** What a round decided, before the words and the bookkeeping. */
interface Decision {
  kind: ReplyKind;
  offer: number;
  phase: BattlePhase;
  ask: number | null;
  movedBy?: Movement[];
  stalls?: Stall[];
  pushed?: Reason[];
  unreasonable?: boolean;
  ended?: BattleEnd;
}

/** Answers the user's next turn. */
export function respond(state: BattleState, turn: TurnInput): Turn {
  if (state.ended) throw new Error('the battle has ended');
  const rng = createRng(state.rngState);
  const round = state.round + 1;
  const reading = readTurn(turn);
  const decision = decide({ ...state, round }, reading, rng);
  const next: BattleState = {
    ...state,
    round,
    userAmounts: [...state.userAmounts, ...[reading.ask, reading.cited].filter((n) => n !== null)],
    used: countUses(state.used, decision.pushed ?? []),
    unreasonableAsks: state.unreasonableAsks + (decision.unreasonable ? 1 : 0),
    moved: [...state.moved, ...(decision.movedBy ?? [])],
    stalls: [...state.stalls, ...(decision.stalls ?? [])],
  };
  return finish(next, outOfRounds(next, decision), rng);
}

function decide(state: BattleState, reading: TurnReading, rng: Rng): Decision {
  const { offer, phase, round } = state;
  const ask = reading.ask;
  if (reading.intent === 'reject') {
    const ended: BattleEnd = { outcome: 'rejected', reason: 'You declined the offer.', by: 'user' };
    return { kind: 'user_declined', offer, phase: 'closed', ask, ended };
  }
  if (ask !== null && ask <= offer) return acceptAsk(state, ask);
  if (reading.intent === 'accept' && ask === null) {
    return { kind: 'accept_offer', offer, phase: 'closed', ask, ended: { outcome: 'accepted', finalOffer: offer } };
  }
  const pushes = ask !== null || reading.levers.length > 0 || reading.bluster;
  if (!pushes) return { kind: phase === 'final_offer' || phase === 'closed' ? 'restate_final' : 'ask_number', offer, phase: afterOpening(phase), ask };
  const bluster: Stall[] = reading.bluster ? [{ kind: 'bluster', round }] : [];
  const tooHigh = ask !== null && ask > state.setup.band.cap * UNREASONABLE_FACTOR;
  const stalls: Stall[] = tooHigh ? [...bluster, { kind: 'unreasonable', round, ask }] : bluster;
  if (tooHigh && state.unreasonableAsks + 1 >= UNREASONABLE_LIMIT) {
    const reason = `The recruiter walked away after ${UNREASONABLE_LIMIT} asks far above the budget.`;
    return { kind: 'walk_unreasonable', offer, phase: 'closed', ask, stalls, unreasonable: true, ended: { outcome: 'rejected', reason, by: 'persona' } };
  }
  if (phase === 'closed') {
    const reason = 'The recruiter held at the final offer and ended the talk when you pushed again.';
    const ended: BattleEnd = { outcome: 'rejected', reason, by: 'persona' };
    return { kind: 'walk_closed', offer, phase, ask, stalls: [...stalls, { kind: 'past_final', round }], unreasonable: tooHigh, ended };
  }
  if (phase === 'final_offer') {
    return { kind: 'hold_final', offer, phase: 'closed', ask, stalls: [...stalls, { kind: 'past_final', round }], unreasonable: tooHigh };
  }
  if (tooHigh) return { kind: 'hold_unreasonable', offer, phase: nextPhase(state, offer), ask, stalls, unreasonable: true };
  return negotiate(state, reading, ask, bluster, rng);
}

/** An ask at or below the offer: the persona takes it (never below its floor). */
function acceptAsk(state: BattleState, ask: number): Decision {
  const finalOffer = Math.max(ask, state.setup.band.floor);
  const stalls: Stall[] = finalOffer < state.offer ? [{ kind: 'below_offer', round: state.round, ask, offer: state.offer }] : [];
  return { kind: finalOffer === state.offer ? 'accept_offer' : 'accept_ask', offer: finalOffer, phase: 'closed', ask, stalls, ended: { outcome: 'accepted', finalOffer } };
}

/** A counter-offer round: concede by the strength of the arguments, up to the cap and never past the ask. */
function negotiate(state: BattleState, reading: TurnReading, ask: number | null, bluster: Stall[], rng: Rng): Decision {
  const { offer, round } = state;
  const { cap } = state.setup.band;
  const plainAsk = ask !== null && !reading.bluster;
  const pushes = weighPushes(reading.levers, reading.quantified, plainAsk, state.used);
  const pushed = pushes.map((p) => p.reason);
  const stalls = [...bluster, ...repeats(state, pushes)];
  if (offer >= cap) return { kind: 'hold_at_cap', offer, phase: nextPhase(state, offer), ask, stalls, pushed };
  const raw = concession(combinedStrength(pushes, state.persona.generosity), offer, cap, between(rng, 0.85, 1.15));
  if (raw <= 0) {
    const kind: ReplyKind = pushes.length === 0 ? 'hold_bluster' : 'hold_repeat';
    return { kind, offer, phase: nextPhase(state, offer), ask, stalls, pushed };
  }
  const step = stepFor(cap);
  let next = Math.min(cap, Math.max(offer + step, roundToStep(offer + raw, step)));
  if (ask !== null && next >= ask) {
    const movedBy = attribute(ask - offer, pushes).map((m) => ({ ...m, round }));
    return { kind: 'meet_ask', offer: ask, phase: 'closed', ask, stalls, pushed, movedBy, ended: { outcome: 'accepted', finalOffer: ask } };
  }
  // Asked only to match pay elsewhere: the persona matches it and goes no further.
  if (ask === null && reading.cited !== null && reading.cited > offer) next = Math.min(next, reading.cited);
  const movedBy = attribute(next - offer, pushes).map((m) => ({ ...m, round }));
  return { kind: 'concede', offer: next, phase: nextPhase(state, next), ask, stalls, pushed, movedBy };
}

function repeats(state: BattleState, pushes: readonly Push[]): Stall[] {
  return pushes.filter((p) => state.used[p.reason] > 0).map((p) => ({ kind: 'repeat', round: state.round, reason: p.reason }));
}

/** After a counter-offer round: final once the cap is reached or the rounds are up; never back. */
function nextPhase(state: BattleState, offer: number): BattlePhase {
  if (state.phase === 'final_offer' || state.phase === 'closed') return state.phase;
  if (offer >= state.setup.band.cap || state.round >= FINAL_AFTER_ROUNDS) return 'final_offer';
  return afterOpening(state.phase);
}

function afterOpening(phase: BattlePhase): BattlePhase {
  return phase === 'opening' ? 'counter' : phase;
}

function countUses(used: Readonly<Record<Reason, number>>, pushed: readonly Reason[]): Record<Reason, number> {
  const next = { ...used };
  for (const reason of pushed) next[reason] += 1;
  return next;
}

function outOfRounds(state: BattleState, decision: Decision): Decision {
  if (decision.ended || state.round < MAX_ROUNDS) return decision;
  const reason = `No agreement after ${MAX_ROUNDS} rounds.`;
  return { ...decision, kind: 'out_of_rounds', phase: 'closed', ended: { outcome: 'rejected', reason, by: 'persona' } };
}

/** Applies a decision to the state and writes the engine's words for it. */
function finish(state: BattleState, decision: Decision, rng: Rng): Turn {
  const ended = decision.ended ?? null;
  const withdrawn = ended?.outcome === 'rejected';
  const movedBy = decision.movedBy ?? [];
  const reply: Omit<PersonaReply, 'words'> = {
    round: state.round,
    kind: decision.kind,
    offer: withdrawn ? null : decision.offer,
    previousOffer: state.round === 0 ? null : state.offer,
    phase: decision.phase,
    previousPhase: state.phase,
    declaresFinal: decision.phase === 'final_offer' && state.phase !== 'final_offer',
    movedBy,
    ask: decision.ask,
    ended,
  };
  const words = replyWords(
    {
      kind: decision.kind,
      name: state.persona.name,
      company: state.setup.company,
      role: state.setup.role,
      currency: state.setup.currency,
      offer: decision.offer,
      previousOffer: reply.previousOffer,
      ask: decision.ask,
      reasons: [...movedBy].sort((a, b) => b.amount - a.amount).map((m) => m.reason),
      declaresFinal: reply.declaresFinal,
    },
    rng,
  );
  const next: BattleState = {
    ...state,
    rngState: rng.state(),
    phase: decision.phase,
    offer: decision.offer,
    offers: decision.offer !== state.offer ? [...state.offers, decision.offer] : state.offers,
    ended,
  };
  return { state: next, reply: { ...reply, words } };
}
