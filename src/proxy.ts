import { NextResponse, type NextRequest } from 'next/server';
import { pageContentSecurityPolicy } from '~/server/http/security-headers';

/**
 * Every page gets a fresh nonce: Next reads it from the request's policy header and
 * puts it on its own scripts, so only they run. Pages are rendered per request for
 * this (the root layout reads the nonce).
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const policy = pageContentSecurityPolicy(nonce, {
    host: request.headers.get('host') ?? request.nextUrl.host,
    dev: process.env.NODE_ENV === 'development',
  });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Pages only: the custom server answers /api and /sandbox itself, and static files need no nonce.
  matcher: [{ source: '/((?!api/|sandbox|_next/static|_next/image|favicon.ico).*)' }],
};
