import { PrismaAdapter } from '@next-auth/prisma-adapter';
import type { Redis } from 'ioredis';
import type { AuthOptions, LoggerInstance } from 'next-auth';
import credentials from 'next-auth/providers/credentials';
import github from 'next-auth/providers/github';
import google from 'next-auth/providers/google';
import type { PrismaClient } from '~/db';
import type { Env } from '~/env';
import { redisKeys } from '~/store/keys';
import { connectRedis } from '~/store/redis';
import { cjsDefault } from './cjs-default';
import { createAuthorize } from './credentials-authorize';
import { signedInUser } from './session';
import { createSignInThrottle } from './signin-throttle';

const CredentialsProvider = cjsDefault(credentials);
const GitHubProvider = cjsDefault(github);
const GoogleProvider = cjsDefault(google);

/** Thrown from the jwt callback for a token issued before a sign-out: next-auth then answers `{}` and clears the cookie. */
class SessionSignedOut extends Error {}

/** next-auth's own logging, minus the expected case of an old cookie after a sign-out. */
const logger: Partial<LoggerInstance> = {
  error(code, metadata) {
    if (metadata instanceof SessionSignedOut) return;
    console.error(`[next-auth][error][${code}]`, metadata);
  },
  warn(code) {
    console.warn(`[next-auth][warn][${code}]`);
  },
};

export interface AuthDeps {
  /** The web process's Redis connection, for sign-in throttling; without it, one of its own is opened. */
  redis?: Redis;
}

/**
 * next-auth: email and password (argon2id, throttled in Redis), plus GitHub and Google
 * when their keys are set. Sessions are JWTs carrying the user's sessionVersion;
 * signing out bumps it, which ends every session of that user, on every device and
 * socket, and for next-auth's own /api/auth/session too.
 */
export function buildAuthOptions(prisma: PrismaClient, env: Env, secret: string, deps: AuthDeps = {}): AuthOptions {
  const throttle = createSignInThrottle(deps.redis ?? connectRedis(env.REDIS_URL, 'web-signin'), redisKeys(env.KEY_PREFIX).prefix, {
    freeAttempts: env.SIGNIN_FREE_ATTEMPTS,
    maxBackoffSeconds: env.SIGNIN_MAX_BACKOFF_SECONDS,
  });
  const providers: AuthOptions['providers'] = [
    CredentialsProvider({
      name: 'Email',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      authorize: createAuthorize({ prisma, throttle, trustProxy: env.TRUST_PROXY }),
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }));
  }
  return {
    secret,
    adapter: PrismaAdapter(prisma),
    session: { strategy: 'jwt', maxAge: env.SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: env.SESSION_MAX_AGE_SECONDS }, // next-auth does not derive it from session.maxAge
    providers,
    // Errors (a throttled sign-in, OAuth failures) land on our sign-in page, which shows only words it knows.
    pages: { signIn: '/signin', error: '/signin' },
    logger,
    callbacks: {
      async jwt({ token, user, trigger }) {
        // `user` is there only when the token is first issued, at sign-in.
        if (trigger === 'signIn' || trigger === 'signUp') {
          const row = await prisma.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
          token.sub = user.id;
          token.sv = row?.sessionVersion ?? 0;
          return token;
        }
        // Every later read of the cookie (GET /api/auth/session): the same check as tRPC and the socket.
        if (!(await signedInUser(prisma, token))) throw new SessionSignedOut('session signed out');
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub } };
      },
    },
    events: {
      async signOut({ token }) {
        if (token.sub) await prisma.user.update({ where: { id: token.sub }, data: { sessionVersion: { increment: 1 } } });
      },
    },
  };
}

/** The enabled OAuth providers, for the sign-in page. */
export function oauthProviders(env: Env): ('github' | 'google')[] {
  return [
    ...(env.GITHUB_ID && env.GITHUB_SECRET ? (['github'] as const) : []),
    ...(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET ? (['google'] as const) : []),
  ];
}
