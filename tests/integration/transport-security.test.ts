import { createTRPCClient, createWSClient, splitLink, TRPCClientError, wsLink } from '@trpc/client';
import { Redis } from 'ioredis';
import { parseEnv } from '~/env';
import { pipelineParamsSchema } from '~/shared/pipeline';
import { createStores } from '~/store';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { AppRouter } from '~/server/api/root';
import { connect } from '../helpers/client';
import { useStack } from '../helpers/stack';

const MAX_CALLS = 10;
const CALLS_PER_SECOND = 5;

// No worker: nothing here needs a run to make progress.
const t = useStack({
  workers: 0,
  env: { WS_MAX_CALLS_PER_MESSAGE: String(MAX_CALLS), WS_MAX_CALLS_PER_SECOND: String(CALLS_PER_SECOND), HTTP_MAX_BATCH_SIZE: '5' },
});

const wsUrl = () => `${t.stack.webs[0]!.url.replace(/^http/, 'ws')}/api/trpc-ws`;
const httpUrl = () => t.stack.webs[0]!.url;

type Reply = { id?: number | string | null; result?: { type: string }; error?: { message: string; data: { code: string; reason: string | null } } };

/** A raw socket that collects every reply by id, and how it was closed. */
async function rawSocket(headers: Record<string, string>) {
  const ws = new WebSocket(wsUrl(), { headers });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const replies: Reply[] = [];
  ws.on('message', (data: Buffer) => replies.push(JSON.parse(data.toString()) as Reply));
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  return { ws, replies, closed };
}

const meCall = (id: number) => ({ id, method: 'query', params: { path: 'auth.me', input: null } });

async function settle(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
}

describe('subscriptions over HTTP (server-sent events)', () => {
  it('are refused at once with a typed error that says to use the WebSocket, never streamed', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate({ query: 'python' });
    const input = encodeURIComponent(JSON.stringify({ runId }));
    const res = await fetch(`${httpUrl()}/api/trpc/pipeline.events?input=${input}`, {
      headers: { cookie: t.user.cookie, accept: 'text/event-stream' },
      signal: AbortSignal.timeout(10_000),
    });
    // The body ends by itself: a stream that kept delivering would time out here.
    const body = await res.text();
    expect(body).toContain('USE_WEBSOCKET');
    expect(body).toContain('METHOD_NOT_SUPPORTED');
    expect(body).toMatch(/WebSocket/);
    expect(body).not.toContain('"type":"task_queued"');
  });

  it('a thousand of them on one cookie hold nothing open', async () => {
    const input = encodeURIComponent(JSON.stringify({ runId: 'run_0000000000000000' }));
    const bodies = await Promise.all(
      Array.from({ length: 1000 }, () =>
        fetch(`${httpUrl()}/api/trpc/rooms.inbox?input=${input}`, { headers: { cookie: t.user.cookie }, signal: AbortSignal.timeout(30_000) }).then((r) => r.text()),
      ),
    );
    expect(bodies.every((b) => b.includes('USE_WEBSOCKET'))).toBe(true);
  });
});

describe('a socket without a session', () => {
  it("an unmodified tRPC wsLink client's calls end with UNAUTHORIZED (AUTH_MISSING), and it stops retrying", async () => {
    let opens = 0;
    // Exactly what a script would write: no cookie, default options.
    const wsClient = createWSClient({ url: wsUrl(), WebSocket: WebSocket as unknown as typeof globalThis.WebSocket, onOpen: () => (opens += 1) });
    const client = createTRPCClient<AppRouter>({
      links: [splitLink({ condition: (op) => op.type === 'subscription', true: wsLink({ client: wsClient }), false: wsLink({ client: wsClient }) })],
    });
    try {
      const subscriptionError = new Promise<unknown>((resolve) => {
        client.rooms.inbox.subscribe(undefined, { onError: resolve, onData: () => resolve(new Error('got data without a session')) });
      });
      const queryError = client.pipeline.list.query().then(
        () => new Error('the query succeeded without a session'),
        (err: unknown) => err,
      );
      for (const err of await Promise.all([subscriptionError, queryError])) {
        expect(err).toBeInstanceOf(TRPCClientError);
        const data = (err as TRPCClientError<AppRouter>).data as { code: string; reason: string } | undefined;
        expect(data?.code).toBe('UNAUTHORIZED');
        expect(data?.reason).toBe('AUTH_MISSING');
      }
      // Nothing left to retry: the one connection stays, no reconnect loop.
      await new Promise((r) => setTimeout(r, 2000));
      expect(opens).toBe(1);
      expect(wsClient.connectionState.get().state).toBe('pending');
    } finally {
      await wsClient.close();
    }
  });

  it('a foreign Origin is still refused at the upgrade (403)', async () => {
    const ws = new WebSocket(wsUrl(), { headers: { origin: 'https://evil.example', cookie: t.user.cookie } });
    const status = await new Promise<number>((resolve) => ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(403);
  });
});

describe('calls, not messages', () => {
  it(`a message may carry at most ${MAX_CALLS} calls: more runs none of them and each gets a typed error`, async () => {
    const { ws, replies, closed } = await rawSocket({ cookie: t.user.cookie });
    ws.send(JSON.stringify(Array.from({ length: 10_000 }, (_, i) => meCall(i + 1))));
    expect(await closed).toBe(1008);
    expect(replies.some((r) => r.result)).toBe(false);
    expect(replies).toHaveLength(MAX_CALLS);
    expect(replies.every((r) => r.error?.data.code === 'BAD_REQUEST' && r.error.data.reason === 'TOO_MANY_CALLS')).toBe(true);
    expect(replies[0]?.error?.message).toMatch(/at most 10/);
  });

  it('the rate limit counts calls: a batch spends as many as it carries, and the refusal is one reply per call', async () => {
    const { ws, replies } = await rawSocket({ cookie: t.user.cookie });
    ws.send(JSON.stringify(Array.from({ length: MAX_CALLS }, (_, i) => meCall(i + 1))));
    await settle(() => replies.length >= MAX_CALLS);
    ws.send(JSON.stringify(Array.from({ length: MAX_CALLS }, (_, i) => meCall(100 + i))));
    await settle(() => replies.length >= 2 * MAX_CALLS);
    ws.close();
    const first = replies.filter((r) => typeof r.id === 'number' && r.id <= MAX_CALLS);
    const second = replies.filter((r) => typeof r.id === 'number' && r.id >= 100);
    expect(first.every((r) => r.result)).toBe(true);
    expect(second).toHaveLength(MAX_CALLS);
    expect(second.every((r) => r.error?.data.code === 'TOO_MANY_REQUESTS' && r.error.data.reason === 'RATE_LIMITED')).toBe(true);
  });

  it('an HTTP batch may carry at most HTTP_MAX_BATCH_SIZE calls', async () => {
    const paths = Array.from({ length: 200 }, () => 'auth.me').join(',');
    const res = await fetch(`${httpUrl()}/api/trpc/${paths}?batch=1&input=${encodeURIComponent('{}')}`, { headers: { cookie: t.user.cookie } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/at most 5/);
    const api = connect(httpUrl(), t.user.cookie);
    try {
      // What a client batches within the limit still works.
      const answers = await Promise.all(Array.from({ length: 5 }, () => api.client.auth.me.query()));
      expect(answers.every((me) => me?.email === t.user.email)).toBe(true);
    } finally {
      await api.close();
    }
  });
});

describe('HTTP calls from browsers', () => {
  const post = (headers: Record<string, string>, body: string) =>
    fetch(`${httpUrl()}/api/trpc/pipeline.start`, { method: 'POST', headers: { cookie: t.user.cookie, ...headers }, body });

  it('a cross-site form post (multipart, urlencoded, text/plain) is refused with 415 and starts nothing', async () => {
    const before = (await t.api.client.pipeline.list.query()).length;
    const form = new FormData();
    form.set('query', 'python');
    const multipart = await fetch(`${httpUrl()}/api/trpc/pipeline.start`, { method: 'POST', headers: { cookie: t.user.cookie }, body: form });
    const urlencoded = await post({ 'content-type': 'application/x-www-form-urlencoded' }, 'query=python');
    const plain = await post({ 'content-type': 'text/plain' }, JSON.stringify({ query: 'python' }));
    for (const res of [multipart, urlencoded, plain]) {
      expect(res.status).toBe(415);
      expect(((await res.json()) as { error: { data: { code: string } } }).error.data.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    expect(await t.api.client.pipeline.list.query()).toHaveLength(before);
  });

  it("a call whose Origin is another site's is refused with 403; our own origin and no Origin work", async () => {
    const body = JSON.stringify({ query: 'python' });
    const foreign = await post({ 'content-type': 'application/json', origin: 'https://evil.example' }, body);
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { data: { reason: string } } }).error.data.reason).toBe('ORIGIN_DENIED');
    const own = await post({ 'content-type': 'application/json', origin: new URL(t.stack.env.APP_URL!).origin }, body);
    expect(own.status).toBe(200);
  });
});

describe('security headers', () => {
  const pages = ['/', '/signin', '/signup', '/dashboard', '/profile', '/inbox', '/runs/run_0000000000000000', '/no-such-page'];
  const apis = ['/api/trpc/auth.me', '/api/health', '/api/metrics', '/api/auth/csrf', '/api/trpc/no.such'];

  it('every page has a nonce-based CSP whose nonce is on its scripts, frame-ancestors none, nosniff and a referrer policy', async () => {
    const nonces = new Set<string>();
    for (const path of pages) {
      const res = await fetch(`${httpUrl()}${path}`, { headers: { cookie: t.user.cookie }, redirect: 'manual' });
      const csp = res.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, `${path}: ${csp}`).toBeTruthy();
      expect(csp).toMatch(/script-src [^;]*'strict-dynamic'/);
      expect(csp).not.toMatch(/script-src [^;]*'unsafe-inline'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      if (res.status === 200) {
        const html = await res.text();
        const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
        expect(scripts.length).toBeGreaterThan(0);
        expect(scripts.every((tag) => tag.includes(`nonce="${nonce}"`)), `${path}: ${scripts.find((tag) => !tag.includes('nonce'))}`).toBe(true);
      }
      nonces.add(nonce!);
    }
    // A fresh nonce every time.
    expect(nonces.size).toBe(pages.length);
  });

  it('every API answer has a CSP that allows nothing, frame-ancestors none, nosniff and a referrer policy', async () => {
    for (const path of apis) {
      const res = await fetch(`${httpUrl()}${path}`, { headers: { cookie: t.user.cookie } });
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'none'");
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('same-origin');
    }
  });
});

describe("pipeline.events on the socket, in tRPC's own protocol", () => {
  type DataReply = Reply & { result?: { type: string; id?: string; data?: { id: string; data: { seq: number; type: string } } } };
  const eventsCall = (id: number, input: object) => ({ id, method: 'subscription', params: { path: 'pipeline.events', input } });

  it('serves a subscription beside other calls in one message, tracked ids and all, and stops it on request', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate({ query: 'python' });
    // No worker here: publish the run's first event as one would.
    const redis = new Redis(t.stack.redis.url);
    const { log } = createStores(redis, parseEnv({ ...process.env, ...t.stack.env }));
    await log.publish({ runId, type: 'pipeline_start', agent: 'system', message: 'Started', data: { params: pipelineParamsSchema.parse({ query: 'python' }), attempt: 1 } });
    redis.disconnect();
    const { ws, replies } = await rawSocket({ cookie: t.user.cookie });
    const got = replies as DataReply[];
    ws.send(JSON.stringify([eventsCall(1, { runId, lastEventId: null }), meCall(2)]));
    await settle(() => got.some((r) => r.id === 1 && r.result?.type === 'data') && got.some((r) => r.id === 2));
    expect(got.find((r) => r.id === 2)?.result?.type).toBe('data');
    expect(got.filter((r) => r.id === 1)[0]?.result?.type).toBe('started');
    const first = got.find((r) => r.id === 1 && r.result?.type === 'data');
    expect(first?.result?.id).toBe('1');
    expect(first?.result?.data).toMatchObject({ id: '1', data: { seq: 1, type: 'pipeline_start' } });

    ws.send(JSON.stringify({ id: 1, method: 'subscription.stop' }));
    await settle(() => got.some((r) => r.id === 1 && r.result?.type === 'stopped'));
    expect(got.filter((r) => r.id === 1).at(-1)?.result?.type).toBe('stopped');
    ws.close();
  });

  it('answers every other call of its message, even one nested too deeply to be written back as JSON', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate({ query: 'python' });
    const { ws, replies } = await rawSocket({ cookie: t.user.cookie });
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    ws.send(`[${JSON.stringify(eventsCall(1, { runId }))},{"id":2,"method":"query","params":{"path":"auth.me","input":${deep}}},${JSON.stringify(meCall(3))}]`);
    await settle(() => [1, 2, 3].every((id) => replies.some((r) => r.id === id)));
    expect(replies.find((r) => r.id === 1)?.result?.type).toBe('started');
    expect(replies.find((r) => r.id === 2)?.error?.data).toMatchObject({ code: 'BAD_REQUEST', reason: 'BAD_INPUT' });
    expect(replies.find((r) => r.id === 3)?.result?.type).toBe('data');
    ws.close();
  });

  it('answers a bad input, a run that is not yours and a reused id with typed errors, and the socket goes on', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate({ query: 'python' });
    const { ws, replies } = await rawSocket({ cookie: t.user.cookie });
    ws.send(JSON.stringify(eventsCall(1, { runId: 'run_0000000000000000' })));
    ws.send(JSON.stringify(eventsCall(2, { lastEventId: null })));
    ws.send(JSON.stringify(eventsCall(3, { runId })));
    ws.send(JSON.stringify(eventsCall(3, { runId })));
    await settle(() => [1, 2].every((id) => replies.some((r) => r.id === id)) && replies.filter((r) => r.id === 3).length >= 2);
    expect(replies.find((r) => r.id === 1)?.error?.data.code).toBe('NOT_FOUND');
    expect(replies.find((r) => r.id === 2)?.error?.data.code).toBe('BAD_REQUEST');
    expect(replies.find((r) => r.id === 2)?.error?.message).toMatch(/runId/);
    expect(replies.find((r) => r.id === 3 && r.error)?.error?.data.code).toBe('BAD_REQUEST');
    ws.send(JSON.stringify(meCall(4)));
    await settle(() => replies.some((r) => r.id === 4));
    expect(replies.find((r) => r.id === 4)?.result?.type).toBe('data');
    ws.close();
  });
});
