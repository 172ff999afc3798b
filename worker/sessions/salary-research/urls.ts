/**
 * Whether two links are the same posting page: boards and users write the same link
 * with and without a trailing slash, a #fragment, or the host in capitals.
 */
export function sameJobUrl(a: string, b: string): boolean {
  return canonicalUrl(a) === canonicalUrl(b);
}

function canonicalUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    parsed.hash = '';
    parsed.pathname = parsed.pathname.replace(/\/+$/, '');
    return parsed.toString().replace(/\/+(?=$|\?)/, '');
  } catch {
    return url.trim().replace(/\/+$/, '');
  }
}
