/**
 * The Socket.IO arm as a System: bench/socketio-relay.ts in its own process, raw
 * JSON events PUBLISHed to its feed channel, read by socket.io-client sockets over
 * the WebSocket transport, one socket per subscription (a room is joined once per
 * socket, so Socket.IO cannot multiplex copies of one room on one socket).
 */
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { readyOrClosed, spread, type OnMessage, type SubscriberSet, type System, type Topic } from './fanout';
import { benchEvent, paddingFor } from './payload';
import { startServerProcess, type Child } from './proc';
import { CHANNEL_PREFIX, DELIVERY_EVENT, READY_MARKER, SUBSCRIBE_EVENT } from './socketio-protocol';
import { inWaves } from './waves';
import { relayPublisher } from './relay-publisher';

/** How long subscribers may take to be acknowledged: a minute, plus time for thousands of sockets. */
const attachTimeoutMs = (sockets: number) => 60_000 + sockets * 10;

export interface SocketIoSystem extends System {
  readonly relay: Child;
}

export async function startSocketIo(redisUrl: string, opts: { name?: string; nodeArgs?: string[] } = {}): Promise<SocketIoSystem> {
  const relay = await startServerProcess({
    name: 'socket.io relay',
    entry: 'bench/socketio-relay.ts',
    readyMarker: READY_MARKER,
    env: { REDIS_URL: redisUrl },
    nodeArgs: opts.nodeArgs ?? [],
  });
  const redis = await relayPublisher(redisUrl, 'bench-socketio-publisher', relay);
  const httpUrl = `http://127.0.0.1:${relay.port}`;
  return {
    name: opts.name ?? 'socketio',
    serverPid: relay.pid,
    relay,
    openTopic(label) {
      // The same run id shape as jobstream's, so that the events weigh the same.
      const room = `run_bench_${label}_${randomBytes(4).toString('hex')}`;
      const detail = paddingFor(room);
      let seq = 0;
      const topic: Topic = {
        subscribe: (count, onMessage, onError, perSocket) => joinRoom(httpUrl, room, spread(count, perSocket), onMessage, onError),
        async publish(message) {
          seq += 1;
          await redis.publish(`${CHANNEL_PREFIX}${room}`, JSON.stringify(benchEvent(room, message, seq, detail)));
        },
      };
      return Promise.resolve(topic);
    },
    async stop() {
      redis.disconnect();
      await relay.kill9();
    },
  };
}

/** The event's message: Socket.IO hands over the parsed event. */
function messageOf(event: unknown): string | null {
  if (typeof event !== 'object' || event === null || !('message' in event)) return null;
  return typeof event.message === 'string' ? event.message : null;
}

/** A socket of its own (forceNew: no shared Manager), WebSocket only, connected. */
function openSocket(url: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Joins the room on each socket; resolves once the relay acknowledged every join. */
async function joinRoom(
  url: string,
  room: string,
  plan: number[],
  onMessage: OnMessage,
  onError: (err: Error) => void,
): Promise<SubscriberSet> {
  if (plan.some((n) => n > 1)) throw new Error('socketio: one subscription per socket (a socket joins a room once)');
  const sockets: Socket[] = [];
  let closed = false;
  const set: SubscriberSet = {
    sockets: plan.length,
    close: () => {
      closed = true;
      for (const socket of sockets) socket.disconnect();
      return Promise.resolve();
    },
  };
  let acked = 0;
  const allAcked = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${acked}/${plan.length} joins acknowledged`)), attachTimeoutMs(plan.length));
    inWaves(plan.length, async (i) => {
      if (closed) return;
      const socket = await openSocket(url);
      sockets.push(socket);
      socket.on(DELIVERY_EVENT, (event: unknown) => {
        const message = messageOf(event);
        if (message !== null) onMessage(message, i);
      });
      socket.on('connect_error', onError);
      socket.on('disconnect', (reason) => {
        if (!closed) onError(new Error(`socket ${i} disconnected: ${reason}`));
      });
      await new Promise<void>((joined) => socket.emit(SUBSCRIBE_EVENT, room, () => joined()));
      acked += 1;
    }).then(() => {
      clearTimeout(timer);
      resolve();
    }, reject);
  });
  return readyOrClosed(set, allAcked);
}
