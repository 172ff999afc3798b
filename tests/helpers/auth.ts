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

/**
 * Signs in the way a browser does, through next-auth's standard endpoints: fetch a
 * CSRF token, then post the credentials form with it. Returns the session cookie.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = cookiesFrom(csrfRes).join('; ');
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = cookiesFrom(res).find((c) => c.startsWith('next-auth.session-token'));
  if (!session) throw new Error(`sign-in failed (${res.status}): ${await res.text()}`);
  return session;
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
