import { isDriverAdapterError, type Transaction } from '@prisma/driver-adapter-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OpenTransactions } from '~/db/pglite/open-transactions';

function fakeTransaction() {
  const calls: string[] = [];
  const tx = {
    provider: 'postgres',
    adapterName: 'fake',
    options: { usePhantomQuery: true },
    queryRaw: () => (calls.push('query'), Promise.resolve({ columnNames: [], columnTypes: [], rows: [] })),
    executeRaw: () => Promise.resolve(0),
    commit: () => (calls.push('commit'), Promise.resolve()),
    rollback: () => (calls.push('rollback'), Promise.resolve()),
  } satisfies Transaction;
  return { tx, calls };
}

describe("the thread's open transactions", () => {
  const logged: string[] = [];
  let open: OpenTransactions;
  beforeEach(() => {
    vi.useFakeTimers();
    logged.length = 0;
    open = new OpenTransactions(1_000, (m) => logged.push(m));
  });
  afterEach(() => vi.useRealTimers());

  it('commits and rolls back by id, once', async () => {
    const a = fakeTransaction();
    const b = fakeTransaction();
    const [idA, idB] = [open.add(a.tx), open.add(b.tx)];
    await open.use(idA, (tx) => tx.queryRaw({ sql: '', args: [], argTypes: [] }));
    await open.commit(idA);
    await open.rollback(idB);
    expect([a.calls, b.calls]).toEqual([['query', 'commit'], ['rollback']]);
    const again = await open.commit(idA).catch((err: unknown) => err);
    expect(isDriverAdapterError(again)).toBe(true);
    expect((again as { cause: unknown }).cause).toMatchObject({ kind: 'TransactionAlreadyClosed' });
  });

  it('rolls back a transaction left without a call for the idle limit', async () => {
    const { tx, calls } = fakeTransaction();
    const id = open.add(tx);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['rollback']);
    expect(logged).toEqual(['rolled back a transaction left open without a query for 1000 ms']);
    await expect(open.use(id, (t) => t.executeRaw({ sql: '', args: [], argTypes: [] }))).rejects.toThrow();
    const commit = await open.commit(id).catch((err: unknown) => err);
    expect((commit as { cause: unknown }).cause).toEqual({
      kind: 'TransactionAlreadyClosed',
      cause: 'the embedded database rolled it back after 1000 ms without a query',
    });
    // Prisma rolling back after its own timeout finds the same outcome: no error.
    await open.rollback(id);
  });

  it('does not count a call in flight as idle, and restarts the clock after it', async () => {
    const { tx, calls } = fakeTransaction();
    const id = open.add(tx);
    let finish = () => {};
    const slow = open.use(id, () => new Promise<void>((resolve) => (finish = resolve)));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toEqual([]);
    finish();
    await slow;
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['rollback']);
  });

  it('rolls back everything still open, before the database closes', async () => {
    const a = fakeTransaction();
    const b = fakeTransaction();
    open.add(a.tx);
    open.add(b.tx);
    await open.rollbackAll();
    expect([a.calls, b.calls]).toEqual([['rollback'], ['rollback']]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(logged).toEqual([]);
  });
});
