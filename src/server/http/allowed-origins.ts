import type { Env } from '~/env';

/**
 * The origins a browser may call us from: the app's public origin and its sign-in
 * URL's. Anything else sending Origin is another site using the visitor's cookie.
 */
export function allowedOrigins(env: Pick<Env, 'APP_URL' | 'NEXTAUTH_URL'>): ReadonlySet<string> {
  return new Set([new URL(env.APP_URL).origin, new URL(env.NEXTAUTH_URL ?? env.APP_URL).origin]);
}
