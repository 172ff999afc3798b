import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventCatalog, type EventType } from '~/shared/events';
import { pipelineParamsSchema } from '~/shared/pipeline';
import type { ProfileFields } from '~/shared/profile';
import { analyst, type AnalystContext } from '~worker/agents/analyst';
import { scoreWithLlm } from '~worker/analysis/llm-scorer';
import { scoreMatch, type PostingSummary } from '~worker/analysis/match-score';
import { fetchPostingText, htmlToText, PostingPageError, POSTING_UNREADABLE_MESSAGE } from '~worker/analysis/posting-text';
import { extractRequirements, seniorityFromTitle } from '~worker/analysis/requirements';
import { readResume } from '~worker/analysis/resume-facts';
import { extractSkills } from '~worker/analysis/skills';
import { createEgress, EgressAllowlist } from '~worker/egress';
import type { ChatMessage, CompletionOptions, LlmClient } from '~worker/llm/types';
import type { JobPosting } from '~worker/sources/types';
import { FIXTURE_NOW, type FitLabel, MATCH_PAIRS } from '../fixtures/match-pairs';

const NOW = { now: FIXTURE_NOW };

// ---------------------------------------------------------------- helpers

/** Ranks with ties sharing their mean rank, as Spearman's rho needs. */
function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const result = new Array<number>(values.length).fill(0);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end += 1;
    for (let k = start; k <= end; k += 1) result[order[k]!.i] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return result;
}

function pearson(a: readonly number[], b: readonly number[]): number {
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ma = mean(a);
  const mb = mean(b);
  let cov = 0;
  let va = 0;
  let vb = 0;
  a.forEach((x, i) => {
    const y = b[i]!;
    cov += (x - ma) * (y - mb);
    va += (x - ma) ** 2;
    vb += (y - mb) ** 2;
  });
  return cov / Math.sqrt(va * vb);
}

const spearman = (a: readonly number[], b: readonly number[]) => pearson(ranks(a), ranks(b));
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

const LABEL_VALUE: Record<FitLabel, number> = { good: 2, fair: 1, poor: 0 };

function scorePair(resumeText: string, profile: Partial<ProfileFields>, job: PostingSummary & { description: string }) {
  return scoreMatch(readResume(resumeText, profile, NOW), extractRequirements(job.description, job.title), job);
}

// ---------------------------------------------------------------- the labelled set

describe('match score against the labelled set', () => {
  const scored = MATCH_PAIRS.map((pair) => ({ pair, score: scorePair(pair.resume.text, pair.resume.profile, pair.job).score }));
  const byLabel = (label: FitLabel) => scored.filter((s) => s.pair.label === label).map((s) => s.score);

  it('has enough pairs of every label', () => {
    expect(MATCH_PAIRS.length).toBeGreaterThanOrEqual(30);
    for (const label of ['good', 'fair', 'poor'] as const) expect(byLabel(label).length).toBeGreaterThanOrEqual(8);
  });

  it('scores every good pair above every poor pair', () => {
    const minGood = Math.min(...byLabel('good'));
    const maxPoor = Math.max(...byLabel('poor'));
    console.log(`match scoring: min(good) = ${minGood}, max(poor) = ${maxPoor}`);
    expect(minGood).toBeGreaterThan(maxPoor);
  });

  it('orders the means good > fair > poor', () => {
    const means = { good: mean(byLabel('good')), fair: mean(byLabel('fair')), poor: mean(byLabel('poor')) };
    console.log(`match scoring: mean good ${means.good.toFixed(1)}, fair ${means.fair.toFixed(1)}, poor ${means.poor.toFixed(1)}`);
    expect(means.good).toBeGreaterThan(means.fair);
    expect(means.fair).toBeGreaterThan(means.poor);
  });

  it('ranks pairs like the labels (Spearman rho ≥ 0.75)', () => {
    const rho = spearman(
      scored.map((s) => LABEL_VALUE[s.pair.label]),
      scored.map((s) => s.score),
    );
    console.log(`match scoring: Spearman rho = ${rho.toFixed(3)} over ${scored.length} pairs`);
    expect(rho).toBeGreaterThanOrEqual(0.75);
  });

  it('keeps every score an integer from 0 to 100', () => {
    for (const { score } of scored) {
      expect(Number.isInteger(score)).toBe(true);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
    }
  });
});

// ---------------------------------------------------------------- skills

describe('extractSkills', () => {
  it('maps aliases onto canonical names, in order of first appearance, once each', () => {
    expect(extractSkills('We use JS and Postgres on k8s, Node services on GCP, CI/CD everywhere; ML a plus. More JS.')).toEqual([
      'JavaScript',
      'PostgreSQL',
      'Kubernetes',
      'Node.js',
      'Google Cloud',
      'CI/CD',
      'machine learning',
    ]);
    expect(extractSkills('JavaScript, Node.js, PostgreSQL, Kubernetes, Google Cloud Platform, machine learning')).toEqual([
      'JavaScript',
      'Node.js',
      'PostgreSQL',
      'Kubernetes',
      'Google Cloud',
      'machine learning',
    ]);
  });

  it('does not read "Go" into ordinary English', () => {
    const prose = 'A good engineer and go-to person who will go the extra mile. Go ahead and apply! Let’s go. Our go-to-market team.';
    expect(extractSkills(prose)).not.toContain('Go');
    expect(extractSkills('Languages: Go, Python')).toEqual(['Go', 'Python']);
    expect(extractSkills('Golang microservices')).toEqual(['Go', 'microservices']);
    expect(extractSkills('We are hiring Go developers')).toEqual(['Go']);
  });

  it('keeps longer names whole and ignores other plain-English look-alikes', () => {
    expect(extractSkills('PostgreSQL and MySQL')).toEqual(['PostgreSQL', 'MySQL']);
    expect(extractSkills('Java and JavaScript')).toEqual(['Java', 'JavaScript']);
    expect(extractSkills('React Native apps')).toEqual(['React Native']);
    expect(extractSkills('Objective-C, C++ and C#')).toEqual(['Objective-C', 'C++', 'C#']);
    expect(extractSkills('We react fast, a Series C company with C-level support, R&D and a swift process; rest assured.')).toEqual([]);
    expect(extractSkills('Spring 2026 internship')).toEqual([]);
    expect(extractSkills('Spring Boot services in Java')).toEqual(['Spring Boot', 'Java']);
  });

  it('knows non-engineering skills', () => {
    expect(extractSkills('Product management, Figma, SEO and B2B sales with Salesforce')).toEqual([
      'product management',
      'Figma',
      'SEO',
      'sales',
      'Salesforce',
    ]);
  });
});

// ---------------------------------------------------------------- requirements

describe('extractRequirements', () => {
  it('splits required from nice-to-have by section', () => {
    const req = extractRequirements(
      `About us\nWe use Ruby internally.\n\nRequirements:\n- Python\n- PostgreSQL\n\nNice to have:\n- Kafka\n- Kubernetes`,
      'Backend Engineer',
    );
    expect(req.required).toEqual(['Python', 'PostgreSQL']);
    expect(req.preferred).toEqual(['Kafka', 'Kubernetes']);
  });

  it('treats every skill as required when the posting has no sections, except what a sentence calls a plus', () => {
    const req = extractRequirements('You will build React apps in TypeScript with GraphQL. Storybook is a plus.');
    expect(req.required).toEqual(['React', 'TypeScript', 'GraphQL']);
    expect(req.preferred).toEqual(['Storybook']);
  });

  it('groups only the items right around an "or" as alternatives', () => {
    expect(extractRequirements('- Python, Django, PostgreSQL or MySQL').alternatives).toEqual([['PostgreSQL', 'MySQL']]);
    expect(extractRequirements('- Experience with Java or Go and Kafka').alternatives).toEqual([['Java', 'Go']]);
    expect(extractRequirements('- MLOps (MLflow, Kubeflow or similar)').alternatives).toEqual([]);
  });

  it.each([
    ['5+ years of experience with Python', 5],
    ['At least 3 years of professional experience', 3],
    ['3-5 years of experience in backend development', 3],
    ['3 – 5 yrs experience', 3],
    ['Minimum of 4 years in a similar role', 4],
    ['Three years of experience building APIs', 3],
    ['0-2 years of experience (new grads welcome)', 0],
    ['5+ years of engineering experience, including 2+ years with Go', 5],
    ['Founded 20 years ago, we are a family business.', null],
    ['Experience with Python', null],
  ])('reads minimum years from "%s"', (text, expected) => {
    expect(extractRequirements(text).minYears).toBe(expected);
  });

  it('reads seniority from the title first, then the text, then the years asked', () => {
    expect(seniorityFromTitle('Senior Backend Engineer')).toBe('senior');
    expect(seniorityFromTitle('Sr. Data Scientist')).toBe('senior');
    expect(seniorityFromTitle('Staff Software Engineer')).toBe('staff');
    expect(seniorityFromTitle('Principal Architect')).toBe('principal');
    expect(seniorityFromTitle('Engineering Manager, Payments')).toBe('lead');
    expect(seniorityFromTitle('Tech Lead')).toBe('lead');
    expect(seniorityFromTitle('Software Engineering Intern')).toBe('intern');
    expect(seniorityFromTitle('Junior Frontend Developer')).toBe('junior');
    expect(seniorityFromTitle('Product Manager')).toBeNull();
    expect(extractRequirements('An entry-level role for curious people.', 'Data Analyst').seniority).toBe('junior');
    expect(extractRequirements('Requirements: 6+ years of experience', 'Backend Engineer').seniority).toBe('senior');
    expect(extractRequirements('Requirements: 6+ years of experience', 'Junior Backend Engineer').seniority).toBe('junior');
  });

  it('reads remote from the text, not falling for "not remote"', () => {
    expect(extractRequirements('This is a fully remote position.').remote).toBe(true);
    expect(extractRequirements('This is not a remote role; on-site in Paris.').remote).toBe(false);
    expect(extractRequirements('Hybrid, two days in the office.').remote).toBe(false);
    expect(extractRequirements('We build tools.').remote).toBeNull();
  });
});

// ---------------------------------------------------------------- resume facts

describe('readResume', () => {
  const resume = `Ana Lima
Lisbon, Portugal
Senior Software Engineer — Acme
Jan 2019 – present
Software Engineer — Beta
Mar 2016 - Dec 2018
Education
BSc Computer Science, 2012 – 2016
Skills: Python, Postgres, Docker`;

  it('adds up employment date ranges, leaving education out', () => {
    const facts = readResume(resume, {}, { now: new Date('2025-01-01T00:00:00Z') });
    expect(facts.years).toBe(9);
    expect(facts.seniority).toBe('senior');
    expect(facts.location).toBe('Lisbon, Portugal');
    expect(facts.skills).toEqual(['Python', 'PostgreSQL', 'Docker']);
    expect(facts.titles[0]).toBe('Senior Software Engineer');
  });

  it('counts overlapping jobs once', () => {
    const facts = readResume('Engineer, A — 2018 – 2022\nConsultant, B — 2020 – 2021', {}, NOW);
    expect(facts.years).toBe(4);
  });

  it('prefers what the profile says', () => {
    const facts = readResume(resume, { yearsOfExperience: 3, location: 'Porto, Portugal' }, NOW);
    expect(facts.years).toBe(3);
    expect(facts.location).toBe('Porto, Portugal');
  });
});

// ---------------------------------------------------------------- match score

const backendResume = `Jo Park
Austin, TX
Backend Engineer — Shipfast
2019 – present
Python, Django, PostgreSQL, Docker, AWS, REST APIs`;

const backendJob = (overrides: Partial<PostingSummary> = {}) => ({
  title: 'Backend Engineer',
  location: 'Austin, TX',
  remote: false,
  description: `Requirements\n- 4+ years of experience\n- Python and Django\n- PostgreSQL\n- Kafka\n\nNice to have\n- Kubernetes`,
  ...overrides,
});

describe('scoreMatch', () => {
  it('explains what matches and what is missing', () => {
    const result = scorePair(backendResume, {}, backendJob());
    expect(result.matchedSkills).toEqual(['Python', 'Django', 'PostgreSQL']);
    expect(result.missingSkills).toEqual(['Kafka']);
    for (const skill of ['Python', 'Django', 'PostgreSQL', 'Kafka']) expect(result.explanation).toContain(skill);
    expect(result.explanation).toMatch(/missing/i);
    expect(result.explanation.split(/\.\s/).length).toBeLessThanOrEqual(3);
  });

  it('is deterministic', () => {
    const first = scorePair(backendResume, {}, backendJob());
    const second = scorePair(backendResume, {}, backendJob());
    expect(second).toEqual(first);
    expect(scorePair(backendResume, {}, backendJob())).toEqual(first);
  });

  it('judges location: remote, same city, relocation, unknown', () => {
    const remote = scorePair(backendResume, {}, backendJob({ remote: true, location: 'Remote' }));
    const sameCity = scorePair(backendResume, {}, backendJob());
    const elsewhere = scorePair(backendResume, {}, backendJob({ location: 'Berlin, Germany' }));
    const unknown = scorePair(backendResume, {}, backendJob({ location: '' }));
    expect(remote.locationFit).toBe('remote');
    expect(sameCity.locationFit).toBe('same-city');
    expect(elsewhere.locationFit).toBe('relocation');
    expect(unknown.locationFit).toBe('unknown');
    expect(elsewhere.score).toBeLessThan(sameCity.score);
    expect(remote.score).toBe(sameCity.score);
    expect(elsewhere.explanation).toMatch(/relocation/);
  });

  it('penalises under-qualification more than over-qualification', () => {
    const skills = 'Python, Django, PostgreSQL';
    const job = (title: string, years: string) => ({ title, location: 'Remote', remote: true, description: `Requirements\n- ${years}\n- ${skills}` });
    const junior = `Junior Backend Developer — Foo\n2023 – present\n${skills}`;
    const senior = `Senior Backend Engineer — Foo\n2016 – present\n${skills}`;
    const fit = scorePair(senior, {}, job('Senior Backend Engineer', '5+ years of experience'));
    const under = scorePair(junior, {}, job('Senior Backend Engineer', '5+ years of experience'));
    const over = scorePair(senior, {}, job('Junior Backend Developer', '0-2 years of experience'));
    expect(fit.seniorityFit).toBe('fit');
    expect(under.seniorityFit).toBe('under');
    expect(over.seniorityFit).toBe('over');
    expect(fit.score - under.score).toBeGreaterThan(fit.score - over.score);
    expect(over.score).toBeLessThan(fit.score);
  });

  it('gives alternatives ("Django or FastAPI") full credit for either one', () => {
    const job = { title: 'Backend Engineer', location: 'Remote', remote: true, description: 'Requirements\n- Python\n- Django or FastAPI' };
    const result = scorePair('Backend Engineer\nPython, FastAPI', {}, job);
    expect(result.missingSkills).toEqual([]);
    expect(result.matchedSkills).toEqual(['Python', 'FastAPI']);
  });

  it('marks a designer down for a backend job even with some shared tools', () => {
    const designer = 'Product Designer — Studio\n2018 – present\nFigma, user research, prototyping, HTML, CSS, Python scripting for Figma plugins';
    const job = { title: 'Senior Backend Engineer', location: 'Remote', remote: true, description: 'Requirements\n- Python\n- Django\n- PostgreSQL' };
    expect(scorePair(designer, {}, job).score).toBeLessThan(40);
  });

  it('says to add a resume when there is none', () => {
    const result = scorePair('', { yearsOfExperience: 4 }, backendJob());
    expect(result.explanation).toContain('add your resume in your profile for a real match');
    expect(result.matchedSkills).toEqual([]);
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThan(100);
  });
});

// ---------------------------------------------------------------- posting text

const POSTING_PAGE = `<!doctype html>
<html lang="en"><head><title>Senior Backend Engineer – Ledgerly</title>
<style>.hero { color: red }</style>
<script>window.__DATA__ = {"skills": "Haskell"};</script>
<script type="application/ld+json">{"@type":"JobPosting"}</script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/jobs">Careers &amp; Culture</a></nav>
<header><h1>Senior Backend Engineer</h1><p>Remote &mdash; US</p></header>
<main>
  <!-- tracking: Erlang -->
  <section><h2>About&nbsp;the role</h2>
  <p>You&rsquo;ll build <strong>Python</strong> services that reconcile &#8220;millions&#8221; of transactions.</p></section>
  <section><h2>Requirements</h2>
  <ul><li>5+ years with <em>Python</em></li><li>PostgreSQL &amp; Redis</li><li>REST&#x2F;gRPC APIs</li></ul></section>
  <section><h3>Nice to have</h3><ul><li>Kafka</li></ul></section>
  <button>Apply now</button>
</main>
<footer>© 2025 Ledgerly · <a href="/privacy">Privacy</a></footer>
<noscript>Enable JavaScript</noscript>
</body></html>`;

describe('posting page to text', () => {
  it('keeps headings and list items as lines and drops the page chrome', () => {
    const text = htmlToText(POSTING_PAGE);
    const lines = text.split('\n');
    expect(lines).toContain('Senior Backend Engineer');
    expect(lines).toContain('About the role');
    expect(lines).toContain('Requirements');
    expect(lines).toContain('- 5+ years with Python');
    expect(lines).toContain('- PostgreSQL & Redis');
    expect(lines).toContain('- REST/gRPC APIs');
    expect(lines).toContain('Nice to have');
    expect(text).toContain('You’ll build Python services that reconcile “millions” of transactions.');
    for (const chrome of ['Haskell', 'Erlang', 'Careers', 'Privacy', 'Apply now', 'Enable JavaScript', 'color: red', 'JobPosting']) {
      expect(text).not.toContain(chrome);
    }
    const req = extractRequirements(text, 'Senior Backend Engineer');
    expect(req.required).toEqual(['Python', 'PostgreSQL', 'Redis', 'REST', 'gRPC']);
    expect(req.preferred).toEqual(['Kafka']);
    expect(req.minYears).toBe(5);
  });

  describe('fetching', () => {
    let server: Server;
    let base = '';
    beforeAll(async () => {
      server = createServer((req, res) => {
        if (req.url === '/job') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(POSTING_PAGE);
        } else if (req.url === '/huge') {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(`<p>${'Python '.repeat(20_000)}</p><p>Kafka at the end</p>`);
        } else if (req.url === '/slow') {
          setTimeout(() => res.end('<p>late</p>'), 2_000);
        } else {
          res.writeHead(404);
          res.end('not here');
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    // The test's server is on loopback: allowlisted, as EGRESS_ALLOW would.
    const options = (extra: { timeoutMs?: number; maxBytes?: number } = {}) => ({
      signal: new AbortController().signal,
      timeoutMs: 1_000,
      egress: createEgress(new EgressAllowlist([base])),
      ...extra,
    });

    it('fetches a page and returns its text', async () => {
      const text = await fetchPostingText(`${base}/job`, options());
      expect(text).toContain('- PostgreSQL & Redis');
    });

    it('stops reading at the size cap', async () => {
      const text = await fetchPostingText(`${base}/huge`, options({ maxBytes: 10_000 }));
      expect(text.length).toBeLessThanOrEqual(10_000);
      expect(text).not.toContain('Kafka');
    });

    it('rejects on an error status, a timeout and a bad address, in the same words for the first two', async () => {
      // What the user reads does not tell a 404 from a timeout (or an open port from a closed one); the log does.
      const missing = await fetchPostingText(`${base}/missing`, options()).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(PostingPageError);
      expect((missing as PostingPageError).message).toBe(POSTING_UNREADABLE_MESSAGE);
      expect((missing as PostingPageError).detail).toContain('HTTP 404');
      const slow = await fetchPostingText(`${base}/slow`, options({ timeoutMs: 100 })).catch((e: unknown) => e);
      expect((slow as PostingPageError).message).toBe(POSTING_UNREADABLE_MESSAGE);
      await expect(fetchPostingText('file:///etc/passwd', options())).rejects.toThrow(/not a web address/);
    });

    it('refuses a page on a private address that is not allowlisted', async () => {
      const refused = await fetchPostingText(`${base}/job`, { signal: new AbortController().signal, timeoutMs: 1_000, egress: createEgress(new EgressAllowlist([])) }).catch(
        (e: unknown) => e,
      );
      expect(refused).toMatchObject({ refused: true, message: 'the posting points to a private address, which jobstream does not open' });
    });
  });
});

// ---------------------------------------------------------------- LLM scorer

function fakeLlm(answer: (messages: ChatMessage[], options: CompletionOptions) => Promise<string>): LlmClient & { prompts: ChatMessage[][] } {
  const prompts: ChatMessage[][] = [];
  return {
    model: 'fake',
    prompts,
    complete: (messages, options) => {
      prompts.push(messages);
      return answer(messages, options);
    },
  };
}

describe('scoreWithLlm', () => {
  const fallback = scorePair(backendResume, {}, backendJob());
  const input = (signal = new AbortController().signal) => ({
    resumeText: `${backendResume}\n${'x'.repeat(50_000)}`,
    posting: { title: 'Backend Engineer', company: 'Acme', location: 'Austin, TX', remote: false, text: 'y'.repeat(50_000) },
    fallback,
    signal,
  });

  it('uses a valid answer and caps the prompt', async () => {
    const llm = fakeLlm(() =>
      Promise.resolve('```json\n{"score": 81.6, "explanation": "Strong Python/Django match; no Kafka.", "matchedSkills": ["Python"], "missingSkills": ["Kafka"]}\n```'),
    );
    const result = await scoreWithLlm(llm, input());
    expect(result).toMatchObject({ source: 'llm', score: 82, matchedSkills: ['Python'], missingSkills: ['Kafka'], locationFit: 'same-city' });
    const prompt = llm.prompts[0]!.map((m) => m.content).join('');
    expect(prompt.length).toBeLessThan(16_000);
    expect(llm.prompts[0]![0]!.role).toBe('system');
  });

  it.each([
    ['not JSON', () => Promise.resolve('I think 80.'), /not JSON/],
    ['out of range', () => Promise.resolve('{"score": 140, "explanation": "x", "matchedSkills": [], "missingSkills": []}'), /invalid score/],
    ['a failed call', () => Promise.reject(new Error('the model timed out')), /timed out/],
  ])('falls back to the deterministic score on %s', async (_name, answer, reason) => {
    const result = await scoreWithLlm(fakeLlm(answer), input());
    expect(result.source).toBe('deterministic');
    expect(result.score).toBe(fallback.score);
    expect(result.explanation).toContain(fallback.explanation);
    expect(result.explanation).toMatch(reason);
    expect(result.explanation).toMatch(/Keyword score/);
  });

  it('still stops when the run is stopped', async () => {
    const stop = new AbortController();
    const llm = fakeLlm(() => {
      stop.abort(new Error('stopped'));
      return Promise.reject(new Error('aborted'));
    });
    await expect(scoreWithLlm(llm, input(stop.signal))).rejects.toThrow('aborted');
  });
});

// ---------------------------------------------------------------- the agent

interface Emitted {
  type: EventType;
  message: string;
  data: unknown;
}

function profile(overrides: Partial<ProfileFields> = {}): ProfileFields {
  return {
    name: '', firstName: '', lastName: '', email: '', phone: '', location: '', linkedinUrl: '', githubUrl: '', websiteUrl: '',
    currentCompany: '', yearsOfExperience: null, workAuthorization: null, requiresSponsorship: null, desiredSalary: '',
    earliestStartDate: null, resumeText: '', jobSources: [], savedAnswers: [], ...overrides,
  };
}

function fakeContext(resumeText: string, minMatchScore: number) {
  const events: Emitted[] = [];
  const progress: number[] = [];
  const ctx: AnalystContext = {
    params: pipelineParamsSchema.parse({ query: 'backend engineer', minMatchScore }),
    profile: profile({ resumeText }),
    llm: null,
    signal: new AbortController().signal,
    settings: { SOURCE_TIMEOUT_MS: 1_000 } as AnalystContext['settings'],
    emit: (type, message, data) => {
      eventCatalog[type].parse(data);
      expect(message.length).toBeLessThanOrEqual(2000);
      events.push({ type, message, data });
      return Promise.resolve();
    },
    pausePoint: () => Promise.resolve(),
    pace: () => Promise.resolve(),
    progress: (p) => {
      progress.push(p);
      return Promise.resolve();
    },
  };
  return { ctx, events, progress };
}

describe('analyst agent', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/jobs/1') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(POSTING_PAGE);
      } else {
        res.writeHead(500);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The analyst fetches under the worker's policy, read from the environment on first
    // use (nothing in this file used it before): allow the test's loopback server.
    process.env.EGRESS_ALLOW = base;
  });
  afterAll(async () => {
    delete process.env.EGRESS_ALLOW;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const posting = (id: string, title: string, description: string): JobPosting => ({
    source: 'sandbox', sourceId: id, title, company: 'Acme', location: 'Remote', remote: true,
    url: `${base}/jobs/${id}`, applyUrl: `${base}/apply/${id}`, description, salary: null, postedAt: null,
  });

  it('fetches, scores and reports each job within the catalog’s limits', async () => {
    const { ctx, events, progress } = fakeContext(MATCH_PAIRS[0]!.resume.text, 70);
    const jobs = [
      posting('1', 'Senior Backend Engineer', ''),
      posting('2', 'Product Designer', 'Requirements\n- Figma\n- user research\n- design systems'),
    ];
    const scored = await analyst(ctx, jobs, { from: 10, to: 60 });

    expect(scored.map((j) => j.matchScore >= 70)).toEqual([true, false]);
    expect(scored[0]!.requirements.required).toContain('PostgreSQL');
    expect(events.map((e) => e.type)).toEqual([
      'analyst_start', 'analyst_fetching', 'analyst_analyzing', 'analyst_result',
      'analyst_start', 'analyst_fetching', 'analyst_analyzing', 'analyst_skipped',
      'analyst_complete',
    ]);
    // The status stays in the worker's log: the user reads the same words for every failure.
    expect(events[6]!.message).toMatch(/could not read the page \(the site did not send a readable page\), so the listing’s description was used/);
    expect(events.at(-1)!.data).toEqual({ analyzed: 2, qualified: 1 });
    expect(progress).toEqual([35, 60]);
  });

  it('scores from the title alone, and says so, without a resume', async () => {
    const { ctx, events } = fakeContext('', 0);
    const [job] = await analyst(ctx, [posting('1', 'Senior Backend Engineer', '')], { from: 0, to: 100 });
    expect(job!.explanation).toContain('add your resume in your profile for a real match');
    const result = events.find((e) => e.type === 'analyst_result')!.data as { explanation: string };
    expect(result.explanation).toContain('add your resume');
  });
});
