import { z } from 'zod';

/**
 * A reply being written (model tokens), as sessions.typing streams it: the text so far,
 * latest wins. Never stored: the finished reply arrives as a durable event with the same
 * `messageId`, which replaces it on the page.
 */
export const typingSchema = z.object({
  messageId: z.string().max(100),
  text: z.string().max(20_000),
  done: z.boolean(),
});
export type Typing = z.infer<typeof typingSchema>;
