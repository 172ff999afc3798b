import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { isAdmin } from '../../auth/admin';
import { hashPassword } from '../../auth/passwords';
import { MIN_PASSWORD_LENGTH, weakPasswordReason } from '../../auth/password-policy';
import { StrengthCheckBusy } from '../../auth/password-strength';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const signUpSchema = z.object({
  email: z.email('email: not an email address').max(254, 'email: at most 254 characters'),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `password: at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(200, 'password: at most 200 characters'),
  name: z.string().trim().min(1, 'name: tell us what to call you').max(100, 'name: at most 100 characters'),
});

export const signUpResultSchema = z.object({ ok: z.literal(true), message: z.string() });
export type SignUpResult = z.infer<typeof signUpResultSchema>;

/**
 * The one answer to every accepted sign-up, whether the email was new or already had an
 * account: anything else would tell a stranger which emails have accounts here.
 */
const SIGNED_UP: SignUpResult = { ok: true, message: 'Sign in with this email and password to continue.' };

async function assertStrongPassword(password: string, account: { email: string; name: string }): Promise<void> {
  let reason: string | null;
  try {
    reason = await weakPasswordReason(password, account);
  } catch (err) {
    if (err instanceof StrengthCheckBusy) {
      throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'Many accounts are being created right now; try again in a moment.' });
    }
    console.error(`[auth] password strength check failed: ${err instanceof Error ? err.message : String(err)}`);
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Could not check the password just now; try again in a moment.' });
  }
  if (reason) throw new TRPCError({ code: 'BAD_REQUEST', message: reason });
}

export const authRouter = createTRPCRouter({
  /**
   * Creates an account, then sign in through next-auth (/api/auth/callback/credentials).
   * A taken email gets the same answer, after the same work (strength check, argon2id
   * hash, one insert that does nothing), and the existing account is left untouched.
   */
  signUp: publicProcedure
    .input(signUpSchema)
    .output(signUpResultSchema)
    .mutation(async ({ ctx, input }) => {
      const email = input.email.toLowerCase();
      await assertStrongPassword(input.password, { email, name: input.name });
      try {
        const passwordHash = await hashPassword(input.password);
        // One INSERT … ON CONFLICT DO UPDATE either way: no "exists?" query first, and a taken
        // email writes too (a no-op increment, password and name untouched), so that both
        // cases cost the same, commit included.
        await ctx.services.db.prisma.user.upsert({
          where: { email },
          create: { email, name: input.name, passwordHash },
          update: { sessionVersion: { increment: 0 } },
          select: { id: true },
        });
      } catch (err) {
        console.error(`[auth] sign-up failed: ${err instanceof Error ? err.message : String(err)}`);
        throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Could not create the account just now; try again in a moment.' });
      }
      return SIGNED_UP;
    }),

  /**
   * Who is signed in on this connection (null when nobody is). `admin: true` only for an
   * operator (ADMIN_EMAILS), who gets a link to /ops; for anyone else the field is absent.
   */
  me: publicProcedure.query(({ ctx }) => {
    if (!ctx.user) return null;
    const me = { id: ctx.user.id, email: ctx.user.email, name: ctx.user.name };
    return isAdmin(ctx.user, ctx.services.env.ADMIN_EMAILS) ? { ...me, admin: true as const } : me;
  }),
});
