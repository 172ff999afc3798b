/**
 * What a user's turn says, as the persona hears it: the amount asked for, the levers
 * pulled (market data, a competing offer, skills, flexibility), and whether it accepts,
 * declines or only blusters. Keyword rules, not a model: the persona's numbers must
 * not depend on whether a model is configured.
 */
import { findAmounts, looksLikeYear, type AmountMention } from './amounts';

/** The arguments that can move the persona. */
export type Lever = 'market' | 'competing' | 'skills' | 'flexibility';
export const LEVERS: readonly Lever[] = ['market', 'competing', 'skills', 'flexibility'];

export type Intent = 'accept' | 'reject' | 'negotiate';

export interface TurnReading {
  /** The yearly amount asked for, or null when the turn names none. */
  ask: number | null;
  /** The highest pay the turn cites from elsewhere (a competing offer, the market), or null. */
  cited: number | null;
  levers: Lever[];
  /** Skills backed by numbers ("cut latency 40%", "a team of 6"): stronger than adjectives. */
  quantified: boolean;
  intent: Intent;
  /** Demands, threats or insults ("I deserve", "take it or leave it"). */
  bluster: boolean;
}

export interface TurnInput {
  text: string;
  /** The amount the page sent with the turn; it wins over anything parsed from the text. */
  offer: number | null;
}

const LEVER_PATTERNS: Record<Lever, RegExp> = {
  market:
    /\b(?:market|median|levels(?:\.fyi)?|industry (?:rate|standard|average|range|pay)|(?:salary|pay|compensation|market) data|the data|data (?:shows|says|suggests)|percentile|p50|p75|benchmarks?|going rate|glassdoor|average (?:salary|pay))\b/i,
  competing:
    /\b(?:(?:another|competing|second|other|rival|outside) (?:job )?offer|(?:another|other) (?:company|employer|firm)\b[^.!?]*\boffer|offer from|offered me|counter-?offer)\b/i,
  skills:
    /\b(?:experience|experienced|led|built|shipped|launched|skills?|expertise|delivered|mentored|architected|designed|scaled|years of|track record|impact)\b/i,
  flexibility:
    /\b(?:start date|start (?:earlier|sooner|later|next)|benefits|equity|stock|options|rsus?|signing bonus|sign-on|bonus|remote|relocat\w*|vacation|pto|flexib\w*|hybrid)\b/i,
};

const QUANTIFIED = /\b\d+(?:\.\d+)?\s?(?:%|percent\b|x\b)|\b\d+\s(?:people|engineers|reports|customers|users|clients|services|teams)\b/i;

// A threat to walk ("or I walk") is pressure, not a decision to leave.
const THREAT = /\bor (?:else )?i(?:'ll| will)? walk(?: away)?\b/i;
const REJECT =
  /\b(?:i decline|i(?:'ll| will) pass|i pass|no deal|not interested|i reject|i'm walking away|i am walking away|i(?:'ll| will) walk away|turn(?:ing)? (?:it|this|the offer|your offer) down|decline (?:the|your) offer)\b/i;
const ACCEPT =
  /\b(?:i accept|i(?:'ll| will) accept|(?:it's a |we have a |you have a |that's a )?deal\b|sounds good|i(?:'ll| will) take it\b(?! or leave)|agreed|works for me|let's do it|happy to accept)/i;
// "Sounds good, but…", "I'd accept if…", "Deal?": a condition or a question is still negotiating.
const CONDITIONAL = /\b(?:but|however|although|though|if|unless)\b|\?/i;
const BLUSTER =
  /\b(?:i deserve|take it or leave it|insult(?:ing)?|ridiculous|a joke|laughable|low-?ball\w*|wasting my time|non-?negotiable|bare minimum|pathetic|or else)\b/i;

/** Reads one turn. */
export function readTurn(turn: TurnInput): TurnReading {
  const text = normalise(turn.text);
  const threat = THREAT.test(text);
  const rejects = !threat && REJECT.test(text);
  const amounts = amountsInTurn(text);
  return {
    ask: turn.offer ?? amounts.ask,
    cited: amounts.cited,
    levers: LEVERS.filter((lever) => LEVER_PATTERNS[lever].test(text)),
    quantified: QUANTIFIED.test(text),
    intent: rejects ? 'reject' : ACCEPT.test(text) && !CONDITIONAL.test(text) ? 'accept' : 'negotiate',
    bluster: threat || BLUSTER.test(text),
  };
}

/** Curly apostrophes as straight ones, so "I’ll" reads as "I'll". */
function normalise(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'");
}

// Numbers about results or about others' pay are evidence, not the ask; an amount
// right after "I'd like", "how about"… is the ask even when others are named.
const OUTCOME_BEFORE = /\b(?:saved|saving|revenue|generated|grew|raised|cut|budget|costs?|sales|arr|funding|managed)\b[^.!?\d]{0,25}$/i;
const OUTCOME_AFTER = /^\s?(?:in |of |a year in )?(?:savings|revenue|arr|sales|budget|funding|users|customers)\b/i;
const ASK_BEFORE =
  /\b(?:ask(?:ing)?(?: for)?|looking for|want|would like|i'd like|need|expect(?:ing)?|how about|what about|can you do|could you do|counter(?: with| at)?|propose|at least|closer to|meet me at|settle (?:for|at)|go to|move to|hoping for|aiming for|target)\b[^.!?\d]{0,20}$/i;
/** Pay elsewhere that the user wants matched. */
const CITED_BEFORE =
  /\b(?:offered|offering|offer (?:of|at|for)|pays?|paying|median|average|p50|p75|market|levels|rate|range)\b[^.!?\d]{0,25}$/i;
/** What the user earns now: context, never an ask (and never a ceiling). */
const CURRENT_BEFORE = /\b(?:currently|now|today|current (?:salary|pay|base)|making|earning|i make|i earn)\b[^.!?\d]{0,25}$/i;

export interface TurnAmounts {
  ask: number | null;
  cited: number | null;
}

/** The amount a turn's text asks for, and the best pay it cites from elsewhere. */
export function amountsInTurn(text: string): TurnAmounts {
  const candidates = findAmounts(text).filter(
    (m) => !m.percent && m.value >= 1_000 && m.value <= 10_000_000 && !looksLikeYear(m) && !isOutcome(text, m),
  );
  const before = (m: AmountMention) => text.slice(0, m.index);
  const asked = candidates.filter((m) => ASK_BEFORE.test(before(m)));
  const cited = candidates.filter((m) => !asked.includes(m) && CITED_BEFORE.test(before(m)));
  const own = candidates.filter((m) => !asked.includes(m) && !cited.includes(m) && !CURRENT_BEFORE.test(before(m)));
  const ask = asked.length > 0 ? last(asked).value : own.length > 0 ? last(own).value : null;
  return { ask, cited: cited.length > 0 ? Math.max(...cited.map((m) => m.value)) : null };
}

/** The amount a turn's text asks for, or null. */
export function askFromText(text: string): number | null {
  return amountsInTurn(normalise(text)).ask;
}

function isOutcome(text: string, m: AmountMention): boolean {
  return OUTCOME_BEFORE.test(text.slice(0, m.index)) || OUTCOME_AFTER.test(text.slice(m.end));
}

function last<T>(items: readonly T[]): T {
  const item = items[items.length - 1];
  if (item === undefined) throw new RangeError('last of an empty list');
  return item;
}
