import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HitlAskOptions } from '~worker/agent-context';
import { companyResearch, type AgentJob, type DocumentAgentContext } from '~worker/agents/company-research';
import { coverLetterFor } from '~worker/agents/cover-letter';
import { tailorResumeFor } from '~worker/agents/resume-tailor';
import { launchChromium } from '~worker/browser/chromium';
import { renderPdf } from '~worker/documents/pdf';
import type { LlmClient } from '~worker/llm';
import { validateNewEvent, type EventData, type EventType, type NewEvent } from '~/shared/events';
import type { ProfileFields } from '~/shared/profile';
import { UserFacingError } from '~worker/user-facing-error';

const RESUME = `JANE DOE
jane@example.com | Berlin

EXPERIENCE
Senior Software Engineer — Acme Corp (2019–2024)
- Organised the team offsite and wrote the onboarding guide
- Built billing services in Python and Django on Postgres, serving 2M requests a day
- Set up Docker-based CI/CD with GitHub Actions, cutting deploy time from 40 to 8 minutes
- Led the migration of 30 cron jobs to Celery workers with retries and alerting

Software Engineer — Beta GmbH (2015–2019)
- Wrote React dashboards in JavaScript for 200 internal users
- Tuned Postgres queries, cutting p95 latency by 40%
- Mentored three junior engineers through code review and pairing

SKILLS
Languages: Java, JavaScript, Python, SQL
Tools: Figma, Git, Docker, Postgres`;

const DESCRIPTION =
  'Northwind Labs is a fintech company that builds payment infrastructure for small merchants. ' +
  'Requirements: Python, Django, PostgreSQL, Docker and Kubernetes. We are remote-first.';

const PROFILE: ProfileFields = {
  name: 'Jane Doe',
  firstName: 'Jane',
  lastName: 'Doe',
  email: 'jane@example.com',
  phone: '+49 30 1234567',
  location: 'Berlin',
  linkedinUrl: '',
  githubUrl: '',
  websiteUrl: '',
  currentCompany: 'Acme Corp',
  yearsOfExperience: 9,
  workAuthorization: 'yes',
  requiresSponsorship: 'no',
  desiredSalary: '',
  earliestStartDate: null,
  resumeText: RESUME,
  jobSources: [],
  savedAnswers: [],
};

let browser: Browser;
let context: BrowserContext;
let site: Server;
let origin: string;

beforeAll(async () => {
  site = createServer((req, res) => {
    const page = PAGES[req.url ?? ''];
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page ?? 'not found');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  // The agents fetch under the worker's egress policy, read from the environment on
  // first use (by the browser launch just below): allow the test's loopback site.
  process.env.EGRESS_ALLOW = origin;
  browser = await launchChromium('/usr/bin/chromium');
  context = await browser.newContext();
});

afterAll(async () => {
  delete process.env.EGRESS_ALLOW;
  await browser.close();
  await new Promise<void>((resolve) => site.close(() => resolve()));
});

const PAGES: Record<string, string> = {
  '/jobs/1': `<html><body><h1>Senior Python Engineer</h1><p>${DESCRIPTION}</p>
    <a href="https://www.linkedin.com/company/northwind">LinkedIn</a> <a href="/company/northwind">About Northwind Labs</a></body></html>`,
  '/company/northwind':
    '<html><body><p>Northwind Labs is a payments company founded in 2017, with a team of 120 people.</p><p>Our values: we value candor and craft.</p></body></html>',
};

const job = (path = '/jobs/1', description = DESCRIPTION): AgentJob => ({
  url: `${origin}${path}`,
  applyUrl: `${origin}${path}/apply`,
  title: 'Senior Python Engineer',
  company: 'Northwind Labs',
  description,
});

interface Recorded {
  events: NewEvent[];
  questions: { question: string; context: string; options: string[]; hitlId: string; default: string | null }[];
}

/**
 * An AgentContext that validates every event against the catalog (as publishing does)
 * and answers questions from a script; an unscripted question times out to its default.
 */
function fakeContext(
  answers: (string | null)[],
  overrides: { llm?: LlmClient; profile?: Partial<ProfileFields>; browser?: () => Promise<BrowserContext>; signal?: AbortSignal } = {},
) {
  const recorded: Recorded = { events: [], questions: [] };
  const ctx: DocumentAgentContext = {
    profile: { ...PROFILE, ...overrides.profile },
    llm: overrides.llm ?? null,
    settings: {
      GREENHOUSE_API_URL: 'http://127.0.0.1:9',
      LEVER_API_URL: 'http://127.0.0.1:9',
      GITHUB_API_URL: 'http://127.0.0.1:9',
      SOURCE_TIMEOUT_MS: 3000,
      SCOUT_MAX_POSTINGS: 100,
      BROWSER_EXECUTABLE_PATH: '/usr/bin/chromium',
      BROWSER_FPS: 1,
      BROWSER_JPEG_QUALITY: 50,
      BROWSER_STEP_TIMEOUT_MS: 5000,
    },
    browser: overrides.browser ?? (() => Promise.resolve(context)),
    signal: overrides.signal ?? new AbortController().signal,
    emit: (type, message, data) => {
      const event = { runId: 'run_documents01', type, agent: 'resume', message, data } as NewEvent;
      validateNewEvent(event);
      recorded.events.push(event);
      return Promise.resolve();
    },
    hitl: {
      ask: async (question: string, context: string, options: string[], opts: HitlAskOptions) => {
        const hitlId = `hitl_test${String(recorded.questions.length).padStart(8, '0')}`;
        recorded.questions.push({ question, context, options, hitlId, default: opts.default });
        await opts.announce?.(hitlId);
        const scripted = answers.length > 0;
        const answer = scripted ? (answers.shift() ?? null) : opts.default;
        return { answer, by: scripted ? 'human' : 'timeout', savedToProfile: false, file: null };
      },
    },
    pausePoint: () => Promise.resolve(),
    pace: () => Promise.resolve(),
  };
  return { ctx, recorded };
}

const types = (r: Recorded) => r.events.map((e) => e.type);
const dataOf = <T extends EventType>(r: Recorded, type: T): EventData<T>[] =>
  r.events.filter((e) => e.type === type).map((e) => e.data as EventData<T>);

/** A model that always answers the same text. */
const stubLlm = (reply: string): LlmClient => ({ model: 'stub-model', complete: () => Promise.resolve(reply) });

describe('renderPdf in Chromium', () => {
  it('prints a resume to a PDF that holds its text, escaped', async () => {
    const text = `${RESUME}\n\nNOTES\n- Built <script>alert(1)</script> & "quoted" parts — naïve café ☕`;
    const pdf = await renderPdf(context, { title: 'Jane Doe — Resume', text, layout: 'resume' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    const content = pdfText(pdf);
    expect(content).toContain('JANE DOE');
    expect(content).toContain('Built billing services in Python and Django on Postgres, serving 2M requests a day');
    expect(content).toContain('Built <script>alert(1)</script> & "quoted" parts — naïve café ☕');
    // Headings become the PDF's bookmarks (stored uncompressed).
    expect(pdf.toString('latin1')).toContain('/Title (EXPERIENCE)');
    expect(context.pages()).toHaveLength(0); // the page was closed
  });

  it('prints a letter in Letter format', async () => {
    const pdf = await renderPdf(context, { title: 'Letter', text: 'Dear team,\n\nHello there.\n\nSincerely,\nJane Doe', layout: 'letter', format: 'Letter' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 612 792\]/);
    expect(pdfText(pdf)).toContain('Sincerely,');
  });
});

describe('the company research agent', () => {
  it("reads the posting and the company page it links, and reports what it found", async () => {
    const { ctx, recorded } = fakeContext([]);
    const research = await companyResearch(ctx, job());
    expect(types(recorded)).toEqual(['company_start', 'company_researching', 'company_researching', 'company_result']);
    expect(dataOf(recorded, 'company_researching').map((d) => d.source)).toEqual(['job posting', '127.0.0.1']);
    expect(research?.sources).toEqual(['job posting', `${origin}/company/northwind`]);
    const [result] = dataOf(recorded, 'company_result');
    expect(result?.summary).toMatch(/^Northwind Labs is a payments company founded in 2017/);
    expect(result?.facts).toEqual(expect.arrayContaining(['Industry: financial technology', 'Size: team of 120 people', 'Work model: remote-first']));
  });

  it('uses the model for the summary when there is one', async () => {
    const { ctx, recorded } = fakeContext([], { llm: stubLlm('Northwind Labs makes payment software for small shops.') });
    await companyResearch(ctx, job());
    expect(dataOf(recorded, 'company_result')[0]?.summary).toBe('Northwind Labs makes payment software for small shops.');
  });

  it('reports company_error when there is nothing to read', async () => {
    const { ctx, recorded } = fakeContext([]);
    expect(await companyResearch(ctx, job('/missing', ''))).toBeNull();
    expect(types(recorded)).toEqual(['company_start', 'company_researching', 'company_error']);
  });
});

describe('the resume agent', () => {
  const family = ['resume_start', 'resume_fetching_context', 'resume_tailoring', 'resume_ats_scored', 'resume_generated', 'resume_review', 'resume_complete'];

  it('tailors, prints, asks, and returns the approved resume', async () => {
    const { ctx, recorded } = fakeContext(['approve']);
    const artifact = await tailorResumeFor(ctx, job());
    expect(types(recorded)).toEqual(family);
    expect(artifact?.fileName).toBe('jane-doe-resume-northwind-labs.pdf');
    expect(artifact?.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(artifact?.text).toContain('PostgreSQL');
    const [question] = recorded.questions;
    expect(question?.options).toEqual(['approve', 'edit', 'reject']);
    expect(question?.default).toBe('reject');
    const [review] = dataOf(recorded, 'resume_review');
    expect(review?.hitlId).toBe(question?.hitlId);
    expect(review?.preview).toBe(question?.context);
    expect(dataOf(recorded, 'resume_tailoring')[0]?.keywords).toEqual(['Python', 'Django', 'PostgreSQL', 'Docker']);
    const [scored] = dataOf(recorded, 'resume_ats_scored');
    expect(scored!.after).toBeGreaterThan(scored!.before);
    expect(dataOf(recorded, 'resume_generated')[0]?.bytes).toBe(artifact?.pdf.length);
    expect(dataOf(recorded, 'resume_complete')).toEqual([{ jobUrl: job().url, approved: true }]);
  });

  it('keeps the original resume when nobody answers', async () => {
    const { ctx, recorded } = fakeContext([]);
    expect(await tailorResumeFor(ctx, job())).toBeNull();
    expect(types(recorded)).toEqual(family);
    expect(dataOf(recorded, 'resume_complete')[0]?.approved).toBe(false);
  });

  it('takes the user’s corrected text after "edit"', async () => {
    const { ctx, recorded } = fakeContext(['edit', 'JANE DOE\n\nEXPERIENCE\n- Edited by hand']);
    const artifact = await tailorResumeFor(ctx, job());
    expect(artifact?.text).toBe('JANE DOE\n\nEXPERIENCE\n- Edited by hand');
    expect(pdfText(artifact!.pdf)).toContain('Edited by hand');
    expect(recorded.questions[1]?.options).toEqual([]);
    expect(dataOf(recorded, 'resume_review').map((r) => r.hitlId)).toEqual(recorded.questions.map((q) => q.hitlId));
    expect(types(recorded).at(-1)).toBe('resume_complete');
  });

  it('refuses a model draft that invents a skill, and uses one that does not', async () => {
    const invented = fakeContext(['approve'], { llm: stubLlm(`${RESUME}\n- Ran Kubernetes clusters`) });
    const kept = await tailorResumeFor(invented.ctx, job());
    expect(kept?.text).not.toContain('Kubernetes');
    expect(invented.recorded.events.find((e) => e.type === 'resume_ats_scored')?.message).toMatch(/model draft not used: it added Kubernetes/);
    const honest = RESUME.replaceAll('Postgres', 'PostgreSQL');
    const good = fakeContext(['approve'], { llm: stubLlm(honest) });
    expect((await tailorResumeFor(good.ctx, job()))?.text).toBe(honest);
  });

  it('keeps the original when the PDF cannot be printed, saying why in the user’s words', async () => {
    const missing = fakeContext(['approve'], {
      browser: () => Promise.reject(new UserFacingError('Could not start Chromium: install it or set BROWSER_EXECUTABLE_PATH.')),
    });
    expect(await tailorResumeFor(missing.ctx, job())).toBeNull();
    expect(types(missing.recorded).slice(-2)).toEqual(['resume_ats_scored', 'resume_complete']);
    expect(missing.recorded.events.at(-1)?.message).toContain('install it or set BROWSER_EXECUTABLE_PATH');
    expect(missing.recorded.questions).toEqual([]);
    // A library's own wording stays in the log.
    const crashed = fakeContext(['approve'], { browser: () => Promise.reject(new Error('Target page, context or browser has been closed')) });
    expect(await tailorResumeFor(crashed.ctx, job())).toBeNull();
    const said = crashed.recorded.events.at(-1)?.message ?? '';
    expect(said).toContain('the browser could not print it');
    expect(said).not.toContain('Target page');
  });

  it('lets a stop of the run through instead of falling back', async () => {
    const stop = new AbortController();
    stop.abort(new Error('run stopped'));
    const { ctx } = fakeContext([], { signal: stop.signal });
    await expect(tailorResumeFor(ctx, job('/jobs/1', ''))).rejects.toThrow('run stopped');
    await expect(companyResearch(ctx, job())).rejects.toThrow('run stopped');
  });

  it('says so when the profile has no resume text', async () => {
    const { ctx, recorded } = fakeContext([], { profile: { resumeText: '' } });
    expect(await tailorResumeFor(ctx, job())).toBeNull();
    expect(types(recorded)).toEqual(['resume_start', 'resume_fetching_context', 'resume_complete']);
  });
});

describe('the cover letter agent', () => {
  it('writes, asks, and returns the approved letter', async () => {
    const { ctx, recorded } = fakeContext(['approve']);
    const letter = await coverLetterFor(ctx, job());
    expect(types(recorded)).toEqual(['cover_letter_start', 'cover_letter_generating', 'cover_letter_review_requested', 'cover_letter_complete']);
    expect(letter?.text).toContain('Senior Python Engineer position at Northwind Labs');
    const [review] = dataOf(recorded, 'cover_letter_review_requested');
    expect(review?.hitlId).toBe(recorded.questions[0]?.hitlId);
    expect(review?.preview).toBe(letter?.text);
    const [done] = dataOf(recorded, 'cover_letter_complete');
    expect(done?.approved).toBe(true);
    expect(done?.wordCount).toBeGreaterThan(100);
  });

  it('attaches no letter when nobody answers', async () => {
    const { ctx, recorded } = fakeContext([]);
    expect(await coverLetterFor(ctx, job())).toBeNull();
    expect(dataOf(recorded, 'cover_letter_complete')).toEqual([{ jobUrl: job().url, approved: false, wordCount: 0 }]);
  });

  it('falls back to its own letter when the model’s claims a skill the resume lacks', async () => {
    const padded = Array.from({ length: 30 }, () => 'I ship reliable software with care.').join(' ');
    const { ctx } = fakeContext(['approve'], { llm: stubLlm(`Dear Northwind Labs team, I run Kubernetes. ${padded}\n\nSincerely,\nJane Doe`) });
    const letter = await coverLetterFor(ctx, job());
    expect(letter?.text).not.toContain('Kubernetes');
    expect(letter?.text.startsWith('Dear Northwind Labs hiring team,')).toBe(true);
  });
});

/**
 * The text of a Chromium PDF: inflates the content streams and maps their glyph ids
 * back to characters through each font's ToUnicode table. Enough for Skia's output,
 * not a general PDF reader.
 */
function pdfText(pdf: Buffer): string {
  const objects = pdfObjects(pdf);
  const cmaps = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    for (const m of dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const [, name, ref] of (m[1] ?? '').matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) {
        const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(Number(ref))?.dict ?? '')?.[1];
        const stream = objects.get(Number(toUnicode))?.stream;
        if (name && stream) cmaps.set(name, parseCMap(stream.toString('latin1')));
      }
    }
  }
  const pages = [...objects.values()].filter((o) => /\/Type \/Page\b/.test(o.dict));
  return pages
    .flatMap((p) => [...p.dict.matchAll(/\/Contents (\d+) 0 R/g)].map((m) => objects.get(Number(m[1]))?.stream?.toString('latin1') ?? ''))
    .map((content) => showText(content, cmaps))
    .join('\n')
    .replace(/\s+/g, ' ');
}

function pdfObjects(pdf: Buffer): Map<number, { dict: string; stream: Buffer | null }> {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  const header = /(\d+) 0 obj\s*/g;
  for (let m = header.exec(raw); m; m = header.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endobj', start);
    const streamAt = raw.indexOf('stream', start);
    if (streamAt === -1 || streamAt > end) {
      objects.set(Number(m[1]), { dict: raw.slice(start, end), stream: null });
      continue;
    }
    const dict = raw.slice(start, streamAt);
    const dataStart = streamAt + 'stream'.length + (raw[streamAt + 6] === '\r' ? 2 : 1);
    const bytes = pdf.subarray(dataStart, dataStart + Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0));
    objects.set(Number(m[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(bytes) : bytes });
    header.lastIndex = dataStart + bytes.length;
  }
  return objects;
}

function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const unicode = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(src ?? '', 16), unicode(dst ?? ''));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const base = parseInt(dst ?? '', 16);
      for (let code = parseInt(lo ?? '', 16); code <= parseInt(hi ?? '', 16); code += 1) {
        map.set(code, String.fromCodePoint(base + code - parseInt(lo ?? '', 16)));
      }
    }
  }
  return map;
}

/** Follows Tf (font changes) and shows hex strings; BT starts a new line of text. */
function showText(content: string, cmaps: Map<string, Map<number, string>>): string {
  let font = new Map<number, string>();
  let out = '';
  for (const m of content.matchAll(/\/([\w.+-]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f]+)>|\bBT\b/g)) {
    if (m[1]) font = cmaps.get(m[1]) ?? new Map<number, string>();
    else if (m[2]) out += (m[2].match(/.{4}/g) ?? []).map((g) => font.get(parseInt(g, 16)) ?? '').join('');
    else out += '\n';
  }
  return out;
}
