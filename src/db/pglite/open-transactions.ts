import { DriverAdapterError, type Transaction } from '@prisma/driver-adapter-utils';

interface Entry {
  tx: Transaction;
  busy: number;
  timer: NodeJS.Timeout | undefined;
}

/**
 * The thread's open transactions, by the id the main thread knows them by.
 *
 * PGlite runs one transaction at a time and queues every other query behind it, so a
 * transaction nobody finishes would block the whole database. Prisma rolls back its
 * own after its `timeout`; this is the backstop for one whose caller vanished: a
 * transaction idle (no call in flight) for `idleLimitMs` is rolled back here.
 */
export class OpenTransactions {
  readonly #open = new Map<number, Entry>();
  readonly #expired = new Set<number>();
  #nextId = 1;

  constructor(
    private readonly idleLimitMs: number,
    private readonly log: (message: string) => void,
  ) {}

  add(tx: Transaction): number {
    const id = this.#nextId++;
    const entry: Entry = { tx, busy: 0, timer: undefined };
    this.#open.set(id, entry);
    this.#arm(id, entry);
    return id;
  }

  /** Runs one call inside transaction `id`; its idle clock stops meanwhile. */
  async use<T>(id: number, work: (tx: Transaction) => Promise<T>): Promise<T> {
    const entry = this.#get(id);
    clearTimeout(entry.timer);
    entry.busy++;
    try {
      return await work(entry.tx);
    } finally {
      entry.busy--;
      if (entry.busy === 0 && this.#open.get(id) === entry) this.#arm(id, entry);
    }
  }

  async commit(id: number): Promise<void> {
    await this.#take(id).commit();
  }

  /** Rolling back one the idle limit already rolled back succeeds: the outcome is the same. */
  async rollback(id: number): Promise<void> {
    if (this.#expired.delete(id)) return;
    await this.#take(id).rollback();
  }

  /** Before closing: nothing may stay open. */
  async rollbackAll(): Promise<void> {
    const ids = [...this.#open.keys()];
    await Promise.allSettled(ids.map((id) => this.#take(id).rollback()));
  }

  #get(id: number): Entry {
    const entry = this.#open.get(id);
    if (entry) return entry;
    if (this.#expired.has(id)) throw this.#expiredError();
    throw new DriverAdapterError({ kind: 'TransactionAlreadyClosed', cause: 'it is already committed or rolled back' });
  }

  #expiredError(): DriverAdapterError {
    const cause = `the embedded database rolled it back after ${this.idleLimitMs} ms without a query`;
    return new DriverAdapterError({ kind: 'TransactionAlreadyClosed', cause });
  }

  #take(id: number): Transaction {
    const entry = this.#get(id);
    clearTimeout(entry.timer);
    this.#open.delete(id);
    return entry.tx;
  }

  #arm(id: number, entry: Entry): void {
    entry.timer = setTimeout(() => void this.#expire(id, entry), this.idleLimitMs);
  }

  async #expire(id: number, entry: Entry): Promise<void> {
    this.#open.delete(id);
    this.#expired.add(id);
    try {
      await entry.tx.rollback();
      this.log(`rolled back a transaction left open without a query for ${this.idleLimitMs} ms`);
    } catch (err) {
      this.log(`could not roll back a transaction left open: ${(err as Error).message}`);
    }
  }
}
