import { createHash } from 'node:crypto';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '~/db';
import type { AppRouter } from '~/server/api/root';
import { authenticateApiToken } from '~/server/services/api-tokens';
import { newUser } from '../helpers/auth';
import { connect, errorOf, type Connection } from '../helpers/client';
import { useStack } from '../helpers/stack';

const t = useStack({ workers: 0, applicant: false });

// The test reads the rows the web process wrote; PGlite is open in that process only.
let opened: Database | undefined;
beforeAll(async () => {
  const { target } = t.stack.database;
  if (target.kind !== 'postgresql') throw new Error('expected PostgreSQL');
  opened = await openDatabase(target);
});
afterAll(async () => {
  await opened?.close();
});
function db(): Database {
  if (!opened) throw new Error('the database did not open');
  return opened;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const bearer = (token: string) => `Bearer ${token}`;

async function otherUser(): Promise<Connection> {
  const url = t.stack.webs[0]!.url;
  return connect(url, (await newUser(url, 'Other')).cookie);
}

/** tRPC's code and our reason beside it (see src/server/api/errors.ts). */
async function refusal(call: Promise<unknown>): Promise<{ code: string | undefined; reason: string | null | undefined; message: string }> {
  try {
    await call;
  } catch (err) {
    if (!(err instanceof TRPCClientError)) throw err;
    const { data } = err as TRPCClientError<AppRouter>;
    return { code: data?.code, reason: data?.reason, message: err.message };
  }
  throw new Error('expected the call to fail');
}

describe('personal API tokens', () => {
  it('shows a new token once; the list never carries it or its hash, and the database keeps only its SHA-256', async () => {
    const { token, apiToken } = await t.api.client.apiTokens.create.mutate({ name: '  CopilotKit on my laptop  ' });
    expect(token).toMatch(/^jst_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toEqual({
      id: apiToken.id,
      name: 'CopilotKit on my laptop',
      prefix: token.slice(4, 12),
      createdAt: apiToken.createdAt,
      lastUsedAt: null,
    });
    expect(Math.abs(Date.parse(apiToken.createdAt) - Date.now())).toBeLessThan(60_000);

    const list = await t.api.client.apiTokens.list.query();
    expect(list).toEqual([apiToken]);
    const listed = JSON.stringify(list);
    expect(listed).not.toContain(token.slice(4));
    expect(listed).not.toContain(sha256(token));

    const rows = await db().sql.query('SELECT * FROM "ApiToken" WHERE "id" = $1', [apiToken.id]);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({ hash: sha256(token), prefix: token.slice(4, 12), revokedAt: null });
    expect(JSON.stringify(rows.rows)).not.toContain(token.slice(4));
  });

  it('lists the newest first', async () => {
    const user = await otherUser();
    try {
      const first = await user.client.apiTokens.create.mutate({ name: 'first' });
      const second = await user.client.apiTokens.create.mutate({ name: 'second' });
      expect((await user.client.apiTokens.list.query()).map((x) => x.name)).toEqual(['second', 'first']);
      expect(first.token).not.toBe(second.token);
    } finally {
      await user.close();
    }
  });

  it('authenticates the owner of a live token, and nobody for a revoked, wrong or malformed one', async () => {
    const { token, apiToken } = await t.api.client.apiTokens.create.mutate({ name: 'agent' });
    const me = await t.api.client.auth.me.query();
    expect(await authenticateApiToken(db(), bearer(token))).toEqual({
      id: me?.id,
      email: t.user.email,
      name: t.user.name,
      expiresAt: Number.MAX_SAFE_INTEGER,
    });
    // The scheme is case-insensitive (RFC 9110); services work as well as a database.
    expect((await authenticateApiToken({ db: db() }, `bearer ${token}`))?.id).toBe(me?.id);

    // Last used: written on first use, then at most once a minute.
    const used = (await t.api.client.apiTokens.list.query()).find((x) => x.id === apiToken.id)?.lastUsedAt;
    expect(typeof used).toBe('string');
    await authenticateApiToken(db(), bearer(token));
    expect((await t.api.client.apiTokens.list.query()).find((x) => x.id === apiToken.id)?.lastUsedAt).toBe(used);

    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const header of [
      undefined,
      '',
      token,
      `Basic ${token}`,
      `Bearer  `,
      `Bearer ${token.slice(0, -1)}`,
      `Bearer ${token}x`,
      `Bearer ${token} extra`,
      `Bearer jst_${'!'.repeat(43)}`,
      `Bearer ${token.replace('jst_', 'JST_')}`,
      `Bearer ${'a'.repeat(5000)}`,
      bearer(flipped),
    ]) {
      expect(await authenticateApiToken(db(), header), String(header).slice(0, 60)).toBeNull();
    }

    await t.api.client.apiTokens.revoke.mutate({ id: apiToken.id });
    expect(await authenticateApiToken(db(), bearer(token))).toBeNull();
  });

  it('revokes a token: gone from the list; another user or an unknown id gets NOT_FOUND and changes nothing', async () => {
    const { token, apiToken } = await t.api.client.apiTokens.create.mutate({ name: 'to revoke' });
    const other = await otherUser();
    try {
      const theirs = await errorOf(other.client.apiTokens.revoke.mutate({ id: apiToken.id }));
      expect(theirs).toEqual({ code: 'NOT_FOUND', message: `No API token ${apiToken.id}` });
      expect(await other.client.apiTokens.list.query()).toEqual([]);
    } finally {
      await other.close();
    }
    const unknown = 'cm0000000000000000000000a';
    expect(await errorOf(t.api.client.apiTokens.revoke.mutate({ id: unknown }))).toEqual({
      code: 'NOT_FOUND',
      message: `No API token ${unknown}`,
    });
    expect((await t.api.client.apiTokens.list.query()).map((x) => x.id)).toContain(apiToken.id);
    expect(await authenticateApiToken(db(), bearer(token))).not.toBeNull();

    await t.api.client.apiTokens.revoke.mutate({ id: apiToken.id });
    expect((await t.api.client.apiTokens.list.query()).map((x) => x.id)).not.toContain(apiToken.id);
    // Revoked already: the same answer as a token that never existed.
    expect(await errorOf(t.api.client.apiTokens.revoke.mutate({ id: apiToken.id }))).toEqual({
      code: 'NOT_FOUND',
      message: `No API token ${apiToken.id}`,
    });
  });

  it('holds at most 10 live tokens, even when created at once; revoking one makes room', async () => {
    const user = await otherUser();
    try {
      const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => user.client.apiTokens.create.mutate({ name: `client ${i}` })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
      expect(await user.client.apiTokens.list.query()).toHaveLength(10);

      const eleventh = await refusal(user.client.apiTokens.create.mutate({ name: 'one more' }));
      expect(eleventh).toEqual({ code: 'BAD_REQUEST', reason: 'TOO_MANY_TOKENS', message: 'At most 10 API tokens; revoke one first.' });

      const [oldest] = (await user.client.apiTokens.list.query()).slice(-1);
      await user.client.apiTokens.revoke.mutate({ id: oldest!.id });
      await user.client.apiTokens.create.mutate({ name: 'one more' });
      expect(await user.client.apiTokens.list.query()).toHaveLength(10);
    } finally {
      await user.close();
    }
  });

  it('says what is wrong with a name, and is for signed-in users only', async () => {
    const empty = await errorOf(t.api.client.apiTokens.create.mutate({ name: '   ' }));
    expect(empty).toEqual({ code: 'BAD_REQUEST', message: 'name: give the token a name, e.g. the client that will use it' });
    const long = await errorOf(t.api.client.apiTokens.create.mutate({ name: 'x'.repeat(61) }));
    expect(long).toEqual({ code: 'BAD_REQUEST', message: 'name: at most 60 characters' });
    const badId = await errorOf(t.api.client.apiTokens.revoke.mutate({ id: '../x' }));
    expect(badId).toEqual({ code: 'BAD_REQUEST', message: 'id: not an API token id' });

    const anonymous = connect(t.stack.webs[0]!.url);
    try {
      expect((await errorOf(anonymous.client.apiTokens.list.query())).code).toBe('UNAUTHORIZED');
      expect((await errorOf(anonymous.client.apiTokens.create.mutate({ name: 'x' }))).code).toBe('UNAUTHORIZED');
    } finally {
      await anonymous.close();
    }
  });
});
