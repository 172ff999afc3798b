import type { WebSocket } from 'ws';
import { failWith } from '../api/errors';
import { inspect, refuse } from './inbound-gate';

/**
 * A socket opened without a session. Refusing the upgrade (HTTP 401) would leave a
 * standard tRPC client retrying quietly forever, its calls neither failing nor
 * answered; instead the socket stays open and answers every call with UNAUTHORIZED
 * (AUTH_MISSING), so each call ends with the reason and the client has nothing left
 * to retry. It runs no procedure and holds nothing but the socket; protocol pings
 * find dead peers.
 */
export function serveWithoutSession(ws: WebSocket, keepAliveMs: number): void {
  const error = failWith('UNAUTHORIZED', 'AUTH_MISSING', 'Sign in first: no valid session cookie came with this connection.');
  ws.on('message', (data: unknown, isBinary: unknown) => {
    if (!isBinary && Buffer.isBuffer(data) && data.length === 4 && data.toString('latin1') === 'PING') {
      ws.send('PONG');
      return;
    }
    refuse(ws, inspect([data, isBinary]).ids, error);
  });

  let alive = true;
  ws.on('pong', () => {
    alive = true;
  });
  const timer = setInterval(() => {
    if (!alive) {
      ws.terminate();
      return;
    }
    alive = false;
    ws.ping();
  }, keepAliveMs);
  timer.unref();
  ws.once('close', () => clearInterval(timer));
}
