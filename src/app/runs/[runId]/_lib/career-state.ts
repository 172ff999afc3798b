import type { EventData, RunEvent } from '~/shared/events';
import type { RunStatus } from '~/shared/pipeline';
import { foldResearch, initialResearchState, type ResearchState } from './research-state';
import { inSeqOrder, sessionEndAfter, sessionStatusAfter, type SessionEnd } from '~/shared/session-state';

/**
 * A career chat, folded from the run's events alone. Each reply carries the message it
 * answers, so the conversation reads whole from the replies; the user's message between
 * Send and its reply is the page's to show. Skill gaps, the trajectory and pay research
 * arrive as events of their own, the newest of each standing.
 */

export type ChatResponse = EventData<'career_chat_response'>;
export type CareerIntent = ChatResponse['intent'];
export type ChatProposal = NonNullable<ChatResponse['proposal']>;
export type SkillGaps = EventData<'career_skill_gaps'>;
export type SkillGap = SkillGaps['gaps'][number];
export type Trajectory = EventData<'career_trajectory'>;
export type TrajectoryStep = Trajectory['steps'][number];

/** What a reply was about, in the words its label on the page uses. */
export const INTENT_LABEL: Record<CareerIntent, string> = {
  jobs_that_fit: 'Jobs that fit',
  skill_gaps: 'Skill gaps',
  trajectory: 'Career path',
  pay: 'Pay',
  find_jobs: 'Job search',
  small_talk: 'Chat',
  unknown: 'Not understood',
};

/** One message of the user's and the reply to it. */
export interface ChatExchange {
  /** The user's turn id; null for the opening, which started the conversation. */
  turnId: string | null;
  message: string;
  reply: string;
  intent: CareerIntent;
  builtFrom: readonly string[];
  suggestions: readonly string[];
  proposal: ChatProposal | null;
  /** Ties the reply being written (sessions.typing) to this finished copy. */
  messageId: string;
  seq: number;
}

export interface CareerState {
  status: RunStatus | null;
  exchanges: readonly ChatExchange[];
  skillGaps: SkillGaps | null;
  trajectory: Trajectory | null;
  /** A pay question is answered by a pay research inside the chat (the salary_* events). */
  research: ResearchState;
  end: SessionEnd | null;
}

export const initialCareerState: CareerState = {
  status: null,
  exchanges: [],
  skillGaps: null,
  trajectory: null,
  research: initialResearchState,
  end: null,
};

/** One event into the conversation. */
export function foldCareer(state: CareerState, event: RunEvent): CareerState {
  const next: CareerState = {
    ...state,
    status: sessionStatusAfter(state.status, event),
    end: sessionEndAfter(state.end, event),
    research: foldResearch(state.research, event),
  };
  switch (event.type) {
    case 'career_chat_response': {
      const { reply, intent, builtFrom, suggestions, proposal, messageId, turnId, message } = event.data;
      const exchange: ChatExchange = { turnId, message, reply, intent, builtFrom, suggestions, proposal, messageId, seq: event.seq };
      // A retried attempt answers the same message again: the newest reply stands, in its place.
      const same = (e: ChatExchange) => (turnId === null ? e.turnId === null : e.turnId === turnId);
      const kept = state.exchanges.filter((e) => !same(e));
      return { ...next, exchanges: [...kept, exchange] };
    }
    case 'career_skill_gaps':
      return { ...next, skillGaps: event.data };
    case 'career_trajectory':
      return { ...next, trajectory: event.data };
    default:
      return next;
  }
}

export function careerStateOf(events: readonly RunEvent[]): CareerState {
  return inSeqOrder(events).reduce(foldCareer, initialCareerState);
}

/** Whether the conversation can still take messages. */
export function isChatOpen(state: CareerState): boolean {
  return state.end === null;
}

/**
 * Whether the events say the next message is the user's: the opening has been answered
 * and the conversation goes on. The open round is the authority; this bridges the moment
 * between a reply and its round, as a negotiation's does.
 */
export function awaitsMessage(state: CareerState): boolean {
  return isChatOpen(state) && state.exchanges.length > 0;
}

/** The newest reply: what the live region reads, and whose suggestions the page offers. */
export function latestExchange(state: CareerState): ChatExchange | null {
  return state.exchanges.at(-1) ?? null;
}

/** Whether a message sent with this turn id has had its reply. */
export function isAnswered(state: CareerState, turnId: string): boolean {
  return state.exchanges.some((e) => e.turnId === turnId);
}

/** 0.42 → 42: a share of postings as a whole percent, never above 100. */
export function sharePercent(share: number): number {
  return Math.min(100, Math.max(0, Math.round(share * 100)));
}

/** The gaps, the most asked-for first (ties by name, so the table is stable). */
export function gapsByShare(gaps: SkillGaps): SkillGap[] {
  return [...gaps.gaps].sort((a, b) => b.share - a.share || b.postings - a.postings || a.skill.localeCompare(b.skill));
}

/** The trajectory as two ladders, each from the nearest step up. */
export function ladders(trajectory: Trajectory): { ic: TrajectoryStep[]; management: TrajectoryStep[] } {
  const byYears = [...trajectory.steps].sort((a, b) => a.years - b.years);
  return {
    ic: byYears.filter((s) => s.track === 'ic'),
    management: byYears.filter((s) => s.track === 'management'),
  };
}

/** 2.4 → "About 2.5 years": a step's years, rounded to the half year people say. */
export function yearsText(years: number): string {
  if (years < 1) return 'Under a year';
  const rounded = Math.round(years * 2) / 2;
  return `About ${rounded} ${rounded === 1 ? 'year' : 'years'}`;
}
