import { randomBytes } from 'node:crypto';
import { connect } from './client';

/** Signs session tokens in tests; never used outside them. */
export const TEST_AUTH_SECRET = 'test-only-secret-0123456789abcdef0123456789';

export interface TestUser {
  email: string;
  password: string;
  name: string;
  /** The Cookie header a signed-in browser would send. */
  cookie: string;
}

/** Name=value pairs from a response's Set-Cookie headers. */
function cookiesFrom(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
}

/** What one sign-in attempt got: the session cookie, or next-auth's `error` (e.g. "CredentialsSignin"). */
export interface SignInAttempt {
  status: number;
  cookie: string | null;
  error: string | null;
}

/**
 * One sign-in the way a browser does, through next-auth's standard endpoints: fetch a
 * CSRF token, then post the credentials form with it. `headers` go with the post (e.g.
 * X-Forwarded-For, to sign in "from" another address behind a trusted proxy).
 */
export async function attemptSignIn(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}): Promise<SignInAttempt> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = cookiesFrom(csrfRes).join('; ');
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const cookie = cookiesFrom(res).find((c) => c.startsWith('next-auth.session-token')) ?? null;
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  const error = body.url ? new URL(body.url, baseUrl).searchParams.get('error') : null;
  return { status: res.status, cookie, error };
}

/** Signs in (see attemptSignIn) and returns the session cookie; throws when refused. */
export async function signIn(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const attempt = await attemptSignIn(baseUrl, email, password, headers);
  if (!attempt.cookie) throw new Error(`sign-in failed (${attempt.status}): ${attempt.error ?? 'no session cookie'}`);
  return attempt.cookie;
}

/** Signs a brand-new user up through auth.signUp, then in. */
export async function newUser(baseUrl: string, name = 'Test User'): Promise<TestUser> {
  const email = `user-${randomBytes(4).toString('hex')}@example.com`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const anonymous = connect(baseUrl);
  try {
    await anonymous.client.auth.signUp.mutate({ email, password, name });
  } finally {
    await anonymous.close();
  }
  return { email, password, name, cookie: await signIn(baseUrl, email, password) };
}

/** Signs out through next-auth's endpoint, which ends the user's sessions everywhere. */
export async function signOut(baseUrl: string, cookie: string): Promise<void> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = cookiesFrom(csrfRes).join('; ');
  const res = await fetch(`${baseUrl}/api/auth/signout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [cookie, csrfCookie].filter(Boolean).join('; ') },
    body: new URLSearchParams({ csrfToken, json: 'true' }),
  });
  if (res.status >= 400) throw new Error(`sign-out failed (${res.status})`);
}
