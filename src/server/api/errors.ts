import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';

/** Seed 002's error codes, carried in `error.data.reason` beside tRPC's own code. */
export type ErrorReason =
  | 'AUTH_FAILED'
  | 'AUTH_MISSING'
  | 'ROOM_ACCESS_DENIED'
  | 'INVALID_ROOM'
  | 'RATE_LIMITED'
  | 'HISTORY_GAP'
  | 'HISTORY_RESET'
  | 'USE_WEBSOCKET'
  | 'TOO_MANY_CALLS'
  | 'BAD_INPUT'
  | 'ORIGIN_DENIED'
  /** A user already holds as many API tokens as allowed; revoking one makes room. */
  | 'TOO_MANY_TOKENS';

class Reason extends Error {
  constructor(readonly reason: ErrorReason) {
    super(reason);
  }
}

export function failWith(code: TRPCError['code'], reason: ErrorReason, message: string): TRPCError {
  return new TRPCError({ code, message, cause: new Reason(reason) });
}

/** "field: message; field: message" — the zod messages, readable by a person. */
export function formatZodError(error: ZodError): string {
  return error.issues
    .map((i) => {
      const path = i.path.join('.');
      return !path || i.message.startsWith(`${path}:`) ? i.message : `${path}: ${i.message}`;
    })
    .join('; ');
}

/** tRPC's own wording for limits it enforces, said the way our other errors are. */
function ownMessage(error: TRPCError, limits: { maxBatchSize: number }): string | null {
  if (error.code === 'PAYLOAD_TOO_LARGE' && error.message === 'PAYLOAD_TOO_LARGE') return 'The request is too large (at most 10 MB).';
  if (error.code === 'BAD_REQUEST' && error.message === 'Batch call exceeds maximum size') {
    return `Too many calls in one batch request: at most ${limits.maxBatchSize}. Send them in smaller batches.`;
  }
  // Anything tRPC could not parse: its text is the parser's, not ours to show.
  if (error.code === 'PARSE_ERROR' || error.cause instanceof SyntaxError) return 'The input is not valid JSON.';
  return null;
}

/**
 * The error shape every client sees: tRPC's, with our message for zod errors and
 * tRPC's own limits, and seed 002's reason beside the code. Internal errors say only
 * that something went wrong; their text stays in the server log.
 */
export function shapeError<S extends { message: string; data: object }>(shape: S, error: TRPCError, limits: { maxBatchSize: number }) {
  const zodError = error.cause instanceof ZodError ? error.cause : null;
  const internal = error.code === 'INTERNAL_SERVER_ERROR';
  return {
    ...shape,
    message: zodError
      ? formatZodError(zodError)
      : internal
        ? 'Something went wrong on our side; try again in a moment.'
        : (ownMessage(error, limits) ?? shape.message),
    data: {
      ...shape.data,
      stack: undefined,
      reason: error.cause instanceof Reason ? error.cause.reason : null,
      zodError: zodError ? zodError.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) : null,
    },
  };
}

/** tRPC's error shape for an error raised outside tRPC's own handlers. */
export function errorShapeOf(error: TRPCError) {
  return {
    message: error.message,
    code: TRPC_ERROR_CODES_BY_KEY[error.code],
    data: {
      code: error.code,
      httpStatus: getHTTPStatusCodeFromError(error),
      reason: error.cause instanceof Reason ? error.cause.reason : null,
      zodError: null,
    },
  };
}

/**
 * The JSON-RPC error reply for a call refused before it reached tRPC (rate limits,
 * too many calls in one message, no session), shaped exactly like tRPC's own.
 */
export function errorReply(id: string | number, error: TRPCError): string {
  return JSON.stringify({ id, error: errorShapeOf(error) });
}
