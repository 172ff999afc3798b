import type { KeywordGroups, Level } from './types';

/**
 * Questions about doing this role at this level: what a junior is asked (learning,
 * asking for help) differs from what a senior is asked (scope, mentoring, trade-offs)
 * and from what a lead is asked (people). Some name one of the posting's skills.
 */
export interface RoleTemplate {
  theme: string;
  /** Builds the question; `skill` is the posting's first skill, or null when it has none. */
  text: (role: string, skill: string | null) => string;
  /** Whether the question names the skill (it then counts for relevance). */
  usesSkill: boolean;
  keywords: KeywordGroups;
}

const RESULT = ['result', 'in the end', 'outcome', 'since', 'now', 'improv', 'reduc', 'increas', 'shipped', 'learn'];

const MENTORING: RoleTemplate = {
  theme: 'mentoring',
  text: (_role, skill) =>
    skill
      ? `How would you help a new colleague who is strong in general but new to ${skill} become productive with it?`
      : 'Tell me about a time you mentored someone. What did you do, and how did they grow?',
  usesSkill: true,
  keywords: [
    ['mentor', 'coach', 'pair', 'teach', 'guid', 'support', '1:1', 'one-on-one', 'onboard'],
    ['colleague', 'junior', 'engineer', 'new', 'teammate', 'hire', 'person'],
    ['grow', 'promot', 'confiden', 'independ', 'own', 'progress', 'goal', 'check', 'review', 'feedback'],
  ],
};

const BY_LEVEL: Readonly<Record<Level, readonly RoleTemplate[]>> = {
  junior: [
    {
      theme: 'motivation',
      text: (role) => `Why do you want to start your career as a ${role}, and what have you done so far to prepare?`,
      usesSkill: false,
      keywords: [
        ['why', 'want', 'interest', 'motivat', 'enjoy', 'excit', 'love'],
        ['project', 'course', 'built', 'learn', 'intern', 'practi', 'bootcamp', 'degree'],
        ['role', 'team', 'company', 'product', 'career'],
      ],
    },
    {
      theme: 'asking for help',
      text: () => 'Tell me about a time you were stuck and asked for help. How did you decide when to ask?',
      usesSkill: false,
      keywords: [
        ['stuck', 'blocked', 'struggl', 'confus', 'hard', 'error', 'bug'],
        ['ask', 'help', 'mentor', 'colleague', 'senior', 'question'],
        ['tried', 'first', 'hour', 'time', 'search', 'document', 'before'],
        RESULT,
      ],
    },
    {
      theme: 'first months',
      text: (role) => `What would you want to have learned and delivered after your first three months as a ${role}?`,
      usesSkill: false,
      keywords: [
        ['learn', 'understand', 'codebase', 'product', 'domain', 'onboard'],
        ['deliver', 'ship', 'first', 'feature', 'fix', 'contribut'],
        ['team', 'people', 'feedback', 'mentor', 'manager', 'goal'],
      ],
    },
  ],
  mid: [
    {
      theme: 'owned feature',
      text: (role) => `Tell me about a feature you owned from design to release as a ${role}. Which decisions were yours?`,
      usesSkill: false,
      keywords: [
        ['own', 'responsib', 'design', 'release', 'end to end', 'end-to-end', 'led'],
        ['decid', 'decision', 'chose', 'choice', 'option', 'trade-off', 'tradeoff'],
        ['user', 'product', 'team', 'stakeholder'],
        RESULT,
      ],
    },
    {
      theme: 'good enough',
      text: () => 'How do you decide when a piece of work is good enough to ship?',
      usesSkill: false,
      keywords: [
        ['good enough', 'ship', 'release', 'done', 'ready', 'launch'],
        ['test', 'review', 'quality', 'risk', 'revers', 'rollback', 'monitor'],
        ['user', 'value', 'deadline', 'feedback', 'iterat', 'trade-off', 'tradeoff'],
      ],
    },
    MENTORING,
  ],
  senior: [
    MENTORING,
    {
      theme: 'scope',
      text: () => 'Tell me about a project whose scope you had to cut or reshape. How did you decide, and how did you explain it?',
      usesSkill: false,
      keywords: [
        ['scope', 'cut', 'reshap', 'descop', 'phase', 'mvp', 'drop', 'defer'],
        ['decid', 'priorit', 'impact', 'risk', 'value', 'trade-off', 'tradeoff'],
        ['explain', 'stakeholder', 'team', 'communicat', 'agree', 'document'],
        RESULT,
      ],
    },
    {
      theme: 'trade-off',
      text: (role) => `Tell me about a trade-off you made as a ${role} that you would still defend. What did you give up?`,
      usesSkill: false,
      keywords: [
        ['trade-off', 'tradeoff', 'gave up', 'instead', 'chose', 'option', 'alternative', 'cost', 'downside'],
        ['why', 'because', 'reason', 'risk', 'data', 'constraint'],
        ['defend', 'again', 'worth', 'right', 'would', ...RESULT],
      ],
    },
  ],
  staff: [
    {
      theme: 'direction',
      text: () => 'Tell me about a technical direction you set across several teams. How did you get them to agree?',
      usesSkill: false,
      keywords: [
        ['direction', 'strategy', 'standard', 'architecture', 'vision', 'roadmap', 'rfc', 'proposal'],
        ['teams', 'across', 'org', 'stakeholder', 'leads', 'engineers'],
        ['agree', 'align', 'convinc', 'buy-in', 'consensus', 'feedback', 'listen'],
        RESULT,
      ],
    },
    {
      theme: 'rebuild or improve',
      text: () => 'How would you decide whether to rebuild a system or keep improving the one you have?',
      usesSkill: false,
      keywords: [
        ['rebuild', 'rewrite', 'replace', 'improv', 'increment', 'refactor', 'strangler', 'migrat'],
        ['cost', 'risk', 'time', 'trade-off', 'tradeoff', 'debt', 'pain'],
        ['measur', 'data', 'metric', 'incident', 'velocity', 'evidence'],
        ['team', 'stakeholder', 'business', 'explain', 'decision', 'document'],
      ],
    },
    MENTORING,
  ],
  lead: [
    {
      theme: 'feedback',
      text: () => 'Tell me about a time you had to give difficult feedback to someone on your team. How did it go?',
      usesSkill: false,
      keywords: [
        ['feedback', 'difficult', 'hard conversation', 'honest', 'concern', 'perform'],
        ['private', '1:1', 'one-on-one', 'example', 'specific', 'prepar', 'behaviour', 'behavior', 'expectation'],
        ['plan', 'support', 'help', 'follow up', 'followed up', 'goal', 'agree'],
        RESULT,
      ],
    },
    {
      theme: 'first 90 days',
      text: (role) => `How would you spend your first 90 days leading a team as a ${role}?`,
      usesSkill: false,
      keywords: [
        ['listen', 'learn', '1:1', 'one-on-one', 'meet', 'understand', 'observe'],
        ['team', 'people', 'stakeholder', 'product', 'process', 'goal'],
        ['plan', 'priorit', 'quick win', 'change', 'roadmap', 'improv'],
        ['measur', 'feedback', 'check', 'trust', 'expectation'],
      ],
    },
    {
      theme: 'growing people',
      text: () => 'Tell me about someone you hired or helped get promoted. What did you do?',
      usesSkill: false,
      keywords: [
        ['hire', 'hiring', 'interview', 'promot', 'grow', 'career'],
        ['goal', 'plan', 'feedback', 'coach', 'mentor', 'opportunit', 'stretch', 'sponsor'],
        ['1:1', 'one-on-one', 'review', 'check', 'progress'],
        RESULT,
      ],
    },
    {
      theme: 'delivery and health',
      text: () => 'Tell me about a time you had to balance your team’s delivery against its health. What did you decide?',
      usesSkill: false,
      keywords: [
        ['deadline', 'delivery', 'pressure', 'scope', 'launch', 'commitment'],
        ['burnout', 'health', 'tired', 'overtime', 'morale', 'workload', 'stress'],
        ['decid', 'priorit', 'cut', 'push back', 'pushed back', 'negotiat', 'stakeholder', 'protect'],
        RESULT,
      ],
    },
  ],
};

export function roleTemplatesFor(level: Level): readonly RoleTemplate[] {
  return BY_LEVEL[level];
}
