import { PrismaAdapter } from '@next-auth/prisma-adapter';
import type { AuthOptions } from 'next-auth';
import credentials from 'next-auth/providers/credentials';
import github from 'next-auth/providers/github';
import google from 'next-auth/providers/google';
import { z } from 'zod';
import type { PrismaClient } from '~/db';
import type { Env } from '~/env';
import { cjsDefault } from './cjs-default';
import { hashPassword, verifyPassword } from './passwords';

const CredentialsProvider = cjsDefault(credentials);
const GitHubProvider = cjsDefault(github);
const GoogleProvider = cjsDefault(google);

const credentialsSchema = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });

/** Compared against when the email is unknown, so that a miss takes as long as a hit. */
const decoyHash = hashPassword('decoy password that never matches');

/**
 * next-auth: email and password (argon2id), plus GitHub and Google when their keys
 * are set. Sessions are JWTs carrying the user's sessionVersion; signing out bumps
 * it, which ends every session of that user, on every device and socket.
 */
export function buildAuthOptions(prisma: PrismaClient, env: Env, secret: string): AuthOptions {
  const providers: AuthOptions['providers'] = [
    CredentialsProvider({
      name: 'Email',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const email = parsed.data.email.toLowerCase();
        const user = await prisma.user.findUnique({ where: { email } });
        const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), parsed.data.password);
        return user && ok ? { id: user.id, email: user.email, name: user.name } : null;
      },
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
    callbacks: {
      async jwt({ token, user, trigger }) {
        // `user` is there only when the token is first issued, at sign-in.
        if (trigger === 'signIn' || trigger === 'signUp') {
          const row = await prisma.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
          token.sub = user.id;
          token.sv = row?.sessionVersion ?? 0;
        }
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
