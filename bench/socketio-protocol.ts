/**
 * What bench/socketio-relay.ts and its clients (bench/socketio-system.ts) agree on.
 * A module of its own: importing the relay would start a server in the importer.
 */

/** The publisher PUBLISHes a topic's raw JSON events to CHANNEL_PREFIX + room. */
export const CHANNEL_PREFIX = 'bench:sio:';

/** Client → server: join a room; the ack says the socket is in it. */
export const SUBSCRIBE_EVENT = 'subscribe';

/** Server → client: one event of the room, the published JSON parsed. */
export const DELIVERY_EVENT = 'event';

/** The line the relay prints once it serves. */
export const READY_MARKER = '[socketio] ready';
