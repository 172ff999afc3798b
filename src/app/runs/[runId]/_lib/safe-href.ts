/**
 * Posting links come from job boards, not from us: only web addresses become links,
 * so a board that lists "javascript:…" cannot run code in this page.
 */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
