/**
 * The skill lexicon and the one function that finds skills in free text. Resumes and
 * postings spell the same skill many ways, so every entry maps its spellings onto one
 * display name; scoring and ATS checks compare those names, never raw words.
 */

export type SkillCategory =
  | 'language'
  | 'frontend'
  | 'backend'
  | 'mobile'
  | 'database'
  | 'cloud'
  | 'devops'
  | 'data'
  | 'ml'
  | 'practice'
  | 'design'
  | 'product'
  | 'marketing'
  | 'sales'
  | 'security'
  | 'qa'
  | 'embedded';

/** Decides, from the text around a hit, whether an ambiguous word really names the skill. */
type Guard = (text: string, start: number, end: number) => boolean;

export interface SkillEntry {
  readonly name: string;
  readonly category: SkillCategory;
  /** Spellings matched in any letter case. */
  readonly ci: readonly string[];
  /** Spellings matched only as written, for words that are also plain English ("React", "Go", "Swift"). */
  readonly cs: readonly string[];
  readonly guard?: Guard;
}

interface SpellingOptions {
  ci?: string[];
  cs?: string[];
  guard?: Guard;
}

function skill(name: string, category: SkillCategory, spellings: SpellingOptions = {}): SkillEntry {
  const explicit = spellings.ci !== undefined || spellings.cs !== undefined;
  return {
    name,
    category,
    ci: explicit ? (spellings.ci ?? []) : [name],
    cs: spellings.cs ?? [],
    ...(spellings.guard ? { guard: spellings.guard } : {}),
  };
}

const before = (text: string, start: number, length: number): string => text.slice(Math.max(0, start - length), start);

/** "Go" is a language only when it reads like one: not "go-to", "Go ahead", "let's go". */
const GO_FOLLOWERS = new Set([
  'and', 'or', 'developer', 'developers', 'engineer', 'engineers', 'services', 'service', 'microservices',
  'code', 'codebase', 'programming', 'experience', 'backend', 'modules', 'routines', 'stack', 'apps', 'tooling',
]);
const GO_PHRASES = new Set(['To', 'Live', 'Ahead', 'Beyond', 'Big', 'Further']);

const goGuard: Guard = (text, start, end) => {
  const next = text.slice(end, end + 20);
  if (/^[-'’]/.test(next)) return false;
  if (/let['’]?s\s+$/i.test(before(text, start, 8))) return false;
  const word = /^\s+([A-Za-z0-9.]+)/.exec(next)?.[1];
  if (word === undefined) return true;
  if (GO_PHRASES.has(word)) return false;
  if (/^[A-Z0-9]/.test(word)) return true;
  return GO_FOLLOWERS.has(word.toLowerCase());
};

/** A lone "C" is a language only in a list of languages, never "Series C" or "C-level". */
const cGuard: Guard = (text, start, end) => {
  if (/^[-&'’]/.test(text.slice(end, end + 1))) return false;
  return !/(series|vitamin|type|grade|plan|level|class|section|part|tier)\s+$/i.test(before(text, start, 12));
};

/** A lone "R" is the language, not "R&D" or an initial. */
const rGuard: Guard = (text, start, end) => {
  if (/^[-&'’.]/.test(text.slice(end, end + 1))) return false;
  return !/&\s*$/.test(before(text, start, 2));
};

/** "Spring" the framework, not the season ("Spring 2024"). */
const springGuard: Guard = (text, _start, end) => !/^\s*(\d|semester|term|break)/i.test(text.slice(end, end + 12));

export const SKILLS: readonly SkillEntry[] = [
  // Languages
  skill('JavaScript', 'language', { ci: ['JavaScript', 'ECMAScript', 'ES6', 'ES2015'], cs: ['JS'] }),
  skill('TypeScript', 'language', { ci: ['TypeScript'], cs: ['TS'] }),
  skill('Python', 'language', { ci: ['Python', 'Python3', 'Python 3'] }),
  skill('Java', 'language', { cs: ['Java', 'JAVA'] }),
  skill('Kotlin', 'language'),
  skill('Go', 'language', { ci: ['Golang'], cs: ['Go'], guard: goGuard }),
  skill('Rust', 'language', { cs: ['Rust'] }),
  skill('C++', 'language', { ci: ['C++', 'CPP'] }),
  skill('C', 'language', { cs: ['C'], guard: cGuard }),
  skill('C#', 'language', { ci: ['C#', 'CSharp', 'C Sharp'] }),
  skill('Ruby', 'language', { cs: ['Ruby'] }),
  skill('PHP', 'language'),
  skill('Scala', 'language'),
  skill('Elixir', 'language'),
  skill('Haskell', 'language'),
  skill('Swift', 'language', { cs: ['Swift'] }),
  skill('Objective-C', 'language', { ci: ['Objective-C', 'ObjC'] }),
  skill('Dart', 'language', { cs: ['Dart'] }),
  skill('R', 'language', { cs: ['R'], guard: rGuard }),
  skill('MATLAB', 'language'),
  skill('Bash', 'language', { ci: ['Bash', 'shell scripting', 'shell scripts'] }),
  skill('SQL', 'language', { ci: ['SQL', 'T-SQL', 'PL/SQL'] }),
  skill('HTML', 'frontend', { ci: ['HTML', 'HTML5'] }),
  skill('CSS', 'frontend', { ci: ['CSS', 'CSS3'] }),
  // Frontend
  skill('React', 'frontend', { ci: ['React.js', 'ReactJS'], cs: ['React'] }),
  skill('Next.js', 'frontend', { ci: ['Next.js', 'NextJS'] }),
  skill('Vue.js', 'frontend', { ci: ['Vue.js', 'VueJS', 'Vue'] }),
  skill('Nuxt', 'frontend', { ci: ['Nuxt', 'Nuxt.js'] }),
  skill('Angular', 'frontend', { ci: ['AngularJS'], cs: ['Angular'] }),
  skill('Svelte', 'frontend', { ci: ['Svelte', 'SvelteKit'] }),
  skill('Redux', 'frontend'),
  skill('jQuery', 'frontend'),
  skill('Tailwind CSS', 'frontend', { ci: ['Tailwind CSS', 'Tailwind', 'TailwindCSS'] }),
  skill('Sass', 'frontend', { ci: ['Sass', 'SCSS'] }),
  skill('webpack', 'frontend'),
  skill('Vite', 'frontend', { cs: ['Vite'] }),
  skill('Storybook', 'frontend'),
  skill('Jest', 'frontend', { cs: ['Jest'] }),
  skill('Cypress', 'frontend', { cs: ['Cypress'] }),
  skill('Playwright', 'frontend', { cs: ['Playwright'] }),
  skill('Selenium', 'frontend'),
  skill('accessibility', 'frontend', { ci: ['accessibility', 'a11y', 'WCAG'] }),
  // Backend
  skill('Node.js', 'backend', { ci: ['Node.js', 'NodeJS', 'Node'] }),
  skill('Express', 'backend', { ci: ['Express.js', 'ExpressJS'], cs: ['Express'] }),
  skill('NestJS', 'backend', { ci: ['NestJS', 'Nest.js'] }),
  skill('Deno', 'backend', { cs: ['Deno'] }),
  skill('Django', 'backend'),
  skill('Flask', 'backend', { cs: ['Flask'] }),
  skill('FastAPI', 'backend'),
  skill('Celery', 'backend', { cs: ['Celery'] }),
  skill('SQLAlchemy', 'backend'),
  skill('Spring Boot', 'backend', { ci: ['Spring Boot', 'Spring Framework'], cs: ['Spring'], guard: springGuard }),
  skill('.NET', 'backend', { ci: ['.NET', 'dotnet', '.NET Core'] }),
  skill('ASP.NET', 'backend', { ci: ['ASP.NET', 'ASP.NET Core'] }),
  skill('Ruby on Rails', 'backend', { ci: ['Ruby on Rails', 'RoR'], cs: ['Rails'] }),
  skill('Laravel', 'backend'),
  skill('GraphQL', 'backend'),
  skill('REST', 'backend', { ci: ['RESTful', 'REST API', 'REST APIs'], cs: ['REST'] }),
  skill('gRPC', 'backend'),
  skill('microservices', 'backend', { ci: ['microservices', 'microservice', 'micro-services', 'service-oriented architecture'] }),
  skill('distributed systems', 'backend', { ci: ['distributed systems', 'distributed system'] }),
  skill('system design', 'backend', { ci: ['system design', 'systems design'] }),
  skill('RabbitMQ', 'backend'),
  skill('Kafka', 'backend', { ci: ['Kafka', 'Apache Kafka'] }),
  skill('OAuth', 'backend', { ci: ['OAuth', 'OAuth2', 'OAuth 2.0', 'OpenID Connect', 'OIDC'] }),
  // Mobile
  skill('iOS', 'mobile', { ci: ['iOS'] }),
  skill('Android', 'mobile'),
  skill('SwiftUI', 'mobile'),
  skill('UIKit', 'mobile'),
  skill('Core Data', 'mobile', { cs: ['Core Data', 'CoreData'] }),
  skill('Xcode', 'mobile'),
  skill('React Native', 'mobile'),
  skill('Flutter', 'mobile'),
  skill('Jetpack Compose', 'mobile', { ci: ['Jetpack Compose'] }),
  skill('App Store', 'mobile', { ci: ['App Store', 'App Store Connect', 'TestFlight'] }),
  // Databases
  skill('PostgreSQL', 'database', { ci: ['PostgreSQL', 'Postgres', 'psql'] }),
  skill('MySQL', 'database', { ci: ['MySQL', 'MariaDB'] }),
  skill('SQLite', 'database'),
  skill('MongoDB', 'database', { ci: ['MongoDB', 'Mongo'] }),
  skill('Redis', 'database'),
  skill('DynamoDB', 'database'),
  skill('Cassandra', 'database'),
  skill('Elasticsearch', 'database', { ci: ['Elasticsearch', 'Elastic Search', 'OpenSearch'] }),
  skill('Snowflake', 'database', { cs: ['Snowflake'] }),
  skill('BigQuery', 'database'),
  skill('Redshift', 'database'),
  skill('ClickHouse', 'database'),
  // Clouds
  skill('AWS', 'cloud', { ci: ['AWS', 'Amazon Web Services'] }),
  skill('Google Cloud', 'cloud', { ci: ['Google Cloud', 'Google Cloud Platform', 'GCP'] }),
  skill('Azure', 'cloud', { ci: ['Azure', 'Microsoft Azure'] }),
  skill('serverless', 'cloud', { ci: ['serverless', 'AWS Lambda', 'Cloud Functions'] }),
  skill('Cloudflare', 'cloud'),
  skill('Vercel', 'cloud'),
  skill('Heroku', 'cloud'),
  // DevOps / SRE
  skill('Docker', 'devops', { ci: ['Docker', 'containers', 'containerization'] }),
  skill('Kubernetes', 'devops', { ci: ['Kubernetes', 'k8s', 'EKS', 'GKE', 'AKS'] }),
  skill('Helm', 'devops', { cs: ['Helm'] }),
  skill('Terraform', 'devops'),
  skill('Ansible', 'devops'),
  skill('Pulumi', 'devops'),
  skill('CI/CD', 'devops', {
    ci: ['CI/CD', 'CI / CD', 'continuous integration', 'continuous delivery', 'continuous deployment'],
  }),
  skill('GitHub Actions', 'devops'),
  skill('Jenkins', 'devops'),
  skill('GitLab CI', 'devops', { ci: ['GitLab CI', 'GitLab CI/CD'] }),
  skill('Git', 'devops', { ci: ['Git'] }),
  skill('Linux', 'devops', { ci: ['Linux', 'Unix'] }),
  skill('Nginx', 'devops'),
  skill('Prometheus', 'devops'),
  skill('Grafana', 'devops'),
  skill('Datadog', 'devops'),
  skill('OpenTelemetry', 'devops', { ci: ['OpenTelemetry', 'OTel'] }),
  skill('observability', 'devops', { ci: ['observability', 'monitoring and alerting'] }),
  skill('incident response', 'devops', { ci: ['incident response', 'incident management', 'on-call', 'on call rotation', 'postmortems'] }),
  skill('SRE', 'devops', { ci: ['site reliability', 'SLOs', 'SLO', 'SLIs', 'error budgets'], cs: ['SRE'] }),
  skill('Istio', 'devops', { ci: ['Istio', 'service mesh'] }),
  skill('networking', 'devops', { ci: ['TCP/IP', 'DNS', 'load balancing', 'networking'] }),
  // Data
  skill('pandas', 'data'),
  skill('NumPy', 'data'),
  skill('Jupyter', 'data', { ci: ['Jupyter', 'Jupyter notebooks'] }),
  skill('Spark', 'data', { ci: ['Apache Spark', 'PySpark'], cs: ['Spark'] }),
  skill('Hadoop', 'data'),
  skill('Airflow', 'data', { ci: ['Airflow', 'Apache Airflow'] }),
  skill('dbt', 'data', { cs: ['dbt', 'DBT'] }),
  skill('ETL', 'data', { ci: ['ETL', 'ELT', 'data pipelines', 'data pipeline'] }),
  skill('data modeling', 'data', { ci: ['data modeling', 'data modelling', 'dimensional modeling'] }),
  skill('statistics', 'data', { ci: ['statistics', 'statistical modeling', 'statistical analysis', 'hypothesis testing'] }),
  skill('A/B testing', 'data', { ci: ['A/B testing', 'A/B tests', 'experimentation', 'split testing'] }),
  skill('data analysis', 'data', { ci: ['data analysis', 'data analytics', 'analytics'] }),
  skill('Tableau', 'data'),
  skill('Power BI', 'data', { ci: ['Power BI', 'PowerBI'] }),
  skill('Looker', 'data', { cs: ['Looker'] }),
  skill('Excel', 'data', { cs: ['Excel'] }),
  // Machine learning
  skill('machine learning', 'ml', { ci: ['machine learning'], cs: ['ML'] }),
  skill('deep learning', 'ml', { ci: ['deep learning', 'neural networks'] }),
  skill('NLP', 'ml', { ci: ['NLP', 'natural language processing'] }),
  skill('computer vision', 'ml'),
  skill('LLMs', 'ml', { ci: ['LLM', 'LLMs', 'large language models', 'large language model'] }),
  skill('PyTorch', 'ml'),
  skill('TensorFlow', 'ml', { ci: ['TensorFlow', 'Keras'] }),
  skill('scikit-learn', 'ml', { ci: ['scikit-learn', 'sklearn'] }),
  skill('XGBoost', 'ml', { ci: ['XGBoost', 'LightGBM'] }),
  skill('MLOps', 'ml', { ci: ['MLOps', 'MLflow', 'Kubeflow', 'model deployment'] }),
  // Engineering practices
  skill('testing', 'practice', { ci: ['unit testing', 'unit tests', 'automated testing', 'test automation', 'integration tests', 'end-to-end tests'] }),
  skill('TDD', 'practice', { ci: ['TDD', 'test-driven development'] }),
  skill('Agile', 'practice', { ci: ['Agile', 'Scrum', 'Kanban'] }),
  skill('code review', 'practice', { ci: ['code review', 'code reviews'] }),
  skill('security', 'practice', { ci: ['application security', 'OWASP', 'security best practices'] }),
  skill('performance optimization', 'practice', { ci: ['performance optimization', 'performance tuning', 'profiling'] }),
  skill('mentoring', 'practice', { ci: ['mentoring', 'mentorship', 'coaching engineers'] }),
  skill('Jira', 'practice'),
  skill('Confluence', 'practice'),
  // Design
  skill('Figma', 'design'),
  skill('Sketch', 'design', { cs: ['Sketch'] }),
  skill('Adobe XD', 'design'),
  skill('Photoshop', 'design', { ci: ['Photoshop', 'Adobe Photoshop'] }),
  skill('Illustrator', 'design', { ci: ['Adobe Illustrator'], cs: ['Illustrator'] }),
  skill('user research', 'design', { ci: ['user research', 'user interviews', 'UX research'] }),
  skill('usability testing', 'design', { ci: ['usability testing', 'usability tests'] }),
  skill('prototyping', 'design', { ci: ['prototyping', 'prototypes', 'interactive prototypes'] }),
  skill('wireframing', 'design', { ci: ['wireframing', 'wireframes'] }),
  skill('design systems', 'design', { ci: ['design systems', 'design system', 'component library'] }),
  skill('interaction design', 'design', { ci: ['interaction design', 'UX design', 'user experience design'] }),
  skill('visual design', 'design', { ci: ['visual design', 'UI design', 'graphic design'] }),
  skill('typography', 'design'),
  skill('motion design', 'design', { ci: ['motion design', 'animation design', 'micro-interactions'] }),
  // Less common tools, so postings that name them are read in full
  skill('RxJS', 'frontend'),
  skill('NgRx', 'frontend'),
  skill('Pinia', 'frontend', { cs: ['Pinia'] }),
  skill('Expo', 'mobile', { cs: ['Expo'] }),
  skill('Firebase', 'mobile'),
  skill('Combine', 'mobile', { cs: ['Combine framework', 'Combine'] }),
  skill('Kotlin Multiplatform', 'mobile', { ci: ['Kotlin Multiplatform', 'KMP'] }),
  skill('Kotlin Coroutines', 'mobile', { ci: ['Kotlin Coroutines', 'Coroutines'] }),
  skill('Gradle', 'mobile'),
  skill('Sidekiq', 'backend'),
  skill('tRPC', 'backend'),
  skill('Prisma', 'backend', { cs: ['Prisma'] }),
  skill('Flink', 'data', { ci: ['Flink', 'Apache Flink'] }),
  skill('Delta Lake', 'data'),
  skill('causal inference', 'data'),
  skill('forecasting', 'data', { ci: ['forecasting', 'time series'] }),
  skill('data visualization', 'data', { ci: ['data visualization', 'data visualisation'] }),
  skill('Google Sheets', 'data'),
  skill('Amplitude', 'data', { cs: ['Amplitude'] }),
  skill('Ray', 'ml', { cs: ['Ray'] }),
  skill('RAG', 'ml', { ci: ['retrieval-augmented generation', 'retrieval augmented generation'], cs: ['RAG'] }),
  skill('vector databases', 'ml', { ci: ['vector databases', 'vector database', 'pgvector', 'Pinecone'] }),
  skill('SageMaker', 'ml', { ci: ['SageMaker'] }),
  skill('Argo CD', 'devops', { ci: ['Argo CD', 'ArgoCD'] }),
  skill('PowerShell', 'devops'),
  skill('eBPF', 'devops'),
  skill('Backstage', 'devops', { cs: ['Backstage'] }),
  skill('Crossplane', 'devops'),
  skill('Bazel', 'devops'),
  skill('threat modeling', 'security', { ci: ['threat modeling', 'threat modelling'] }),
  skill('SIEM', 'security'),
  skill('penetration testing', 'security', { ci: ['penetration testing', 'pentesting', 'pen testing'] }),
  skill('cloud security', 'security'),
  skill('compliance', 'security', { ci: ['SOC 2', 'SOC2', 'ISO 27001', 'GDPR compliance', 'HIPAA'] }),
  skill('API testing', 'qa', { ci: ['API testing', 'Postman'] }),
  skill('pytest', 'qa'),
  skill('Appium', 'qa'),
  skill('load testing', 'qa', { ci: ['load testing', 'Gatling', 'JMeter'], cs: ['k6', 'Locust'] }),
  skill('RTOS', 'embedded', { ci: ['RTOS', 'Zephyr', 'FreeRTOS'] }),
  skill('embedded Linux', 'embedded', { ci: ['embedded Linux', 'Yocto'] }),
  skill('microcontrollers', 'embedded', { ci: ['microcontrollers', 'ARM Cortex-M', 'Cortex-M'] }),
  skill('ROS', 'embedded', { cs: ['ROS', 'ROS 2', 'ROS2'] }),
  skill('CAN bus', 'embedded'),
  skill('Bluetooth Low Energy', 'embedded', { ci: ['Bluetooth Low Energy', 'BLE'] }),
  skill('information architecture', 'design'),
  skill('illustration', 'design'),
  skill('Framer', 'design', { cs: ['Framer'] }),
  // Product
  skill('product management', 'product', { ci: ['product management', 'product manager', 'product owner'] }),
  skill('product strategy', 'product', { ci: ['product strategy', 'product vision'] }),
  skill('roadmapping', 'product', { ci: ['roadmapping', 'product roadmap', 'roadmaps', 'roadmap'] }),
  skill('user stories', 'product', { ci: ['user stories', 'PRDs', 'product requirements', 'requirements gathering'] }),
  skill('stakeholder management', 'product', { ci: ['stakeholder management', 'cross-functional leadership', 'stakeholders'] }),
  skill('OKRs', 'product', { ci: ['OKRs', 'OKR', 'KPIs'] }),
  skill('go-to-market', 'product', { ci: ['go-to-market', 'GTM strategy'] }),
  skill('market research', 'product', { ci: ['market research', 'competitive analysis'] }),
  skill('prioritization', 'product', { ci: ['prioritization', 'prioritisation', 'backlog management'] }),
  // Marketing
  skill('SEO', 'marketing', { ci: ['SEO', 'search engine optimization'] }),
  skill('SEM', 'marketing', { ci: ['SEM', 'paid search', 'PPC'] }),
  skill('Google Analytics', 'marketing', { ci: ['Google Analytics', 'GA4'] }),
  skill('Google Ads', 'marketing', { ci: ['Google Ads', 'AdWords'] }),
  skill('content marketing', 'marketing'),
  skill('email marketing', 'marketing', { ci: ['email marketing', 'email campaigns', 'marketing automation'] }),
  skill('social media', 'marketing', { ci: ['social media', 'social media marketing'] }),
  skill('copywriting', 'marketing'),
  // Sales
  skill('sales', 'sales', { ci: ['sales', 'B2B sales', 'SaaS sales', 'enterprise sales'] }),
  skill('Salesforce', 'sales'),
  skill('HubSpot', 'sales'),
  skill('CRM', 'sales', { ci: ['CRM', 'customer relationship management'] }),
  skill('lead generation', 'sales', { ci: ['lead generation', 'prospecting', 'pipeline generation'] }),
  skill('account management', 'sales', { ci: ['account management', 'customer success'] }),
  skill('negotiation', 'sales'),
];

interface CompiledPattern {
  readonly entry: SkillEntry;
  readonly regex: RegExp;
}

/** Spaces in a spelling also match hyphens and line breaks; slashes may have spaces around them. */
function spellingSource(spelling: string): string {
  return spelling
    .split('')
    .map((ch) => {
      if (ch === ' ') return '[\\s-]+';
      if (ch === '-') return '[\\s-]?';
      if (ch === '/') return '\\s*/\\s*';
      return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
}

/**
 * Letters, digits, dots and hyphens right before a hit mean it is part of a longer word
 * ("PostgreSQL" is not "SQL", "e-Go" is not Go); "+" and "#" after mean "C" is really C++/C#.
 */
function compile(spellings: readonly string[], flags: string): RegExp | null {
  if (spellings.length === 0) return null;
  const longestFirst = [...spellings].sort((a, b) => b.length - a.length);
  const body = longestFirst.map(spellingSource).join('|');
  return new RegExp(`(?<![A-Za-z0-9_.\\-])(?:${body})(?![A-Za-z0-9_+#])`, flags);
}

const PATTERNS: readonly CompiledPattern[] = SKILLS.flatMap((entry) =>
  [compile(entry.ci, 'gi'), compile(entry.cs, 'g')]
    .filter((regex): regex is RegExp => regex !== null)
    .map((regex) => ({ entry, regex })),
);

interface Hit {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly rank: number;
}

function findHits(text: string): Hit[] {
  const hits: Hit[] = [];
  PATTERNS.forEach(({ entry, regex }, rank) => {
    for (const m of text.matchAll(regex)) {
      const start = m.index;
      const end = start + m[0].length;
      if (entry.guard && !entry.guard(text, start, end)) continue;
      hits.push({ name: entry.name, start, end, rank });
    }
  });
  return hits;
}

/**
 * A longer hit wins over the shorter ones inside it, so "React Native" is not also React
 * and "Objective-C" is not also C.
 */
function dropNestedHits(hits: Hit[]): Hit[] {
  const ordered = [...hits].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || a.rank - b.rank);
  const kept: Hit[] = [];
  let coveredUntil = -1;
  for (const hit of ordered) {
    if (hit.start < coveredUntil) continue;
    kept.push(hit);
    coveredUntil = hit.end;
  }
  return kept;
}

/** Canonical skill names found in the text, in order of first appearance, each once. */
export function extractSkills(text: string): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const hit of dropNestedHits(findHits(text))) {
    if (seen.has(hit.name)) continue;
    seen.add(hit.name);
    names.push(hit.name);
  }
  return names;
}

const BY_NAME = new Map(SKILLS.map((entry) => [entry.name.toLowerCase(), entry]));

/** The lexicon entry for a canonical name (any case), if there is one. */
export function skillEntry(name: string): SkillEntry | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** The category of a canonical skill name, if it is in the lexicon. */
export function skillCategory(name: string): SkillCategory | undefined {
  return skillEntry(name)?.category;
}

/**
 * Skills that using another skill proves: a Django developer writes Python, a
 * TypeScript developer knows JavaScript. Without this a resume that names only the
 * framework would be marked as missing the language.
 */
const IMPLIES: Readonly<Record<string, readonly string[]>> = {
  TypeScript: ['JavaScript'],
  React: ['JavaScript'],
  'Next.js': ['React', 'JavaScript'],
  'Vue.js': ['JavaScript'],
  Angular: ['TypeScript', 'JavaScript'],
  'Node.js': ['JavaScript'],
  Express: ['Node.js', 'JavaScript'],
  NestJS: ['Node.js', 'TypeScript'],
  'React Native': ['React', 'JavaScript'],
  Django: ['Python'],
  Flask: ['Python'],
  FastAPI: ['Python'],
  pandas: ['Python'],
  'scikit-learn': ['Python', 'machine learning'],
  PyTorch: ['Python', 'deep learning', 'machine learning'],
  TensorFlow: ['Python', 'deep learning', 'machine learning'],
  'Spring Boot': ['Java'],
  'Ruby on Rails': ['Ruby'],
  Laravel: ['PHP'],
  'ASP.NET': ['.NET', 'C#'],
  SwiftUI: ['Swift', 'iOS'],
  UIKit: ['Swift', 'iOS'],
  'Jetpack Compose': ['Kotlin', 'Android'],
  PostgreSQL: ['SQL'],
  MySQL: ['SQL'],
  BigQuery: ['SQL'],
  Snowflake: ['SQL'],
  Redshift: ['SQL'],
  Kubernetes: ['Docker'],
  Helm: ['Kubernetes'],
  'GitHub Actions': ['CI/CD'],
  'GitLab CI': ['CI/CD'],
  Jenkins: ['CI/CD'],
  Prometheus: ['observability'],
  Grafana: ['observability'],
  Datadog: ['observability'],
  OpenTelemetry: ['observability'],
  Jest: ['testing'],
  Cypress: ['testing'],
  Playwright: ['testing'],
  TDD: ['testing'],
  pytest: ['Python', 'testing'],
  RxJS: ['JavaScript'],
  Sidekiq: ['Ruby'],
  'Kotlin Coroutines': ['Kotlin'],
  Combine: ['Swift'],
};

/** The given skills plus everything they imply, without duplicates. */
export function withImpliedSkills(names: readonly string[]): string[] {
  const all = new Set(names);
  const queue = [...names];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const implied of IMPLIES[next] ?? []) {
      if (all.has(implied)) continue;
      all.add(implied);
      queue.push(implied);
    }
  }
  return [...all];
}

/** Interchangeable tools: knowing one is partial evidence for another (PostgreSQL for MySQL). */
const SUBSTITUTES: readonly (readonly string[])[] = [
  ['PostgreSQL', 'MySQL', 'SQLite'],
  ['AWS', 'Google Cloud', 'Azure'],
  ['React', 'Vue.js', 'Angular', 'Svelte'],
  ['Django', 'Flask', 'FastAPI'],
  ['Express', 'NestJS', 'Deno'],
  ['Terraform', 'Pulumi', 'Ansible'],
  ['Prometheus', 'Grafana', 'Datadog', 'OpenTelemetry', 'observability'],
  ['GitHub Actions', 'Jenkins', 'GitLab CI', 'CI/CD'],
  ['PyTorch', 'TensorFlow'],
  ['Tableau', 'Power BI', 'Looker'],
  ['Figma', 'Sketch', 'Adobe XD'],
  ['Kafka', 'RabbitMQ'],
  ['Snowflake', 'BigQuery', 'Redshift'],
  ['MongoDB', 'DynamoDB', 'Cassandra'],
  ['Jest', 'Cypress', 'Playwright', 'Selenium'],
  ['Salesforce', 'HubSpot', 'CRM'],
  ['Swift', 'Objective-C'],
  ['Kotlin', 'Java'],
  ['SwiftUI', 'UIKit'],
];

/** The first of `have` that can stand in for `wanted`, if any. */
export function substituteFor(wanted: string, have: ReadonlySet<string>): string | undefined {
  const group = SUBSTITUTES.find((g) => g.includes(wanted));
  return group?.find((name) => name !== wanted && have.has(name));
}
