import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '~/shared/events';
import { answerQuestions, TEST_PROFILE } from '../helpers/applicant';
import { watchRun } from '../helpers/client';
import { greenhouseJob, type GreenhouseJobJson } from '../helpers/fake-job-boards';
import { useStack } from '../helpers/stack';

/**
 * Server-side request forgery through job postings: a Greenhouse board (allowlisted,
 * because GREENHOUSE_API_URL points at it) lists postings whose links point at this
 * machine's own services. Nothing the worker fetches or its browser opens may reach
 * them, and the run must not tell an open port from a closed one.
 */

const SECRET = `INTERNAL_API_KEY=secret-${randomBytes(8).toString('hex')}`;

interface Recorded {
  method: string;
  url: string;
}

let internal: Server;
let internalHits: Recorded[] = [];
let redisLike: TcpServer;
let redisLikeConnections = 0;
let board: Server;
let employer: Server;
let employerSubmissions: Record<string, string>[] = [];
const origins = { internal: '', closed: '', redisLike: '', board: '', employer: '' };
const boards = new Map<string, GreenhouseJobJson[]>();

// Filled in before the stack starts (this hook runs before useStack's).
const stackEnv: Record<string, string> = { SOURCE_TIMEOUT_MS: '4000', BROWSER_STEP_TIMEOUT_MS: '6000' };

async function listen(server: Server | TcpServer): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function closedOrigin(): Promise<string> {
  const unused = createTcpServer();
  const origin = await listen(unused);
  await new Promise<void>((resolve) => unused.close(() => resolve()));
  return origin;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

beforeAll(async () => {
  internal = createHttpServer((req, res) => {
    internalHits.push({ method: req.method ?? '', url: req.url ?? '' });
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body><h1>Admin</h1><p>${SECRET}</p><p>Python Kubernetes</p></body></html>`);
  });
  origins.internal = await listen(internal);
  redisLike = createTcpServer((socket) => {
    redisLikeConnections += 1;
    socket.end('-ERR unknown command\r\n');
  });
  origins.redisLike = await listen(redisLike);
  origins.closed = await closedOrigin();
  board = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://board');
    const jobs = /^\/v1\/boards\/([^/]+)\/jobs$/.exec(url.pathname);
    if (jobs) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jobs: boards.get(jobs[1] ?? '') ?? [] }));
    } else if (url.pathname === '/go/internal') {
      res.writeHead(302, { location: `${origins.internal}/after-redirect` }).end();
    } else {
      res.writeHead(404).end();
    }
  });
  origins.board = await listen(board);
  employer = createHttpServer((req, res) => void serveEmployer(req, res));
  origins.employer = await listen(employer);
  stackEnv.GREENHOUSE_API_URL = `${origins.board}/v1/boards`;
  stackEnv.EGRESS_ALLOW = origins.employer;
});

afterAll(async () => {
  for (const server of [internal, board, employer]) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await new Promise<void>((resolve) => redisLike.close(() => resolve()));
});

const t = useStack({ env: stackEnv });

/** The employer's pages (on an allowlisted origin): one that reaches for the internal service, one with hidden fields. */
async function serveEmployer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://employer').pathname;
  const html = (body: string) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Apply</title></head><body>${body}</body></html>`);
  };
  if (path === '/jobs/leaky') return html(leakyPage());
  if (path === '/jobs/honeypot') return html(honeypotPage());
  if (path === '/submit' && req.method === 'POST') {
    employerSubmissions.push(Object.fromEntries(new URLSearchParams(await readBody(req))));
    return html('<p data-confirmation="EMP-1">Thank you for applying</p>');
  }
  res.writeHead(404).end();
}

const VISIBLE_FIELDS = `
  <label for="first">First name</label><input id="first" name="first_name" autocomplete="given-name">
  <label for="last">Last name</label><input id="last" name="last_name" autocomplete="family-name">
  <label for="email">Email</label><input id="email" type="email" name="email" autocomplete="email">`;

function leakyPage(): string {
  const i = origins.internal;
  return `<h1>Senior Backend Engineer at Leaky Labs</h1><p>Python, PostgreSQL.</p>
    <img src="${i}/img.png" alt=""><iframe src="${i}/frame" title="x"></iframe>
    <script>
      fetch('${i}/fetch').catch(() => {});
      fetch('${i}/fetch-post', { method: 'POST', mode: 'no-cors', body: 'x' }).catch(() => {});
      try { new WebSocket('${i.replace('http', 'ws')}/ws'); } catch (e) {}
    </script>
    <form method="post" action="${i}/collect">${VISIBLE_FIELDS}<button type="submit">Submit application</button></form>`;
}

/** Traps a person could not see: not filled, not in the draft. */
const HIDDEN_FIELDS = [
  { name: 'hp_offscreen', label: 'Email address', wrap: 'position:absolute;left:-9999px' },
  { name: 'hp_top', label: 'Last name (again)', wrap: 'position:absolute;top:-5000px' },
  { name: 'hp_opacity', label: 'Phone', input: 'opacity:0' },
  { name: 'hp_parent_opacity', label: 'Phone number', wrap: 'opacity:0' },
  { name: 'hp_zero', label: 'Website', input: 'width:0;height:0;padding:0;border:0' },
  { name: 'hp_clip', label: 'Current company', wrap: 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)' },
  { name: 'hp_aria', label: 'LinkedIn profile', aria: true },
] as const;

function honeypotPage(): string {
  const traps = HIDDEN_FIELDS.map((f) => {
    const input = `<label for="${f.name}">${f.label}</label><input id="${f.name}" name="${f.name}" style="${'input' in f ? f.input : ''}">`;
    return `<div style="${'wrap' in f ? f.wrap : ''}"${'aria' in f ? ' aria-hidden="true"' : ''}>${input}</div>`;
  }).join('');
  return `<h1>Senior Backend Engineer at Honey Inc</h1><p>Python, PostgreSQL.</p>
    <form method="post" action="/submit">${VISIBLE_FIELDS}${traps}<button type="submit">Submit application</button></form>`;
}

function posting(id: number, company: string, url: string): GreenhouseJobJson {
  return greenhouseJob('acme', {
    id,
    title: 'Senior Backend Engineer',
    company_name: company,
    absolute_url: url,
    html: '<p>We build payment services in Python and Go on PostgreSQL and Redis, deployed with Docker and Kubernetes.</p>',
  });
}

async function fullHistory(runId: string): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for (let cursor: number | null = 0; cursor !== null; ) {
    const page: { events: RunEvent[]; nextCursor: number | null } = await t.api.client.pipeline.history.query({ runId, cursor, limit: 500 });
    events.push(...page.events);
    cursor = page.nextCursor;
  }
  return events;
}

async function runAgainst(boardName: string): Promise<RunEvent[]> {
  await t.api.client.profile.update.mutate({ jobSources: [{ kind: 'greenhouse', board: boardName }] });
  const { runId } = await t.api.client.pipeline.start.mutate({
    query: 'backend engineer',
    location: 'Anywhere',
    sources: ['greenhouse'],
    autoApply: true,
    draftMode: true,
    minMatchScore: 0,
    maxApplications: 10,
    useCompanyResearch: true,
  });
  const watch = watchRun(t.api.client, runId);
  answerQuestions(t.api.client, watch);
  const events = await watch.done;
  if (process.env.DEBUG_EVENTS) console.log(events.map((e) => `${e.seq} ${e.type} ${e.message}`).join('\n'));
  return events;
}

/** What the run said about one posting, with its own URL and company written out of it. */
function storyOf(events: RunEvent[], url: string, company: string): string[] {
  const data = (e: RunEvent) => e.data as { jobUrl?: string; company?: string; url?: string };
  return events
    .filter((e) => data(e).jobUrl === url || data(e).company === company || data(e).url === url || e.message.includes(company))
    .map((e) => `${e.type}: ${e.message.replaceAll(url, '<url>').replaceAll(company, '<company>').replace(/job \d+\/\d+/, 'job <n>')}`);
}

describe('the egress policy, through a real run', () => {
  it('reaches no internal address from a posting link, and cannot tell an open port from a closed one', async () => {
    const targets = {
      open: { company: 'Alpha Open', url: `${origins.internal}/jobs/1` },
      closed: { company: 'Bravo Closed', url: `${origins.closed}/jobs/2` },
      metadata: { company: 'Charlie Cloud', url: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/' },
      redirect: { company: 'Delta Redirect', url: `${origins.board}/go/internal` },
      mapped: { company: 'Echo Mapped', url: `http://[::ffff:127.0.0.1]:${new URL(origins.internal).port}/jobs/5` },
      redis: { company: 'Foxtrot Cache', url: `${origins.redisLike}/` },
    };
    boards.set('acme', Object.values(targets).map((target, i) => posting(i + 1, target.company, target.url)));
    internalHits = [];
    redisLikeConnections = 0;

    const events = await runAgainst('acme');

    expect(events.at(-1)?.type).toBe('pipeline_complete');
    // Nothing reached the internal service or the Redis-like port: not the analyst, not company research, not the browser.
    expect(internalHits).toEqual([]);
    expect(redisLikeConnections).toBe(0);
    const history = await fullHistory(events[0]!.runId);
    expect(history.length).toBeGreaterThanOrEqual(events.length);
    for (const text of [JSON.stringify(events), JSON.stringify(history)]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('INTERNAL_API_KEY');
    }
    // No library wording in what the user reads.
    for (const e of events) expect(e.message, e.message).not.toMatch(/fetch failed|ECONNREFUSED|net::ERR|HTTP 404|timed out|Timeout \d+ms/);

    // The open port and the closed one read the same, word for word.
    const open = storyOf(events, targets.open.url, targets.open.company);
    const closed = storyOf(events, targets.closed.url, targets.closed.company);
    console.log(`[measure] the story of one refused posting:\n  ${open.join('\n  ')}`);
    expect(open.length).toBeGreaterThanOrEqual(5);
    expect(closed).toEqual(open);

    for (const [name, target] of Object.entries(targets)) {
      const story = storyOf(events, target.url, target.company).join('\n');
      expect(story, name).toMatch(/analyst_analyzing: .*the posting points to a private address/);
      expect(story, name).toMatch(/company_result: .*the posting points to a private address, which jobstream does not open; skipped/);
      expect(story, name).toMatch(/applier_error: Could not apply to .*: the application page points to a private address, which jobstream does not open; skipped/);
    }
    // No draft, and so no screenshot, of anything the browser was refused.
    expect(events.filter((e) => e.type === 'applier_draft_ready')).toEqual([]);
    expect(events.find((e) => e.type === 'applier_complete')?.data).toEqual({ drafted: 0, submitted: 0, failed: 6 });
    // The redirect was followed by the browser up to the proxy, which refused the internal hop.
    expect(t.stack.workers[0]!.output()).toContain(`browser egress refused 127.0.0.1:${new URL(origins.internal).port}`);
  }, 240_000);

  it("keeps an allowlisted page's images, frames, fetches and form post away from internal addresses, and fills no hidden field", async () => {
    boards.set('employers', [
      posting(11, 'Leaky Labs', `${origins.employer}/jobs/leaky`),
      posting(12, 'Honey Inc', `${origins.employer}/jobs/honeypot`),
    ]);
    internalHits = [];
    employerSubmissions = [];

    const events = await runAgainst('employers');

    expect(events.at(-1)?.type).toBe('pipeline_complete');
    expect(internalHits).toEqual([]);
    const log = t.stack.workers[0]!.output();
    expect(log).toContain(`browser egress refused 127.0.0.1:${new URL(origins.internal).port}`);

    // The leaky form was filled and shown, but its post to the internal address never left.
    const leaky = `${origins.employer}/jobs/leaky`;
    const leakyError = events.find((e) => e.type === 'applier_error' && e.data.jobUrl === leaky);
    expect(leakyError?.message).toBe(
      'Could not apply to Senior Backend Engineer at Leaky Labs: the form sends applications to a private address, which jobstream does not open; nothing was submitted',
    );
    expect(events.some((e) => e.type === 'applier_submitted' && e.data.jobUrl === leaky)).toBe(false);

    // The honeypot form: the visible fields filled from the profile, the hidden ones left empty and out of the draft.
    const honeypot = `${origins.employer}/jobs/honeypot`;
    const draft = events.find((e) => e.type === 'applier_draft_ready' && e.data.jobUrl === honeypot);
    if (draft?.type !== 'applier_draft_ready') throw new Error('no draft for the honeypot form');
    expect(draft.data.fields.map((f) => f.label).sort()).toEqual(['Email', 'First name', 'Last name']);
    expect(events.some((e) => e.type === 'applier_submitted' && e.data.jobUrl === honeypot)).toBe(true);
    expect(employerSubmissions).toHaveLength(1);
    const sent = employerSubmissions[0]!;
    expect(sent).toMatchObject({ first_name: TEST_PROFILE.firstName, last_name: TEST_PROFILE.lastName, email: TEST_PROFILE.email });
    for (const field of HIDDEN_FIELDS) expect(sent[field.name], field.name).toBe('');
  }, 240_000);
});
