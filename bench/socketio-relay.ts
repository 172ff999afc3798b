/**
 * The Socket.IO arm: a relay as a Socket.IO 4 deployment would build it, with
 * @socket.io/redis-adapter so that every emit also goes through Redis for other
 * nodes, as in a multi-node deployment (this node receives its own broadcast back
 * on the adapter's subscription and drops it by uid, which costs a decode).
 *
 * The publisher PUBLISHes raw JSON events to `bench:sio:<room>`; this process
 * PSUBSCRIBEs those channels on a connection of its own, parses each event and does
 * io.to(room).emit('event', event). A client emits ('subscribe', room, ack); the
 * relay joins the socket to the room and acks. WebSocket transport only: no
 * long-polling handshake, as the clients use `transports: ['websocket']`.
 *
 * Run as its own process: PORT=… REDIS_URL=… node --import tsx bench/socketio-relay.ts
 */
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { CHANNEL_PREFIX, DELIVERY_EVENT, READY_MARKER, SUBSCRIBE_EVENT } from './socketio-protocol';

const port = Number(process.env.PORT ?? 0);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const redis = (name: string) => {
  const client = new Redis(redisUrl, { connectionName: name, maxRetriesPerRequest: null });
  client.on('error', (err: Error) => console.warn(`[socketio] redis ${name}: ${err.message}`));
  return client;
};

// The adapter's pair (PUBLISH, and PSUBSCRIBE to socket.io#…), and the bench feed.
const pubClient = redis('socketio-adapter-pub');
const subClient = redis('socketio-adapter-sub');
const feed = redis('socketio-feed');

const server = createServer();
const io = new Server(server, {
  transports: ['websocket'],
  serveClient: false,
  adapter: createAdapter(pubClient, subClient),
});

io.on('connection', (socket) => {
  socket.on(SUBSCRIBE_EVENT, (room: unknown, ack: unknown) => {
    if (typeof room !== 'string' || typeof ack !== 'function') {
      socket.disconnect(true);
      return;
    }
    // The in-memory adapter joins synchronously; the redis adapter keeps rooms locally.
    void socket.join(room);
    (ack as (reply: { subscribed: string }) => void)({ subscribed: room });
  });
});

feed.on('pmessage', (_pattern: string, channel: string, message: string) => {
  const room = channel.slice(CHANNEL_PREFIX.length);
  let event: unknown;
  try {
    event = JSON.parse(message);
  } catch {
    return; // not an event of ours
  }
  io.to(room).emit(DELIVERY_EVENT, event);
});

async function start(): Promise<void> {
  await Promise.all([pubClient.ping(), subClient.ping(), feed.psubscribe(`${CHANNEL_PREFIX}*`)]);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const listening = typeof address === 'object' && address !== null ? address.port : port;
  console.log(`${READY_MARKER} on http://127.0.0.1:${listening}`);
}

const shutdown = () => {
  void io.close();
  feed.disconnect();
  pubClient.disconnect();
  subClient.disconnect();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
start().catch((err: unknown) => {
  console.error(`[socketio] failed to start: ${String(err)}`);
  process.exit(1);
});
