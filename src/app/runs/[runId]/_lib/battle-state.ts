import type { EventData, RunEvent } from '~/shared/events';
import type { RunStatus } from '~/shared/pipeline';
import { foldResearch, initialResearchState, type ResearchState } from './research-state';
import { inSeqOrder, sessionEndAfter, sessionStatusAfter, type SessionEnd } from '~/shared/session-state';

/**
 * A negotiation, folded from the run's events alone: the transcript, where the offer
 * stands and, at the end, the debrief. Live typing is not here: it is never stored, and
 * the page lays it over the transcript until the durable reply with its messageId lands.
 */

export type BattlePhase = EventData<'salary_battle_ai_response'>['phase'];
export type BattleSetup = EventData<'salary_battle_start'>;
export type BattleDebrief = EventData<'salary_battle_complete'>;

export interface BattleMessage {
  from: 'you' | 'persona';
  text: string;
  /** The amount named: the persona's offer, or the user's ask. */
  offer: number | null;
  round: number;
  /** The persona's messageId, or the user's turnId: ties live text and pending turns to this copy. */
  id: string;
  seq: number;
}

export interface BattleState {
  status: RunStatus | null;
  setup: BattleSetup | null;
  /** The market research the battle starts with (the same salary_* events a research emits). */
  research: ResearchState;
  messages: readonly BattleMessage[];
  phase: BattlePhase | null;
  /** The persona's latest offer on the table. */
  currentOffer: number | null;
  firstOffer: number | null;
  /** The user's latest ask. */
  lastAsk: number | null;
  accepted: EventData<'salary_battle_accepted'> | null;
  rejectedReason: string | null;
  debrief: BattleDebrief | null;
  end: SessionEnd | null;
}

export const initialBattleState: BattleState = {
  status: null,
  setup: null,
  research: initialResearchState,
  messages: [],
  phase: null,
  currentOffer: null,
  firstOffer: null,
  lastAsk: null,
  accepted: null,
  rejectedReason: null,
  debrief: null,
  end: null,
};

/** A fresh attempt of the same battle starts over; only its research (emitted before) is kept. */
function restart(state: BattleState, setup: BattleSetup): BattleState {
  return { ...initialBattleState, status: state.status, research: state.research, end: state.end, setup, phase: setup.phase };
}

/** One event into the battle. */
export function foldBattle(state: BattleState, event: RunEvent): BattleState {
  const next: BattleState = {
    ...state,
    status: sessionStatusAfter(state.status, event),
    end: sessionEndAfter(state.end, event),
    research: foldResearch(state.research, event),
  };
  switch (event.type) {
    case 'salary_battle_start':
      return restart(next, event.data);
    case 'salary_battle_ai_response': {
      const { reply, offer, round, messageId, phase } = event.data;
      const message: BattleMessage = { from: 'persona', text: reply, offer, round, id: messageId, seq: event.seq };
      return {
        ...next,
        messages: [...state.messages, message],
        phase,
        currentOffer: offer ?? state.currentOffer,
        firstOffer: state.firstOffer ?? offer,
      };
    }
    case 'salary_battle_user_turn': {
      const { prompt, offer, round, turnId } = event.data;
      const message: BattleMessage = { from: 'you', text: prompt, offer, round, id: turnId, seq: event.seq };
      return { ...next, messages: [...state.messages, message], lastAsk: offer ?? state.lastAsk };
    }
    case 'salary_battle_phase_change':
      return { ...next, phase: event.data.to };
    case 'salary_battle_counter':
      return { ...next, currentOffer: event.data.offer, firstOffer: state.firstOffer ?? event.data.offer };
    case 'salary_battle_accepted':
      return { ...next, accepted: event.data, currentOffer: event.data.finalOffer, phase: 'closed' };
    case 'salary_battle_rejected':
      return { ...next, rejectedReason: event.data.reason, phase: 'closed' };
    case 'salary_battle_complete':
      return { ...next, debrief: event.data, phase: 'closed' };
    default:
      return next;
  }
}

export function battleStateOf(events: readonly RunEvent[]): BattleState {
  return inSeqOrder(events).reduce(foldBattle, initialBattleState);
}

/** Whether the battle can still take turns at all: started, not closed, not ended. */
export function isBattleOpen(state: BattleState): boolean {
  return state.setup !== null && state.end === null && state.debrief === null && state.phase !== 'closed';
}

/**
 * Whether the events say it is the user's turn: the persona spoke last and the battle is
 * open. The open round (sessions.turn) is the authority; this bridges the moment between
 * the reply's event and the round being opened, and a page loaded without Redis' answer yet.
 */
export function awaitsYou(state: BattleState): boolean {
  return isBattleOpen(state) && state.messages.at(-1)?.from === 'persona';
}

/** The persona's newest reply: what the live region reads out, and when to ask for the new round. */
export function latestReply(state: BattleState): BattleMessage | null {
  for (let i = state.messages.length - 1; i >= 0; i -= 1) {
    const message = state.messages[i];
    if (message?.from === 'persona') return message;
  }
  return null;
}

/** Final over first offer, in percent, when the debrief did not say (older events) and both are known. */
export function percentGained(debrief: BattleDebrief): number | null {
  if (debrief.percentGained !== null) return debrief.percentGained;
  const { firstOffer, finalOffer } = debrief;
  if (firstOffer === null || finalOffer === null || firstOffer === 0) return null;
  return ((finalOffer - firstOffer) / firstOffer) * 100;
}
