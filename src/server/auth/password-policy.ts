import { ratePassword } from './password-strength';

/** zxcvbn's "safely unguessable" (about 10^8 guesses or more): enough with sign-in throttled. */
const MIN_SCORE = 3;

export const MIN_PASSWORD_LENGTH = 10;

export const TOO_COMMON = 'password: this password is too common; add words or characters that are not easy to guess';
export const TOO_PERSONAL =
  'password: this password is too easy to guess from your name or email; add words or characters that are not easy to guess';

/** Words an attacker tries first for this person: the email, its parts, and the name. */
function personalWords(email: string, name: string): string[] {
  const local = email.split('@')[0] ?? '';
  const localParts = local.split(/[._+-]+/);
  const nameParts = name.split(/\s+/);
  const words = [email, local, localParts.join(''), ...localParts, name, nameParts.join(''), ...nameParts];
  return [...new Set(words.map((w) => w.trim().toLowerCase()).filter((w) => w.length >= 3))];
}

/**
 * Why a password is too weak for this account, in words that say what to do, or null
 * when it is strong enough. Length is zod's job (signUpSchema); this is the guessability.
 */
export async function weakPasswordReason(password: string, account: { email: string; name: string }): Promise<string | null> {
  const strength = await ratePassword(password, personalWords(account.email, account.name));
  if (strength.score >= MIN_SCORE) return null;
  return strength.personal ? TOO_PERSONAL : TOO_COMMON;
}
