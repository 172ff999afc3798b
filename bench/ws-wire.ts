/**
 * Just enough of the WebSocket wire format (RFC 6455) for a client that reads its
 * socket by hand: reassembling the server's frames from whatever bytes were read,
 * and writing masked control and text frames back.
 */
import { randomBytes } from 'node:crypto';

export const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** A complete message (fragments joined) or a control frame. */
export type WireFrame = (opcode: number, payload: Buffer) => void;

/**
 * Server-to-client frames from a byte stream fed in arbitrary pieces. Pieces are
 * kept as they came and joined only once a whole frame is in, so that reading a
 * 60 KB frame a few KB at a time does not copy it over and over.
 */
export class WireParser {
  private chunks: Buffer[] = [];
  private length = 0;
  private fragments: Buffer[] = [];
  private fragmentOpcode = 0;

  constructor(private readonly onFrame: WireFrame) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    while (this.next()) {
      // one frame per turn until the bytes run out
    }
  }

  /** Parses one frame if all of it is here; false when more bytes are needed. */
  private next(): boolean {
    const head = this.peek(2);
    if (!head) return false;
    const short = (head[1] ?? 0) & 0x7f;
    const masked = ((head[1] ?? 0) & 0x80) !== 0;
    const headerBytes = 2 + (short === 126 ? 2 : short === 127 ? 8 : 0) + (masked ? 4 : 0);
    const header = this.peek(headerBytes);
    if (!header) return false;
    const payloadBytes = short === 126 ? header.readUInt16BE(2) : short === 127 ? Number(header.readBigUInt64BE(2)) : short;
    if (this.length < headerBytes + payloadBytes) return false;
    this.take(headerBytes);
    const payload = this.take(payloadBytes);
    if (masked) unmask(payload, header.subarray(headerBytes - 4, headerBytes));
    this.deliver(head[0] ?? 0, payload);
    return true;
  }

  private deliver(byte0: number, payload: Buffer): void {
    const fin = (byte0 & 0x80) !== 0;
    const opcode = byte0 & 0x0f;
    if (opcode >= OPCODE.close) return this.onFrame(opcode, payload); // control frames are never fragmented
    if (opcode !== OPCODE.continuation) this.fragmentOpcode = opcode;
    this.fragments.push(payload);
    if (!fin) return;
    const message = this.fragments.length === 1 ? payload : Buffer.concat(this.fragments);
    this.fragments = [];
    this.onFrame(this.fragmentOpcode, message);
  }

  /** The first n bytes without consuming them, or null when fewer are here. */
  private peek(n: number): Buffer | null {
    if (this.length < n) return null;
    const first = this.chunks[0];
    if (first && first.length >= n) return first.subarray(0, n);
    return Buffer.concat(this.chunks, this.length).subarray(0, n);
  }

  private take(n: number): Buffer {
    const parts: Buffer[] = [];
    let wanted = n;
    while (wanted > 0) {
      const first = this.chunks[0];
      if (!first) break;
      if (first.length <= wanted) {
        parts.push(first);
        this.chunks.shift();
        wanted -= first.length;
      } else {
        parts.push(first.subarray(0, wanted));
        this.chunks[0] = first.subarray(wanted);
        wanted = 0;
      }
    }
    this.length -= n;
    return parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts, n);
  }
}

function unmask(payload: Buffer, mask: Buffer): void {
  for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
}

/** One masked, final frame, as a client must send them. */
export function maskedFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const lengthBytes =
    length < 126
      ? Buffer.from([0x80 | length])
      : length < 65_536
        ? Buffer.from([0x80 | 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | 127]), bigEndian64(length)]);
  const mask = randomBytes(4);
  const masked = Buffer.alloc(length);
  for (let i = 0; i < length; i++) masked[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
  return Buffer.concat([Buffer.from([0x80 | opcode]), lengthBytes, mask, masked]);
}

function bigEndian64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}
