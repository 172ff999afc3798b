/**
 * The persona's words when no model writes them (and whenever a model's draft is
 * refused): a few variants per situation, chosen by the seeded generator so that a
 * replay says the same thing, with the numbers written in the battle's currency.
 */
import type { Reason } from './concession';
import { formatMoney } from '~/shared/money';
import { pick, type Rng } from './prng';
import type { ReplyKind } from './types';

export interface WordsContext {
  kind: ReplyKind;
  name: string;
  company: string;
  role: string;
  currency: string;
  offer: number | null;
  previousOffer: number | null;
  ask: number | null;
  /** The reasons that moved the offer this round, strongest first. */
  reasons: readonly Reason[];
  declaresFinal: boolean;
}

type Template = (m: Money) => string;

/** The context's amounts, already formatted. */
interface Money {
  name: string;
  company: string;
  role: string;
  offer: string;
  previous: string;
  ask: string;
  because: string;
}

const BECAUSE: Record<Reason, string> = {
  competing: 'the competing offer you mentioned',
  market: 'the market data you shared',
  skills: 'what you have built and led',
  flexibility: 'the flexibility you offered',
  ask: 'your ask',
};

const TEMPLATES: Record<ReplyKind, readonly Template[]> = {
  opening: [
    (m) => `Hi, I'm ${m.name} from the people team at ${m.company}. We're excited to have you as our ${m.role}. We'd like to offer a base salary of ${m.offer}.`,
    (m) => `Thanks for taking the time. I'm ${m.name}, and I handle offers at ${m.company}. For the ${m.role} role we can offer ${m.offer} a year.`,
    (m) => `Hello! ${m.name} here, from ${m.company}'s recruiting team. The team loved meeting you, and our offer for the ${m.role} position is ${m.offer}.`,
  ],
  concede: [
    (m) => `I took ${m.because} back to the team. We can move from ${m.previous} to ${m.offer}.`,
    (m) => `That's fair. Given ${m.because}, I can go up to ${m.offer}.`,
    (m) => `I hear you. Taking ${m.because} into account, we can do ${m.offer}, up from ${m.previous}.`,
  ],
  hold_bluster: [
    (m) => `I understand you feel strongly, but I need a reason to take to the team. Our offer stays at ${m.offer}.`,
    (m) => `Demands alone don't change our budget. We're still at ${m.offer}.`,
    (m) => `I'd rather keep this constructive. Without something new to go on, the offer remains ${m.offer}.`,
  ],
  hold_unreasonable: [
    (m) => `${m.ask} is well outside the range for this role. We're at ${m.offer}.`,
    (m) => `I have to be honest: ${m.ask} isn't something we can get anywhere near. Our offer is ${m.offer}.`,
    (m) => `That number is far beyond what this position pays here. ${m.offer} is where we are.`,
  ],
  hold_repeat: [
    (m) => `We've already accounted for that in our offer of ${m.offer}.`,
    (m) => `I've factored that in already. We're at ${m.offer}.`,
    (m) => `You've made that point, and it's reflected in ${m.offer}.`,
  ],
  hold_at_cap: [
    (m) => `${m.offer} is the top of what I'm able to offer for this role.`,
    (m) => `I've gone as far as I can: ${m.offer} is the most we can pay.`,
  ],
  ask_number: [
    (m) => `Our offer is ${m.offer}. What number did you have in mind?`,
    (m) => `Happy to talk it through. We're at ${m.offer}; where would you like to be, and why?`,
  ],
  hold_final: [
    (m) => `I'm sorry, ${m.offer} is our final offer, and I can't move on it. It's a yes or a no from here.`,
    (m) => `I've taken this as far as it goes. ${m.offer} stands; let me know if you'd like to accept it.`,
  ],
  restate_final: [
    (m) => `Our final offer is ${m.offer}. Would you like to accept it?`,
    (m) => `The offer stands at ${m.offer}. Shall we go ahead?`,
  ],
  accept_offer: [
    (m) => `Wonderful! ${m.offer} it is. I'll send the written offer today. Welcome to ${m.company}!`,
    (m) => `Great, we have a deal at ${m.offer}. The team will be thrilled. Welcome aboard!`,
  ],
  accept_ask: [
    (m) => `We can certainly do ${m.offer}. Deal! I'll send the paperwork over.`,
    (m) => `${m.offer} works for us. Welcome to ${m.company}!`,
  ],
  meet_ask: [
    (m) => `Given ${m.because}, we can meet you at ${m.offer}. We have a deal. Welcome to ${m.company}!`,
    (m) => `You've made a good case. ${m.offer} it is. I'll get the offer letter out today.`,
  ],
  walk_unreasonable: [
    () => `I don't think we're going to find common ground. We'll withdraw the offer and wish you the best.`,
    () => `Our numbers are too far apart, so I'm going to close this out here. Best of luck in your search.`,
  ],
  walk_closed: [
    (m) => `I'm afraid ${m.offer} was as far as we could go, so we'll leave it there. Best of luck.`,
    () => `Then I think we have to part ways. Thanks for your time, and all the best.`,
  ],
  user_declined: [
    (m) => `I'm sorry to hear that. Thanks for considering ${m.company}, and best of luck.`,
    () => `Understood. If anything changes, you know where to find us.`,
  ],
  out_of_rounds: [
    () => `We've been going back and forth for a while, so I'll have to close this out without a deal.`,
    () => `I think we've run out of road here. Thanks for your time.`,
  ],
};

const FINAL_CLOSERS: readonly string[] = [
  'That is our final offer.',
  "I should say, that's as far as we can go; it's our final offer.",
  'This is our best and final offer.',
];

const ASK_CLOSERS: readonly string[] = ['What do you think?', 'How does that sound?', 'Does that work for you?'];

/** Kinds whose reply ends the talk, or already says it is final: no closing question. */
const NO_CLOSER: ReadonlySet<ReplyKind> = new Set<ReplyKind>([
  'ask_number',
  'hold_final',
  'restate_final',
  'accept_offer',
  'accept_ask',
  'meet_ask',
  'walk_unreasonable',
  'walk_closed',
  'user_declined',
  'out_of_rounds',
]);

/** The engine's reply for `ctx`, one variant drawn from `rng`. */
export function replyWords(ctx: WordsContext, rng: Rng): string {
  const money: Money = {
    name: ctx.name,
    company: ctx.company,
    role: ctx.role,
    offer: ctx.offer === null ? '' : formatMoney(ctx.offer, ctx.currency),
    previous: ctx.previousOffer === null ? '' : formatMoney(ctx.previousOffer, ctx.currency),
    ask: ctx.ask === null ? 'That' : formatMoney(ctx.ask, ctx.currency),
    because: becauseOf(ctx.reasons),
  };
  const core = pick(rng, TEMPLATES[ctx.kind])(money);
  if (NO_CLOSER.has(ctx.kind)) return core;
  return `${core} ${ctx.declaresFinal ? pick(rng, FINAL_CLOSERS) : pick(rng, ASK_CLOSERS)}`;
}

function becauseOf(reasons: readonly Reason[]): string {
  const parts = reasons.map((r) => BECAUSE[r]);
  if (parts.length === 0) return 'what you said';
  if (parts.length === 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}
