import { Worker } from 'node:worker_threads';
import type { CallArgs, CallReply, Op, ThreadMessage } from './protocol';
import type { ThreadEntry } from './thread-entry';
import { fromWireError } from './wire-error';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The main thread's end of the embedded database's thread: numbered calls, each
 * answered once. When the thread fails (an uncaught error, a crash, an exit nobody
 * asked for) every pending call is rejected with the reason and so is every later
 * one: nothing waits for an answer that cannot come.
 */
export class ThreadConnection {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  readonly #started: Promise<void>;
  #nextId = 1;
  #ready = false;
  #closed = false;
  #closing: Promise<void> | undefined;
  #failure: Error | null = null;

  private constructor(entry: ThreadEntry, workerData: object) {
    this.#worker = new Worker(entry.file, { workerData: { ...workerData, entry: entry.entry }, name: 'pglite' });
    this.#started = new Promise((resolve, reject) => {
      this.#worker.on('message', (message: ThreadMessage) => {
        if (message.kind === 'ready') {
          this.#ready = true;
          this.#worker.unref();
          resolve();
        } else this.#answer(message);
      });
      this.#worker.on('error', (err) => reject(this.#fail(err)));
      this.#worker.on('messageerror', (err) => reject(this.#fail(err)));
      this.#worker.on('exit', (code) => reject(this.#fail(new Error(`the thread exited with code ${code}`))));
    });
  }

  /** Starts the thread and waits until it says it is ready (or why it is not). */
  static async start(entry: ThreadEntry, workerData: object): Promise<ThreadConnection> {
    const connection = new ThreadConnection(entry, workerData);
    await connection.#started;
    return connection;
  }

  /** Why the thread can no longer answer, or null. */
  get failure(): Error | null {
    return this.#failure;
  }

  /** `transfer`: buffers in `args` to move to the thread; the caller must not use them afterwards. */
  call<O extends Op>(op: O, args: CallArgs<O>, transfer: ArrayBuffer[] = []): Promise<CallReply<O>> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closed) return Promise.reject(new Error('The embedded database is closed.'));
    const id = this.#nextId++;
    return new Promise<CallReply<O>>((resolve, reject) => {
      this.#pending.set(id, { resolve: (value) => resolve(value as CallReply<O>), reject });
      // Idle, the thread must not keep the process alive; with a call in flight, it must.
      if (this.#pending.size === 1) this.#worker.ref();
      try {
        this.#worker.postMessage({ id, op, args }, transfer);
      } catch (err) {
        this.#settle(id)?.reject(err as Error);
      }
    });
  }

  /** Closes the database in the thread, then ends the thread. Closing twice closes once. */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    try {
      if (!this.#failure) await this.call('close', {});
    } finally {
      this.#closed = true;
      await this.#worker.terminate();
    }
  }

  #answer(message: Extract<ThreadMessage, { kind: 'reply' }>): void {
    const pending = this.#settle(message.id);
    if (!pending) return;
    if (message.ok) pending.resolve(message.value);
    else pending.reject(fromWireError(message.error));
  }

  #settle(id: number): Pending | undefined {
    const pending = this.#pending.get(id);
    this.#pending.delete(id);
    if (pending && this.#pending.size === 0 && this.#ready) this.#worker.unref();
    return pending;
  }

  #fail(reason: Error): Error {
    if (this.#failure || this.#closed) return this.#failure ?? reason;
    const what = this.#ready ? 'The embedded database stopped' : 'The embedded database could not start';
    this.#failure = new Error(`${what}: ${reason.message}`, { cause: reason });
    if (this.#ready) console.error(`[db] ${this.#failure.message}`);
    for (const pending of this.#pending.values()) pending.reject(this.#failure);
    this.#pending.clear();
    return this.#failure;
  }
}
