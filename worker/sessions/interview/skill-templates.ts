import type { SkillCategory } from '../../analysis/skills';
import type { KeywordGroups, Level } from './types';

/**
 * Technical questions about one of the posting's skills, by the kind of skill: a story
 * ("Tell me about a time you used X to …") or a design ("How would you design …").
 * Senior levels get trade-off and direction-setting variants, juniors a learning one.
 */
export type TemplateForm = 'story' | 'design';

export interface SkillTemplate {
  theme: string;
  form: TemplateForm;
  /** The levels it suits; every level when left out. */
  levels?: readonly Level[];
  text: (skill: string) => string;
  keywords: KeywordGroups;
}

const RESULT = ['result', 'in the end', 'outcome', 'since', 'now', 'improv', 'reduc', 'cut', 'faster', 'fewer', 'saved', 'increas'];
const TRADE_OFF = ['trade-off', 'tradeoff', 'cost', 'downside', 'instead', 'versus', 'vs', 'alternative', 'risk'];

type CategoryTemplates = Record<TemplateForm, SkillTemplate>;

const story = (theme: string, text: (skill: string) => string, keywords: KeywordGroups): SkillTemplate => ({ theme, form: 'story', text, keywords });
const design = (theme: string, text: (skill: string) => string, keywords: KeywordGroups): SkillTemplate => ({ theme, form: 'design', text, keywords });

const BY_CATEGORY: Readonly<Record<SkillCategory, CategoryTemplates>> = {
  language: {
    story: story('code quality', (s) => `Tell me about a time you used ${s} to make a piece of code faster, safer or easier to change. What did you do, and how did it turn out?`, [
      ['fast', 'perform', 'latenc', 'speed', 'safe', 'bug', 'readab', 'maintain', 'refactor', 'change', 'memory'],
      ['profil', 'measur', 'benchmark', 'test', 'review', 'type', 'trace'],
      RESULT,
    ]),
    design: design('codebase design', (s) => `How would you organise a ${s} codebase that ten engineers change every day, so that it stays easy to work in?`, [
      ['module', 'package', 'boundar', 'layer', 'structure', 'organis', 'organiz', 'folder', 'interface', 'domain'],
      ['test', 'ci', 'lint', 'review', 'type', 'convention', 'style', 'format'],
      ['own', 'team', 'document', 'onboard', ...TRADE_OFF],
    ]),
  },
  frontend: {
    story: story('user-facing improvement', (s) => `Tell me about a time you used ${s} to make a slow or confusing part of a product better for its users.`, [
      ['slow', 'perform', 'load', 'render', 'confus', 'usab', 'accessib', 'user', 'bundle'],
      ['measur', 'profil', 'lighthouse', 'metric', 'test', 'research', 'feedback', 'web vitals'],
      RESULT,
    ]),
    design: design('front-end design', (s) => `How would you design the front end of a dashboard in ${s} that shows live data to thousands of users?`, [
      ['component', 'state', 'store', 'render', 'virtual', 'cache', 'memo'],
      ['live', 'websocket', 'real-time', 'realtime', 'poll', 'stream', 'subscri', 'push', 'server-sent'],
      ['perform', 'fast', 'thousand', 'scale', 'load', 'memory', 'throttl', 'debounc'],
      ['test', 'error', 'offline', 'fallback', 'accessib', ...TRADE_OFF],
    ]),
  },
  backend: {
    story: story('service under load', (s) => `Tell me about a time you used ${s} to build or fix a service that was under real load.`, [
      ['load', 'traffic', 'request', 'throughput', 'latenc', 'slow', 'scale', 'timeout', 'spike'],
      ['profil', 'measur', 'metric', 'trace', 'monitor', 'dashboard', 'log'],
      ['cache', 'queue', 'index', 'batch', 'async', 'pool', 'shard', 'replica', 'split', 'retry', 'partition'],
      RESULT,
    ]),
    design: design('API design', (s) => `How would you design an API with ${s} that has to handle ten times today's traffic without getting slower?`, [
      ['api', 'endpoint', 'request', 'contract', 'version', 'pagina'],
      ['cache', 'queue', 'async', 'batch', 'pool', 'rate limit', 'horizontal', 'stateless', 'replica', 'shard', 'load balanc'],
      ['database', 'storage', 'index', 'read', 'write', 'consisten'],
      ['monitor', 'metric', 'measur', 'load test', 'alert', 'slo', ...TRADE_OFF],
    ]),
  },
  database: {
    story: story('query or data problem', (s) => `Tell me about a time you used ${s} to fix a slow query or a data problem.`, [
      ['slow', 'query', 'latenc', 'lock', 'deadlock', 'corrupt', 'duplicate', 'migration', 'timeout'],
      ['explain', 'index', 'plan', 'profil', 'analy', 'measur', 'vacuum', 'partition'],
      RESULT,
    ]),
    design: design('schema design', (s) => `How would you design the ${s} schema and indexes for an orders system that grows by a million rows a day?`, [
      ['schema', 'table', 'column', 'normali', 'key', 'foreign', 'model'],
      ['index', 'partition', 'shard', 'archiv', 'retention'],
      ['query', 'read', 'write', 'report', 'access pattern'],
      ['migration', 'backup', 'replica', 'monitor', ...TRADE_OFF],
    ]),
  },
  cloud: {
    story: story('cost or reliability', (s) => `Tell me about a time you used ${s} to make a system cheaper, faster or more reliable.`, [
      ['cost', 'cheap', 'bill', 'spend', 'reliab', 'uptime', 'outage', 'fast', 'latenc'],
      ['measur', 'monitor', 'metric', 'dashboard', 'alert', 'budget', 'right-siz', 'autoscal'],
      RESULT,
    ]),
    design: design('resilient infrastructure', (s) => `How would you design the infrastructure on ${s} for a service that must stay up when a whole zone goes down?`, [
      ['zone', 'region', 'availab', 'redundan', 'failover', 'replica', 'multi'],
      ['load balanc', 'health check', 'auto', 'scal'],
      ['database', 'backup', 'data', 'replicat', 'consisten'],
      ['test', 'drill', 'chaos', 'monitor', 'alert', ...TRADE_OFF],
    ]),
  },
  devops: {
    story: story('safer operations', (s) => `Tell me about a time you used ${s} to make deployments or operations safer or faster.`, [
      ['deploy', 'release', 'pipeline', 'rollout', 'rollback', 'incident', 'oncall', 'on-call', 'alert'],
      ['automat', 'script', 'config', 'test', 'canary', 'monitor', 'metric', 'dashboard'],
      RESULT,
    ]),
    design: design('delivery pipeline', (s) => `How would you set up ${s} for a team that deploys twenty times a day and cannot afford a bad release?`, [
      ['pipeline', 'stage', 'build', 'test', 'automat'],
      ['canary', 'blue', 'green', 'feature flag', 'rollback', 'gradual', 'progressive'],
      ['monitor', 'metric', 'alert', 'slo', 'observab', 'log'],
      ['team', 'review', 'own', 'speed', ...TRADE_OFF],
    ]),
  },
  data: {
    story: story('business question', (s) => `Tell me about a time you used ${s} to answer a question that mattered to the business.`, [
      ['question', 'business', 'decision', 'stakeholder', 'revenue', 'churn', 'growth', 'retention'],
      ['data', 'query', 'model', 'analys', 'pipeline', 'clean', 'join', 'metric', 'dashboard'],
      ['found', 'recommend', 'decid', 'chang', 'impact', ...RESULT],
    ]),
    design: design('trusted pipeline', (s) => `How would you design a ${s} pipeline that delivers numbers people trust every morning?`, [
      ['pipeline', 'schedule', 'batch', 'increment', 'ingest', 'source', 'load', 'dag'],
      ['test', 'check', 'validat', 'quality', 'freshness', 'monitor', 'alert'],
      ['model', 'schema', 'layer', 'warehouse', 'table'],
      ['own', 'document', 'lineage', 'backfill', ...TRADE_OFF],
    ]),
  },
  ml: {
    story: story('model to production', (s) => `Tell me about a time you used ${s} to take a model from an experiment to something people used.`, [
      ['model', 'train', 'experiment', 'notebook', 'prototype', 'feature'],
      ['deploy', 'production', 'serv', 'pipeline', 'api', 'latenc'],
      ['evaluat', 'metric', 'accura', 'precision', 'recall', 'baseline', 'offline', 'f1', 'auc'],
      RESULT,
    ]),
    design: design('model evaluation', (s) => `How would you evaluate a ${s} system before it reaches users, and keep checking it afterwards?`, [
      ['evaluat', 'metric', 'test set', 'benchmark', 'baseline', 'precision', 'recall', 'accura'],
      ['offline', 'online', 'shadow', 'canary', 'human', 'experiment'],
      ['drift', 'monitor', 'alert', 'retrain', 'feedback'],
      ['latenc', 'bias', 'fairness', ...TRADE_OFF],
    ]),
  },
  practice: {
    story: story('team quality', (s) => `Tell me about a time you used ${s} to raise the quality of your team's work.`, [
      ['quality', 'bug', 'defect', 'incident', 'standard', 'review', 'regression'],
      ['introduc', 'start', 'set up', 'propos', 'champion', 'process', 'habit'],
      ['team', 'colleague', 'adopt', 'agree', 'convinc'],
      RESULT,
    ]),
    design: design('introducing a practice', (s) => `How would you introduce ${s} to a team that has never worked that way?`, [
      ['start', 'small', 'pilot', 'example', 'pair', 'workshop', 'document'],
      ['team', 'buy-in', 'convinc', 'explain', 'why', 'adopt', 'concern'],
      ['measur', 'metric', 'feedback', 'retro', 'check'],
      ['time', 'slow', ...TRADE_OFF],
    ]),
  },
  design: {
    story: story('design decision', (s) => `Tell me about a time you used ${s} to change a product decision.`, [
      ['user', 'research', 'test', 'interview', 'insight', 'feedback'],
      ['prototype', 'wireframe', 'design', 'mock', 'iterat', 'flow'],
      ['decision', 'stakeholder', 'team', 'product', 'convinc', 'chang'],
      ['convers', 'usab', 'metric', ...RESULT],
    ]),
    design: design('design process', (s) => `How would you use ${s} to design a new sign-up flow, from the first sketch to a tested design?`, [
      ['research', 'user', 'interview', 'goal', 'problem', 'data'],
      ['sketch', 'wireframe', 'prototype', 'flow', 'iterat'],
      ['test', 'usab', 'feedback', 'metric', 'convers'],
      ['stakeholder', 'engineer', 'handoff', 'hand-off', ...TRADE_OFF],
    ]),
  },
  product: {
    story: story('what to build', (s) => `Tell me about a time you used ${s} to decide what to build next.`, [
      ['user', 'customer', 'data', 'research', 'feedback', 'metric'],
      ['priorit', 'decid', 'option', 'roadmap', 'bet', 'scope'],
      ['stakeholder', 'team', 'engineer', 'align', 'convinc'],
      RESULT,
    ]),
    design: design('choosing a feature', (s) => `How would you use ${s} to choose between three features when only one can be built this quarter?`, [
      ['impact', 'value', 'user', 'customer', 'revenue', 'goal', 'okr'],
      ['effort', 'cost', 'risk', 'confiden', 'estimate', 'score', 'rice'],
      ['data', 'research', 'experiment', 'interview', 'evidence'],
      ['stakeholder', 'explain', 'communicat', ...TRADE_OFF],
    ]),
  },
  marketing: {
    story: story('campaign results', (s) => `Tell me about a time you used ${s} to grow a channel or improve a campaign's results.`, [
      ['campaign', 'channel', 'audience', 'content', 'ad', 'email', 'launch'],
      ['test', 'experiment', 'data', 'measur', 'metric', 'analytic', 'segment'],
      ['convers', 'traffic', 'lead', 'signup', 'sign-up', 'ctr', 'roi', ...RESULT],
    ]),
    design: design('launch plan', (s) => `How would you plan ${s} for a product launch with a small budget?`, [
      ['audience', 'segment', 'persona', 'customer', 'market'],
      ['channel', 'content', 'message', 'budget', 'plan'],
      ['measur', 'metric', 'test', 'goal', 'convers'],
      TRADE_OFF,
    ]),
  },
  sales: {
    story: story('winning an account', (s) => `Tell me about a time you used ${s} to win or save an important account.`, [
      ['account', 'customer', 'client', 'deal', 'contract', 'renewal'],
      ['need', 'pain', 'discover', 'objection', 'listen', 'question'],
      ['propos', 'negotiat', 'demo', 'champion', 'follow', 'close'],
      ['won', 'signed', 'renewed', 'revenue', 'arr', ...RESULT],
    ]),
    design: design('building a pipeline', (s) => `How would you use ${s} to build a pipeline in a market where nobody knows the product yet?`, [
      ['target', 'segment', 'icp', 'persona', 'market'],
      ['outreach', 'call', 'email', 'event', 'referral', 'partner', 'content'],
      ['measur', 'metric', 'convers', 'pipeline', 'forecast'],
      TRADE_OFF,
    ]),
  },
  security: {
    story: story('real risk', (s) => `Tell me about a time you used ${s} to find or fix a real security risk.`, [
      ['risk', 'vulnerab', 'threat', 'attack', 'exposure', 'breach', 'leak', 'cve'],
      ['found', 'scan', 'review', 'audit', 'test', 'model', 'investigat'],
      ['fix', 'patch', 'mitigat', 'rotat', 'harden', 'control', 'polic'],
      RESULT,
    ]),
    design: design('security in delivery', (s) => `How would you bring ${s} into a team that ships every week and sees security as a blocker?`, [
      ['automat', 'pipeline', 'ci', 'scan', 'default', 'guardrail', 'template'],
      ['team', 'champion', 'train', 'explain', 'partner', 'review'],
      ['risk', 'priorit', 'severity', 'threat'],
      TRADE_OFF,
    ]),
  },
  qa: {
    story: story('catching a problem', (s) => `Tell me about a time you used ${s} to catch a problem before it reached users.`, [
      ['bug', 'defect', 'regression', 'problem', 'issue', 'crash', 'flaky'],
      ['test', 'automat', 'case', 'scenario', 'suite', 'coverage', 'load'],
      ['caught', 'found', 'prevent', 'block', 'release', ...RESULT],
    ]),
    design: design('test strategy', (s) => `How would you design a test strategy with ${s} for a product that releases every day?`, [
      ['unit', 'integration', 'end-to-end', 'e2e', 'pyramid', 'contract', 'layer'],
      ['automat', 'pipeline', 'ci', 'fast', 'flaky', 'parallel'],
      ['risk', 'priorit', 'critical', 'coverage', 'monitor'],
      TRADE_OFF,
    ]),
  },
  mobile: {
    story: story('app quality', (s) => `Tell me about a time you used ${s} to fix a crash, a slow screen or a bad review.`, [
      ['crash', 'slow', 'screen', 'review', 'rating', 'anr', 'freeze', 'battery', 'memory'],
      ['profil', 'measur', 'instrument', 'crashlytics', 'log', 'reproduc', 'debug'],
      RESULT,
    ]),
    design: design('offline mode', (s) => `How would you design offline support in a ${s} app so that users never lose their work?`, [
      ['offline', 'local', 'cache', 'storage', 'database', 'queue'],
      ['sync', 'conflict', 'merge', 'retry', 'background'],
      ['user', 'state', 'indicator', 'error'],
      ['test', 'battery', ...TRADE_OFF],
    ]),
  },
  embedded: {
    story: story('hardware problem', (s) => `Tell me about a time you used ${s} to track down a hardware or timing problem.`, [
      ['timing', 'interrupt', 'hardware', 'race', 'glitch', 'reset', 'memory', 'power'],
      ['oscilloscope', 'logic analy', 'debug', 'trace', 'jtag', 'log', 'measur', 'reproduc'],
      RESULT,
    ]),
    design: design('field updates', (s) => `How would you design the firmware update process for ${s} devices already in the field?`, [
      ['update', 'ota', 'bootloader', 'image', 'partition', 'version'],
      ['rollback', 'fail', 'verify', 'signature', 'checksum', 'power loss'],
      ['staged', 'rollout', 'monitor', 'fleet', 'batch'],
      TRADE_OFF,
    ]),
  },
};

/** Asked whatever the kind of skill. */
const GENERAL_STORY: SkillTemplate = story('hard problem', (s) => `Tell me about a time you used ${s} to solve a problem others had struggled with. What did you do, and what came of it?`, [
  ['problem', 'issue', 'bug', 'slow', 'broken', 'struggl', 'hard', 'difficult'],
  ['solv', 'fix', 'built', 'chang', 'rewrote', 'found', 'debug', 'investigat'],
  RESULT,
]);

/** For a skill the lexicon does not place: a plan, not a system, since the kind of system is unknown. */
const GENERAL_DESIGN: SkillTemplate = design('planning', (s) => `How would you plan a new piece of work that relies on ${s}, from the first design to knowing that it works?`, [
  ['plan', 'design', 'requirement', 'goal', 'scope', 'constraint'],
  ['step', 'first', 'then', 'prototype', 'milestone', 'iterat'],
  ['test', 'measur', 'metric', 'check', 'monitor', 'review'],
  TRADE_OFF,
]);

const SENIOR: readonly SkillTemplate[] = [
  {
    ...story('trade-off', (s) => `Tell me about a trade-off you made with ${s} that others disagreed with. What did you give up, and was it worth it?`, [
      ['trade-off', 'tradeoff', 'gave up', 'cost', 'instead', 'option', 'alternative', 'chose', 'downside'],
      ['disagre', 'concern', 'push', 'debate', 'convinc', 'argu', 'objection'],
      ['why', 'because', 'reason', 'risk', 'data', 'measur'],
      ['worth', 'again', 'learned', ...RESULT],
    ]),
    levels: ['senior', 'staff', 'lead'],
  },
  {
    ...design('scope and scale', (s) => `How would you decide how much to invest in scaling a ${s} system now rather than later, and how would you explain that choice to your team?`, [
      ['scale', 'growth', 'load', 'capacity', 'forecast', 'traffic'],
      ['now', 'later', 'defer', 'invest', 'cost', 'risk', 'trade-off', 'tradeoff'],
      ['measur', 'metric', 'threshold', 'trigger', 'signal', 'data'],
      ['team', 'explain', 'document', 'agree', 'rfc', 'decision'],
    ]),
    levels: ['senior', 'staff'],
  },
  {
    ...story('technical direction', (s) => `Tell me about a time you set the technical direction for ${s} work across several teams. How did you get them to agree?`, [
      ['direction', 'strategy', 'standard', 'architecture', 'vision', 'roadmap', 'rfc'],
      ['teams', 'across', 'org', 'stakeholder', 'leads', 'engineers'],
      ['agree', 'align', 'convinc', 'buy-in', 'consensus', 'feedback', 'listen'],
      RESULT,
    ]),
    levels: ['staff'],
  },
];

const JUNIOR: readonly SkillTemplate[] = [
  {
    ...story('learning a skill', (s) => `Tell me about a project where you learned ${s}. What was hard, and how did you get past it?`, [
      ['learn', 'new', 'first', 'course', 'tutorial', 'document', 'read'],
      ['hard', 'difficult', 'stuck', 'confus', 'error', 'bug', 'struggl'],
      ['ask', 'help', 'mentor', 'search', 'debug', 'practi', 'tried', 'experiment'],
      ['finish', 'built', 'shipped', 'work', ...RESULT],
    ]),
    levels: ['junior'],
  },
];

const suits = (level: Level) => (t: SkillTemplate) => t.levels === undefined || t.levels.includes(level);

/** The templates a question of this form may use for a skill of this kind at this level. */
export function templatesFor(category: SkillCategory | undefined, form: TemplateForm, level: Level): SkillTemplate[] {
  const own = category ? BY_CATEGORY[category][form] : form === 'story' ? GENERAL_STORY : GENERAL_DESIGN;
  const general = form === 'story' && category ? [GENERAL_STORY] : [];
  const levelled = [...SENIOR, ...JUNIOR].filter((t) => t.form === form).filter(suits(level));
  return [own, ...general, ...levelled];
}
