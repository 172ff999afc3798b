import { z } from 'zod';

/** A job posting's or application form's address, as a user pastes it. */
export const applyUrlSchema = z
  .string()
  .trim()
  .max(2048, 'url: at most 2048 characters')
  .refine((v) => {
    try {
      const { protocol } = new URL(v);
      return protocol === 'https:' || protocol === 'http:';
    } catch {
      return false;
    }
  }, 'url: a web address starting with https://, e.g. the posting’s "Apply" link');
