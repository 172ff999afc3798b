import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  boardPostings,
  layoutNames,
  postingIdsForLayout,
  sandboxFormFields,
  type LayoutName,
  type SandboxField,
  type SandboxJob,
} from '~/sandbox';
import { escapeHtml } from '~/sandbox/html/escape';
import { useStack } from '../helpers/stack';

const t = useStack({ workers: 0 });

const base = () => t.stack.webs[0]!.url;
const get = (path: string, init?: RequestInit) => fetch(`${base()}${path}`, init);

async function getJson(path: string): Promise<{ status: number; body: unknown }> {
  const res = await get(path);
  return { status: res.status, body: await res.json() };
}

interface JobsPage {
  jobs: SandboxJob[];
  total: number;
}

const pdf = (text = 'resume') => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

/** What a correct applier would put in each field, for a made-up candidate. */
const PROFILE: Record<string, string> = {
  name: 'Ada Lovelace',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '+44 20 7946 0000',
  location: 'London, United Kingdom',
  linkedinUrl: 'https://www.linkedin.com/in/ada',
  githubUrl: 'https://github.com/ada',
  websiteUrl: 'https://ada.example.com',
  currentCompany: 'Analytical Engines & <Co>',
  yearsOfExperience: '7',
  desiredSalary: '120,000 EUR',
  earliestStartDate: '2027-01-04',
  resumeText: 'Ada Lovelace — engineer. Python, PostgreSQL.',
  coverLetter: 'I would love to work on "hard" problems with you.',
};

function choiceFor(field: SandboxField): string {
  const options = field.options ?? [];
  if (field.profileKey === 'workAuthorization') return 'Yes';
  if (field.profileKey === 'requiresSponsorship') return 'No';
  if (field.profileKey === 'yearsOfExperience') return options.find((o) => o.startsWith('6')) ?? options[0]!;
  return options.at(-1)!;
}

/** A complete, valid text value for every non-file field. */
function validValues(fields: readonly SandboxField[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    if (field.kind === 'file') continue;
    if (field.options) values[field.name] = choiceFor(field);
    else if (field.kind === 'checkbox') values[field.name] = 'yes';
    else values[field.name] = (field.profileKey && PROFILE[field.profileKey]) || 'An answer';
  }
  return values;
}

function multipart(values: Record<string, string>, files: Record<string, { bytes: Buffer; name: string; type?: string }>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.append(name, value);
  for (const [name, file] of Object.entries(files)) {
    form.append(name, new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/pdf' }), file.name);
  }
  return form;
}

/** A valid application to `jobId`: every field filled, every file field a small PDF. */
function validApplication(fields: readonly SandboxField[]) {
  const values = validValues(fields);
  const files = Object.fromEntries(fields.filter((f) => f.kind === 'file').map((f) => [f.name, { bytes: pdf(f.name), name: `${f.name.replace(/\W/g, '')}.pdf` }]));
  return { values, files };
}

const post = (path: string, body: FormData | URLSearchParams) => get(path, { method: 'POST', body });

/** GET /sandbox/api/jobs?… when it must succeed. */
async function jobs(query: string): Promise<JobsPage> {
  const { status, body } = await getJson(`/sandbox/api/jobs?${query}`);
  expect(status, query).toBe(200);
  return body as JobsPage;
}

async function stats(jobId: string): Promise<number> {
  const { status, body } = await getJson(`/sandbox/api/jobs/${jobId}/stats`);
  expect(status).toBe(200);
  expect(body).toMatchObject({ jobId });
  return (body as { submissions: number }).submissions;
}

const firstIdOf = (layout: LayoutName) => postingIdsForLayout(layout)[0]!;

const fieldsOf = (jobId: string, layout: LayoutName) => {
  const posting = boardPostings().find((p) => p.id === jobId)!;
  return sandboxFormFields(layout, { company: posting.company, workCountry: posting.workCountry });
};

/** The page's own HTML, or, for a page that frames its form, the framed form's. */
async function formDocument(page: string): Promise<string> {
  const src = /<iframe class="ats-frame" src="([^"]+)"/.exec(page)?.[1];
  if (!src) return page;
  const res = await get(src.replace(/&amp;/g, '&'));
  expect(res.status).toBe(200);
  return res.text();
}

const receiptIdIn = (html: string) => /<p id="confirmation" data-confirmation="(sbx_[0-9a-f]{32})">Application received/.exec(html)?.[1];

let redis: Redis;
beforeAll(() => {
  redis = new Redis(t.stack.redis.url, { lazyConnect: true });
});
afterAll(() => redis.disconnect());

describe('the sandbox job board: postings and search', () => {
  it('lists 240+ deterministic postings through the API, newest first, with absolute URLs', async () => {
    const body = await jobs('limit=200');
    expect(body.total).toBeGreaterThanOrEqual(240);
    expect(body.jobs).toHaveLength(200);
    const rest = await jobs('limit=200&offset=200');
    const all = [...body.jobs, ...rest.jobs];
    expect(all).toHaveLength(body.total);
    expect(new Set(all.map((j) => j.id)).size).toBe(all.length);
    // The web process generated the same board as this one: same seed, same postings.
    expect(all.map((j) => j.id).sort()).toEqual(boardPostings().map((p) => p.id).sort());
    const dates = all.map((j) => j.postedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const appUrl = t.stack.env.APP_URL ?? `http://localhost:${t.stack.webs[0]!.port}`;
    for (const job of all) {
      expect(job.url).toBe(`${appUrl}/sandbox/jobs/${job.id}`);
      expect(job.applyUrl).toBe(`${appUrl}/sandbox/jobs/${job.id}/apply`);
      expect(new Date(job.postedAt).toISOString()).toBe(job.postedAt);
      expect(job.salaryMax).toBeGreaterThan(job.salaryMin);
      expect(job.currency).toMatch(/^[A-Z]{3}$/);
      expect(layoutNames).toContain(job.layout);
      expect(job.description).toMatch(/^About the company\n[\s\S]+\n\nRequirements\n- \d+\+ years of experience/m);
    }
    for (const layout of layoutNames) expect(all.filter((j) => j.layout === layout).length).toBeGreaterThanOrEqual(20);
    expect(new Set(all.map((j) => j.company)).size).toBeGreaterThanOrEqual(25);
    expect((await jobs('')).jobs).toHaveLength(50);
  });

  it('spreads the layouts evenly, and keeps the postings the tests search for one at a time on fully answerable forms', () => {
    const counts = new Map<string, number>();
    for (const p of boardPostings()) counts.set(p.layout, (counts.get(p.layout) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...layoutNames].sort());
    for (const layout of layoutNames) expect(counts.get(layout), layout).toBe(boardPostings().length / layoutNames.length);
    const layoutOf = (id: string) => boardPostings().find((p) => p.id === id)?.layout;
    expect(['1086', '1014', '1221', '1045', '1000', '1021'].map(layoutOf)).toEqual([
      'placeholder-only',
      'placeholder-only',
      'eeo',
      'nearby-text',
      'iframe-embed',
      'nearby-text',
    ]);
  });

  it('matches every query word as a word, singular or plural', async () => {
    const python = (await jobs('q=python&limit=200'));
    expect(python.total).toBeGreaterThan(10);
    expect(python.total).toBeLessThan(200);
    for (const job of python.jobs) expect(`${job.title}\n${job.description}`).toMatch(/\bpython\b/i);
    const frontend = (await jobs('q=Frontend&limit=200'));
    expect(frontend.total).toBeGreaterThan(5);
    for (const job of frontend.jobs) expect(`${job.title}\n${job.description}`).toMatch(/\bfrontend\b/i);
    const both = (await jobs('q=senior%20kubernetes&limit=200'));
    for (const job of both.jobs) expect(`${job.title}\n${job.description}`).toMatch(/(?=[\s\S]*\bsenior\b)(?=[\s\S]*\bkubernetes\b)/i);
    expect(both.total).toBeLessThan(python.total + frontend.total);
    const engineer = (await jobs('q=engineer&limit=1')).total;
    expect((await jobs('q=ENGINEERS&limit=1')).total).toBe(engineer);
    // "Go" the language, not "Google" or "good".
    const go = (await jobs('q=go&limit=200'));
    for (const job of go.jobs) expect(job.description).toMatch(/\bGo\b/);
    expect((await jobs('q=xyzzy'))).toEqual({ jobs: [], total: 0 });
  });

  it('filters by location: remote, a city, or anywhere', async () => {
    const total = (await jobs('limit=1')).total;
    const remote = (await jobs('location=Remote&limit=200'));
    expect(remote.total).toBeGreaterThan(10);
    for (const job of remote.jobs) expect(job).toMatchObject({ remote: true, location: expect.stringMatching(/^Remote/) as unknown });
    const berlin = (await jobs('location=berlin&limit=200'));
    expect(berlin.total).toBeGreaterThan(0);
    for (const job of berlin.jobs) expect(job).toMatchObject({ remote: false, location: 'Berlin, Germany' });
    const eu = (await jobs('location=Remote%20(EU)&limit=200'));
    for (const job of eu.jobs) expect(job.location).toBe('Remote (EU)');
    expect((await jobs('location=anywhere&limit=1')).total).toBe(total);
    const mixed = (await jobs('q=python&location=remote&limit=200'));
    for (const job of mixed.jobs) expect(job.remote).toBe(true);
  });

  it('refuses bad query parameters with 400 and a reason', async () => {
    for (const query of ['limit=0', 'limit=501', 'limit=abc', 'limit=1.5', 'offset=-1', `q=${'x'.repeat(201)}`]) {
      const { status, body } = await getJson(`/sandbox/api/jobs?${query}`);
      expect(status, query).toBe(400);
      expect(body, query).toEqual({ error: expect.stringMatching(/\w/) as unknown });
    }
  });

  it('serves the board page with its search form, and each posting as a page', async () => {
    const board = await get('/sandbox?q=python&location=remote');
    expect(board.status).toBe(200);
    expect(board.headers.get('content-type')).toMatch(/^text\/html/);
    const boardHtml = await board.text();
    expect(boardHtml).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(boardHtml).toContain('<form class="search" method="get" action="/sandbox"');
    expect(boardHtml).toContain('name="q" type="search" value="python"');

    const job = (await jobs('limit=1')).jobs[0]!;
    const page = await get(new URL(job.url).pathname);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<h1>${escapeHtml(job.title)}</h1>`);
    expect(html).toContain(escapeHtml(job.company));
    expect(html).toContain(escapeHtml(job.location));
    for (const heading of ['About the company', 'The role', 'Responsibilities', 'Requirements', 'Nice to have', 'Benefits']) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toMatch(/<ul><li>\d+\+ years of experience/);
    expect(html).toContain(`href="/sandbox/jobs/${job.id}/apply"`);
    expect(board.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('answers 404 for unknown jobs, receipts and paths, and 405 for wrong methods', async () => {
    expect((await get('/sandbox/jobs/999999')).status).toBe(404);
    expect((await get('/sandbox/jobs/999999/apply')).status).toBe(404);
    expect((await get('/sandbox/jobs/..%2F..%2Fetc')).status).toBe(404);
    expect((await get('/sandbox/nothing/here')).status).toBe(404);
    expect(await getJson('/sandbox/api/jobs/999999/stats')).toMatchObject({ status: 404, body: { error: expect.any(String) as unknown } });
    expect(await getJson('/sandbox/applications/sbx_0123456789abcdef0123456789abcdef')).toMatchObject({ status: 404 });
    expect(await getJson('/sandbox/applications/not-a-receipt')).toMatchObject({ status: 404 });
    const del = await get('/sandbox/api/jobs', { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, HEAD');
    expect((await get(`/sandbox/jobs/${firstIdOf('classic')}`, { method: 'POST' })).status).toBe(405);
  });
});

describe('the sandbox application forms', () => {
  it('specifies every layout sensibly: contact fields, unique names, and a reason for every required field', () => {
    expect(layoutNames.length).toBeGreaterThanOrEqual(7);
    let needingHuman = 0;
    for (const layout of layoutNames) {
      const fields = sandboxFormFields(layout);
      const keys = new Set(fields.map((f) => f.profileKey));
      expect(new Set(fields.map((f) => f.name)).size, layout).toBe(fields.length);
      expect(keys.has('email') && keys.has('phone') && (keys.has('name') || (keys.has('firstName') && keys.has('lastName'))), layout).toBe(true);
      expect(fields.some((f) => f.kind === 'file' && f.profileKey === 'resume' && f.required), layout).toBe(true);
      for (const f of fields) {
        if (f.required) expect(f.profileKey !== undefined || f.needsHuman === true, `${layout} ${f.name}`).toBe(true);
        if (['select', 'combobox', 'radio'].includes(f.kind)) expect(f.options?.length, `${layout} ${f.name}`).toBeGreaterThan(1);
      }
      if (fields.some((f) => f.needsHuman && f.required)) needingHuman += 1;
    }
    expect(needingHuman).toBeGreaterThanOrEqual(2);
    expect(sandboxFormFields('eeo').filter((f) => f.section === 'eeo').every((f) => !f.required && f.options?.some((o) => /decline|don't wish/i.test(o)))).toBe(true);
  });

  it.each(layoutNames)('renders the %s form from its spec, with every field', async (layout) => {
    const jobId = firstIdOf(layout);
    const res = await get(`/sandbox/jobs/${jobId}/apply`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain(`data-layout="${layout}"`);
    // An embedding page shows the form from another URL in an iframe: check what the frame shows.
    const html = await formDocument(page);
    for (const field of fieldsOf(jobId, layout)) {
      expect(html, field.name).toContain(`name="${escapeHtml(field.name)}"`);
      if (field.kind === 'file') expect(html).toMatch(new RegExp(`type="file"[^>]*name="${escapeHtml(field.name).replace(/[[\]]/g, '\\$&')}"[^>]*accept="\\.pdf`));
      for (const option of field.options ?? []) expect(html).toContain(escapeHtml(option));
    }
    expect(html).toMatch(/>Submit( application)?<|value="Submit"/);
    const labels = (html.match(/<label\b/g) ?? []).length;
    if (layout === 'placeholder-only' || layout === 'nearby-text') expect(labels).toBe(0);
    else expect(labels).toBeGreaterThan(5);
    if (layout === 'nearby-text') expect(html).not.toMatch(/<(input|select|textarea)[^>]*\s(required|aria-[a-z]+)[\s=>]/);
    if (layout === 'custom-dropdowns') {
      const comboboxes = fieldsOf(jobId, layout).filter((f) => f.kind === 'combobox').length;
      expect((html.match(/<div[^>]*role="combobox"/g) ?? []).length).toBe(comboboxes);
      expect(html).toContain('role="listbox"');
      expect(html).not.toContain('<select');
    }
    if (layout === 'wizard') {
      expect((html.match(/<section class="step"/g) ?? []).length).toBe(3);
      expect((html.match(/type="submit"/g) ?? []).length).toBe(1);
      expect(html).toMatch(/data-step="3"[^>]*hidden>[\s\S]*type="submit"/);
    }
    if (layout === 'eeo') expect(html).toContain('Voluntary Self-Identification');
    if (layout === 'screening') expect(html).toContain('type="date"');
  });

  it('lets ?layout= override the form of any posting', async () => {
    const jobId = firstIdOf('classic');
    const html = await (await get(`/sandbox/jobs/${jobId}/apply?layout=wizard`)).text();
    expect(html).toContain('data-layout="wizard"');
    expect(html).toContain(`action="/sandbox/jobs/${jobId}/apply?layout=wizard"`);
    expect((await get(`/sandbox/jobs/${jobId}/apply?layout=nope`)).status).toBe(400);
  });
});

describe('the sandbox forms that are hard to fill', () => {
  it('frames an embedded form from its own URL: the careers page may frame the board, the form only the board itself', async () => {
    const jobId = firstIdOf('iframe-embed');
    const host = await get(`/sandbox/jobs/${jobId}/apply`);
    const hostHtml = await host.text();
    expect(hostHtml).toContain(`<iframe class="ats-frame" src="/sandbox/jobs/${jobId}/apply/embed"`);
    expect(hostHtml).not.toContain('<form');
    expect(host.headers.get('content-security-policy')).toContain("frame-src 'self'");
    expect(host.headers.get('x-frame-options')).toBe('DENY');
    const embed = await get(`/sandbox/jobs/${jobId}/apply/embed`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(embed.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    const form = await embed.text();
    expect(form).toContain(`action="/sandbox/jobs/${jobId}/apply"`);
    expect(form).toContain('target="_top"');
    expect(form).not.toContain('class="site"');
    // The country lists are long, as real ones are.
    const fields = fieldsOf(jobId, 'iframe-embed');
    expect(fields.find((f) => f.name === 'country')?.options?.length).toBeGreaterThanOrEqual(200);
    expect(fields.find((f) => f.name === 'phone_country')?.options).toContain('Portugal (+351)');
    // ?layout= reaches the framed form too.
    const other = firstIdOf('classic');
    expect(await (await get(`/sandbox/jobs/${other}/apply?layout=iframe-embed`)).text()).toContain(`src="/sandbox/jobs/${other}/apply/embed?layout=iframe-embed"`);
  });

  it('draws the shadow-DOM form inside open shadow roots, the conditional follow-ups hidden, and no required mark on the alert-only question', async () => {
    const shadow = await (await get(`/sandbox/jobs/${firstIdOf('shadow-dom')}/apply`)).text();
    expect(shadow).toMatch(/<apply-widget><template shadowrootmode="open">[\s\S]*<skills-picker[^>]*><template shadowrootmode="open">/);
    expect(shadow).toMatch(/<template shadowrootmode="open">[\s\S]*type="submit"/);
    expect(shadow).toContain('aria-pressed="false"');
    expect(shadow).toContain('role="radiogroup"');
    expect(shadow).toContain('role="checkbox"');
    const conditional = await (await get(`/sandbox/jobs/${firstIdOf('conditional')}/apply`)).text();
    expect(conditional).toMatch(/data-show-if="relocate" data-equals="Yes" hidden>/);
    expect(conditional).toMatch(/<legend>When could you start\?/);
    const steps = await (await get(`/sandbox/jobs/${firstIdOf('alert-steps')}/apply`)).text();
    expect(steps).toMatch(/id="f_question_source_label">How did you hear about this job\?<\/div>/);
    expect(steps).toContain('window.alert(');
    expect(steps).toMatch(/<input type="file"[^>]*hidden/);
  });
});

describe('the sandbox submissions', () => {
  it.each(layoutNames)('stores a valid %s application and shows exactly what was sent at its receipt', async (layout) => {
    const jobId = firstIdOf(layout);
    const fields = fieldsOf(jobId, layout);
    const before = await stats(jobId);
    const { values, files } = validApplication(fields);
    const res = await post(`/sandbox/jobs/${jobId}/apply`, multipart({ ...values, not_in_the_form: 'ignored' }, files));
    const html = await res.text();
    expect(res.status, html).toBe(200);
    const receiptId = receiptIdIn(html);
    expect(receiptId).toBeDefined();

    const receipt = await getJson(`/sandbox/applications/${receiptId!}`);
    expect(receipt.status).toBe(200);
    expect(receipt.body).toEqual({
      receiptId,
      jobId,
      layout,
      submittedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      fields: values,
      files: Object.entries(files).map(([field, f]) => ({ field, fileName: f.name, bytes: f.bytes.length, contentType: 'application/pdf' })),
    });
    expect(await stats(jobId)).toBe(before + 1);
    const ttl = await redis.ttl(`${t.stack.env.KEY_PREFIX!}:sandbox:application:${receiptId!}`);
    expect(ttl).toBeGreaterThan(7 * 24 * 3600 - 60);
    expect(ttl).toBeLessThanOrEqual(7 * 24 * 3600);
  });

  it('re-renders the form with 422, the errors and the values kept, and stores nothing', async () => {
    const jobId = firstIdOf('classic');
    const fields = fieldsOf(jobId, 'classic');
    const before = await stats(jobId);
    const { values, files } = validApplication(fields);
    const res = await post(`/sandbox/jobs/${jobId}/apply`, multipart({ ...values, first_name: '', email: 'not-an-email' }, files));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('First Name is required.');
    expect(html).toContain('Email: enter a valid email address.');
    expect(html).toContain('role="alert"');
    expect(html).toContain('value="not-an-email"');
    expect(html).toContain(`value="${escapeHtml(PROFILE.currentCompany!)}"`);
    expect(html).toContain('<option value="Other" selected>');
    expect(receiptIdIn(html)).toBeUndefined();
    expect(await stats(jobId)).toBe(before);
  });

  it('requires the resume and rejects one that is not a PDF', async () => {
    const jobId = firstIdOf('screening');
    const fields = fieldsOf(jobId, 'screening');
    const before = await stats(jobId);
    const { values } = validApplication(fields);
    const notPdf = await post(
      `/sandbox/jobs/${jobId}/apply`,
      multipart(values, { 'candidate[resume]': { bytes: Buffer.from('just text, named like a PDF'), name: 'resume.pdf' } }),
    );
    expect(notPdf.status).toBe(422);
    expect(await notPdf.text()).toContain('Resume must be a PDF file.');
    const missing = await post(`/sandbox/jobs/${jobId}/apply`, new URLSearchParams(values));
    expect(missing.status).toBe(422);
    const html = await missing.text();
    expect(html).toContain('Resume is required.');
    expect(html).toContain(`value="${escapeHtml(values['candidate[email]']!)}"`);
    expect(await stats(jobId)).toBe(before);
  });

  it('keeps every box of a checkbox group, in the order of its options', async () => {
    const jobId = firstIdOf('shadow-dom');
    const fields = fieldsOf(jobId, 'shadow-dom');
    const { values, files } = validApplication(fields);
    const form = multipart(values, files);
    form.delete('skills');
    for (const skill of ['Kafka', 'Python', 'Go']) form.append('skills', skill);
    const res = await post(`/sandbox/jobs/${jobId}/apply`, form);
    const html = await res.text();
    expect(res.status, html).toBe(200);
    const receipt = await getJson(`/sandbox/applications/${receiptIdIn(html)!}`);
    expect((receipt.body as { fields: Record<string, string> }).fields.skills).toBe('Python, Go, Kafka');
    const bad = multipart({ ...values, skills: 'COBOL' }, files);
    expect((await post(`/sandbox/jobs/${jobId}/apply`, bad)).status).toBe(422);
  });

  it('keeps a follow-up only when its condition holds, and then requires it', async () => {
    const jobId = firstIdOf('conditional');
    const fields = fieldsOf(jobId, 'conditional');
    const { values, files } = validApplication(fields);
    const declined = await post(`/sandbox/jobs/${jobId}/apply`, multipart({ ...values, relocate: 'No', relocate_to: 'Mars' }, files));
    const html = await declined.text();
    expect(declined.status, html).toBe(200);
    const kept = (await getJson(`/sandbox/applications/${receiptIdIn(html)!}`)).body as { fields: Record<string, string> };
    expect(kept.fields.relocate).toBe('No');
    expect(kept.fields).not.toHaveProperty('relocate_to');
    const missing = await post(`/sandbox/jobs/${jobId}/apply`, multipart({ ...values, relocate: 'Yes', relocate_to: '' }, files));
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('Please answer: Where would you like to relocate to?');
  });

  it('takes a typed date in its own format (or ISO) and keeps ISO; joins a national number to its calling code', async () => {
    const steps = firstIdOf('alert-steps');
    const stepFields = fieldsOf(steps, 'alert-steps');
    const app = validApplication(stepFields);
    const typed = await post(`/sandbox/jobs/${steps}/apply`, multipart({ ...app.values, question_start: '02/01/2027' }, app.files));
    const typedHtml = await typed.text();
    expect(typed.status, typedHtml).toBe(200);
    expect(((await getJson(`/sandbox/applications/${receiptIdIn(typedHtml)!}`)).body as { fields: Record<string, string> }).fields.question_start).toBe('2027-02-01');
    const wrong = await post(`/sandbox/jobs/${steps}/apply`, multipart({ ...app.values, question_start: '2027/02/01' }, app.files));
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Earliest start date: enter a date as MM/DD/YYYY.');

    const embed = firstIdOf('iframe-embed');
    const embedApp = validApplication(fieldsOf(embed, 'iframe-embed'));
    const split = await post(`/sandbox/jobs/${embed}/apply`, multipart({ ...embedApp.values, phone_country: 'Portugal (+351)', phone: '912 345 678' }, embedApp.files));
    const splitHtml = await split.text();
    expect(split.status, splitHtml).toBe(200);
    expect(((await getJson(`/sandbox/applications/${receiptIdIn(splitHtml)!}`)).body as { fields: Record<string, string> }).fields.phone).toBe('+351 912 345 678');
  });

  it('refuses a body over 10 MB with 413, and bodies that are not forms with 415', async () => {
    const jobId = firstIdOf('eeo');
    const before = await stats(jobId);
    const { values } = validApplication(fieldsOf(jobId, 'eeo'));
    const huge = Buffer.concat([pdf(), Buffer.alloc(11 * 1024 * 1024, 0x20)]);
    const res = await post(`/sandbox/jobs/${jobId}/apply`, multipart(values, { 'job_application[resume]': { bytes: huge, name: 'huge.pdf' } }));
    expect(res.status).toBe(413);
    const text = await get(`/sandbox/jobs/${jobId}/apply`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(text.status).toBe(415);
    expect(await stats(jobId)).toBe(before);
  });
});
