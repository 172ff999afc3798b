/**
 * The words a throttled sign-in answers with. Pure (no server imports): the sign-in
 * page uses `readThrottleMessage` to show it, and only ever shows text rebuilt from
 * the parsed parts, so a crafted `?error=` link cannot put arbitrary words on the page.
 */

export type ThrottleScope = 'account' | 'address';

const SUBJECT: Record<ThrottleScope, string> = {
  account: 'for this account',
  address: 'from your network',
};

/** "2 minutes", "1 second": the wait rounded up, in the largest unit that reads well. */
export function formatWait(waitSeconds: number): string {
  const seconds = Math.max(1, Math.ceil(waitSeconds));
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

export function throttleMessage(scope: ThrottleScope, waitSeconds: number): string {
  return `Too many sign-in attempts ${SUBJECT[scope]}. Try again in ${formatWait(waitSeconds)}.`;
}

const PATTERN = /^Too many sign-in attempts (for this account|from your network)\. Try again in (\d{1,6}) (second|seconds|minute|minutes)\.$/;

/** The throttle message in `text`, rebuilt from its parts; null for anything else. */
export function readThrottleMessage(text: string | null | undefined): string | null {
  const match = text ? PATTERN.exec(text) : null;
  if (!match) return null;
  const scope: ThrottleScope = match[1] === SUBJECT.account ? 'account' : 'address';
  const amount = Number(match[2]);
  const seconds = match[3]?.startsWith('minute') ? amount * 60 : amount;
  return throttleMessage(scope, seconds);
}
