import { readThrottleMessage } from '~/server/auth/throttle-message';

export const WRONG_PAIR = 'Email or password is not right';
const COULD_NOT = "Couldn't sign you in just now. Try again in a moment.";

/**
 * What to tell the person about next-auth's `error` (from signIn's result, or the
 * `?error=` next-auth redirects to). Only words we wrote: the throttle message is
 * rebuilt from its parts, and anything unknown gets a general sentence.
 */
export function signInErrorMessage(error: string | null | undefined): string {
  const throttled = readThrottleMessage(error);
  if (throttled) return throttled;
  return error === 'CredentialsSignin' ? WRONG_PAIR : COULD_NOT;
}
