import type { ParserOptions, SerializerOptions } from '@electric-sql/pglite';

export const BYTEA_OID = 17;

/**
 * bytea → PostgreSQL's hex text form. PGlite's own serializer builds it one byte at a
 * time through Array.from/map/join: about 5 s of CPU for a 5 MB resume. Node's hex
 * codec does the same in milliseconds.
 */
export function serializeBytea(value: unknown): string {
  if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
  return '\\x' + Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
}

/**
 * PostgreSQL's hex text form (`\x…`, its default bytea_output) → bytes, without the
 * per-byte parseInt of PGlite's and the Prisma adapter's parsers. Decoded into an
 * array of its own (not Node's shared Buffer pool), as the stock parsers do: the
 * result is cloned or moved to the main thread, and a pooled view would drag the
 * whole pool slab along.
 */
export function parseBytea(text: string): Uint8Array {
  const hex = text.slice(2);
  const bytes = new Uint8Array(hex.length >>> 1);
  Buffer.from(bytes.buffer).write(hex, 'hex');
  return bytes;
}

/** For PGlite.create: the instance-wide bytea handlers. */
export const fastByteaTypes: { serializers: SerializerOptions; parsers: ParserOptions } = {
  serializers: { [BYTEA_OID]: serializeBytea },
  parsers: { [BYTEA_OID]: parseBytea },
};
