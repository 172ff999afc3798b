import { randomBytes } from 'node:crypto';
import { TRPCClientError } from '@trpc/client';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpsFeedEvent, OpsOverview } from '~/shared/ops';
import type { SystemAlert } from '~/shared/rooms';
import { redisKeys } from '~/store/keys';
import { newUser, signIn } from '../helpers/auth';
import { connect, watchRun, type Client, type Connection } from '../helpers/client';
import { startStack, type Stack } from '../helpers/stack';

/** Mixed case and spaces on purpose: ADMIN_EMAILS is read case-insensitively. */
const adminEmail = () => `ops-${randomBytes(4).toString('hex')}@example.com`;
const adminEnv = (email: string) => ({ ADMIN_EMAILS: ` ${email.toUpperCase()} , someone-else@example.org` });

/** Signs the operator up and in (their email must be in the stack's ADMIN_EMAILS). */
async function signUpAs(url: string, email: string): Promise<string> {
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const anonymous = connect(url);
  await anonymous.client.auth.signUp.mutate({ email, password, name: 'Operator' });
  await anonymous.close();
  return signIn(url, email, password);
}

/** Collects what a subscription yields, and the error it ends with. */
function collect<T>(subscribe: (handlers: { onData: (d: T) => void; onError: (e: unknown) => void }) => { unsubscribe(): void }) {
  const items: T[] = [];
  let error: unknown = null;
  const sub = subscribe({ onData: (d) => items.push(d), onError: (e) => (error = e) });
  return {
    items,
    error: () => error,
    unsubscribe: () => sub.unsubscribe(),
    async find(predicate: (item: T) => boolean, timeoutMs = 20_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = items.find(predicate);
        if (found !== undefined) return found;
        if (error) throw new Error(`the subscription failed: ${error instanceof Error ? error.message : 'unknown error'}`);
        if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(items.map((i) => (i as { type?: string }).type ?? i))}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

const watchFeed = (client: Client) => collect<OpsFeedEvent>((h) => client.ops.feed.subscribe(undefined, h));

/** Reads ops.overview until it shows what the test waits for (heartbeats come every 500 ms). */
async function overviewUntil(client: Client, predicate: (o: OpsOverview) => boolean, timeoutMs = 15_000): Promise<OpsOverview> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const overview = await client.ops.overview.query();
    if (predicate(overview)) return overview;
    if (Date.now() > deadline) throw new Error(`overview never matched: ${JSON.stringify(overview)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The error a call ends with, whole (code, data, message), to compare two errors' shapes. */
async function failure(call: Promise<unknown>): Promise<TRPCClientError<never>> {
  try {
    await call;
  } catch (err) {
    if (err instanceof TRPCClientError) return err as TRPCClientError<never>;
    throw err;
  }
  throw new Error('expected the call to fail');
}

/** What a client can tell about an error, except the words naming the thing asked for. */
function shapeOf(err: unknown) {
  const e = err as { shape?: { code?: number }; data?: Record<string, unknown> };
  // The path names the procedure called; everything else must be the same.
  const data = { ...e.data };
  delete data.path;
  return { code: e.shape?.code, data };
}

type AlertEvent = Extract<OpsFeedEvent, { type: 'system_alert' }>;
const isAlert = (e: OpsFeedEvent): e is AlertEvent => e.type === 'system_alert';
/** Long enough to be seen in the middle (every sandbox posting is read and scored). */
const BUSY_RUN = { query: 'engineer', location: '', minMatchScore: 0 };

describe('the operator’s dashboard', () => {
  let stack: Stack;
  let email: string;
  let adminCookie: string;
  let admin: Connection;
  let adminOnSecond: Connection;

  beforeAll(async () => {
    email = adminEmail();
    stack = await startStack({ webs: 2, workers: 1, env: { ...adminEnv(email), AGENT_STEP_DELAY_MS: '20' } });
    const [first, second] = stack.webs;
    adminCookie = await signUpAs(first!.url, email);
    admin = connect(first!.url, adminCookie);
    adminOnSecond = connect(second!.url, adminCookie);
  });
  afterAll(async () => {
    await admin.close();
    await adminOnSecond.close();
    await stack.stop();
  });

  it('shows every web instance with its sockets, the worker with the run it holds, and the queue', async () => {
    // Each client opens its socket at once: one on each instance.
    const both = await overviewUntil(admin.client, (o) => o.instances.length === 2 && o.instances.every((i) => i.socketsOpen >= 1));
    expect(both.instances.map((i) => i.port).sort()).toEqual(stack.webs.map((w) => w.port).sort());
    expect(both.instances.every((i) => i.archivePending !== null)).toBe(true);
    expect(both.workers).toHaveLength(1);
    expect(both.workers[0]).toMatchObject({ status: 'idle', runs: [], pid: stack.workers[0]!.child.pid, silent: false });

    const { runId } = await admin.client.pipeline.start.mutate(BUSY_RUN);
    const run = watchRun(admin.client, runId);
    await run.next((e) => e.type === 'task_started');
    const busy = await overviewUntil(admin.client, (o) => o.workers[0]?.runs.includes(runId) ?? false);
    expect(busy.workers[0]).toMatchObject({ status: 'busy', runs: [runId] });
    expect(busy.workers[0]!.heartbeatAgeMs).toBeLessThan(5_000);
    expect(busy.queue.active).toBe(1);
    expect(busy.archive).toMatchObject({ alertAt: 5000 });

    await run.done;
    const after = await overviewUntil(admin.client, (o) => o.queue.completed >= 1 && o.workers[0]?.status === 'idle');
    expect(after.queue).toMatchObject({ active: 0, waiting: 0, failed: 0 });
    expect(after.archive.lag).not.toBeNull();
  });

  it('the feed carries task_* and agent_* events as a run happens, on any instance', async () => {
    const feed = watchFeed(adminOnSecond.client);
    await new Promise((r) => setTimeout(r, 500));
    const { runId } = await admin.client.pipeline.start.mutate(BUSY_RUN);
    await feed.find((e) => e.type === 'task_completed' && e.taskId === runId, 60_000);
    const workerId = (await admin.client.ops.overview.query()).workers[0]!.workerId;

    const ofRun = feed.items.filter((e) => 'taskId' in e && e.taskId === runId);
    const types = ofRun.map((e) => e.type);
    expect(types[0]).toBe('task_created');
    expect(types[1]).toBe('task_assigned');
    expect(types.at(-1)).toBe('task_completed');
    expect(ofRun[1]).toMatchObject({ type: 'task_assigned', agentId: workerId });
    expect(ofRun.at(-1)).toMatchObject({ outcome: 'completed' });
    const updates = ofRun.filter((e) => e.type === 'task_updated');
    expect(updates.length).toBeGreaterThan(1);
    expect(updates.at(-1)).toMatchObject({ progress: 100 });

    expect(feed.items).toContainEqual(expect.objectContaining({ type: 'agent_status_changed', agentId: workerId, oldStatus: 'idle', newStatus: 'busy' }));
    expect(feed.items).toContainEqual(expect.objectContaining({ type: 'agent_status_changed', agentId: workerId, oldStatus: 'busy', newStatus: 'idle' }));
    expect(feed.items).toContainEqual(expect.objectContaining({ type: 'agent_heartbeat', agentId: workerId, status: 'busy', runs: [runId] }));
    feed.unsubscribe();
  });

  it('a web instance that lost Redis and reconnected says so', async () => {
    const feed = watchFeed(admin.client);
    await new Promise((r) => setTimeout(r, 300));
    const redis = new Redis(stack.redis.url);
    try {
      // One instance's main connection: the subscribers of both stay up to hear the alert.
      const clients = (await redis.client('LIST')) as string;
      const webs = clients.split('\n').filter((line) => / name=web /.test(line));
      expect(webs).toHaveLength(2);
      const id = /^id=(\d+)/.exec(webs[1] ?? '')?.[1] ?? '';
      expect(await redis.client('KILL', 'ID', id)).toBe(1);
    } finally {
      redis.disconnect();
    }
    const alert = (await feed.find((e) => isAlert(e) && e.source === 'web')) as AlertEvent;
    expect(alert.severity).toBe('warning');
    expect(alert.message).toMatch(/lost its Redis connection for .* and reconnected/);
    feed.unsubscribe();
  });

  it('kill -9 of a worker raises one system_alert naming it, in the feed and the dashboard room', async () => {
    const doomed = await stack.addWorker();
    const listed = await overviewUntil(admin.client, (o) => o.workers.some((w) => w.pid === doomed.child.pid));
    const workerId = listed.workers.find((w) => w.pid === doomed.child.pid)!.workerId;
    const feed = watchFeed(adminOnSecond.client);
    const dashboard = collect<SystemAlert>((h) => admin.client.system.alerts.subscribe(undefined, h));
    await new Promise((r) => setTimeout(r, 500));

    await doomed.kill9();
    const alert = (await feed.find((e) => isAlert(e) && e.subject === workerId, 15_000)) as AlertEvent;
    expect(['critical', 'warning']).toContain(alert.severity);
    expect(alert.message).toContain(workerId);
    expect(alert.message).toMatch(/stopped sending heartbeats/);
    await feed.find((e) => e.type === 'agent_status_changed' && e.agentId === workerId && e.newStatus === 'lost');
    await dashboard.find((a) => a.subject === workerId);

    // Both instances watch the registry; the alert is raised once, and the worker leaves the list.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(feed.items.filter((e) => isAlert(e) && e.subject === workerId)).toHaveLength(1);
    const after = await admin.client.ops.overview.query();
    expect(after.workers.map((w) => w.workerId)).not.toContain(workerId);
    feed.unsubscribe();
    dashboard.unsubscribe();
  });

  it('anyone but an operator gets the NOT_FOUND of something that is not theirs, and /ops is a missing page', async () => {
    const url = stack.webs[0]!.url;
    const user = await newUser(url, 'Not An Operator');
    const them = connect(url, user.cookie);
    try {
      const { runId } = await admin.client.pipeline.start.mutate({ query: 'kotlin' });
      const foreignRun = await failure(them.client.pipeline.get.query({ runId }));
      const overview = await failure(them.client.ops.overview.query());
      expect(shapeOf(overview)).toEqual(shapeOf(foreignRun));
      expect(shapeOf(overview)).toMatchObject({ data: { code: 'NOT_FOUND', httpStatus: 404, reason: null } });
      // And in the words of a procedure that does not exist at all.
      const missing = await fetch(`${url}/api/trpc/ops.nothing`, { headers: { cookie: user.cookie } });
      const refused = await fetch(`${url}/api/trpc/ops.overview`, { headers: { cookie: user.cookie } });
      expect(refused.status).toBe(missing.status);
      expect((await refused.text()).replaceAll('ops.overview', 'ops.nothing')).toBe(await missing.text());

      const feed = watchFeed(them.client);
      const events = collect((h) => them.client.pipeline.events.subscribe({ runId }, h));
      await expect.poll(() => feed.error() !== null && events.error() !== null, { timeout: 10_000 }).toBe(true);
      expect(shapeOf(feed.error())).toEqual(shapeOf(events.error()));
      expect(shapeOf(feed.error())).toMatchObject({ data: { code: 'NOT_FOUND' } });

      expect(await them.client.auth.me.query()).not.toHaveProperty('admin');
      expect(await admin.client.auth.me.query()).toMatchObject({ email, admin: true });
      const signedOut = connect(url);
      expect(shapeOf(await failure(signedOut.client.ops.overview.query()))).toMatchObject({ data: { code: 'UNAUTHORIZED' } });
      await signedOut.close();
    } finally {
      await them.close();
    }
  });

  it('GET /ops: the page for an operator, the app’s 404 for anyone else, sign-in for nobody', async () => {
    const url = stack.webs[0]!.url;
    const user = await newUser(url, 'Curious');
    const page = (cookie?: string) => fetch(`${url}/ops`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

    // The same answer as an address where nothing is: status, title and page.
    const refused = await page(user.cookie);
    const missing = await fetch(`${url}/no-such-page`, { headers: { cookie: user.cookie } });
    expect(refused.status).toBe(404);
    expect(missing.status).toBe(404);
    const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
    const [body, missingBody] = [await refused.text(), await missing.text()];
    expect(title(body)).toBe(title(missingBody));
    expect(body).toContain('Page not found');
    expect(body).not.toContain('Operations');

    const signedOut = await page();
    expect([303, 307]).toContain(signedOut.status);
    expect(signedOut.headers.get('location')).toMatch(/\/signin\?next=%2Fops$/);

    const operator = await page(adminCookie);
    expect(operator.status).toBe(200);
    expect(await operator.text()).toContain('<title>Operations · jobstream</title>');
  });
});

describe('the archive falling behind', () => {
  let stack: Stack;
  let admin: Connection;

  beforeAll(async () => {
    const email = adminEmail();
    // Nobody archives at first, so the lag grows with every event.
    stack = await startStack({ webs: 1, workers: 1, env: { ...adminEnv(email), ARCHIVER_ENABLED: 'false', OPS_ARCHIVE_LAG_ALERT: '20' } });
    admin = connect(stack.webs[0]!.url, await signUpAs(stack.webs[0]!.url, email));
  });
  afterAll(async () => {
    await admin.close();
    await stack.stop();
  });

  it('raises one warning each time the lag crosses OPS_ARCHIVE_LAG_ALERT, and says when it caught up', async () => {
    // The group an archiving instance would have made: its lag is what the alert watches.
    const redis = new Redis(stack.redis.url);
    await redis.xgroup('CREATE', redisKeys(stack.env.KEY_PREFIX!).archiveStream, 'archivers', '0', 'MKSTREAM');
    redis.disconnect();
    const feed = watchFeed(admin.client);
    await new Promise((r) => setTimeout(r, 300));

    const { runId } = await admin.client.pipeline.start.mutate(BUSY_RUN);
    await watchRun(admin.client, runId).done;
    const behind = (await feed.find((e) => isAlert(e) && e.source === 'archive', 15_000)) as AlertEvent;
    expect(behind.severity).toBe('warning');
    expect(behind.message).toMatch(/The event archive is \d+ events behind \(alert at 20\)/);
    expect((await admin.client.ops.overview.query()).archive).toMatchObject({ alertAt: 20, lag: expect.any(Number) as number });

    // An instance that archives catches up; the crossing back down is said once too.
    stack.env.ARCHIVER_ENABLED = 'true';
    await stack.addWeb();
    const caughtUp = (await feed.find((e) => isAlert(e) && e.source === 'archive' && e.severity === 'info', 30_000)) as AlertEvent;
    expect(caughtUp.message).toMatch(/caught up/);
    expect(feed.items.filter((e) => isAlert(e) && e.source === 'archive')).toHaveLength(2);
    feed.unsubscribe();
  });
});
