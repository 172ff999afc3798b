import { z } from 'zod';

/** How many unrevoked tokens a user may hold: enough for a few clients, few enough to review. */
export const MAX_API_TOKENS = 10;

export const apiTokenNameSchema = z
  .string()
  .trim()
  .min(1, 'name: give the token a name, e.g. the client that will use it')
  .max(60, 'name: at most 60 characters');

export const apiTokenIdSchema = z.string().regex(/^[a-z0-9]{8,64}$/, 'id: not an API token id');

/** A token as the owner sees it after creation: never the token itself, never its hash. */
export const apiTokenSchema = z.object({
  id: apiTokenIdSchema,
  name: z.string(),
  /** The first 8 characters after "jst_": shown as `jst_AbCd1234…` to tell tokens apart. */
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenCreateSchema = z.object({ name: apiTokenNameSchema });
export const apiTokenRevokeSchema = z.object({ id: apiTokenIdSchema });
