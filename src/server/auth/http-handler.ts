import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseCookies } from 'cookie';
import type { NextApiRequest, NextApiResponse } from 'next';
import nextAuth, { type AuthOptions } from 'next-auth';
import { cjsDefault } from './cjs-default';
import { stampSocketAddress } from './client-address';

const NextAuth = cjsDefault(nextAuth);

const MAX_BODY_BYTES = 64 * 1024;

/**
 * next-auth's standard endpoints (/api/auth/csrf, /api/auth/callback/credentials,
 * /api/auth/signout, …) served by the custom server through next-auth's API-route
 * handler, so that the auth code shares this process's database client instead of
 * a second copy inside Next's bundle.
 */
export async function handleAuthRequest(req: IncomingMessage, res: ServerResponse, options: AuthOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const nextauth = url.pathname.replace(/^\/api\/auth\/?/, '').split('/').filter(Boolean);
  // Sign-in throttling needs the client's address, and next-auth passes authorize only the headers.
  stampSocketAddress(req);
  const apiReq = Object.assign(req, {
    query: { ...Object.fromEntries(url.searchParams), nextauth },
    cookies: parseCookies(req.headers.cookie ?? ''),
    body: req.method === 'POST' ? await readBody(req) : undefined,
  }) as unknown as NextApiRequest;
  await NextAuth(apiReq, asApiResponse(res), options);
}

/** The three helpers next-auth calls on a Next API response, on a plain Node response. */
function asApiResponse(res: ServerResponse): NextApiResponse {
  const api = Object.assign(res, {
    status(code: number) {
      res.statusCode = code;
      return api;
    },
    send(body: unknown) {
      if (typeof body === 'string' || Buffer.isBuffer(body)) res.end(body);
      else api.json(body);
      return api;
    },
    json(body: unknown) {
      if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(body));
      return api;
    },
  });
  return api as unknown as NextApiResponse;
}

async function readBody(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    return JSON.parse(text || '{}') as Record<string, string>;
  }
  return Object.fromEntries(new URLSearchParams(text));
}
