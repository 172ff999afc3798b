import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { errorShapeOf } from '../api/errors';
import { discardRest } from './request-body';

/** A JSON answer that no cache keeps. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Answers a refused plain-HTTP request (an upload, an AG-UI call) in the API's error
 * shape. Library errors stay in the log under `what`; the client reads our words. What
 * is left of the body (up to `discardUpTo` bytes) is read, so that the client gets the
 * answer instead of a reset connection. `allow` names the method a wrong one should use.
 */
export function refuseRequest(
  req: IncomingMessage,
  res: ServerResponse,
  err: unknown,
  { what, discardUpTo, allow }: { what: string; discardUpTo: number; allow?: string },
): void {
  if (!(err instanceof TRPCError)) console.error(`${what} failed:`, err);
  const error = err instanceof TRPCError ? err : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side; try again in a moment.' });
  // A stream already under way ends instead: its client reads the end of the stream.
  if (res.headersSent) {
    res.end();
    return;
  }
  discardRest(req, discardUpTo);
  const shape = errorShapeOf(error);
  sendJson(res, shape.data.httpStatus, { error: shape }, allow && error.code === 'METHOD_NOT_SUPPORTED' ? { allow } : {});
}
