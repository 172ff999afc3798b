import type { ServerResponse } from 'node:http';

/**
 * Headers every response carries, pages and APIs alike. Next's pages replace the
 * Content-Security-Policy with their own nonce-based one (src/proxy.ts); everything
 * else the server answers is data, which needs no script, style or frame at all.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // Run pages link to employers' sites; their addresses (run ids) stay ours.
  res.setHeader('Referrer-Policy', 'same-origin');
  // frame-ancestors for browsers that predate it.
  res.setHeader('X-Frame-Options', 'DENY');
}

/**
 * The policy for Next's pages: scripts only with this response's nonce (and what
 * they load), styles from our origin or with the nonce, images from us or data
 * (live browser frames), connections to our own origin and its WebSocket. React's
 * server-rendered `style` attributes need style-src-attr; they cannot run code.
 */
export function pageContentSecurityPolicy(nonce: string, opts: { host: string; dev: boolean }): string {
  const script = [`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`, ...(opts.dev ? [`'unsafe-eval'`] : [])];
  return [
    `default-src 'self'`,
    `script-src ${script.join(' ')}`,
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-attr 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self' ws://${opts.host} wss://${opts.host}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}
