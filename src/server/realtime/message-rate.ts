import type { WebSocket } from 'ws';

/** tRPC's JSON-RPC code for TOO_MANY_REQUESTS. */
const TOO_MANY_REQUESTS = -32029;

/**
 * Limits how many messages a socket may send per second (a token bucket refilled
 * continuously). A message over the limit is not handed to tRPC; each call in it is
 * answered with a typed TOO_MANY_REQUESTS error, so the client knows what happened
 * and nothing is silently dropped.
 */
export function limitMessageRate(ws: WebSocket, perSecond: number, onLimited: () => void): void {
  let tokens = perSecond;
  let last = Date.now();
  const allow = () => {
    const now = Date.now();
    tokens = Math.min(perSecond, tokens + ((now - last) / 1000) * perSecond);
    last = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
  // Several listeners (tRPC's handler, its keep-alive) see each message: decide once per message.
  let lastMessage: unknown = undefined;
  let lastVerdict = true;
  const admitted = (data: unknown) => {
    if (data === lastMessage) return lastVerdict;
    lastMessage = data;
    lastVerdict = allow();
    if (!lastVerdict) {
      onLimited();
      refuse(ws, data, perSecond);
    }
    return lastVerdict;
  };
  // tRPC's handler reads messages through ws.on('message'); filter in front of it.
  const on = ws.on.bind(ws);
  ws.on = ((event: string, listener: (...args: unknown[]) => void) => {
    if (event !== 'message') return on(event, listener);
    return on('message', (data: unknown, isBinary: unknown) => {
      if (admitted(data)) listener(data, isBinary);
    });
  }) as WebSocket['on'];
}

function refuse(ws: WebSocket, data: unknown, perSecond: number): void {
  let ids: unknown[] = [];
  try {
    const parsed: unknown = JSON.parse(String(data));
    ids = (Array.isArray(parsed) ? parsed : [parsed]).map((m) => (m as { id?: unknown }).id).filter((id) => id != null);
  } catch {
    // Not JSON: nothing to answer to; the message is refused all the same.
  }
  const error = {
    message: `Too many messages: at most ${perSecond} per second on one connection. Slow down and retry.`,
    code: TOO_MANY_REQUESTS,
    data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429, reason: 'RATE_LIMITED' },
  };
  for (const id of ids) ws.send(JSON.stringify({ id, error }));
}
