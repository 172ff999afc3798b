/**
 * What a chat message asks, read without a model: a fixed set of intents, each
 * recognised by the phrasings people use for it, with its slots (a role, a place,
 * sources) taken from the message. The rules are tried in order, most specific first,
 * so "am I qualified for senior engineer roles" is a skill question and not a request
 * for jobs; a greeting or a thank-you in front of a question does not hide it.
 */
import type { JobSource } from '~/shared/pipeline';
import { cleanRole } from './roles';
import type { ParsedMessage, SmallTalk } from './types';
import { titleCase } from './words';

type Rule = (text: string) => ParsedMessage | null;

const JOB_NOUN = '(?:jobs?|roles?|positions?|openings?|vacancies|postings?|opportunities|gigs?)';
const PLACE_WORD = '(?:in|near|around|based in|located in|within|close to)';

export function parseMessage(message: string): ParsedMessage {
  const text = normalise(message);
  const question = withoutPleasantries(text);
  for (const rule of RULES) {
    const parsed = rule(question);
    if (parsed) return parsed;
  }
  const talk = smallTalk(text);
  return talk ? { intent: 'small_talk', talk } : { intent: 'unknown' };
}

/** Typographic quotes and runs of spaces are set aside so that one pattern covers every keyboard. */
function normalise(message: string): string {
  return message.replace(/[’‘`´]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

const GREETING = /^(?:hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day))(?: there)?\b/i;
const THANKS = /^(?:thanks|thank you|thx|ty|cheers|many thanks|much appreciated|appreciate it|great|cool|ok(?:ay)?|nice|perfect|awesome)\b/i;
const GOODBYE =
  /\b(?:bye|goodbye|good bye|bye bye|see you|see ya|that'?s all|that is all|that'?s it|that will be all|i'?m done|i am done|we'?re done|nothing else|no more questions|talk (?:to you )?later|end (?:the )?(?:chat|conversation)|done for (?:now|today)|signing off|have a (?:good|nice|great) (?:one|day|evening))\b/i;

/** "Hi! Which jobs fit me?" is a question about jobs: the greeting in front is dropped. */
function withoutPleasantries(text: string): string {
  let rest = text;
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(GREETING, '').replace(THANKS, '').replace(/^[\s,!.;:-]+/, '');
  }
  return rest === '' ? text : rest;
}

/** Only short messages are small talk: "bye" ends a chat, a paragraph that says "bye" somewhere does not. */
const MAX_SMALL_TALK_WORDS = 10;

function smallTalk(text: string): SmallTalk | null {
  if (text.split(' ').length > MAX_SMALL_TALK_WORDS) return null;
  if (GOODBYE.test(text)) return 'goodbye';
  if (/^(?:(?:many |thanks|thank you|thx|ty|cheers|much appreciated|appreciate (?:it|that|the help))\b)/i.test(text) || /\bthank(?:s| you)\b/i.test(text)) {
    return 'thanks';
  }
  if (GREETING.test(text) || /^(?:how are you|what'?s up|sup)\b/i.test(text)) return 'greeting';
  return null;
}

// ---------------------------------------------------------------- trajectory

/** A move between the tracks: asked before skill questions, which "become a manager" would otherwise be. */
const MANAGEMENT_MOVE =
  /\b(?:go|move|switch|transition|step) (?:in)?to management\b|\bmanagement track\b|\bic track\b|\b(?:ic|individual contributor) or (?:manage(?:r|ment)?|people manage)|\bshould i (?:become|be) an? (?:\w+ )?manager\b|\bmanager or (?:stay )?(?:an? )?(?:ic|individual contributor)\b/i;

const TRAJECTORY = [
  /\bwhere (?:can|could|should|do|might|would|will) i go\b/i,
  MANAGEMENT_MOVE,
  /\bcareer (?:path|paths|ladder|trajectory|progression|growth|options|plan|moves?|next steps?)\b|\btrajector(?:y|ies)\b|\bcareer ladder\b/i,
  /\b(?:get|getting|be|being) promoted\b|\bpromotion\b|\blevel up\b|\bmove up\b|\bclimb the ladder\b|\bgrow (?:in )?my career\b/i,
  /\bwhat(?:'s| is| are| comes| would be)? (?:my )?(?:next|after)\b|\bnext (?:career )?(?:step|move|level|role)s?\b/i,
];

/** "What comes after senior engineer" places the user from the role named, not from the resume. */
const FROM_ROLE = /\b(?:after|from|beyond|above|past) (?:being )?(?:an? |my )?(.+)$/i;
const HERE = /^(?:here|now|this|there|where i am|my (?:current )?(?:role|job|position|level|title)|this (?:role|job|position|level))\b/i;

const trajectory: Rule = (text) => {
  if (!TRAJECTORY.some((pattern) => pattern.test(text))) return null;
  const named = FROM_ROLE.exec(text)?.[1];
  const from = named === undefined || HERE.test(named) ? null : cleanRole(named);
  return { intent: 'trajectory', from };
};

// ---------------------------------------------------------------- skill gaps

/** Each pattern's first group, when there is one, is the role. */
const SKILL_GAPS: readonly RegExp[] = [
  /\bwhat(?:'s| is)?(?: skills?| tech| technologies| experience| qualifications?| else)?(?: am i| do i| are| is)?(?: i)?(?: still)? (?:missing|lacking|lack)\b(?:.*?\b(?:for|to (?:be|become|get|land)|as) (?:an? |the )?(.+))?/i,
  /\b(?:skills?[\s-]gaps?|gap analysis|gaps in my (?:skills|resume|cv|profile)|my gaps)\b(?:.*?\b(?:for|to|as) (?:an? |the )?(.+))?/i,
  /\bwhat (?:skills|else|tech|technologies|experience) (?:do|would|will|should|must) i (?:need|have to learn|need to learn|learn|add|get)\b(?:.*?\b(?:for|to (?:be|become|get|land|qualify for)|as) (?:an? |the )?(.+))?/i,
  /\bwhat (?:skills|tech|technologies) (?:do|does) (?:an? |the )?(.+?) (?:need|use|require|ask for)\b/i,
  /\bwhat (?:skills|tech|technologies) (?:are|is) (?:needed|required|asked for|in demand) (?:for|by|in) (?:an? |the )?(.+)/i,
  /\bwhat (?:do|would|should|must) i (?:need to )?(?:learn|know|study|improve|work on)\b(?:.*?\b(?:for|to (?:be|become|get|land)|as) (?:an? |the )?(.+))?/i,
  /\bhow (?:do|can|could|would|should) i (?:become|qualify for|break into|land|get (?:a job as|hired as|into))(?: an?| the)? (.+)/i,
  /\bam i (?:ready|qualified|good enough) (?:for|to be(?:come)?)(?: an?| the)? (.+)/i,
  /\bi (?:want|would like|'d like|hope|plan|aim) to (?:become|be|move into|switch to|get into|grow into)(?: an?| the)? (.+)/i,
];

const skillGaps: Rule = (text) => {
  for (const pattern of SKILL_GAPS) {
    const m = pattern.exec(text);
    if (m) return { intent: 'skill_gaps', role: m[1] === undefined ? null : cleanRole(m[1]) };
  }
  return null;
};

// ---------------------------------------------------------------- jobs that fit

const FIT_WORD = '(?:fit|fits|fitting|suit|suits|suited|suitable|match|matches|matching|right for|good for|best for|qualified for|qualify for|recommend|recommended|recommendations?|good fit|best fit)';
const JOBS_THAT_FIT: readonly RegExp[] = [
  new RegExp(`^(?=.*\\b${JOB_NOUN}\\b)(?=.*\\b${FIT_WORD}\\b)(?=.*\\b(?:me|my|i|i'm|myself)\\b)`, 'i'),
  new RegExp(`\\b${JOB_NOUN} for (?:me|someone like me|my (?:profile|resume|cv|skills|background))\\b`, 'i'),
  /\bwhat (?:should|could|can) i apply (?:to|for)\b|\bwhere should i apply\b|\bam i a (?:good )?fit for anything\b|\bbest matches\b/i,
];

const jobsThatFit: Rule = (text) => (JOBS_THAT_FIT.some((p) => p.test(text)) ? { intent: 'jobs_that_fit' } : null);

// ---------------------------------------------------------------- pay

/** Each pattern's groups: the role (may be absent), then the rest of the message, where a place may be. */
const PAY: readonly RegExp[] = [
  /\bwhat (?:does|do|would|will|might|can|could) (?:an? |the )?(.+?) (?:pay|make|earn|get paid|take home)\b(.*)$/i,
  /\bhow much (?:does|do|would|will|can|could|should|might) (?:an? |the )?(.+?) (?:make|earn|get paid|get|pay|take home)\b(.*)$/i,
  /\b(?:what|how much)(?:'s| is| are)? (?:the )?(?:typical |average |median |usual |market )?(?:salary|salaries|pay|compensation|comp|wages?|pay range|market rate|rate) (?:for|of) (?:an? |the )?(.+?)((?: (?:in|near|around|based in|for|at) .+)?)$/i,
  /\b(?:salary|salaries|pay|compensation|comp|wages?|pay range|market rate) (?:for|of) (?:an? |the )?(.+?)((?: (?:in|near|around|based in|at) .+)?)$/i,
  /^(?:what about )?(?:an? |the )?(.+?) (?:salary|salaries|pay range|compensation|comp|pay)\b(.*)$/i,
];
const PAY_FOR_ME =
  /\b(?:what am i worth|how much am i worth|what (?:should|could|can|would|will|might) i (?:earn|make|ask for|expect|get paid)|how much (?:should|could|can|would|will|might) i (?:ask for|expect|earn|make|get)|am i (?:underpaid|overpaid|paid enough))\b(.*)$/i;

/** The loose "<role> salary" shape only counts when what comes before it reads like a role. */
const NOT_A_PAY_ROLE = /\b(?:find|search|show|look|get|me|my|i|jobs?|roles?|positions?|with|good|better|higher|more|best|less|lower|any)\b/i;

const pay: Rule = (text) => {
  const mine = PAY_FOR_ME.exec(text);
  if (mine) {
    const as = /\bas (?:an? |the )?(.+?)(?= (?:in|near|around|based in) |$)/i.exec(mine[1] ?? '');
    return { intent: 'pay', role: as?.[1] === undefined ? null : cleanRole(as[1]), location: placeIn(mine[1] ?? '') };
  }
  for (const [i, pattern] of PAY.entries()) {
    const m = pattern.exec(text);
    if (!m) continue;
    if (i === PAY.length - 1 && NOT_A_PAY_ROLE.test(m[1] ?? '')) return null;
    const { role, place } = splitRoleAndPlace(m[1] ?? '', m[2] ?? '');
    return { intent: 'pay', role, location: place };
  }
  return null;
};

/** "data scientist in Berlin" may land in the role group when the place follows no verb. */
function splitRoleAndPlace(roleText: string, rest: string): { role: string | null; place: string | null } {
  const inside = new RegExp(`^(.+?) ${PLACE_WORD} (.+)$`, 'i').exec(roleText);
  // Pay and searches are per role, not per employer: "at Acme" is not part of the role.
  const roleOnly = (inside?.[1] ?? roleText).replace(/\s+(?:at|with|for) .+$/i, '');
  const place = placeIn(rest) ?? (inside?.[2] === undefined ? null : cleanPlace(inside[2]));
  const remote = /\bremote\b/i.test(roleText) && place === null ? 'Remote' : place;
  return { role: cleanRole(roleOnly), place: remote };
}

// ---------------------------------------------------------------- find jobs

const FIND_VERB = '(?:find|search|look|hunt|show|get|pull up|list|give|fetch|browse|bring up)';
const FIND: readonly RegExp[] = [
  new RegExp(`^(?:(?:can|could|would|will) you |please |now |then |ok(?:ay)?,? )*${FIND_VERB}(?: me| us)?(?: for| up| out)?(?: some| any| a few| the| a| an| open| new| more)*\\s*(.*?)\\s*\\b${JOB_NOUN}\\b(.*)$`, 'i'),
  new RegExp(`^(?:i'?m |i am |we'?re )?(?:looking for|searching for|hunting for|after|i want|i'd like|i would like|i need|interested in|any)(?: a| an| some| new)?\\s*(.*?)\\s*\\b${JOB_NOUN}\\b(.*)$`, 'i'),
  new RegExp(`^(?:are there )?(?:any )?(.*?)\\s*\\b${JOB_NOUN}\\b(\\s+${PLACE_WORD} .+|\\s+remote(?:ly)?\\b.*)$`, 'i'),
];

const SOURCE_NAMES = /\b(?:on|from|via|using) (?:the )?((?:sandbox|greenhouse|lever)(?:(?:,|,? and|,? or| &| \+) (?:the )?(?:sandbox|greenhouse|lever))*)(?: boards?| sources?)?\b/i;

const findJobs: Rule = (text) => {
  for (const pattern of FIND) {
    const m = pattern.exec(text);
    if (!m) continue;
    const sourcesMatch = SOURCE_NAMES.exec(m[2] ?? '');
    const rest = (m[2] ?? '').replace(SOURCE_NAMES, ' ');
    const as = /^\s*(?:as|for)(?: an?| the)? (.+?)(?= (?:in|near|around|based in) |$)/i.exec(rest);
    const roleText = [m[1] ?? '', as?.[1] ?? ''].join(' ').trim();
    const { role, place } = splitRoleAndPlace(roleText, rest);
    return { intent: 'find_jobs', role, location: place, sources: sourcesMatch?.[1] === undefined ? null : sourcesIn(sourcesMatch[1]) };
  }
  return null;
};

function sourcesIn(text: string): JobSource[] {
  const named = text.toLowerCase().match(/sandbox|greenhouse|lever/g) ?? [];
  return [...new Set(named)] as JobSource[];
}

// ---------------------------------------------------------------- places

const PLACE_AT = new RegExp(`\\b${PLACE_WORD} (.+)$`, 'i');

/** The place a message names after "in", "near"…; "remote" alone is a place too. */
function placeIn(rest: string): string | null {
  const named = PLACE_AT.exec(rest)?.[1];
  if (named !== undefined) return cleanPlace(named);
  if (/\b(?:anywhere|any location|everywhere)\b/i.test(rest)) return '';
  return /\bremote(?:ly)?\b/i.test(rest) ? 'Remote' : null;
}

const ANYWHERE = /^(?:anywhere|any ?where|any location|everywhere|the world|the whole world)$/i;

/** "berlin please?" → "Berlin"; "anywhere" → "" (every location, as the scout reads it). */
function cleanPlace(raw: string): string | null {
  const place = raw
    .replace(/\b(?:please|for me|only|too|right now|now|this (?:year|month))\b/gi, ' ')
    .replace(/\b(?:on|from|via) (?:the )?(?:sandbox|greenhouse|lever)\b.*$/i, ' ')
    .replace(/["?!.,;:]+\s*$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (place === '') return null;
  if (ANYWHERE.test(place)) return '';
  if (/^remote(?:ly)?$/i.test(place)) return 'Remote';
  return place === place.toLowerCase() ? titleCase(place) : place;
}

// ---------------------------------------------------------------- order

/**
 * Most specific first: a career move ("go into management") before a skill question
 * ("how do I become a manager"), skill questions before "jobs for me" (both can say
 * "qualified for"), and the open "find … jobs" shapes last.
 */
const RULES: readonly Rule[] = [
  (text) => (MANAGEMENT_MOVE.test(text) ? trajectory(text) : null),
  skillGaps,
  jobsThatFit,
  pay,
  findJobs,
  trajectory,
];
