import { randomBytes } from 'node:crypto';
import type { ArgType } from '@prisma/driver-adapter-utils';
import { describe, expect, it } from 'vitest';
import { bytesArgsAsBuffers } from '~/db/pglite/query-args';
import { transferablesOf } from '~/db/pglite/transferables';

const bytesArg: ArgType = { scalarType: 'bytes', arity: 'scalar' };
const textArg: ArgType = { scalarType: 'string', arity: 'scalar' };

describe('bytes arguments on their way to the thread', () => {
  it('decodes a large base64 argument once, however often it occurs, and moves its buffer', () => {
    const bytes = randomBytes(200_000);
    const base64 = bytes.toString('base64');
    const { query, transfer } = bytesArgsAsBuffers({
      sql: 'INSERT … ON CONFLICT DO UPDATE',
      args: ['id', base64, base64.slice(0)],
      argTypes: [textArg, bytesArg, bytesArg],
    });
    expect(query.args[0]).toBe('id');
    expect(query.args[1]).toBeInstanceOf(Uint8Array);
    expect(query.args[2]).toBe(query.args[1]);
    expect(Buffer.from(query.args[1] as Uint8Array).equals(bytes)).toBe(true);
    expect(transfer).toEqual([(query.args[1] as Uint8Array).buffer]);
  });

  it('leaves small values, other types and other queries as they are', () => {
    const small = Buffer.from('%PDF-1.4').toString('base64');
    const long = 'x'.repeat(100_000);
    const q = { sql: 'INSERT', args: [small, long], argTypes: [bytesArg, textArg] };
    expect(bytesArgsAsBuffers(q)).toEqual({ query: q, transfer: [] });
    const noBytes = { sql: 'SELECT', args: [long], argTypes: [textArg] };
    expect(bytesArgsAsBuffers(noBytes).query).toBe(noBytes);
  });

  it('decodes the items of a list of bytes', () => {
    const items = [randomBytes(100_000), randomBytes(100_000)];
    const { query, transfer } = bytesArgsAsBuffers({
      sql: 'SELECT',
      args: [items.map((b) => b.toString('base64'))],
      argTypes: [{ scalarType: 'bytes', arity: 'list' }],
    });
    expect((query.args[0] as Uint8Array[]).map((b) => Buffer.from(b))).toEqual(items);
    expect(transfer).toHaveLength(2);
  });
});

describe('result rows on their way back', () => {
  it('moves large byte buffers the rows own, once each', () => {
    const big = new Uint8Array(100_000);
    const rows = [['a', big, null, 3], [big, [new Uint8Array(70_000)]]];
    expect(transferablesOf({ columnNames: [], columnTypes: [], rows })).toHaveLength(2);
  });

  it("copies small values and views into shared buffers, such as Node's Buffer pool", () => {
    const pooled = Buffer.from('small');
    const shared = new Uint8Array(new ArrayBuffer(200_000), 10, 100_000);
    expect(transferablesOf({ rows: [[pooled, shared, new Uint8Array(10)]] })).toEqual([]);
    expect(transferablesOf(3)).toEqual([]);
  });
});
