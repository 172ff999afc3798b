/**
 * The embedded database's thread: the real PGlite and pglite-prisma-adapter, answering
 * the main thread's calls (protocol.ts). PGlite is PostgreSQL compiled to WebAssembly
 * and runs synchronously on whichever thread calls it; here, that is not the one that
 * serves the web server's sockets.
 *
 * Bundled as its own entry point (dist/pglite-thread.js); from source it is loaded
 * through src/thread-boot.mjs.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { fastByteaClient } from './fast-bytea-client';
import { fastByteaTypes } from './fast-bytea';
import { OpenTransactions } from './open-transactions';
import type { CallMessage, ThreadMessage, ThreadOptions } from './protocol';
import { createHandlers, dispatch, type Handlers } from './thread-handlers';
import { transferablesOf } from './transferables';
import { toWireError } from './wire-error';

function post(port: MessagePort, message: ThreadMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

async function answer(port: MessagePort, handlers: Handlers, message: CallMessage): Promise<void> {
  const { id } = message;
  try {
    const value = await dispatch(handlers, message);
    post(port, { kind: 'reply', id, ok: true, value }, transferablesOf(value));
  } catch (err) {
    // Also reached when the value cannot be cloned: the caller still gets an answer.
    post(port, { kind: 'reply', id, ok: false, error: toWireError(err) });
  }
}

/**
 * PostgreSQL's settings for one machine's embedded database: a small buffer pool keeps
 * the thread's resident memory near 180 MB instead of 300 MB (WebAssembly memory, once
 * touched, is never given back).
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

async function start(port: MessagePort, options: ThreadOptions): Promise<void> {
  if (options.initialiseOnly) {
    // initdb touches ~800 MB of WebAssembly memory that would stay resident for good;
    // done in a thread of its own, it is all returned when this thread ends.
    await (await PGlite.create(options.dataDir, { startParams: START_PARAMS })).close();
    return;
  }
  const lite = await PGlite.create(options.dataDir, { ...fastByteaTypes, startParams: START_PARAMS });
  const client = fastByteaClient(lite);
  // The adapter calls only query, exec and transaction, which the fast client provides.
  const adapter = await new PrismaPGlite(client as PGlite).connect();
  const transactions = new OpenTransactions(options.transactionIdleLimitMs, (message) => console.warn(`[db] ${message}`));
  // Every port shares the one PGlite, which runs one query or transaction at a time.
  const serve = (on: MessagePort) => {
    on.on('message', (message: CallMessage) => void answer(on, handlers, message));
    post(on, { kind: 'ready' });
  };
  const handlers: Handlers = createHandlers({ lite, client, adapter, transactions, serve });
  serve(port);
}

if (!parentPort) throw new Error('pglite-thread runs as a worker thread, started by openDatabase().');
await start(parentPort, workerData as ThreadOptions);
