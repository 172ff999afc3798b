/**
 * The two kinds of live-frame viewer, the same for both systems: a system only says
 * how to subscribe and what its messages mean (a ViewerProtocol).
 *
 * FAST: a `ws` client that reads everything the moment it arrives and answers pings
 * at once, as a browser tab on a good connection does.
 *
 * SLOW: a client on a poor link. It is a plain TCP socket, upgraded by hand, that is
 * kept paused and read through a byte budget (bytesPerSec, refilled every tick): the
 * bytes it has not read stay in its socket's receive buffer, then the server's send
 * buffer, then whatever the server queues in user space, exactly as on a slow
 * network. It parses frames itself and answers a ping only when its turn in the
 * byte stream comes, so a pong means "read up to here", as from a real slow client.
 */
import type { Socket } from 'node:net';
import { WebSocket, type RawData } from 'ws';
import { openRawSocket } from '../tests/helpers/raw-ws';
import { nowMs } from './payload';
import { maskedFrame, OPCODE, WireParser } from './ws-wire';

/** What a frame's receiver needs for the measurement: which frame, published when. */
export interface FrameMark {
  frame: number;
  sentAt: number;
}

export type ServerMessage =
  | { kind: 'frame'; mark: FrameMark }
  | { kind: 'ready' }
  | { kind: 'reply'; text: string }
  | { kind: 'error'; message: string }
  | { kind: 'other' };

/** How a system's viewers subscribe to a run's frames, and what the server's messages mean. */
export interface ViewerProtocol {
  url: string;
  cookie: string | null;
  subscribe(runId: string): string;
  decode(text: string): ServerMessage;
}

export interface ViewerEvents {
  onFrame(mark: FrameMark, receivedAt: number): void;
  onError(message: string): void;
}

export interface Viewer {
  /** Settles once the server acknowledged the subscription. */
  readonly ready: Promise<void>;
  /** False once the server or the network ended the connection. */
  isOpen(): boolean;
  close(): void;
}

/** Every text message goes through here, from either kind of viewer. */
function handler(protocol: ViewerProtocol, events: ViewerEvents, reply: (text: string) => void) {
  let acknowledge: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (acknowledge = resolve));
  const onText = (text: string) => {
    const receivedAt = nowMs();
    let message: ServerMessage;
    try {
      message = protocol.decode(text);
    } catch {
      // Not JSON: say so in the report rather than crash the run.
      message = { kind: 'error', message: `unreadable message: ${text.slice(0, 100)}` };
    }
    if (message.kind === 'frame') events.onFrame(message.mark, receivedAt);
    else if (message.kind === 'ready') acknowledge();
    else if (message.kind === 'reply') reply(message.text);
    else if (message.kind === 'error') events.onError(message.message);
  };
  return { ready, onText };
}

const textOf = (data: RawData): string =>
  Buffer.isBuffer(data) ? data.toString() : Array.isArray(data) ? Buffer.concat(data).toString() : Buffer.from(data).toString();

export async function openFastViewer(protocol: ViewerProtocol, runId: string, events: ViewerEvents): Promise<Viewer> {
  const ws = new WebSocket(protocol.url, protocol.cookie ? { headers: { cookie: protocol.cookie } } : {});
  await new Promise<void>((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const { ready, onText } = handler(protocol, events, (text) => ws.send(text));
  ws.on('message', (data) => onText(textOf(data)));
  ws.on('error', (err) => events.onError(`fast viewer: ${err.message}`));
  ws.send(protocol.subscribe(runId));
  return { ready, isOpen: () => ws.readyState === ws.OPEN, close: () => ws.terminate() };
}

/** How often the slow viewer's byte budget is refilled and spent. */
const TICK_MS = 50;
/** A link does not bank unused bandwidth: at most this many ticks' worth at once. */
const BURST_TICKS = 2;

export async function openSlowViewer(
  protocol: ViewerProtocol,
  runId: string,
  events: ViewerEvents,
  bytesPerSec: number,
): Promise<Viewer> {
  const url = new URL(protocol.url);
  const socket = await openRawSocket(Number(url.port), url.pathname, protocol.cookie ?? '');
  // Nothing is sent before the subscription below, so nothing is lost by pausing now.
  socket.pause();
  let open = true;
  const send = (opcode: number, payload: Buffer) => {
    if (open) socket.write(maskedFrame(opcode, payload));
  };
  const { ready, onText } = handler(protocol, events, (text) => send(OPCODE.text, Buffer.from(text)));
  const parser = new WireParser((opcode, payload) => {
    if (opcode === OPCODE.text) onText(payload.toString());
    else if (opcode === OPCODE.ping) send(OPCODE.pong, payload);
    else if (opcode === OPCODE.close) socket.destroy();
  });
  const stopReading = readThrottled(socket, bytesPerSec, (chunk) => parser.push(chunk));
  socket.on('error', (err) => events.onError(`slow viewer: ${err.message}`));
  socket.once('close', () => {
    open = false;
    stopReading();
  });
  send(OPCODE.text, Buffer.from(protocol.subscribe(runId)));
  return {
    ready,
    isOpen: () => open,
    close: () => {
      stopReading();
      socket.destroy();
    },
  };
}

/**
 * Reads a paused socket at bytesPerSec. Only read() takes bytes out of the socket;
 * while the budget is spent, Node stops reading from the kernel once its own small
 * buffer is full, and the kernel's buffers fill behind it.
 */
function readThrottled(socket: Socket, bytesPerSec: number, onChunk: (chunk: Buffer) => void): () => void {
  const perTick = (bytesPerSec * TICK_MS) / 1000;
  let budget = 0;
  const timer = setInterval(() => {
    budget = Math.min(budget + perTick, perTick * BURST_TICKS);
    while (budget >= 1) {
      if (socket.readableLength === 0) {
        socket.read(0); // asks Node to refill its buffer from the kernel
        return;
      }
      const chunk: unknown = socket.read(Math.min(Math.floor(budget), socket.readableLength));
      if (!Buffer.isBuffer(chunk)) return;
      budget -= chunk.length;
      onChunk(chunk);
    }
  }, TICK_MS);
  return () => clearInterval(timer);
}

/** The frame number and publish time of a frame object, or null if it is not one of ours. */
export function markOf(value: unknown): FrameMark | null {
  if (typeof value !== 'object' || value === null || !('frame' in value) || !('caption' in value)) return null;
  const { frame, caption } = value;
  if (typeof frame !== 'number' || typeof caption !== 'string') return null;
  const sentAt = sentAtOf(caption);
  return sentAt === null ? null : { frame, sentAt };
}

const CAPTION_PREFIX = 'bench frame, captured at ';

/**
 * The bench's caption carries the capture time with sub-millisecond precision
 * (capturedAt, an ISO string, has whole milliseconds only).
 */
export const captionFor = (sentAt: number) => `${CAPTION_PREFIX}${sentAt.toFixed(3)}`;

function sentAtOf(caption: string): number | null {
  if (!caption.startsWith(CAPTION_PREFIX)) return null;
  const sentAt = Number(caption.slice(CAPTION_PREFIX.length));
  return Number.isFinite(sentAt) ? sentAt : null;
}
