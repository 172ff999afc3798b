/**
 * The kinds of roles on the board. Each family has a few technology stacks so that a
 * search for "python" or "frontend" returns a believable subset, not all or nothing.
 * Skills are spelled the way postings spell them ("PostgreSQL", "CI/CD"), because the
 * analyst reads the text, not a keyword list.
 */
export interface RoleStack {
  /** The core skills, most important first; the requirements name them. */
  skills: readonly string[];
  /** Titles that only fit this stack ("Python Developer"); the family's titles fit every stack. */
  titles?: readonly string[];
  /** Skills a candidate may lack. */
  bonus: readonly string[];
}

export interface RoleFamily {
  key: string;
  titles: readonly string[];
  teams: readonly string[];
  stacks: readonly RoleStack[];
  /** "You will …", finished by the posting's team. */
  mission: string;
  responsibilities: readonly string[];
  /** Requirements that are not a named skill. */
  qualities: readonly string[];
  /** Finishes "N+ years of experience …". */
  experienceIn: string;
  /** Added to the engineering base salary, in USD. */
  salaryOffset: number;
  weight: number;
}

export const ROLE_FAMILIES: readonly RoleFamily[] = [
  {
    key: 'backend',
    titles: ['Backend Engineer', 'Software Engineer, Backend'],
    teams: ['Payments', 'Core Platform', 'Integrations', 'Billing', 'Search', 'Identity'],
    stacks: [
      { skills: ['Python', 'Django', 'PostgreSQL', 'Redis', 'Docker'], titles: ['Python Developer', 'Backend Engineer (Python)'], bonus: ['Celery', 'AWS', 'GraphQL'] },
      { skills: ['Go', 'PostgreSQL', 'Kubernetes', 'gRPC', 'Kafka'], titles: ['Go Engineer', 'Backend Engineer (Go)'], bonus: ['Terraform', 'Prometheus', 'CI/CD'] },
      { skills: ['Java', 'Spring Boot', 'MySQL', 'Kafka', 'AWS'], titles: ['Java Developer'], bonus: ['Kotlin', 'Kubernetes', 'Terraform'] },
      { skills: ['Node.js', 'TypeScript', 'PostgreSQL', 'AWS', 'GraphQL'], titles: ['Node.js Engineer'], bonus: ['Redis', 'Docker', 'CI/CD'] },
      { skills: ['Ruby', 'Ruby on Rails', 'PostgreSQL', 'Sidekiq', 'Redis'], titles: ['Ruby on Rails Developer'], bonus: ['AWS', 'React', 'Docker'] },
    ],
    mission: 'design, build and run the APIs and services of our {team} team',
    responsibilities: [
      'Design and build reliable, well-tested APIs used by our web and mobile apps',
      'Own services end to end: design, implementation, deployment and on-call',
      'Model data and write efficient queries against large production databases',
      'Improve the performance and cost of our busiest endpoints',
      'Review code and help teammates grow through pairing and mentoring',
      'Work with product and design to shape features before they are built',
      'Break down large changes into small, safe, incremental releases',
    ],
    qualities: [
      'A habit of writing automated tests and clear documentation',
      'Good judgement about trade-offs between speed, cost and correctness',
      'Experience designing REST APIs that other teams depend on',
    ],
    experienceIn: 'building backend services in production',
    salaryOffset: 0,
    weight: 14,
  },
  {
    key: 'frontend',
    titles: ['Frontend Engineer', 'Frontend Developer'],
    teams: ['Growth', 'Checkout', 'Design Systems', 'Dashboard', 'Onboarding'],
    stacks: [
      { skills: ['TypeScript', 'React', 'Next.js', 'CSS', 'Jest'], titles: ['React Developer'], bonus: ['GraphQL', 'Storybook', 'Playwright'] },
      { skills: ['TypeScript', 'Vue.js', 'Nuxt', 'CSS', 'Cypress'], titles: ['Vue.js Developer'], bonus: ['Pinia', 'Vite', 'accessibility'] },
      { skills: ['JavaScript', 'React', 'Redux', 'CSS', 'Storybook'], bonus: ['TypeScript', 'webpack', 'accessibility'] },
      { skills: ['TypeScript', 'Angular', 'RxJS', 'SCSS', 'Playwright'], titles: ['Angular Developer'], bonus: ['NgRx', 'Node.js', 'CI/CD'] },
    ],
    mission: 'build fast, accessible interfaces for the {team} team',
    responsibilities: [
      'Build responsive, accessible user interfaces from Figma designs',
      'Grow and maintain our shared component library',
      'Keep page loads fast by measuring and fixing what slows them down',
      'Write unit and end-to-end tests for the flows our customers use most',
      'Partner with designers to refine interactions before and after launch',
      'Improve the frontend build and developer tooling',
    ],
    qualities: [
      'A good eye for detail in layout, typography and motion',
      'Solid understanding of web accessibility (WCAG 2.1)',
      'Experience shipping features behind feature flags and measuring their impact',
    ],
    experienceIn: 'building modern web applications',
    salaryOffset: 0,
    weight: 11,
  },
  {
    key: 'fullstack',
    titles: ['Full Stack Engineer', 'Full Stack Developer', 'Software Engineer, Full Stack'],
    teams: ['Product', 'Marketplace', 'Internal Tools', 'Customer Experience'],
    stacks: [
      { skills: ['TypeScript', 'React', 'Node.js', 'PostgreSQL', 'AWS'], bonus: ['GraphQL', 'Docker', 'CI/CD'] },
      { skills: ['Python', 'Django', 'React', 'PostgreSQL', 'GCP'], bonus: ['TypeScript', 'Celery', 'Docker'] },
      { skills: ['Ruby on Rails', 'React', 'PostgreSQL', 'Redis', 'Heroku'], bonus: ['TypeScript', 'AWS', 'Sidekiq'] },
      { skills: ['TypeScript', 'Next.js', 'tRPC', 'PostgreSQL', 'Vercel'], bonus: ['Prisma', 'Tailwind CSS', 'Playwright'] },
    ],
    mission: 'ship complete features, from database to user interface, with the {team} team',
    responsibilities: [
      'Ship complete features across the frontend, the backend and the database',
      'Talk to customers and turn what you learn into product improvements',
      'Keep our codebase healthy with tests, refactoring and code review',
      'Instrument features so we know whether they work',
      'Take part in a friendly on-call rotation',
      'Help shape the architecture as the product grows',
    ],
    qualities: [
      'Comfortable moving between frontend and backend work in the same week',
      'Product sense: you care why a feature is built, not only how',
      'Clear written communication in a remote-friendly team',
    ],
    experienceIn: 'as a full stack or product engineer',
    salaryOffset: 0,
    weight: 11,
  },
  {
    key: 'data-engineering',
    titles: ['Data Engineer', 'Analytics Engineer'],
    teams: ['Data Platform', 'Analytics', 'Data Foundations'],
    stacks: [
      { skills: ['Python', 'SQL', 'Apache Spark', 'Airflow', 'Snowflake'], bonus: ['dbt', 'Kafka', 'Terraform'] },
      { skills: ['Python', 'dbt', 'BigQuery', 'Airflow', 'Terraform'], bonus: ['Looker', 'GCP', 'CI/CD'] },
      { skills: ['Scala', 'Apache Spark', 'Kafka', 'AWS', 'SQL'], bonus: ['Flink', 'Delta Lake', 'Python'] },
    ],
    mission: 'build the pipelines and models our {team} team and the whole company rely on',
    responsibilities: [
      'Build and operate batch and streaming data pipelines',
      'Model data in the warehouse so analysts can answer questions themselves',
      'Monitor data quality and fix issues at their source',
      'Reduce the cost and runtime of our heaviest jobs',
      'Work with engineers to design event schemas that last',
    ],
    qualities: [
      'A strong grasp of data modelling and dimensional design',
      'Experience running pipelines in production with alerting and backfills',
    ],
    experienceIn: 'in data engineering',
    salaryOffset: 5000,
    weight: 7,
  },
  {
    key: 'data-science',
    titles: ['Data Scientist', 'Product Data Scientist'],
    teams: ['Pricing', 'Growth', 'Risk', 'Marketplace'],
    stacks: [
      { skills: ['Python', 'SQL', 'pandas', 'scikit-learn', 'statistics'], bonus: ['causal inference', 'dbt', 'Airflow'] },
      { skills: ['Python', 'SQL', 'A/B testing', 'Bayesian statistics', 'Looker'], bonus: ['R', 'Snowflake', 'dbt'] },
      { skills: ['R', 'SQL', 'statistics', 'forecasting', 'Tableau'], bonus: ['Python', 'Stan', 'BigQuery'] },
    ],
    mission: 'answer the questions that steer the {team} team, with data and experiments',
    responsibilities: [
      'Design, run and analyse experiments that shape product decisions',
      'Build models that forecast demand and detect anomalies',
      'Define and maintain the metrics the company steers by',
      'Present findings clearly to non-technical audiences',
      'Work with data engineers to make datasets reliable and documented',
    ],
    qualities: [
      'A degree in statistics, mathematics, economics or a related field, or equivalent experience',
      'The ability to explain uncertainty to people who want a yes or no',
    ],
    experienceIn: 'in data science or quantitative analysis',
    salaryOffset: 5000,
    weight: 6,
  },
  {
    key: 'machine-learning',
    titles: ['Machine Learning Engineer', 'ML Engineer'],
    teams: ['Applied ML', 'Recommendations', 'ML Platform', 'Assistants'],
    stacks: [
      { skills: ['Python', 'PyTorch', 'MLOps', 'Kubernetes', 'SQL'], bonus: ['Ray', 'Triton', 'AWS'] },
      { skills: ['Python', 'TensorFlow', 'AWS SageMaker', 'Docker', 'Apache Spark'], bonus: ['Kubeflow', 'Feature stores', 'Terraform'] },
      { skills: ['Python', 'PyTorch', 'LLMs', 'retrieval-augmented generation', 'vector databases'], titles: ['LLM Engineer', 'Applied AI Engineer'], bonus: ['evaluation frameworks', 'Kubernetes', 'TypeScript'] },
    ],
    mission: 'take machine learning models from notebook to production in the {team} team',
    responsibilities: [
      'Train, evaluate and ship models that improve the product for millions of users',
      'Build the training and serving infrastructure around those models',
      'Design offline and online evaluations we can trust',
      'Monitor models in production for drift and regressions',
      'Work with product teams to find problems where ML truly helps',
    ],
    qualities: [
      'Solid foundations in machine learning and statistics',
      'Experience deploying models behind low-latency services',
    ],
    experienceIn: 'building machine learning systems',
    salaryOffset: 15000,
    weight: 7,
  },
  {
    key: 'devops',
    titles: ['DevOps Engineer', 'Cloud Engineer'],
    teams: ['Infrastructure', 'Cloud Operations', 'Developer Experience'],
    stacks: [
      { skills: ['Kubernetes', 'Terraform', 'AWS', 'CI/CD', 'Linux'], bonus: ['Helm', 'Argo CD', 'Python'] },
      { skills: ['Azure', 'Terraform', 'Ansible', 'CI/CD', 'Docker'], bonus: ['Kubernetes', 'PowerShell', 'Go'] },
      { skills: ['GCP', 'Kubernetes', 'Pulumi', 'GitHub Actions', 'Linux'], bonus: ['TypeScript', 'Istio', 'Prometheus'] },
    ],
    mission: 'give every engineer a fast, safe path to production, as part of the {team} team',
    responsibilities: [
      'Automate infrastructure with code, reviews and repeatable pipelines',
      'Run and upgrade our Kubernetes clusters without downtime',
      'Speed up and harden our CI/CD pipelines',
      'Keep cloud costs visible and under control',
      'Help product teams design for reliability from day one',
    ],
    qualities: [
      'A calm, methodical approach to incidents',
      'Strong Linux and networking fundamentals',
    ],
    experienceIn: 'in DevOps or infrastructure engineering',
    salaryOffset: 5000,
    weight: 7,
  },
  {
    key: 'sre',
    titles: ['Site Reliability Engineer', 'SRE'],
    teams: ['Reliability', 'Production Engineering', 'Observability'],
    stacks: [
      { skills: ['Linux', 'Kubernetes', 'Prometheus', 'Go', 'Terraform'], bonus: ['Grafana', 'eBPF', 'AWS'] },
      { skills: ['Python', 'AWS', 'Grafana', 'Kubernetes', 'PostgreSQL'], bonus: ['OpenTelemetry', 'Terraform', 'Go'] },
    ],
    mission: 'keep our platform fast and available as traffic grows, with the {team} team',
    responsibilities: [
      'Define service level objectives with product teams and hold us to them',
      'Lead incident response and run blameless postmortems',
      'Build tooling that removes toil from operations',
      'Plan capacity for peak traffic',
      'Improve our observability with metrics, logs and traces',
    ],
    qualities: [
      'Experience being on call for a high-traffic production system',
      'Comfort reading code in several languages to find a bug',
    ],
    experienceIn: 'in SRE, operations or backend engineering',
    salaryOffset: 10000,
    weight: 5,
  },
  {
    key: 'platform',
    titles: ['Platform Engineer', 'Infrastructure Engineer'],
    teams: ['Platform', 'Developer Platform', 'Compute'],
    stacks: [
      { skills: ['Go', 'Kubernetes', 'Terraform', 'AWS', 'CI/CD'], bonus: ['Crossplane', 'Backstage', 'Prometheus'] },
      { skills: ['Rust', 'Linux', 'Kubernetes', 'gRPC', 'GCP'], bonus: ['eBPF', 'Bazel', 'Go'] },
    ],
    mission: 'build the internal platform every product team at the company builds on, in the {team} team',
    responsibilities: [
      'Build self-service tooling for deploying and operating services',
      'Design golden paths that make the secure choice the easy one',
      'Own the runtime platform our services run on',
      'Measure developer productivity and remove bottlenecks',
    ],
    qualities: [
      'You treat internal engineers as customers and listen to them',
      'Experience operating multi-tenant infrastructure',
    ],
    experienceIn: 'building infrastructure or developer platforms',
    salaryOffset: 10000,
    weight: 5,
  },
  {
    key: 'mobile',
    titles: ['Mobile Engineer', 'Mobile Developer'],
    teams: ['Mobile', 'Consumer App', 'Rider App', 'Member Experience'],
    stacks: [
      { skills: ['Swift', 'SwiftUI', 'UIKit', 'Combine', 'REST APIs'], titles: ['iOS Engineer', 'iOS Developer'], bonus: ['Objective-C', 'Kotlin Multiplatform', 'CI/CD'] },
      { skills: ['Kotlin', 'Jetpack Compose', 'Coroutines', 'Gradle', 'REST APIs'], titles: ['Android Engineer', 'Android Developer'], bonus: ['Java', 'Kotlin Multiplatform', 'CI/CD'] },
      { skills: ['React Native', 'TypeScript', 'React', 'iOS', 'Android'], titles: ['React Native Developer'], bonus: ['Expo', 'GraphQL', 'Swift'] },
      { skills: ['Flutter', 'Dart', 'Firebase', 'iOS', 'Android'], titles: ['Flutter Developer'], bonus: ['Kotlin', 'Swift', 'CI/CD'] },
    ],
    mission: 'build the mobile apps our customers open every day, with the {team} team',
    responsibilities: [
      'Build polished, fast features in our mobile apps',
      'Keep crash rates low and app start-up quick',
      'Ship weekly releases through automated pipelines',
      'Work with designers on native-feeling interactions',
      'Write tests that let us change the app with confidence',
    ],
    qualities: [
      'Apps you built are live in the App Store or on Google Play',
      'Attention to offline behaviour and flaky networks',
    ],
    experienceIn: 'building mobile applications',
    salaryOffset: 0,
    weight: 7,
  },
  {
    key: 'security',
    titles: ['Security Engineer', 'Application Security Engineer', 'Cloud Security Engineer'],
    teams: ['Security', 'Product Security', 'Trust & Safety'],
    stacks: [
      { skills: ['Python', 'AWS', 'threat modeling', 'SIEM', 'Linux'], bonus: ['Terraform', 'Kubernetes', 'SOC 2'] },
      { skills: ['Go', 'Kubernetes', 'cloud security', 'OAuth 2.0', 'penetration testing'], bonus: ['OWASP', 'Rust', 'ISO 27001'] },
    ],
    mission: 'keep our customers and their data safe, as part of the {team} team',
    responsibilities: [
      'Review designs and code for security issues before they ship',
      'Build guardrails and tooling that scale security across teams',
      'Run our vulnerability management and bug bounty programmes',
      'Respond to and learn from security incidents',
      'Help us meet SOC 2 and ISO 27001 requirements without slowing down',
    ],
    qualities: [
      'Deep knowledge of common web vulnerabilities (OWASP Top 10)',
      'The ability to explain risk to engineers without lecturing',
    ],
    experienceIn: 'in security engineering',
    salaryOffset: 10000,
    weight: 5,
  },
  {
    key: 'qa',
    titles: ['QA Engineer', 'Test Automation Engineer', 'Software Engineer in Test'],
    teams: ['Quality', 'Release Engineering', 'Mobile'],
    stacks: [
      { skills: ['Playwright', 'TypeScript', 'CI/CD', 'API testing', 'SQL'], bonus: ['k6', 'Docker', 'GitHub Actions'] },
      { skills: ['Selenium', 'Java', 'Cypress', 'Jenkins', 'REST APIs'], bonus: ['Appium', 'Gatling', 'Python'] },
      { skills: ['Python', 'pytest', 'Appium', 'CI/CD', 'Postman'], bonus: ['Kotlin', 'Swift', 'Locust'] },
    ],
    mission: 'help the {team} team ship quickly without breaking things',
    responsibilities: [
      'Build and maintain automated end-to-end and API test suites',
      'Make tests fast and reliable enough to run on every change',
      'Plan exploratory testing for risky releases',
      'Coach developers on writing testable code',
      'Track quality metrics and flaky tests, and fix their causes',
    ],
    qualities: [
      'A curious, sceptical mind that enjoys finding edge cases',
      'Experience testing web and mobile applications',
    ],
    experienceIn: 'in quality engineering or test automation',
    salaryOffset: -15000,
    weight: 5,
  },
  {
    key: 'design',
    titles: ['Product Designer', 'UX Designer'],
    teams: ['Design', 'Core Experience', 'Growth'],
    stacks: [
      { skills: ['Figma', 'prototyping', 'user research', 'design systems', 'interaction design'], bonus: ['HTML and CSS', 'motion design', 'accessibility'] },
      { skills: ['Figma', 'usability testing', 'information architecture', 'visual design', 'accessibility'], bonus: ['Framer', 'illustration', 'data visualisation'] },
    ],
    mission: 'shape how customers experience our product, working with the {team} team',
    responsibilities: [
      'Own the design of features from discovery to launch',
      'Run interviews and usability tests, and share what you learn',
      'Contribute to and improve our design system',
      'Prototype ideas quickly to test them with real users',
      'Work closely with engineers during implementation',
    ],
    qualities: [
      'A portfolio showing your process as well as your results',
      'Comfort presenting and defending design decisions',
    ],
    experienceIn: 'in product or UX design',
    salaryOffset: -10000,
    weight: 5,
  },
  {
    key: 'product',
    titles: ['Product Manager', 'Technical Product Manager'],
    teams: ['Payments', 'Platform', 'Growth', 'Enterprise'],
    stacks: [
      { skills: ['SQL', 'A/B testing', 'roadmapping', 'user research', 'Jira'], bonus: ['Amplitude', 'pricing', 'B2B SaaS'] },
      { skills: ['APIs', 'SQL', 'stakeholder management', 'roadmapping', 'analytics'], bonus: ['developer tools', 'Python', 'Looker'] },
    ],
    mission: 'decide what the {team} team builds next, and why',
    responsibilities: [
      'Own the roadmap for your area and explain it to the whole company',
      'Talk to customers every week and turn insight into priorities',
      'Write clear problem statements and success metrics',
      'Work with engineering and design to ship in small, measurable steps',
      'Measure outcomes and decide when to iterate or stop',
    ],
    qualities: [
      'A track record of shipping products customers love',
      'Strong analytical skills and comfort with data',
    ],
    experienceIn: 'in product management',
    salaryOffset: 5000,
    weight: 5,
  },
  {
    key: 'data-analysis',
    titles: ['Data Analyst', 'Business Intelligence Analyst'],
    teams: ['Finance', 'Operations', 'Commercial', 'Marketing'],
    stacks: [
      { skills: ['SQL', 'Python', 'Tableau', 'Excel', 'statistics'], bonus: ['dbt', 'Looker', 'Snowflake'] },
      { skills: ['SQL', 'Looker', 'BigQuery', 'Google Sheets', 'dbt'], bonus: ['Python', 'R', 'Airflow'] },
    ],
    mission: 'give the {team} team the numbers and insight it needs to decide well',
    responsibilities: [
      'Build dashboards and reports the business actually uses',
      'Answer ad-hoc questions quickly and accurately',
      'Define metrics together with stakeholders',
      'Find opportunities in the data and bring them to the team',
    ],
    qualities: [
      'The ability to turn vague questions into precise analyses',
      'Clear communication of results in writing and in person',
    ],
    experienceIn: 'in data or business analysis',
    salaryOffset: -20000,
    weight: 4,
  },
  {
    key: 'embedded',
    titles: ['Embedded Software Engineer', 'Firmware Engineer'],
    teams: ['Robotics', 'Hardware', 'Devices'],
    stacks: [
      { skills: ['C', 'C++', 'RTOS', 'Linux', 'Python'], bonus: ['ROS 2', 'CAN bus', 'Yocto'] },
      { skills: ['C++', 'Rust', 'embedded Linux', 'ARM Cortex-M', 'CI/CD'], bonus: ['Zephyr RTOS', 'Bluetooth Low Energy', 'Python'] },
    ],
    mission: 'write the software that runs on our devices, with the {team} team',
    responsibilities: [
      'Develop and debug firmware for our hardware products',
      'Bring up new boards with the electronics team',
      'Build hardware-in-the-loop tests',
      'Optimise for memory, power and real-time constraints',
    ],
    qualities: [
      'Comfort with oscilloscopes, logic analysers and datasheets',
      'A methodical approach to debugging hardware and software together',
    ],
    experienceIn: 'in embedded or systems programming',
    salaryOffset: 0,
    weight: 3,
  },
];
