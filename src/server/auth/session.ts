import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { decode } from 'next-auth/jwt';
import type { PrismaClient } from '~/db';

export interface AuthUser {
  id: string;
  email: string | null;
  name: string | null;
  /** When the session token stops being valid (ms since epoch). */
  expiresAt: number;
}

export interface SessionVerifier {
  /** The signed-in user of a request or upgrade, or null. */
  authenticate(headers: IncomingHttpHeaders): Promise<AuthUser | null>;
}

const COOKIE = 'next-auth.session-token';

/**
 * Reads next-auth's session cookie (the same one the browser sends to every page),
 * checks its signature and expiry, and that the user has not signed out since it was
 * issued (sessionVersion). Shared by HTTP requests and WebSocket upgrades.
 */
export function createSessionVerifier(prisma: PrismaClient, secret: string, secureCookies: boolean): SessionVerifier {
  const cookieName = secureCookies ? `__Secure-${COOKIE}` : COOKIE;
  return {
    async authenticate(headers) {
      const token = sessionToken(headers.cookie, cookieName);
      if (!token) return null;
      const jwt = await decode({ token, secret }).catch(() => null);
      if (!jwt || typeof jwt.exp !== 'number' || jwt.exp * 1000 <= Date.now()) return null;
      const user = await signedInUser(prisma, jwt);
      return user ? { ...user, expiresAt: jwt.exp * 1000 } : null;
    },
  };
}

/**
 * The user a session token names, unless they signed out since it was issued (a
 * sign-out bumps sessionVersion; the token carries the version it was issued with as
 * `sv`). The one place this is checked: tRPC, WebSocket upgrades and next-auth's own
 * /api/auth/session (the jwt callback in options.ts) all come here.
 */
export async function signedInUser(
  prisma: PrismaClient,
  token: { sub?: unknown; sv?: unknown },
): Promise<Omit<AuthUser, 'expiresAt'> | null> {
  if (typeof token.sub !== 'string' || !token.sub) return null;
  const user = await prisma.user.findUnique({
    where: { id: token.sub },
    select: { id: true, email: true, name: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== token.sv) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** The session cookie, reassembled when next-auth split a large one into chunks. */
function sessionToken(header: string | undefined, name: string): string | null {
  if (!header) return null;
  const cookies = parseCookies(header);
  const whole = cookies[name];
  if (whole) return whole;
  const chunks = Object.keys(cookies)
    .filter((k) => k.startsWith(`${name}.`))
    .sort((a, b) => Number(a.slice(name.length + 1)) - Number(b.slice(name.length + 1)));
  return chunks.length > 0 ? chunks.map((k) => cookies[k]).join('') : null;
}
