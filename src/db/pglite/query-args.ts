import type { ArgType, SqlQuery } from '@prisma/driver-adapter-utils';
import { movableBuffer } from './transferables';

/** Below this, a base64 string crosses as it is. */
const MIN_DECODED_CHARS = 64 * 1024;

/**
 * Prisma hands Bytes arguments to adapters as base64 strings (the adapter decodes
 * them). Structured clone copies a string of several MB an order of magnitude slower
 * than a byte array, and a 5 MB resume comes twice in an upsert: so large ones are
 * decoded here and their buffers moved, not copied, to the thread. A string that
 * occurs twice is decoded once and crosses once.
 */
export function bytesArgsAsBuffers(query: SqlQuery): { query: SqlQuery; transfer: ArrayBuffer[] } {
  const decoded = new Map<string, Uint8Array>();
  const convert = (arg: unknown, type: ArgType | undefined): unknown => {
    if (Array.isArray(arg)) return arg.map((item: unknown) => convert(item, type));
    if (typeof arg !== 'string' || type?.scalarType !== 'bytes' || arg.length < MIN_DECODED_CHARS) return arg;
    let bytes = decoded.get(arg);
    if (!bytes) {
      const buffer = Buffer.from(arg, 'base64');
      // A plain Uint8Array: it is what arrives on the other side anyway.
      bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      decoded.set(arg, bytes);
    }
    return bytes;
  };
  if (!query.argTypes.some((t) => t.scalarType === 'bytes')) return { query, transfer: [] };
  const args = query.args.map((arg, i) => convert(arg, query.argTypes[i]));
  const transfer = [...decoded.values()].flatMap((bytes) => movableBuffer(bytes) ?? []);
  return { query: { ...query, args }, transfer };
}
