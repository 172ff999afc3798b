import type { IncomingMessage, Server } from 'node:http';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TRPCError } from '@trpc/server';
import { getWSConnectionHandler } from '@trpc/server/adapters/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { appRouter } from '../api/root';
import { createContextFactory, type Context } from '../api/trpc';
import { allowedOrigins } from '../http/allowed-origins';
import type { ServerServices } from '../services';
import { DIRECT_PATH, serveDirectSubscriptions } from './direct-subscriptions';
import { gateInbound } from './inbound-gate';
import { createSocketSessions } from './socket-sessions';
import { serveWithoutSession } from './unauthenticated-socket';
import { wireEncoder } from './wire-encoder';
import { WS_PATH } from './ws-path';
import { coalesceWrites } from './write-coalescing';

export { WS_PATH };

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
  const { env, metrics } = services;
  const wss = new WebSocketServer({ noServer: true, maxPayload: env.WS_MAX_PAYLOAD_BYTES });
  // Given `wss` for its type only: connections reach tRPC through acceptUpgrade below.
  const createContext = createContextFactory(services);
  const logInternal = (path: string | undefined, error: TRPCError) => {
    if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`[trpc-ws] ${path ?? '-'}:`, error.cause ?? error.message);
  };
  const serveTrpc = getWSConnectionHandler({
    wss,
    router: appRouter,
    createContext,
    keepAlive: { enabled: true, pingMs: env.WS_KEEPALIVE_MS, pongWaitMs: 10_000 },
    experimental_encoder: wireEncoder,
    onError: ({ error, path }) => logInternal(path, error),
  });
  const sessions = createSocketSessions(services.sessions, env.AUTH_RECHECK_MS);
  const signedIn = new Set<WebSocket>();
  let withoutSession = 0;

  const origins = allowedOrigins({ APP_URL: env.APP_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname !== WS_PATH) {
      void nextUpgrade(req, socket, head);
      return;
    }
    void acceptUpgrade(req, socket, head).catch((err: unknown) => {
      console.error('[web] WebSocket upgrade failed:', err);
      refuse(socket, 500, 'SERVER_ERROR', 'Could not open the socket; try again in a moment.');
    });
  });

  /**
   * Browsers always send Origin on a WebSocket upgrade; a foreign one means another
   * site is trying to use the visitor's cookie (cross-site WebSocket hijacking).
   * The session is the next-auth cookie that comes with the upgrade; no token in URLs.
   */
  async function acceptUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.has(origin)) {
      refuse(socket, 403, 'ORIGIN_DENIED', `Origin ${origin} may not open this socket.`);
      return;
    }
    const user = await sessions.authenticate(req.headers.cookie);
    if (!user && withoutSession >= env.WS_MAX_UNAUTHENTICATED) {
      refuse(socket, 401, 'AUTH_MISSING', 'Sign in first: no valid session cookie came with the upgrade.');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      metrics.openSockets.inc();
      ws.once('close', () => metrics.openSockets.dec());
      if (socket instanceof Socket) coalesceWrites(ws, socket);
      const direct = user ? directSubscriptionsFor(ws, req) : null;
      gateInbound(ws, {
        maxCallsPerMessage: env.WS_MAX_CALLS_PER_MESSAGE,
        callsPerSecond: env.WS_MAX_CALLS_PER_SECOND,
        flow: services.flowControlFor(ws),
        onLimited: (calls) => metrics.rateLimited.inc(calls),
        ...(direct ? { divert: direct.take } : {}),
      });
      if (!user) {
        withoutSession += 1;
        ws.once('close', () => (withoutSession -= 1));
        serveWithoutSession(ws, env.WS_KEEPALIVE_MS);
        return;
      }
      const session = { user, ended: new AbortController() };
      services.bindSocketSession(ws, session);
      sessions.watch(ws, req.headers.cookie, session.ended);
      signedIn.add(ws);
      ws.once('close', () => signedIn.delete(ws));
      serveTrpc(ws, req);
    });
  }

  /** `pipeline.events` served outside tRPC's handler, with the socket's context made once, when first needed. */
  function directSubscriptionsFor(ws: WebSocket, req: IncomingMessage) {
    let context: Promise<Context> | null = null;
    return serveDirectSubscriptions(
      ws,
      () => (context ??= createContext({ req, res: ws })),
      (error) => logInternal(DIRECT_PATH, error),
    );
  }

  return {
    /** Asks clients to reconnect (to another instance) and closes every socket. */
    async close(): Promise<void> {
      const reconnect = wireEncoder.encode({ id: null, method: 'reconnect' });
      for (const ws of signedIn) if (ws.readyState === ws.OPEN) ws.send(reconnect);
      for (const ws of wss.clients) ws.close(1012, 'server restarting');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
