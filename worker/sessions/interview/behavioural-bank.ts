import type { KeywordGroups } from './types';

/**
 * The behavioural questions interviewers ask whatever the job: each with its theme (no
 * interview asks two of one theme) and what an on-topic answer touches. The groups are
 * stems, one idea each: the situation the question names, who else was involved, what
 * the answerer did about it, how it ended.
 */
export interface BankQuestion {
  theme: string;
  question: string;
  keywords: KeywordGroups;
}

const RESULT = ['result', 'in the end', 'outcome', 'since', 'now', 'improv', 'reduc', 'increas', 'saved', 'shipped', 'learn', 'better', 'after that'];
const PEOPLE = ['colleague', 'teammate', 'manager', 'engineer', 'designer', 'peer', 'lead', 'stakeholder', 'coworker', 'product manager', 'team', 'client', 'customer'];

export const BEHAVIOURAL_BANK: readonly BankQuestion[] = [
  {
    theme: 'conflict',
    question: 'Tell me about a time you disagreed with a colleague about how to do something. How did you resolve it?',
    keywords: [
      ['disagree', 'conflict', 'argu', 'tension', 'push back', 'pushed back', 'objection', 'concern', 'different view', 'opposed'],
      PEOPLE,
      ['resolv', 'agree', 'compromis', 'align', 'common ground', 'settled', 'decid', 'consensus', 'trade-off', 'tradeoff', 'data'],
    ],
  },
  {
    theme: 'conflict',
    question: 'Tell me about a time you pushed back on a decision made by your manager or a senior stakeholder. What happened?',
    keywords: [
      ['push back', 'pushed back', 'disagree', 'challeng', 'question', 'concern', 'object', 'risk'],
      ['manager', 'director', 'stakeholder', 'lead', 'vp', 'head of', 'senior', 'boss', 'cto'],
      ['data', 'evidence', 'propos', 'alternative', 'explain', 'meeting', 'wrote', 'document'],
      RESULT,
    ],
  },
  {
    theme: 'failure',
    question: 'Tell me about a project that failed or missed its goal. What happened, and what did you learn?',
    keywords: [
      ['fail', 'miss', 'late', 'slip', 'wrong', 'mistake', 'broke', 'outage', 'cancel', 'behind'],
      ['because', 'caus', 'root', 'reason', 'why', 'underestimat', 'assum'],
      ['learn', 'lesson', 'differently', 'since then', 'now i', 'changed', 'retro', 'postmortem', 'post-mortem'],
    ],
  },
  {
    theme: 'failure',
    question: 'Tell me about a mistake you made at work. How did you handle it?',
    keywords: [
      ['mistake', 'error', 'wrong', 'bug', 'broke', 'missed', 'forgot', 'oversight', 'deleted', 'outage'],
      ['own', 'admit', 'told', 'apolog', 'flagged', 'escalat', 'responsib', 'raised'],
      ['fix', 'rollback', 'rolled back', 'repair', 'recover', 'correct', 'patch', 'restor'],
      ['learn', 'lesson', 'since then', 'now i', 'prevent', 'changed', 'check', 'test'],
    ],
  },
  {
    theme: 'ownership',
    question: 'Tell me about a time you took ownership of a problem that was not strictly yours.',
    keywords: [
      ['own', 'responsib', 'took on', 'stepped up', 'volunteer', 'initiative', 'nobody', 'no one', 'not my'],
      ['problem', 'issue', 'gap', 'broken', 'fail', 'risk', 'bug', 'incident'],
      ['fix', 'solv', 'built', 'drove', 'led', 'organis', 'organiz', 'resolv', 'set up'],
      RESULT,
    ],
  },
  {
    theme: 'ownership',
    question: 'Describe a piece of work you owned from start to finish. Which decisions were yours?',
    keywords: [
      ['own', 'responsib', 'end to end', 'end-to-end', 'start to finish', 'lead', 'led'],
      ['decid', 'decision', 'chose', 'choice', 'trade-off', 'tradeoff', 'option'],
      ['plan', 'design', 'built', 'shipped', 'launch', 'deliver', 'release'],
      RESULT,
    ],
  },
  {
    theme: 'prioritisation',
    question: 'Tell me about a time you had more work than you could do. How did you decide what came first?',
    keywords: [
      ['priorit', 'first', 'order', 'rank', 'triage', 'urgent', 'important', 'impact'],
      ['deadline', 'time', 'capacity', 'overload', 'too much', 'workload', 'week', 'sprint'],
      ['stakeholder', 'manager', 'told', 'communicat', 'negotiat', 'agreed', 'expectation', 'explain'],
      ['drop', 'defer', 'postpone', 'later', 'cut', 'said no', 'trade-off', 'tradeoff', 'delegat'],
    ],
  },
  {
    theme: 'prioritisation',
    question: 'Tell me about a time you had to deliver under a tight deadline. What did you cut, and why?',
    keywords: [
      ['deadline', 'tight', 'launch', 'date', 'days', 'weeks', 'time', 'rush'],
      ['cut', 'scope', 'drop', 'defer', 'later', 'simplif', 'mvp', 'minimum', 'trade-off', 'tradeoff'],
      ['why', 'because', 'impact', 'risk', 'value', 'user', 'must'],
      RESULT,
    ],
  },
  {
    theme: 'ambiguity',
    question: 'Tell me about a time you started work with unclear requirements. How did you find your way?',
    keywords: [
      ['unclear', 'ambigu', 'vague', 'unknown', 'uncertain', 'no spec', 'not clear', 'open-ended', 'undefined'],
      ['ask', 'question', 'clarif', 'interview', 'talk', 'spoke', 'research', 'explor', 'workshop'],
      ['prototype', 'assum', 'draft', 'spike', 'small', 'iterat', 'mvp', 'first version', 'experiment'],
      RESULT,
    ],
  },
  {
    theme: 'ambiguity',
    question: 'Tell me about a decision you had to make without all the information you wanted.',
    keywords: [
      ['decid', 'decision', 'choice', 'chose', 'call'],
      ['information', 'data', 'unknown', 'uncertain', 'incomplete', 'missing', 'risk', 'assum'],
      ['revers', 'small', 'test', 'experiment', 'timebox', 'weigh', 'option', 'trade-off', 'tradeoff', 'worst case'],
      RESULT,
    ],
  },
  {
    theme: 'feedback',
    question: 'Tell me about a time you received critical feedback. What did you do with it?',
    keywords: [
      ['feedback', 'criticis', 'criticiz', 'critique', 'review', 'told me', 'pointed out', 'comment'],
      ['listen', 'reflect', 'ask', 'understand', 'accept', 'defensive', 'thought'],
      ['chang', 'improv', 'work on', 'practis', 'practic', 'adjust', 'started', 'stopped'],
      RESULT,
    ],
  },
  {
    theme: 'feedback',
    question: 'Tell me about a time you had to give someone difficult feedback. How did you go about it?',
    keywords: [
      ['feedback', 'difficult', 'hard conversation', 'told', 'honest', 'concern'],
      ['private', '1:1', 'one-on-one', 'one to one', 'example', 'specific', 'prepar', 'behaviour', 'behavior'],
      ['listen', 'support', 'plan', 'help', 'agree', 'follow up', 'followed up'],
      RESULT,
    ],
  },
  {
    theme: 'influence',
    question: 'Tell me about a time you convinced others to adopt an idea of yours without having authority over them.',
    keywords: [
      ['convinc', 'persuad', 'influenc', 'buy-in', 'buy in', 'adopt', 'sell', 'pitch'],
      ['idea', 'propos', 'approach', 'change', 'tool', 'process', 'rfc', 'document'],
      ['data', 'prototype', 'demo', 'evidence', 'pilot', 'example', 'listen', 'concern'],
      RESULT,
    ],
  },
  {
    theme: 'teamwork',
    question: 'Tell me about a time you helped a teammate who was struggling.',
    keywords: [
      ['struggl', 'stuck', 'behind', 'overwhelm', 'difficult', 'hard time', 'new'],
      ['help', 'pair', 'support', 'offer', 'sat down', 'mentor', 'explain', 'review'],
      ['teammate', 'colleague', 'engineer', 'peer', 'junior', 'new hire', 'team'],
      RESULT,
    ],
  },
  {
    theme: 'learning',
    question: 'Tell me about a time you had to learn something new quickly to get a job done.',
    keywords: [
      ['learn', 'new', 'unfamiliar', 'never used', 'first time', 'pick up', 'picked up'],
      ['quick', 'days', 'week', 'deadline', 'fast', 'short'],
      ['document', 'course', 'tutorial', 'read', 'ask', 'expert', 'prototype', 'practic', 'build'],
      RESULT,
    ],
  },
  {
    theme: 'pressure',
    question: 'Tell me about a time something broke in production or went badly wrong under pressure. What did you do?',
    keywords: [
      ['broke', 'outage', 'incident', 'down', 'fail', 'error', 'bug', 'pressure', 'alert', 'page'],
      ['investigat', 'debug', 'log', 'rollback', 'rolled back', 'mitigat', 'fix', 'hotfix', 'restor'],
      ['communicat', 'update', 'told', 'status', 'customer', 'stakeholder', 'team'],
      ['postmortem', 'post-mortem', 'learn', 'prevent', 'since', 'alert', 'test', 'minutes', 'hours'],
    ],
  },
  {
    theme: 'customer',
    question: 'Tell me about a time you went out of your way for a customer or a user.',
    keywords: [
      ['customer', 'user', 'client', 'account', 'support', 'complain'],
      ['problem', 'issue', 'need', 'request', 'pain', 'frustrat', 'bug'],
      ['call', 'talk', 'visit', 'built', 'fix', 'stay', 'weekend', 'extra', 'personally'],
      RESULT,
    ],
  },
  {
    theme: 'communication',
    question: 'Tell me about a time you had to explain something complex to people without your background.',
    keywords: [
      ['explain', 'present', 'communicat', 'talk', 'wrote', 'document', 'demo'],
      ['non-technical', 'non technical', 'business', 'sales', 'executive', 'leadership', 'customer', 'audience', 'stakeholder'],
      ['analog', 'diagram', 'example', 'simple', 'plain', 'visual', 'story', 'jargon'],
      RESULT,
    ],
  },
  {
    theme: 'change',
    question: 'Tell me about a time your plans changed late in a project. How did you adapt?',
    keywords: [
      ['chang', 'shift', 'pivot', 'late', 'new requirement', 'reprioriti', 'cancel'],
      ['adapt', 'replan', 're-plan', 'adjust', 'rework', 'reorganis', 'reorganiz'],
      ['team', 'stakeholder', 'communicat', 'told', 'agreed', 'explain'],
      RESULT,
    ],
  },
  {
    theme: 'initiative',
    question: 'Tell me about something you improved at work without being asked.',
    keywords: [
      ['improv', 'better', 'fix', 'automat', 'clean', 'simplif', 'speed'],
      ['noticed', 'saw', 'annoy', 'slow', 'manual', 'pain', 'waste', 'nobody', 'no one'],
      ['own time', 'initiative', 'without being asked', 'side', 'propos', 'built', 'wrote', 'started'],
      RESULT,
    ],
  },
  {
    theme: 'impact',
    question: 'Tell me about the piece of work you are proudest of, and why.',
    keywords: [
      ['proud', 'best', 'favourite', 'favorite', 'most'],
      ['built', 'led', 'design', 'shipped', 'launch', 'created', 'deliver'],
      ['because', 'why', 'impact', 'hard', 'difficult', 'users', 'team'],
      RESULT,
    ],
  },
  {
    theme: 'saying-no',
    question: 'Tell me about a time you had to say no to a stakeholder. How did you do it?',
    keywords: [
      ['said no', 'say no', 'declin', 'refus', 'push back', 'pushed back', 'not now', 'later'],
      ['stakeholder', 'manager', 'sales', 'customer', 'executive', 'product', 'team'],
      ['explain', 'why', 'data', 'alternative', 'instead', 'offer', 'trade-off', 'tradeoff', 'priorit'],
      RESULT,
    ],
  },
];
