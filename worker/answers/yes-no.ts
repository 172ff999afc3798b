import { pickBest } from './pick';
import { textOf, type Choice, type ChoiceRequest, type Option } from './types';
import { expandContractions, yesNoOf } from './yes-no-words';

/** The facts a work-eligibility answer is about. undefined = the profile does not say. */
interface Facts {
  authorized?: boolean;
  needsSponsorship?: boolean;
}

/** What "yes" means for the question asked. */
type Asks = 'authorized' | 'needsSponsorship' | 'noSponsorship' | 'authorizedWithoutSponsorship';

/**
 * What an option states, each a fact that must hold for the option to be true. 'status' is an
 * immigration status ("US citizen", "on an H-1B"): the profile never says, so such an option is
 * never picked for the user.
 */
interface Claim {
  fact: Asks | 'status';
  holds: boolean;
}

const SPONSOR = /sponsor\w*|\bvisas?\b|h-?1-?b|work permit sponsor/;
const AUTHORIZED = /authori[sz]\w*|\beligible\b|\bentitled\b|right to work|legally (?:able|permitted|allowed)|permitted to work|allowed to work|permission to work|work permit|\bcitizen\b|citizenship|green card|permanent resident|residency/;
const WITHOUT_SPONSORSHIP = /without (?:\w+ ){0,4}(?:sponsor\w*|visas?)|no (?:need for |)(?:\w+ ){0,2}sponsorship (?:needed|required)/;
/** A status that carries the right to work and needs no employer: a citizen, a green card holder. */
const SETTLED_STATUS = /\bcitizen\b|green card|permanent resident/;
/** A status that ends, so the employer will sponsor later. */
const TEMPORARY_STATUS = /\bopt\b|\bcpt\b|stem opt|\bh-?1-?b\b|\btn\b visa|\bl-?1\b|\bf-?1\b/;
const NEGATION = /\b(?:not|no|never|nor|neither|none)\b/;

/** What the question's "yes" means. */
function asksOf(question: string, key: ChoiceRequest['key']): Asks {
  const q = expandContractions(question);
  if (WITHOUT_SPONSORSHIP.test(q)) return 'authorizedWithoutSponsorship';
  if (SPONSOR.test(q)) return /\b(?:do|will|would) not (?:\w+ ){0,3}(?:require|need)/.test(q) ? 'noSponsorship' : 'needsSponsorship';
  if (AUTHORIZED.test(q)) return 'authorized';
  return key === 'requiresSponsorship' ? 'needsSponsorship' : 'authorized';
}

/**
 * The profile's facts. Needing no sponsorship means being allowed to work, and not being
 * allowed means needing sponsorship: forms treat the two as one another's contrapositive.
 */
function factsOf(req: ChoiceRequest): Facts {
  const auth = req.key === 'workAuthorization' ? req.value : req.facts?.workAuthorization;
  const sponsor = req.key === 'requiresSponsorship' ? req.value : req.facts?.requiresSponsorship;
  const facts: Facts = {};
  if (auth === 'yes' || auth === 'no') facts.authorized = auth === 'yes';
  if (sponsor === 'yes' || sponsor === 'no') facts.needsSponsorship = sponsor === 'yes';
  if (facts.needsSponsorship === false && facts.authorized === undefined) facts.authorized = true;
  if (facts.authorized === false && facts.needsSponsorship === undefined) facts.needsSponsorship = true;
  return facts;
}

/** Clauses: "Yes, but I will need sponsorship" is two statements. */
function clausesOf(text: string): string[] {
  return expandContractions(text)
    .split(/[,;.()]|\s-\s|\bbut\b|\bhowever\b|\band\b|\bas\b/)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** Everything an option states: its yes or no to the question, and any fact it spells out. */
function claimsOf(text: string, asks: Asks): Claim[] {
  const claims: Claim[] = [];
  const said = yesNoOf(text);
  if (said) claims.push({ fact: asks, holds: said === 'yes' });
  for (const clause of clausesOf(text)) claims.push(...clauseClaims(clause));
  return claims;
}

function clauseClaims(bare: string): Claim[] {
  if (WITHOUT_SPONSORSHIP.test(bare) && AUTHORIZED.test(bare)) {
    const before = bare.slice(0, bare.search(AUTHORIZED));
    return [{ fact: 'authorizedWithoutSponsorship', holds: !NEGATION.test(before) }];
  }
  const claims: Claim[] = [];
  if (SETTLED_STATUS.test(bare) && !NEGATION.test(bare)) {
    claims.push({ fact: 'status', holds: true }, { fact: 'authorized', holds: true }, { fact: 'needsSponsorship', holds: false });
    return claims;
  }
  if (TEMPORARY_STATUS.test(bare) && !NEGATION.test(bare)) claims.push({ fact: 'status', holds: true }, { fact: 'needsSponsorship', holds: true });
  else if (SPONSOR.test(bare)) claims.push({ fact: 'needsSponsorship', holds: !NEGATION.test(bare) && !/\bwithout\b/.test(bare) });
  if (AUTHORIZED.test(bare) && !SPONSOR.test(bare)) claims.push({ fact: 'authorized', holds: !NEGATION.test(bare) });
  return claims;
}

/** true, false, or undefined when the profile does not say. */
function truth(fact: Claim['fact'], facts: Facts): boolean | undefined {
  switch (fact) {
    case 'status':
      return undefined;
    case 'authorized':
      return facts.authorized;
    case 'needsSponsorship':
      return facts.needsSponsorship;
    case 'noSponsorship':
      return facts.needsSponsorship === undefined ? undefined : !facts.needsSponsorship;
    case 'authorizedWithoutSponsorship':
      if (facts.authorized === false || facts.needsSponsorship === true) return false;
      return facts.authorized === undefined || facts.needsSponsorship === undefined ? undefined : true;
  }
}

type Verdict = 'true' | 'false' | 'unknown';

function verdictOf(claims: readonly Claim[], facts: Facts): Verdict {
  let unknown = false;
  for (const claim of claims) {
    const t = truth(claim.fact, facts);
    if (t === undefined) unknown = true;
    else if (t !== claim.holds) return 'false';
  }
  return unknown ? 'unknown' : 'true';
}

const DESCRIBE: Record<Asks, string> = {
  authorized: 'you are authorized to work',
  needsSponsorship: 'you need sponsorship',
  noSponsorship: 'you need no sponsorship',
  authorizedWithoutSponsorship: 'you may work without sponsorship',
};

/**
 * Yes/no eligibility questions, read by meaning: "No, I do not need a visa" is the no-sponsorship
 * answer whichever way the form words it, and "Are you authorized to work without sponsorship?"
 * is answered from both facts. null when no option reads as an answer at all.
 */
export function chooseYesNo(req: ChoiceRequest, options: readonly Option[]): Choice | null {
  const asks = asksOf(req.question, req.key);
  const facts = factsOf(req);
  const read = options.map((option) => ({ option, claims: claimsOf(textOf(option), asks) })).filter((r) => r.claims.length > 0);
  if (read.length === 0) return null;
  const verdicts = read.map((r) => ({ ...r, verdict: verdictOf(r.claims, facts) }));
  const truths = verdicts.filter((v) => v.verdict === 'true');
  const subject = `your answer (${describeFacts(facts)})`;
  if (truths.length > 0) {
    return pickBest(truths.map((t) => ({ option: t.option, score: t.claims.length, why: `${describeFacts(facts)}, so "${textOf(t.option)}"` })), subject);
  }
  const open = verdicts.filter((v) => v.verdict === 'unknown').map((v) => v.option);
  const missing = `the answer depends on whether ${DESCRIBE[asks]}, and your profile does not say`;
  if (open.length > 1) return { kind: 'ambiguous', candidates: open, why: missing };
  return { kind: 'none', why: open.length === 1 ? missing : `no option says ${describeFacts(facts)}` };
}

function describeFacts(facts: Facts): string {
  const parts = [];
  if (facts.authorized !== undefined) parts.push(facts.authorized ? 'you are authorized to work' : 'you are not authorized to work');
  if (facts.needsSponsorship !== undefined) parts.push(facts.needsSponsorship ? 'you need sponsorship' : 'you need no sponsorship');
  return parts.join(' and ') || 'your profile says nothing about work authorization';
}
