/**
 * Operators are named by email in ADMIN_EMAILS (parsed lower-case in env.ts). An
 * account without an email (possible with OAuth) is never one.
 */
export function isAdmin(user: { email: string | null } | null, adminEmails: readonly string[]): boolean {
  const email = user?.email?.toLowerCase();
  return email !== undefined && adminEmails.includes(email);
}
