import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventType, type AGUIEvent } from '@ag-ui/core';
import { EventSchema } from '@ag-ui/core/schemas';
import { EventEncoder } from '@ag-ui/encoder';
import { TRPCError } from '@trpc/server';
import { failWith } from '../api/errors';
import { parseAguiRequest, startFromMessage, type AguiRequest } from '../agui/agui-request';
import { streamThread } from '../agui/thread-stream';
import { startThread, threadRun } from '../agui/threads';
import type { AuthUser } from '../auth/session';
import type { ServerServices } from '../services';
import { authenticateApiToken } from '../services/api-tokens';
import { refuseRequest } from './json-reply';
import { readBody } from './request-body';

export const AGUI_PATH = '/api/agui';

/** A conversation with its state and answers fits easily; a request past this is not a client we know. */
const MAX_BODY_BYTES = 1024 * 1024;
/** A comment line now and then keeps proxies from closing a stream that waits on a question. */
const KEEP_ALIVE_MS = 15_000;

const streamsByUser = new Map<string, number>();
/** Every open stream, so that a shutting-down instance ends them (each client resumes elsewhere, from its state). */
const openStreams = new Set<AbortController>();

/**
 * POST /api/agui: AG-UI's HttpAgent protocol. A RunAgentInput in, AG-UI events out as
 * server-sent events (or AG-UI's protobuf framing, when the client asks for it).
 * Signed in by the session cookie (same-origin rule as the API) or by a personal API
 * token (`Authorization: Bearer jst_…`, from the profile page).
 */
export async function handleAgui(s: ServerServices, req: IncomingMessage, res: ServerResponse, origins: ReadonlySet<string>): Promise<void> {
  let release = (): void => undefined;
  try {
    const user = await authenticate(s, req, origins);
    if (req.method !== 'POST') throw new TRPCError({ code: 'METHOD_NOT_SUPPORTED', message: 'Send a RunAgentInput with POST.' });
    if ((req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() !== 'application/json') {
      throw failWith('UNSUPPORTED_MEDIA_TYPE', 'BAD_INPUT', 'Send the RunAgentInput as JSON (content-type: application/json).');
    }
    const request = await readRequest(req);
    release = holdStreamSlot(user.id, s.env.AGUI_MAX_STREAMS_PER_USER);
    const run = await runFor(s, user, request);
    await stream(s, req, res, user, run, request);
  } catch (err) {
    refuseRequest(req, res, err, { what: '[agui] request', discardUpTo: MAX_BODY_BYTES, allow: 'POST' });
  } finally {
    release();
  }
}

/** Ends every open AG-UI stream (the instance is shutting down); clients reconnect and carry on. */
export function closeAguiStreams(): void {
  for (const stop of openStreams) stop.abort();
}

/** The user a request's API token names, or else its session cookie; null when neither is good. */
function signedInUser(s: ServerServices, req: IncomingMessage): Promise<AuthUser | null> {
  const authorization = req.headers.authorization;
  return authorization !== undefined ? authenticateApiToken(s, authorization) : s.sessions.authenticate(req.headers);
}

async function authenticate(s: ServerServices, req: IncomingMessage, origins: ReadonlySet<string>): Promise<AuthUser> {
  const byToken = req.headers.authorization !== undefined;
  // The cookie is sent by any page the visitor opens: only ours may use it.
  const origin = req.headers.origin;
  if (!byToken && origin !== undefined && !origins.has(origin)) {
    throw failWith('FORBIDDEN', 'ORIGIN_DENIED', `Calls from ${origin} are not allowed with a session cookie; use a personal API token.`);
  }
  const user = await signedInUser(s, req);
  if (user) return user;
  throw byToken
    ? failWith('UNAUTHORIZED', 'AUTH_FAILED', 'This API token is not valid (revoked or mistyped); create a new one on your profile page.')
    : failWith('UNAUTHORIZED', 'AUTH_MISSING', 'Sign in first, or send a personal API token as "Authorization: Bearer <token>".');
}

async function readRequest(req: IncomingMessage): Promise<AguiRequest> {
  const tooLarge = () => new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: `The request may be at most ${MAX_BODY_BYTES / 1024} KB.` });
  if (Number(req.headers['content-length'] ?? Number.NaN) > MAX_BODY_BYTES) throw tooLarge();
  const body = await readBody(req, MAX_BODY_BYTES, tooLarge);
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw failWith('BAD_REQUEST', 'BAD_INPUT', 'The input is not valid JSON.');
  }
  const parsed = parseAguiRequest(json);
  if (!parsed.ok) throw failWith('BAD_REQUEST', 'BAD_INPUT', parsed.message);
  return parsed.request;
}

function holdStreamSlot(userId: string, max: number): () => void {
  const open = streamsByUser.get(userId) ?? 0;
  if (open >= max) throw failWith('TOO_MANY_REQUESTS', 'RATE_LIMITED', `At most ${max} AG-UI streams at once; close one first.`);
  streamsByUser.set(userId, open + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (streamsByUser.get(userId) ?? 1) - 1;
    if (left > 0) streamsByUser.set(userId, left);
    else streamsByUser.delete(userId);
  };
}

/**
 * The thread's run: one of the user's runs (by our runId, or by the client's thread id
 * that started it), or a new one when the request asks for it. Anything else, another
 * user's run included, is the same 404.
 */
async function runFor(s: ServerServices, user: AuthUser, request: AguiRequest) {
  const existing = await threadRun(s, user.id, request.threadId);
  if (existing) return existing;
  const message = request.userMessage;
  // Answers belong to a thread that exists: a request carrying them starts nothing.
  const asksToStart = request.resume.length === 0 && request.forwarded.command === undefined;
  const asked = !asksToStart ? null : request.forwarded.start ? { ok: true as const, start: request.forwarded.start } : message ? startFromMessage(message.text) : null;
  if (!asked) throw new TRPCError({ code: 'NOT_FOUND', message: `No thread ${request.threadId}` });
  if (!asked.ok) throw failWith('BAD_REQUEST', 'BAD_INPUT', asked.message);
  return startThread(s, user.id, request.threadId, asked.start, message?.id ?? null);
}

async function stream(
  s: ServerServices,
  req: IncomingMessage,
  res: ServerResponse,
  user: AuthUser,
  run: Awaited<ReturnType<typeof runFor>>,
  request: AguiRequest,
): Promise<void> {
  const encoder = new EventEncoder({ accept: req.headers.accept ?? 'text/event-stream' });
  const sse = encoder.getContentType() === 'text/event-stream';
  res.writeHead(200, { 'content-type': encoder.getContentType(), 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
  res.flushHeaders();
  const stop = new AbortController();
  openStreams.add(stop);
  const onClose = () => stop.abort();
  res.on('close', onClose);
  const keepAlive = setInterval(() => sse && res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  const reauth = setInterval(() => {
    void stillSignedIn(s, req).then((yes) => {
      if (yes || res.writableEnded) return;
      res.write(encoder.encodeBinary({ type: EventType.RUN_ERROR, code: 'AUTH_FAILED', message: 'Your session ended or your API token was revoked; sign in again.' }));
      stop.abort();
    });
  }, s.env.AGUI_REAUTH_MS);
  let failed = false;
  const emit = async (events: AGUIEvent[]): Promise<void> => {
    for (const event of events) {
      if (failed || res.writableEnded) return;
      const checked = EventSchema.safeParse(event);
      if (!checked.success) {
        // Our bug, not the client's: say so in its words, and keep the details here.
        console.error(`[agui] refused to send a malformed ${event.type} event:`, checked.error.issues);
        failed = true;
        res.write(encoder.encodeBinary({ type: EventType.RUN_ERROR, code: 'INTERNAL', message: 'Something went wrong on our side; reconnect to carry on from where you were.' }));
        stop.abort();
        return;
      }
      res.write(encoder.encodeBinary(event));
    }
    if (res.writableNeedDrain && !(await drained(res, stop.signal, s.env.WS_STALL_TIMEOUT_MS))) {
      // A client that stopped reading holds a buffer and a stream; it resumes from its state when it comes back.
      console.warn(`[agui] a client of ${run.runId} stopped reading for ${s.env.WS_STALL_TIMEOUT_MS} ms; closing its stream`);
      stop.abort();
      res.destroy();
    }
  };
  try {
    await streamThread({ s, user, run, request, signal: stop.signal, emit, keepingUp: () => !res.writableNeedDrain });
  } finally {
    clearInterval(keepAlive);
    clearInterval(reauth);
    res.off('close', onClose);
    openStreams.delete(stop);
    res.end();
  }
}

/** Whether the client took what was written within `timeoutMs` (false also when the stream was stopped). */
function drained(res: ServerResponse, signal: AbortSignal, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      res.off('drain', onDrain);
      signal.removeEventListener('abort', onAbort);
      resolve(ok);
    };
    const onDrain = () => finish(true);
    const onAbort = () => finish(true);
    const timer = setTimeout(() => finish(false), timeoutMs);
    res.once('drain', onDrain);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** A revoked token or a signed-out session ends its streams, as it ends its sockets. */
async function stillSignedIn(s: ServerServices, req: IncomingMessage): Promise<boolean> {
  try {
    return (await signedInUser(s, req)) !== null;
  } catch {
    // The database did not answer: keep streaming, check again later.
    return true;
  }
}
