import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { newUser, signIn, signOut } from '../helpers/auth';
import { connect, errorOf, watchRun } from '../helpers/client';
import { startWeb } from '../helpers/processes';
import { ONE_QUESTION_RUN } from '../helpers/runs';
import { useStack } from '../helpers/stack';

const t = useStack({ env: { AUTH_RECHECK_MS: '300', AGENT_STEP_DELAY_MS: '40' } });

/** The HTTP status of a WebSocket upgrade, or 101 when it was accepted. */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/api/trpc-ws`, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

/**
 * What a socket opened with these headers answers to a call: the upgrade's HTTP status
 * when it is refused, otherwise the call's error (code and reason) or 'ok'.
 */
function socketAnswer(url: string, headers: Record<string, string>): Promise<number | string | { code: string; reason: string | null }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/api/trpc-ws`, { headers });
    ws.once('open', () => ws.send(JSON.stringify({ id: 1, method: 'query', params: { path: 'pipeline.list', input: {} } })));
    ws.on('message', (data: Buffer) => {
      const reply = JSON.parse(data.toString()) as { id?: number; error?: { data: { code: string; reason: string | null } } };
      if (reply.id !== 1) return;
      ws.close();
      resolve(reply.error ? { code: reply.error.data.code, reason: reply.error.data.reason } : 'ok');
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

const AUTH_MISSING = { code: 'UNAUTHORIZED', reason: 'AUTH_MISSING' };

describe('sign-up and sign-in', () => {
  it('signs up with a clear error for bad input, and answers a taken email exactly like a new one', async () => {
    const anon = connect(t.stack.webs[0]!.url);
    try {
      const bad = await errorOf(anon.client.auth.signUp.mutate({ email: 'nope', password: 'short', name: '' }));
      expect(bad.code).toBe('BAD_REQUEST');
      expect(bad.message).toContain('email: not an email address');
      expect(bad.message).toContain('password: at least 10 characters');
      // Sign-up never says whether an email has an account (tests/integration/accounts-security.test.ts).
      const taken = await anon.client.auth.signUp.mutate({ email: t.user.email.toUpperCase(), password: 'long enough pw', name: 'X' });
      const fresh = await anon.client.auth.signUp.mutate({ email: `fresh-${Date.now()}@example.com`, password: 'long enough pw', name: 'X' });
      expect(taken).toEqual(fresh);
      expect(taken).toEqual({ ok: true, message: expect.any(String) as unknown });
    } finally {
      await anon.close();
    }
  });

  it('signs in through next-auth’s credentials endpoint, and refuses a wrong password', async () => {
    const url = t.stack.webs[0]!.url;
    const cookie = await signIn(url, t.user.email, t.user.password);
    const me = connect(url, cookie);
    expect(await me.client.auth.me.query()).toMatchObject({ email: t.user.email, name: t.user.name });
    await me.close();
    await expect(signIn(url, t.user.email, 'wrong password')).rejects.toThrow(/sign-in failed/);
  });
});

describe('OAuth', () => {
  it('GitHub and Google sign-in switch on with their variables', async () => {
    const providers = async (url: string) => Object.keys((await (await fetch(`${url}/api/auth/providers`)).json()) as object).sort();
    expect(await providers(t.stack.webs[0]!.url)).toEqual(['credentials']);
    const web = await startWeb({
      ...t.stack.env,
      GITHUB_ID: 'gh-id',
      GITHUB_SECRET: 'gh-secret',
      GOOGLE_CLIENT_ID: 'g-id',
      GOOGLE_CLIENT_SECRET: 'g-secret',
    });
    try {
      expect(await providers(web.url)).toEqual(['credentials', 'github', 'google']);
    } finally {
      await web.kill9();
    }
  });
});

describe('unauthenticated access', () => {
  it('HTTP calls get UNAUTHORIZED with reason AUTH_MISSING', async () => {
    const res = await fetch(`${t.stack.webs[0]!.url}/api/trpc/pipeline.list`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { data: { code: string; reason: string } } };
    expect(body.error.data).toMatchObject({ code: 'UNAUTHORIZED', reason: 'AUTH_MISSING' });
  });

  it('a WebSocket without a session answers every call with UNAUTHORIZED (AUTH_MISSING); a foreign origin is refused with 403', async () => {
    const url = t.stack.webs[0]!.url;
    expect(await socketAnswer(url, {})).toEqual(AUTH_MISSING);
    expect(await socketAnswer(url, { cookie: 'next-auth.session-token=forged' })).toEqual(AUTH_MISSING);
    expect(await upgradeStatus(url, { cookie: t.user.cookie, origin: 'https://evil.example' })).toBe(403);
    expect(await socketAnswer(url, { cookie: t.user.cookie })).toBe('ok');
  });
});

describe('isolation between users', () => {
  it('another user’s run and question get the same NOT_FOUND as missing ones, everywhere', async () => {
    const url = t.stack.webs[0]!.url;
    const { runId } = await t.api.client.pipeline.start.mutate(ONE_QUESTION_RUN);
    const mine = watchRun(t.api.client, runId);
    const question = await mine.next((e) => e.type === 'hitl_request');
    if (question.type !== 'hitl_request') throw new Error('narrowing');
    const { hitlId } = question.data;

    const mallory = await newUser(url, 'Mallory');
    const other = connect(url, mallory.cookie);
    try {
      // errorOf takes each call's rejection at once: they are batched and fail together.
      const calls = {
        get: errorOf(other.client.pipeline.get.query({ runId })),
        stop: errorOf(other.client.pipeline.stop.mutate({ runId })),
        pause: errorOf(other.client.pipeline.pause.mutate({ runId })),
        resume: errorOf(other.client.pipeline.resume.mutate({ runId })),
        respond: errorOf(other.client.hitl.respond.mutate({ hitlId, response: 'approve' })),
      };
      for (const [name, error] of Object.entries(calls)) {
        expect((await error).code, name).toBe('NOT_FOUND');
      }
      const sub = await new Promise<string>((resolve) => {
        other.client.pipeline.events.subscribe(
          { runId, lastEventId: null },
          { onError: (e) => resolve((e.data as { code: string }).code), onData: () => resolve('data') },
        );
      });
      expect(sub).toBe('NOT_FOUND');
      expect(await other.client.pipeline.list.query()).toEqual([]);
      expect(await other.client.hitl.pending.query({})).toEqual([]);
      expect(await other.client.hitl.pending.query({ runId })).toEqual([]);
    } finally {
      await other.close();
    }
    // The owner still can.
    await t.api.client.hitl.respond.mutate({ hitlId, response: 'reject' });
    expect((await mine.done).at(-1)?.type).toBe('pipeline_complete');
  });
});

describe('ending a session', () => {
  it('sign-out ends the session everywhere: HTTP, new sockets, and live subscriptions', async () => {
    const url = t.stack.webs[0]!.url;
    const user = await newUser(url, 'Leaving');
    const other = await signIn(url, user.email, user.password); // a second device
    const api = connect(url, other);
    try {
      const { runId } = await api.client.pipeline.start.mutate({ query: 'engineer', location: '', minMatchScore: 0 });
      const watch = watchRun(api.client, runId);
      await watch.next((e) => e.type === 'analyst_start');
      await signOut(url, user.cookie);
      const ended = await watch.done.then(() => 'completed', (err: unknown) => (err as { data?: { code?: string; reason?: string } }).data);
      expect(ended).toMatchObject({ code: 'UNAUTHORIZED', reason: 'AUTH_FAILED' });
      expect((await errorOf(api.client.pipeline.list.query())).code).toBe('UNAUTHORIZED');
      expect(await socketAnswer(url, { cookie: other })).toEqual(AUTH_MISSING);
      await t.api.client.pipeline.stop.mutate({ runId }).catch(() => undefined);
    } finally {
      await api.close();
    }
  });

  it('a session that expires mid-stream ends its subscriptions with UNAUTHORIZED', async () => {
    const web = await startWeb({ ...t.stack.env, SESSION_MAX_AGE_SECONDS: '5' });
    try {
      const cookie = await signIn(web.url, t.user.email, t.user.password);
      const api = connect(web.url, cookie);
      const { runId } = await api.client.pipeline.start.mutate({ query: 'engineer', location: '', minMatchScore: 0 });
      const watch = watchRun(api.client, runId);
      const ended = await watch.done.then(() => 'completed', (err: unknown) => (err as { data?: { code?: string } }).data);
      expect(ended).toMatchObject({ code: 'UNAUTHORIZED' });
      expect(watch.events.length).toBeGreaterThan(0);
      await api.close();
      await t.api.client.pipeline.stop.mutate({ runId });
    } finally {
      await web.kill9();
    }
  });
});
