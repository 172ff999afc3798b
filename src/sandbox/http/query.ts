import { z } from 'zod';

/** The first value of each query parameter, as zod input (absent stays undefined). */
export function queryObject(query: URLSearchParams, names: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(names.map((n) => [n, query.get(n) ?? undefined]));
}

const text = (name: string) => z.string().trim().max(200, `${name}: at most 200 characters`).default('');

/** A whole number in [min, max]; an empty parameter means "the default". */
const wholeNumber = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!/^\d+$/.test(v.trim()) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name}: a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

export const boardQuerySchema = z.object({ q: text('q'), location: text('location') });

export const jobsQuerySchema = boardQuerySchema.extend({
  limit: wholeNumber('limit', 1, 500, 50),
  offset: wholeNumber('offset', 0, 100_000, 0),
});

/** The first problem, worded for the client. */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'invalid query';
}
