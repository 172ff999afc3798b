import { fetch, Headers, type RequestInit, type Response } from 'undici';
import type { Egress } from './dispatcher';
import { EgressRefused } from './errors';

/**
 * fetch() for everything the worker asks of the web. Redirects are followed here, one
 * hop at a time, rather than by fetch itself: each hop's address is checked when its
 * connection opens (see dispatcher.ts), and the number of hops stays small.
 */

export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Credentials meant for one site are not handed to the next (as browsers do).
const CROSS_ORIGIN_DROPPED = ['authorization', 'cookie', 'proxy-authorization'];

export type GuardedRequestInit = Omit<RequestInit, 'redirect' | 'dispatcher'> & {
  /** Hops to follow before giving up (MAX_REDIRECTS); 0 returns the first answer as it is. */
  maxRedirects?: number;
};

/** A chain of redirects longer than the caller allows. */
export class TooManyRedirects extends Error {
  constructor(readonly url: string, limit: number) {
    super(`more than ${limit} redirects, last to ${url}`);
    this.name = 'TooManyRedirects';
  }
}

export async function guardedFetch(url: string, init: GuardedRequestInit, egress: Egress): Promise<Response> {
  const { maxRedirects = MAX_REDIRECTS, ...rest } = init;
  let current = webUrl(url);
  let request: RequestInit = { ...rest, headers: new Headers(rest.headers), redirect: 'manual', dispatcher: egress.dispatcher };
  for (let hop = 0; ; hop++) {
    const response = await fetch(current, request);
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
    if (location === null || maxRedirects === 0) return response;
    await response.body?.cancel().catch(() => undefined);
    const next = webUrl(new URL(location, current).href);
    if (hop + 1 > maxRedirects) throw new TooManyRedirects(next.href, maxRedirects);
    request = nextHop(request, response.status, current, next);
    current = next;
  }
}

function webUrl(url: string): URL {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) throw new EgressRefused(url.slice(0, 200), null);
  return parsed;
}

/** The request for the next hop, following fetch's own rules for methods and bodies. */
function nextHop(request: RequestInit, status: number, from: URL, to: URL): RequestInit {
  const headers = new Headers(request.headers);
  if (from.origin !== to.origin) for (const name of CROSS_ORIGIN_DROPPED) headers.delete(name);
  const method = (request.method ?? 'GET').toUpperCase();
  if (status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST') {
    for (const name of ['content-type', 'content-length', 'content-encoding', 'content-language']) headers.delete(name);
    return { ...request, method: 'GET', body: null, headers };
  }
  return { ...request, headers };
}
