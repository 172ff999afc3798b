import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { hashPassword } from '../../auth/passwords';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const signUpSchema = z.object({
  email: z.email('email: not an email address').max(254, 'email: at most 254 characters'),
  password: z
    .string()
    .min(8, 'password: at least 8 characters')
    .max(200, 'password: at most 200 characters'),
  name: z.string().trim().min(1, 'name: tell us what to call you').max(100, 'name: at most 100 characters'),
});

export const authRouter = createTRPCRouter({
  /** Creates an account; sign in afterwards through next-auth (/api/auth/callback/credentials). */
  signUp: publicProcedure.input(signUpSchema).mutation(async ({ ctx, input }) => {
    const email = input.email.toLowerCase();
    const { prisma } = ctx.services.db;
    if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new TRPCError({ code: 'CONFLICT', message: 'An account with this email already exists; sign in instead.' });
    }
    const user = await prisma.user.create({
      data: { email, name: input.name, passwordHash: await hashPassword(input.password) },
      select: { id: true, email: true, name: true },
    });
    return user;
  }),

  /** Who is signed in on this connection (null when nobody is). */
  me: publicProcedure.query(({ ctx }) => (ctx.user ? { id: ctx.user.id, email: ctx.user.email, name: ctx.user.name } : null)),
});
