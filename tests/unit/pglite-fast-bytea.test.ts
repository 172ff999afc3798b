import { randomBytes } from 'node:crypto';
import { types, type PGlite, type QueryOptions, type Transaction } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { fastByteaClient } from '~/db/pglite/fast-bytea-client';
import { BYTEA_OID, parseBytea, serializeBytea } from '~/db/pglite/fast-bytea';

const stockSerialize = types.serializers[BYTEA_OID]!;
const stockParse = types.parsers[BYTEA_OID]!;

describe('fast bytea', () => {
  it("writes and reads exactly what PGlite's own bytea handlers do", () => {
    for (const size of [0, 1, 255, 4096, 100_000]) {
      const bytes = new Uint8Array(randomBytes(size));
      const text = serializeBytea(bytes);
      expect(text).toBe(stockSerialize(bytes));
      expect(parseBytea(text)).toEqual(stockParse(text));
      expect(Buffer.from(parseBytea(text)).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('serializes only the bytes a view covers', () => {
    const whole = new Uint8Array([1, 2, 3, 4, 5]);
    expect(serializeBytea(whole.subarray(1, 3))).toBe('\\x0203');
    expect(serializeBytea(Buffer.from([0xde, 0xad]))).toBe('\\xdead');
  });

  it('refuses what is not bytes, as PGlite does', () => {
    expect(() => serializeBytea('abc')).toThrow('Invalid input for bytea type');
  });
});

describe('the client handed to pglite-prisma-adapter', () => {
  function fakePglite() {
    const seen: (QueryOptions | undefined)[] = [];
    const tx = {
      query: (_sql: string, _params?: unknown[], options?: QueryOptions) => (seen.push(options), Promise.resolve({ rows: [], fields: [] })),
      rollback: () => Promise.resolve(),
      closed: false,
    };
    const lite = {
      query: tx.query,
      exec: () => Promise.resolve([]),
      transaction: <T>(callback: (t: Transaction) => Promise<T>) => callback(tx as unknown as Transaction),
    };
    return { lite: lite as unknown as PGlite, seen };
  }

  const adapterParsers = { [BYTEA_OID]: stockParse, 1114: (x: string) => x };

  it("swaps the adapter's per-query bytea parser for the fast one and keeps the others", async () => {
    const { lite, seen } = fakePglite();
    await fastByteaClient(lite).query('SELECT 1', [], { rowMode: 'array', parsers: adapterParsers });
    expect(seen[0]?.rowMode).toBe('array');
    expect(seen[0]?.parsers?.[BYTEA_OID]).toBe(parseBytea);
    expect(seen[0]?.parsers?.[1114]).toBe(adapterParsers[1114]);
    expect(adapterParsers[BYTEA_OID]).toBe(stockParse);
  });

  it('does the same inside transaction callbacks', async () => {
    const { lite, seen } = fakePglite();
    await fastByteaClient(lite).transaction((tx) => tx.query('SELECT 1', [], { parsers: adapterParsers }));
    expect(seen[0]?.parsers?.[BYTEA_OID]).toBe(parseBytea);
  });

  it('leaves queries without their own parsers to the instance parsers', async () => {
    const { lite, seen } = fakePglite();
    await fastByteaClient(lite).query('SELECT 1');
    expect(seen[0]).toBeUndefined();
  });
});
