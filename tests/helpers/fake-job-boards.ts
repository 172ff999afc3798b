import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Real HTTP servers answering like Greenhouse's Job Board API, Lever's Postings API
 * and the app's sandbox board, so the job source clients are tested over the wire:
 * status codes, slow answers, broken bodies and all.
 */

/** How a board misbehaves; left out, it answers at once with its postings. */
export interface Misbehaviour {
  /** Before the status line goes out. */
  delayMs?: number;
  /** Answers this status (with the API's own error body) instead of the postings. */
  status?: number;
  /** Exact body bytes, sent with status 200 instead of the postings. */
  rawBody?: string;
}

/** One job of GET /v1/boards/:board/jobs?content=true, as Greenhouse sends it. */
export interface GreenhouseJobJson {
  id: number;
  internal_job_id: number;
  title: string;
  updated_at: string;
  first_published?: string;
  requisition_id: string | null;
  location: { name: string };
  absolute_url: string;
  language?: string;
  metadata: { id: number; name: string; value: string | null; value_type: string }[] | null;
  data_compliance: { type: string; requires_consent: boolean; retention_period: number | null }[];
  /** HTML, itself HTML-escaped ("&lt;p&gt;…"), as the real API sends it. */
  content: string;
  departments: { id: number; name: string; child_ids: number[]; parent_id: number | null }[];
  offices: { id: number; name: string; location: string | null; child_ids: number[]; parent_id: number | null }[];
  company_name?: string;
  /**
   * Pay transparency ranges: sent only by the single-job endpoint (GET …/jobs/:id) when
   * asked with ?pay_transparency=true, never in the list, as the real API does.
   */
  pay_input_ranges?: GreenhousePayRangeJson[];
}

/** One pay transparency range of a Greenhouse job, amounts in cents. */
export interface GreenhousePayRangeJson {
  min_cents: number;
  max_cents: number;
  currency_type: string;
  title: string;
  blurb: string;
}

export interface FakeGreenhouseBoard extends Misbehaviour {
  /** GET /v1/boards/:board answers { name, content }; null makes that a 404. */
  name: string | null;
  jobs: GreenhouseJobJson[];
  /** How GET …/jobs/:id misbehaves for one job id, instead of the board's own misbehaviour. */
  jobMisbehaviour?: Record<string, Misbehaviour>;
}

/** One posting of GET /v0/postings/:site?mode=json, as Lever sends it. */
export interface LeverPostingJson {
  id: string;
  text: string;
  categories: { commitment?: string; department?: string; location?: string; team?: string; allLocations?: string[] };
  country?: string;
  description: string;
  descriptionPlain: string;
  lists: { text: string; content: string }[];
  additional: string;
  additionalPlain: string;
  hostedUrl: string;
  applyUrl: string;
  createdAt: number;
  workplaceType?: 'remote' | 'on-site' | 'hybrid' | 'unspecified';
  salaryRange?: { currency: string; interval: string; min: number; max: number };
}

export interface FakeLeverSite extends Misbehaviour {
  postings: LeverPostingJson[];
}

/** One job of the sandbox board's GET /sandbox/api/jobs. */
export interface SandboxJobJson {
  id: string;
  title: string;
  company: string;
  location: string;
  remote: boolean;
  salaryMin: number;
  salaryMax: number;
  currency: string;
  url: string;
  applyUrl: string;
  postedAt: string;
  layout: string;
  description: string;
}

export interface FakeSandbox extends Misbehaviour {
  jobs: SandboxJobJson[];
}

export interface RecordedRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: IncomingHttpHeaders;
}

/** Boards and sites are looked up per request, so a test may change them between calls. */
export interface FakeJobBoards {
  /** Use as GREENHOUSE_API_URL (…/v1/boards). */
  readonly greenhouseApiUrl: string;
  /** Use as LEVER_API_URL (…/v0/postings). */
  readonly leverApiUrl: string;
  /** Use as APP_URL: the sandbox board is at /sandbox/api/jobs. */
  readonly appUrl: string;
  readonly greenhouse: Map<string, FakeGreenhouseBoard>;
  readonly lever: Map<string, FakeLeverSite>;
  sandbox: FakeSandbox;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

type Answer = { status: number; body: string; misbehaviour?: Misbehaviour };
type Route = (url: URL) => Answer;

export async function startFakeJobBoards(): Promise<FakeJobBoards> {
  const requests: RecordedRequest[] = [];
  const boards = {
    greenhouse: new Map<string, FakeGreenhouseBoard>(),
    lever: new Map<string, FakeLeverSite>(),
    sandbox: { jobs: [] } as FakeSandbox,
  };
  const servers = await Promise.all([
    startServer(requests, (url) => greenhouseRoute(url, boards.greenhouse)),
    startServer(requests, (url) => leverRoute(url, boards.lever)),
    startServer(requests, (url) => sandboxRoute(url, boards.sandbox)),
  ]);
  const [greenhouse, lever, sandbox] = servers;
  return {
    greenhouseApiUrl: `${greenhouse.origin}/v1/boards`,
    leverApiUrl: `${lever.origin}/v0/postings`,
    appUrl: sandbox.origin,
    greenhouse: boards.greenhouse,
    lever: boards.lever,
    get sandbox() {
      return boards.sandbox;
    },
    set sandbox(value: FakeSandbox) {
      boards.sandbox = value;
    },
    requests,
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}

function greenhouseRoute(url: URL, boards: Map<string, FakeGreenhouseBoard>): Answer {
  const single = /^\/v1\/boards\/([^/]+)\/jobs\/([^/]+)\/?$/.exec(url.pathname);
  if (single?.[1] && single[2]) return greenhouseJobRoute(url, boards.get(decodeURIComponent(single[1])), decodeURIComponent(single[2]));
  const match = /^\/v1\/boards\/([^/]+)(\/jobs)?\/?$/.exec(url.pathname);
  const board = match?.[1] ? boards.get(decodeURIComponent(match[1])) : undefined;
  if (!match || !board) return { status: 404, body: JSON.stringify({ status: 404, error: 'Job not found' }) };
  if (!match[2]) {
    if (board.name === null) return { status: 404, body: JSON.stringify({ status: 404, error: 'Not found' }) };
    return json({ name: board.name, content: '&lt;p&gt;We build robots.&lt;/p&gt;' });
  }
  const withContent = url.searchParams.get('content') === 'true';
  const jobs = board.jobs.map((job) => (withContent ? job : { ...job, content: undefined }));
  // The list never carries pay, whatever is asked: only the single-job endpoint does.
  const listed = jobs.map((job) => ({ ...job, pay_input_ranges: undefined }));
  return { ...json({ jobs: listed, meta: { total: listed.length } }), misbehaviour: board };
}

/** GET /v1/boards/:board/jobs/:id: one job, with its content, and its pay when ?pay_transparency=true. */
function greenhouseJobRoute(url: URL, board: FakeGreenhouseBoard | undefined, id: string): Answer {
  const job = board?.jobs.find((j) => String(j.id) === id);
  if (!board || !job) return { status: 404, body: JSON.stringify({ status: 404, error: 'Job not found' }) };
  const { pay_input_ranges: pay, ...rest } = job;
  const withPay = url.searchParams.get('pay_transparency') === 'true';
  return { ...json(withPay ? { ...rest, pay_input_ranges: pay ?? [] } : rest), misbehaviour: board.jobMisbehaviour?.[id] ?? board };
}

function leverRoute(url: URL, sites: Map<string, FakeLeverSite>): Answer {
  const match = /^\/v0\/postings\/([^/]+)\/?$/.exec(url.pathname);
  const site = match?.[1] ? sites.get(decodeURIComponent(match[1])) : undefined;
  if (!site) return { status: 404, body: JSON.stringify({ ok: false, error: 'Document not found' }) };
  if (url.searchParams.get('mode') !== 'json') return { status: 200, body: '<html><body>Jobs</body></html>' };
  return { ...json(site.postings), misbehaviour: site };
}

function sandboxRoute(url: URL, sandbox: FakeSandbox): Answer {
  if (url.pathname !== '/sandbox/api/jobs') return { status: 404, body: JSON.stringify({ error: 'Not found' }) };
  const limit = Number(url.searchParams.get('limit') ?? '20');
  const jobs = sandbox.jobs.slice(0, limit);
  return { ...json({ jobs, total: sandbox.jobs.length }), misbehaviour: sandbox };
}

function json(value: unknown): Answer {
  return { status: 200, body: JSON.stringify(value) };
}

interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

async function startServer(requests: RecordedRequest[], route: Route): Promise<RunningServer> {
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    answer(req, res, route);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(req: IncomingMessage, res: ServerResponse, route: Route): void {
  const { status, body, misbehaviour } = route(new URL(req.url ?? '/', 'http://fake'));
  const send = () => {
    if (res.destroyed) return; // the client gave up (timeout, abort)
    const failing = misbehaviour?.status;
    const replyStatus = failing ?? status;
    const replyBody = failing !== undefined ? JSON.stringify({ error: `HTTP ${failing}` }) : (misbehaviour?.rawBody ?? body);
    res.writeHead(replyStatus, { 'content-type': 'application/json; charset=utf-8' });
    res.end(replyBody);
  };
  const delayMs = misbehaviour?.delayMs ?? 0;
  if (delayMs <= 0) {
    send();
    return;
  }
  const timer = setTimeout(send, delayMs);
  res.on('close', () => clearTimeout(timer));
}

/** Escapes HTML the way Greenhouse does in `content`. */
export function escapeHtml(html: string): string {
  return html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A Greenhouse job with realistic fields; `html` is the description before Greenhouse escapes it. */
export function greenhouseJob(
  board: string,
  fields: Partial<Omit<GreenhouseJobJson, 'content'>> & { id: number; title: string; html?: string; locationName?: string },
): GreenhouseJobJson {
  const { html, locationName, ...rest } = fields;
  return {
    internal_job_id: fields.id - 1_000_000,
    updated_at: '2024-05-02T11:15:04-04:00',
    requisition_id: `REQ-${fields.id}`,
    location: { name: locationName ?? 'Remote' },
    absolute_url: `https://boards.greenhouse.io/${board}/jobs/${fields.id}`,
    language: 'en',
    metadata: null,
    data_compliance: [{ type: 'gdpr', requires_consent: false, retention_period: null }],
    content: escapeHtml(html ?? `<p>Join us as a ${fields.title}.</p>`),
    departments: [{ id: 87001, name: 'Engineering', child_ids: [], parent_id: null }],
    offices: [{ id: 55001, name: locationName ?? 'Remote', location: null, child_ids: [], parent_id: null }],
    ...rest,
  };
}

/** A Lever posting with realistic fields. */
export function leverPosting(
  site: string,
  fields: Partial<LeverPostingJson> & { id: string; text: string },
): LeverPostingJson {
  const hostedUrl = `https://jobs.lever.co/${site}/${fields.id}`;
  return {
    categories: { commitment: 'Full-time', department: 'Engineering', location: 'Remote', team: 'Platform', allLocations: ['Remote'] },
    country: 'US',
    description: `<div>Join us as a ${fields.text}.</div>`,
    descriptionPlain: `Join us as a ${fields.text}.`,
    lists: [],
    additional: '',
    additionalPlain: '',
    hostedUrl,
    applyUrl: `${hostedUrl}/apply`,
    createdAt: Date.UTC(2024, 4, 2, 15, 15, 4),
    workplaceType: 'unspecified',
    ...fields,
  };
}

/** A sandbox job in the board's documented format; links point at `appUrl`. */
export function sandboxJob(appUrl: string, fields: Partial<SandboxJobJson> & { id: string; title: string }): SandboxJobJson {
  return {
    company: 'Northwind Labs',
    location: 'Remote',
    remote: true,
    salaryMin: 90_000,
    salaryMax: 115_000,
    currency: 'USD',
    url: `${appUrl}/sandbox/jobs/${fields.id}`,
    applyUrl: `${appUrl}/sandbox/jobs/${fields.id}/apply`,
    postedAt: '2024-05-01T08:00:00.000Z',
    layout: 'classic',
    description: `Northwind Labs is hiring a ${fields.title}.`,
    ...fields,
  };
}
