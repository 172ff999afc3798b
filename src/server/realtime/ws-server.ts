import type { IncomingMessage, Server } from 'node:http';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { appRouter } from '../api/root';
import { createContextFactory } from '../api/trpc';
import type { ServerServices } from '../services';
import { limitMessageRate } from './message-rate';
import { wireEncoder } from './wire-encoder';
import { coalesceWrites } from './write-coalescing';

export const WS_PATH = '/api/trpc-ws';

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 500: 'Internal Server Error' };

/** Answers a refused upgrade with a plain HTTP error the client can read. */
function refuse(socket: Duplex, status: number, reason: string, message: string): void {
  const body = JSON.stringify({ reason, message });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => unknown;

/**
 * tRPC over WebSocket on WS_PATH. One 'upgrade' listener owns the routing: our path
 * goes to a noServer WebSocketServer, every other upgrade to Next.
 */
export function attachRealtime(server: Server, services: ServerServices, nextUpgrade: UpgradeHandler) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: services.env.WS_MAX_PAYLOAD_BYTES });
  const handler = applyWSSHandler({
    wss,
    router: appRouter,
    createContext: createContextFactory(services),
    keepAlive: { enabled: true, pingMs: services.env.WS_KEEPALIVE_MS, pongWaitMs: 10_000 },
    experimental_encoder: wireEncoder,
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`[trpc-ws] ${path ?? '-'}: ${error.message}`);
    },
  });

  wss.on('connection', (ws) => {
    services.metrics.openSockets.inc();
    ws.once('close', () => services.metrics.openSockets.dec());
  });

  const allowedOrigins = new Set([new URL(services.env.APP_URL).origin, new URL(process.env.NEXTAUTH_URL ?? services.env.APP_URL).origin]);

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname !== WS_PATH) {
      void nextUpgrade(req, socket, head);
      return;
    }
    void acceptUpgrade(req, socket, head).catch(() => refuse(socket, 500, 'SERVER_ERROR', 'Could not open the socket.'));
  });

  /**
   * Browsers always send Origin on a WebSocket upgrade; a foreign one means another
   * site is trying to use the visitor's cookie (cross-site WebSocket hijacking).
   * The session is the next-auth cookie that comes with the upgrade; no token in URLs.
   */
  async function acceptUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      refuse(socket, 403, 'ORIGIN_DENIED', `Origin ${origin} may not open this socket.`);
      return;
    }
    const user = await services.sessions.authenticate(req.headers);
    if (!user) {
      refuse(socket, 401, 'AUTH_MISSING', 'Sign in first: no valid session cookie came with the upgrade.');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const session = { user, ended: new AbortController() };
      services.bindSocketSession(ws, session);
      watchSession(ws, req, session.ended);
      limitMessageRate(ws, services.env.WS_MAX_MESSAGES_PER_SECOND, () => services.metrics.rateLimited.inc());
      if (socket instanceof Socket) coalesceWrites(ws, socket);
      wss.emit('connection', ws, req);
    });
  }

  /**
   * tRPC creates a socket's context once, so a sign-out or an expiry would go unseen;
   * re-check the upgrade's session on a timer and, once it is gone, end the socket's
   * subscriptions with UNAUTHORIZED and then the socket itself.
   */
  function watchSession(ws: WebSocket, req: IncomingMessage, ended: AbortController): void {
    const timer = setInterval(() => {
      void services.sessions.authenticate(req.headers).then((still) => {
        if (still || ended.signal.aborted) return;
        ended.abort();
        clearInterval(timer);
        setTimeout(() => ws.close(4001, 'session ended'), 1000).unref();
      }, () => undefined); // the database is briefly unreachable: keep the session, ask again later
    }, services.env.AUTH_RECHECK_MS);
    timer.unref();
    ws.once('close', () => clearInterval(timer));
  }

  return {
    /** Asks clients to reconnect (to another instance) and closes every socket. */
    async close(): Promise<void> {
      handler.broadcastReconnectNotification();
      for (const ws of wss.clients) ws.close(1012, 'server restarting');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
