import type { IncomingMessage, Server } from 'node:http';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { WebSocketServer } from 'ws';
import { appRouter } from '../api/root';
import { createContextFactory } from '../api/trpc';
import type { ServerServices } from '../services';
import { wireEncoder } from './wire-encoder';
import { coalesceWrites } from './write-coalescing';

export const WS_PATH = '/api/trpc-ws';

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

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname !== WS_PATH) {
      void nextUpgrade(req, socket, head);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (socket instanceof Socket) coalesceWrites(ws, socket);
      wss.emit('connection', ws, req);
    });
  });

  return {
    /** Asks clients to reconnect (to another instance) and closes every socket. */
    async close(): Promise<void> {
      handler.broadcastReconnectNotification();
      for (const ws of wss.clients) ws.close(1012, 'server restarting');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
