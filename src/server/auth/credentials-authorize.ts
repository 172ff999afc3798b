import { z } from 'zod';
import type { PrismaClient } from '~/db';
import { clientAddress } from './client-address';
import { hashPassword, verifyPassword } from './passwords';
import type { SignInThrottle } from './signin-throttle';
import { throttleMessage } from './throttle-message';

const credentialsSchema = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });

/**
 * What a failed sign-in says when the password could not be checked (Redis or the
 * database failing). next-auth puts a thrown error's message in the `?error=` of its
 * answer, so nothing else may be thrown from authorize: the details go to the log.
 */
export const SIGN_IN_UNAVAILABLE = 'SignInUnavailable';

/** Compared against when the email is unknown, so that a miss takes as long as a hit. */
const decoyHash = hashPassword('decoy password that never matches');

/** A refusal whose message is meant for the person signing in. */
class PublicSignInError extends Error {}

export interface AuthorizeDeps {
  prisma: PrismaClient;
  throttle: SignInThrottle;
  trustProxy: boolean;
}

type SignedIn = { id: string; email: string | null; name: string | null };

/**
 * next-auth's credentials `authorize`: throttled per account and per address before
 * any password is checked, so a throttled guess is refused unread and costs no argon2.
 */
export function createAuthorize(deps: AuthorizeDeps) {
  return async function authorize(raw: unknown, req: { headers?: Record<string, unknown> }): Promise<SignedIn | null> {
    const parsed = credentialsSchema.safeParse(raw);
    if (!parsed.success) return null;
    try {
      return await checkCredentials(deps, parsed.data.email.toLowerCase(), parsed.data.password, clientAddress(req.headers, deps.trustProxy));
    } catch (err) {
      if (err instanceof PublicSignInError) throw err;
      console.error(`[auth] sign-in could not be checked: ${err instanceof Error ? err.message : String(err)}`);
      throw new Error(SIGN_IN_UNAVAILABLE, { cause: err });
    }
  };
}

async function checkCredentials(deps: AuthorizeDeps, email: string, password: string, address: string): Promise<SignedIn | null> {
  const gate = await deps.throttle.begin(email, address);
  if (!gate.allowed) throw new PublicSignInError(throttleMessage(gate.scope, gate.waitSeconds));
  const user = await deps.prisma.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  if (!user || !ok) return null;
  await deps.throttle.succeeded(gate);
  return { id: user.id, email: user.email, name: user.name };
}
