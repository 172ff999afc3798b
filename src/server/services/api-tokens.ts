import { createHash, randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { Database } from '~/db';
import { MAX_API_TOKENS, type ApiToken } from '~/shared/api-tokens';
// errors.ts, not trpc.ts: the AG-UI endpoint imports this file and needs none of tRPC's setup.
import { failWith } from '../api/errors';
import type { AuthUser } from '../auth/session';
import type { ServerServices } from './index';

/** 32 random bytes in base64url are 43 characters (no padding). */
const TOKEN = /^jst_[A-Za-z0-9_-]{43}$/;
const BEARER = /^(\S+) +(\S+)$/;
/** "Last used" is for a person reading the list: to the minute is enough, and spares a write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

const PUBLIC = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true } as const;

type PublicRow = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null };

function view(row: PublicRow): ApiToken {
  return { ...row, createdAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null };
}

// The token has 256 random bits, so a plain (unsalted) hash cannot be reversed by guessing,
// and it lets a request find its row by an indexed lookup.
const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A new token for the user: returned once here, kept only as its hash. */
export async function createApiToken(s: ServerServices, userId: string, name: string): Promise<{ token: string; apiToken: ApiToken }> {
  const secret = randomBytes(32).toString('base64url');
  const token = `jst_${secret}`;
  return s.db.prisma.$transaction(async (tx) => {
    // Two creates at once must not both count 9 and make 11: the user's row serialises them.
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    const live = await tx.apiToken.count({ where: { userId, revokedAt: null } });
    if (live >= MAX_API_TOKENS) {
      throw failWith('BAD_REQUEST', 'TOO_MANY_TOKENS', `At most ${MAX_API_TOKENS} API tokens; revoke one first.`);
    }
    const row = await tx.apiToken.create({
      data: { userId, name, prefix: secret.slice(0, 8), hash: hashOf(token) },
      select: PUBLIC,
    });
    return { token, apiToken: view(row) };
  });
}

/** The user's live tokens, newest first. */
export async function listApiTokens(s: ServerServices, userId: string): Promise<ApiToken[]> {
  const rows = await s.db.prisma.apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: PUBLIC,
  });
  return rows.map(view);
}

/** Revokes one of the user's tokens. Another user's, a missing or a revoked one: the same NOT_FOUND. */
export async function revokeApiToken(s: ServerServices, userId: string, id: string): Promise<void> {
  const { count } = await s.db.prisma.apiToken.updateMany({
    where: { id, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new TRPCError({ code: 'NOT_FOUND', message: `No API token ${id}` });
}

/**
 * The owner of `Authorization: Bearer jst_…`, or null for a missing, malformed, unknown or
 * revoked token. Anything not shaped like a token is refused before the database is asked.
 * Takes the server's services or an open database.
 */
export async function authenticateApiToken(
  from: { db: Pick<Database, 'prisma'> } | Pick<Database, 'prisma'>,
  authorization: string | undefined,
): Promise<AuthUser | null> {
  if (!authorization || authorization.length > 100) return null;
  const [, scheme, token] = BEARER.exec(authorization) ?? [];
  if (scheme?.toLowerCase() !== 'bearer' || !token || !TOKEN.test(token)) return null;
  const prisma = 'db' in from ? from.db.prisma : from.prisma;
  const row = await prisma.apiToken.findUnique({
    where: { hash: hashOf(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!row || row.revokedAt) return null;
  const staleBefore = new Date(Date.now() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt <= staleBefore) {
    // The same condition in the write: of several instances seeing it stale, one writes.
    await prisma.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
      data: { lastUsedAt: new Date() },
    });
  }
  // A token lasts until it is revoked.
  return { ...row.user, expiresAt: Number.MAX_SAFE_INTEGER };
}
