/**
 * Structure: does the answer tell a story an interviewer can follow? Stories are read
 * for STAR (situation, task, action, result) and its order; "How would you…" questions
 * for the same shape as a plan (constraints, goal, approach, how it would be checked).
 */
import { listWords } from '../text';
import type { CriterionResult, Question } from '../types';

type Part = 'situation' | 'task' | 'action' | 'result';
const PARTS: readonly Part[] = ['situation', 'task', 'action', 'result'];

const ACTION_VERBS =
  'built|designed|wrote|led|created|set up|introduced|proposed|implemented|added|moved|migrated|refactored|organi[sz]ed|scheduled|talked|met|asked|started|decided|ran|reviewed|profiled|measured|changed|split|rewrote|paired|mentored|took|drafted|prototyped|analy[sz]ed|investigated|traced|replaced|automated|documented|broke|used|spoke|sat down|called|presented|shipped|tested|fixed|applied|rolled|worked|reached|pulled|gathered|booked|offered|suggested|put|found|checked|went|pushed|convinced|explained|listened|agreed|chose|picked|cut|dropped|focused|prioriti[sz]ed|negotiated|coordinated|set|made|got|learned|read|tried|wrapped|kept|opened|invited|shared|flagged|escalated|owned';

/** Cues in a told story. */
const STORY: Readonly<Record<Part, RegExp>> = {
  situation:
    /\b(?:at (?:my|our|the|a) (?:last |previous |current |old |first )?(?:job|company|role|team|employer|startup|agency|bank|client|shop)|when i was|while i was|i was (?:working|a|an|the|on|leading|part)|i worked (?:as|at|on|in)|(?:our|my|the) team (?:was|had|owned|ran)|we had|we were|we ran|back in|last (?:year|quarter|spring|summer|autumn|fall|winter)|in 20\d\d|a (?:few|couple of) (?:months|years|weeks) ago|previously|there was|the situation|at the time|in (?:my|our) (?:previous |last |current |first |old )?(?:job|team|role|company|position)|during (?:a|an|the|my|our)|once,? (?:i|we|my|our|there|a)|(?:my|a|our) (?:manager|colleague|lead|boss|client) (?:once )?(?:told|asked|said))\b/,
  task: /\b(?:my (?:task|goal|job|role|responsibility|brief|mission) was|i was (?:responsible|asked|tasked|in charge|given|supposed)|i needed to|i had to|(?:the|our|my) (?:goal|task|challenge|problem|aim|objective|brief|ask) was|we needed to|needed to|i wanted to|i set out to|had to|(?:asked|told|wanted) me to)\b/,
  action: new RegExp(String.raw`\bi (?:then |first |also |personally |quickly |eventually |immediately |finally |carefully )?(?:${ACTION_VERBS})\b`),
  result:
    /\b(?:as a result|the result|result(?:ed|s)? (?:in|was)|in the end|ultimately|the outcome|(?:which|this|that|it) (?:cut|reduced|improved|increased|saved|brought|halved|doubled|dropped|meant|led|gave|let|took|made|fixed|removed|freed|raised|lowered)|led to|(?:we|i|they) (?:shipped|launched|delivered|hit|met|cut|reduced|saved|closed|won|finished|released|signed)|(?:went|dropped|fell|rose|grew|came) (?:down |up )?(?:from|to|by)|since then|afterwards|after that|i learned|the lesson|(?:we|it|they|she|he) now|now (?:we|the|it|they|she|he)|by the end|after (?:a few |a couple of |two |three |several )?(?:days|weeks|months)|(?:was|were|went|got|became) (?:much |a lot |far )?(?:better|faster|quicker|easier|smoother))\b|\d ?%/,
};

/** Cues in a plan ("I would start by…"), counted on top of the story's for "How would you…" questions. */
const PLAN: Readonly<Record<Part, RegExp>> = {
  situation: /\b(?:first,? i(?:'d| would) (?:ask|clarify|check|find out|want to know|understand)|assum\w*|requirements?|constraints?)\b/,
  task: /\b(?:the goal (?:is|would be)|the aim (?:is|would be)|needs? to|must|has to|have to|so users|so that users)\b/,
  action: /\bi(?:'d| would| will|'ll) (?:start|use|design|put|build|add|split|choose|pick|keep|introduce|set|make|run|create|model|partition|cache|shard|index|deploy|store|write|begin|separate|plan|avoid|treat|give|pair|schedule)\b/,
  result:
    /\b(?:trade-?offs?|which means|that way|to measure|i(?:'d| would) (?:measure|monitor|track|watch|alert|load test|check|know)|success (?:would|looks|means)|the downside|the risk|the cost)\b/,
};

const STORY_NAMES: Readonly<Record<Part, string>> = { situation: 'the situation', task: 'your task', action: 'what you did', result: 'the result' };
const PLAN_NAMES: Readonly<Record<Part, string>> = {
  situation: 'the constraints',
  task: 'the goal',
  action: 'your approach',
  result: 'how you would check it and what it costs',
};

const STORY_ADVICE: Readonly<Record<Part, string>> = {
  situation: 'set the scene in a sentence: where you were and what was going on',
  task: 'say what you were responsible for or trying to achieve',
  action: 'walk through what you did yourself, step by step',
  result: 'end with the result: what changed, in numbers if you can',
};
const PLAN_ADVICE: Readonly<Record<Part, string>> = {
  situation: 'start from the constraints: what you would ask or assume first',
  task: 'say what the design has to achieve',
  action: 'say what you would build and in what order',
  result: 'close with the trade-offs and how you would know it works',
};

/** The result is what answers miss most and what interviewers want most, so it is named first. */
const PRIORITY: readonly Part[] = ['result', 'action', 'situation', 'task'];
const byPriority = (missing: readonly Part[]): Part[] => PRIORITY.filter((p) => missing.includes(p));

/** Where each part first appears, or -1. */
function positions(text: string, hypothetical: boolean): Record<Part, number> {
  const at = (part: Part): number => {
    const story = text.search(STORY[part]);
    const plan = hypothetical ? text.search(PLAN[part]) : -1;
    if (story < 0) return plan;
    return plan < 0 ? story : Math.min(story, plan);
  };
  return { situation: at('situation'), task: at('task'), action: at('action'), result: at('result') };
}

/** Of the pairs of parts present, the share that come in STAR order. */
function orderShare(found: readonly [Part, number][]): number {
  let pairs = 0;
  let ordered = 0;
  for (let i = 0; i < found.length; i += 1) {
    for (let j = i + 1; j < found.length; j += 1) {
      pairs += 1;
      if ((found[i]?.[1] ?? 0) <= (found[j]?.[1] ?? 0)) ordered += 1;
    }
  }
  return pairs === 0 ? 0 : ordered / pairs;
}

export function scoreStructure(question: Question, answer: string): CriterionResult {
  const text = answer.toLowerCase().replace(/[’‘]/g, "'");
  const at = positions(text, question.hypothetical);
  const found = PARTS.filter((p) => at[p] >= 0).map((p): [Part, number] => [p, at[p]]);
  const missing = PARTS.filter((p) => at[p] < 0);
  const share = orderShare(found);
  // Order only counts for as much as there is to order: two parts in order is not a story yet.
  const bonus = found.length >= 2 ? 20 * share * ((found.length - 1) / 3) : 0;
  const score = Math.round(Math.min(100, found.length * 20 + bonus));
  const names = question.hypothetical ? PLAN_NAMES : STORY_NAMES;
  const advice = question.hypothetical ? PLAN_ADVICE : STORY_ADVICE;
  const outOfOrder = found.length >= 2 && share < 1;
  return {
    score,
    note: structureNote(found.map(([p]) => names[p]), missing.map((p) => names[p]), outOfOrder),
    good: score >= 80 ? (question.hypothetical ? 'a clear plan, from the constraints to how you would check it' : 'a clear story, from the situation through what you did to the result') : null,
    add: score >= 80 && !outOfOrder ? null : structureAdvice(byPriority(missing).map((p) => advice[p]), outOfOrder, question.hypothetical),
    gap: byPriority(missing)[0] ?? (outOfOrder ? 'order' : null),
  };
}

function structureNote(present: readonly string[], missing: readonly string[], outOfOrder: boolean): string {
  if (present.length === 0) return 'No clear parts: no situation, task, action or result stands out.';
  const head = missing.length === 0 ? `All four parts are there: ${listWords(present)}` : `Has ${listWords(present)}; missing ${listWords(missing)}`;
  return `${head}${outOfOrder ? '; they come out of order' : missing.length === 0 ? ', in order' : ''}.`;
}

function structureAdvice(missing: readonly string[], outOfOrder: boolean, hypothetical: boolean): string | null {
  const first = missing[0];
  if (first !== undefined) return first;
  if (!outOfOrder) return null;
  return hypothetical ? 'keep the order: constraints, goal, approach, checks' : 'tell it in order: situation, task, action, result';
}
