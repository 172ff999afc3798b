/** The state of a battle and the persona's replies: plain data, so a battle can be replayed and compared. */
import type { BudgetBand } from './budget';
import type { Reason } from './concession';

export type BattlePhase = 'opening' | 'counter' | 'final_offer' | 'closed';

export interface BattleSetup {
  role: string;
  company: string;
  currency: string;
  targetSalary: number;
  band: BudgetBand;
  seed: number;
}

/** Who the user is talking to; drawn from the seed. */
export interface Persona {
  name: string;
  /** Scales every concession (0.85–1.15): some recruiters give more than others. */
  generosity: number;
}

/** Ground the persona gave, and why. */
export interface Movement {
  round: number;
  reason: Reason;
  amount: number;
}

/** Something the user tried that did not move the persona. */
export type Stall =
  | { kind: 'bluster'; round: number }
  | { kind: 'unreasonable'; round: number; ask: number }
  | { kind: 'repeat'; round: number; reason: Reason }
  | { kind: 'past_final'; round: number }
  | { kind: 'below_offer'; round: number; ask: number; offer: number };

export type BattleEnd =
  | { outcome: 'accepted'; finalOffer: number }
  | { outcome: 'rejected'; reason: string; by: 'user' | 'persona' };

export interface BattleState {
  readonly setup: BattleSetup;
  readonly persona: Persona;
  /** Where the seeded generator is, so that the next reply draws what a replay would. */
  readonly rngState: number;
  readonly phase: BattlePhase;
  /** The last round answered: 0 after the opening, n after the user's n-th turn. */
  readonly round: number;
  readonly firstOffer: number;
  /** The offer on the table. */
  readonly offer: number;
  /** Every offer made, in order (the first included). */
  readonly offers: readonly number[];
  /** Every amount the user named (asks, and pay cited from elsewhere), in order. */
  readonly userAmounts: readonly number[];
  /** How often each reason has been pushed, for the diminishing worth of repeats. */
  readonly used: Readonly<Record<Reason, number>>;
  readonly unreasonableAsks: number;
  readonly moved: readonly Movement[];
  readonly stalls: readonly Stall[];
  readonly ended: BattleEnd | null;
}

/** What happened to the number this round, which decides the words. */
export type ReplyKind =
  | 'opening'
  | 'concede'
  | 'hold_bluster'
  | 'hold_unreasonable'
  | 'hold_repeat'
  | 'hold_at_cap'
  | 'ask_number'
  | 'hold_final'
  | 'restate_final'
  | 'accept_offer'
  | 'accept_ask'
  | 'meet_ask'
  | 'walk_unreasonable'
  | 'walk_closed'
  | 'user_declined'
  | 'out_of_rounds';

export interface PersonaReply {
  round: number;
  kind: ReplyKind;
  /** The offer on the table after this reply; null once there is none (a walk-out, a refusal). */
  offer: number | null;
  previousOffer: number | null;
  phase: BattlePhase;
  previousPhase: BattlePhase;
  /** This reply makes the offer final (the phase moved to final_offer). */
  declaresFinal: boolean;
  /** What moved the persona this round. */
  movedBy: readonly Movement[];
  /** The amount the user asked for this round. */
  ask: number | null;
  /** The engine's own words for the reply. */
  words: string;
  ended: BattleEnd | null;
}
