import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TRPCError } from '@trpc/server';
import { errorShapeOf, failWith } from '../api/errors';

/**
 * What an HTTP call must look like before tRPC sees it. A browser sends a
 * cross-site form (multipart, urlencoded, text/plain) without asking first, cookie
 * included; only JSON bodies need a CORS preflight, so mutations take JSON alone.
 * And a browser that says where it comes from must come from our own origin.
 * Returns true when the request was answered (refused).
 */
export function refuseForeignCall(
  req: IncomingMessage,
  res: ServerResponse,
  rules: { origins: ReadonlySet<string>; maxBatchSize: number },
): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && !rules.origins.has(origin)) {
    answer(req, res, rules.maxBatchSize, failWith('FORBIDDEN', 'ORIGIN_DENIED', `Calls from ${origin} are not allowed; use the app at its own address.`));
    return true;
  }
  if (req.method === 'POST' && !isJson(req.headers['content-type'])) {
    answer(req, res, rules.maxBatchSize, failWith('UNSUPPORTED_MEDIA_TYPE', 'BAD_INPUT', 'Send calls as JSON (content-type: application/json).'));
    return true;
  }
  return false;
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** A tRPC-shaped error: one per call of a batch, so each call of the client fails with it. */
function answer(req: IncomingMessage, res: ServerResponse, maxBatchSize: number, error: TRPCError): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const body = { error: errorShapeOf(error) };
  // One answer per call, but never more than the batch limit allows calls.
  const calls = Math.min(url.pathname.split(',').length, maxBatchSize);
  const json = url.searchParams.get('batch') === '1' ? Array.from({ length: calls }, () => body) : body;
  // Whatever the body was, it is not read: close rather than drain it.
  res.writeHead(body.error.data.httpStatus, { 'content-type': 'application/json', connection: 'close' });
  res.end(JSON.stringify(json));
}
