/**
 * The baseline: the least a relay must do to fan Redis pub/sub out to WebSockets.
 * A client sends {"subscribe": "<channel>"}; the relay SUBSCRIBEs that channel on its
 * one Redis connection, answers {"subscribed": "<channel>"}, and from then on
 * forwards every message on the channel, as published, to the socket — once per
 * subscription, as tRPC sends one message per subscription. No validation, no
 * history, no resume, no flow control: what is left is the cost of the fan-out itself.
 *
 * GET /stats answers the process's memory and the bytes its sockets hold unsent, so
 * that the benchmark can sample this process as it samples the web's /api/metrics.
 *
 * Run as its own process (like the real web server): PORT=… REDIS_URL=… node --import tsx bench/baseline-relay.ts
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Redis } from 'ioredis';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

const port = Number(process.env.PORT ?? 0);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Channel {
  /** One entry per subscription: a socket subscribed twice is listed twice. */
  sockets: WebSocket[];
  /** Settles once Redis confirmed the SUBSCRIBE; acks wait for it, so none is early. */
  ready: Promise<unknown>;
}

const channels = new Map<string, Channel>();

const redis = new Redis(redisUrl, { connectionName: 'baseline-relay', maxRetriesPerRequest: null });
redis.on('error', (err: Error) => console.warn(`[baseline] redis: ${err.message}`));

// messageBuffer hands over the published bytes: they go out as they came, never re-encoded.
redis.on('messageBuffer', (channel: Buffer, message: Buffer) => {
  const sockets = channels.get(channel.toString())?.sockets;
  if (!sockets) return;
  for (const ws of sockets) ws.send(message, { binary: false });
});

const bytes = (data: RawData): Buffer =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);

function subscribeRequest(data: RawData): string | null {
  try {
    const parsed: unknown = JSON.parse(bytes(data).toString());
    if (typeof parsed !== 'object' || parsed === null || !('subscribe' in parsed)) return null;
    return typeof parsed.subscribe === 'string' ? parsed.subscribe : null;
  } catch {
    return null;
  }
}

async function subscribe(ws: WebSocket, name: string): Promise<void> {
  let channel = channels.get(name);
  if (!channel) {
    channel = { sockets: [], ready: redis.subscribe(name) };
    channels.set(name, channel);
  }
  channel.sockets.push(ws);
  await channel.ready;
  ws.send(JSON.stringify({ subscribed: name }));
}

function dropSocket(ws: WebSocket): void {
  for (const [name, channel] of channels) {
    channel.sockets = channel.sockets.filter((s) => s !== ws);
    if (channel.sockets.length > 0) continue;
    channels.delete(name);
    void redis.unsubscribe(name).catch(() => undefined);
  }
}

/** Memory now, and what the relay has queued for slow sockets (ws's buffers, not the kernel's). */
function stats(_req: IncomingMessage, res: ServerResponse): void {
  let bufferedBytes = 0;
  for (const ws of wss.clients) bufferedBytes += ws.bufferedAmount;
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ rss, heapUsed, heapTotal, external, arrayBuffers, bufferedBytes, sockets: wss.clients.size }));
}

const server = createServer(stats);
const wss = new WebSocketServer({ server });
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const channel = subscribeRequest(data);
    if (channel === null) {
      ws.close(1003, 'expected {"subscribe": "<channel>"}');
      return;
    }
    subscribe(ws, channel).catch((err: unknown) => {
      console.warn(`[baseline] subscribe ${channel}: ${String(err)}`);
      ws.close(1011, 'subscribe failed');
    });
  });
  ws.once('close', () => dropSocket(ws));
});

server.on('listening', () => {
  const address = server.address();
  const listeningPort = typeof address === 'object' && address !== null ? address.port : port;
  redis
    .ping()
    .then(() => console.log(`[baseline] ready on ws://127.0.0.1:${listeningPort}`))
    .catch((err: unknown) => {
      console.error(`[baseline] redis unreachable: ${String(err)}`);
      process.exit(1);
    });
});

const shutdown = () => {
  for (const ws of wss.clients) ws.terminate();
  wss.close();
  server.close();
  redis.disconnect();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
server.listen(port, '127.0.0.1');
