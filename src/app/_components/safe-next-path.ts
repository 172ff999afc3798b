/** Pages a finished sign-in must never land on again: they would loop or look broken. */
const AUTH_PAGES = ['/signin', '/signup'];

const BASE = 'http://jobstream.invalid';

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Where to send someone after they sign in or up, taken from `?next=`. Only a path on
 * this site is allowed: anything that could point elsewhere ("//evil", "/\evil",
 * "https://…") is dropped, so the parameter cannot become an open redirect.
 */
export function safeNextPath(raw: string | string[] | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  if (!raw.startsWith('/') || raw.startsWith('//')) return null;
  // Browsers read "\" as "/" and strip tabs and newlines, so "/\evil" or "/\t/evil" would leave the site.
  if (raw.includes('\\') || hasControl(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  if (AUTH_PAGES.some((page) => url.pathname === page || url.pathname.startsWith(`${page}/`))) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `?next=` for a link between the sign-in and sign-up pages, so the destination survives the hop. */
export function nextQuery(next: string | null): string {
  return next ? `?next=${encodeURIComponent(next)}` : '';
}
