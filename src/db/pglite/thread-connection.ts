import { MessageChannel, Worker, type MessagePort, type Transferable } from 'node:worker_threads';
import type { ThreadEntry } from '~/thread-entry';
import type { CallArgs, CallReply, Op, ThreadMessage } from './protocol';
import { fromWireError } from './wire-error';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** What a connection talks through: the thread's own Worker, or a port it serves besides. */
type Endpoint = Worker | MessagePort;

/**
 * One end of a connection to the embedded database's thread: numbered calls, each
 * answered once. When the thread fails (an uncaught error, a crash, an exit nobody
 * asked for) every pending call is rejected with the reason and so is every later
 * one: nothing waits for an answer that cannot come.
 *
 * The thread's starter talks through its Worker; another thread (the archiver) gets a
 * MessagePort of its own from `attachPort()` and talks through `overPort()`.
 */
export class ThreadConnection {
  readonly #endpoint: Endpoint;
  readonly #pending = new Map<number, Pending>();
  readonly #started: Promise<void>;
  #nextId = 1;
  #ready = false;
  #closed = false;
  #closing: Promise<void> | undefined;
  #failure: Error | null = null;

  private constructor(endpoint: Endpoint) {
    this.#endpoint = endpoint;
    this.#started = new Promise((resolve, reject) => {
      endpoint.on('message', (message: ThreadMessage) => {
        if (message.kind === 'ready') {
          this.#ready = true;
          this.#endpoint.unref();
          resolve();
        } else this.#answer(message);
      });
      endpoint.on('messageerror', (err: Error) => reject(this.#fail(err)));
      if (endpoint instanceof Worker) {
        endpoint.on('error', (err) => reject(this.#fail(err)));
        endpoint.on('exit', (code) => reject(this.#fail(new Error(`the thread exited with code ${code}`))));
      } else {
        endpoint.on('close', () => reject(this.#fail(new Error('the thread closed the connection'))));
      }
    });
  }

  /** Starts the thread and waits until it says it is ready (or why it is not). */
  static async start(entry: ThreadEntry, workerData: object): Promise<ThreadConnection> {
    const worker = new Worker(entry.file, { workerData: { ...workerData, entry: entry.entry }, name: 'pglite' });
    const connection = new ThreadConnection(worker);
    await connection.#started;
    return connection;
  }

  /** A connection over a port from `attachPort()`, in whichever thread holds it. */
  static async overPort(port: MessagePort): Promise<ThreadConnection> {
    const connection = new ThreadConnection(port);
    await connection.#started;
    return connection;
  }

  /** Why the thread can no longer answer, or null. */
  get failure(): Error | null {
    return this.#failure;
  }

  /** A new port the thread serves like this one, to hand to another thread (transfer it). */
  async attachPort(): Promise<MessagePort> {
    const { port1, port2 } = new MessageChannel();
    await this.call('attach', { port: port2 }, [port2]);
    return port1;
  }

  /** `transfer`: buffers (or a port) in `args` to move to the thread; the caller must not use them afterwards. */
  call<O extends Op>(op: O, args: CallArgs<O>, transfer: Transferable[] = []): Promise<CallReply<O>> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closed) return Promise.reject(new Error('The embedded database is closed.'));
    const id = this.#nextId++;
    return new Promise<CallReply<O>>((resolve, reject) => {
      this.#pending.set(id, { resolve: (value) => resolve(value as CallReply<O>), reject });
      // Idle, the thread must not keep the process alive; with a call in flight, it must.
      if (this.#pending.size === 1) this.#endpoint.ref();
      try {
        this.#endpoint.postMessage({ id, op, args }, transfer);
      } catch (err) {
        this.#settle(id)?.reject(err as Error);
      }
    });
  }

  /**
   * Through the Worker: closes the database in the thread, then ends the thread. Through
   * a port: closes only the port; the database stays open for its other users.
   * Closing twice closes once.
   */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    const endpoint = this.#endpoint;
    if (!(endpoint instanceof Worker)) {
      this.#closed = true;
      endpoint.close();
      return;
    }
    try {
      if (!this.#failure) await this.call('close', {});
    } finally {
      this.#closed = true;
      await endpoint.terminate();
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
    if (pending && this.#pending.size === 0 && this.#ready) this.#endpoint.unref();
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
