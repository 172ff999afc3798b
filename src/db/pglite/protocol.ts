/**
 * What the main thread (or another thread given a port) and the embedded database's
 * thread say to each other over a MessagePort. Values cross by structured clone, so everything here is plain data.
 */
import type { MessagePort } from 'node:worker_threads';
import type {
  ConnectionInfo,
  Error as DriverErrorPayload,
  IsolationLevel,
  SqlQuery,
  SqlResultSet,
  TransactionOptions,
} from '@prisma/driver-adapter-utils';

/** Each call the thread answers: its arguments and its reply. */
export interface Calls {
  /** Prisma's SqlDriverAdapter / Transaction calls; `txId: null` runs outside a transaction. */
  queryRaw: { args: { txId: number | null; query: SqlQuery }; reply: SqlResultSet };
  executeRaw: { args: { txId: number | null; query: SqlQuery }; reply: number };
  executeScript: { args: { script: string }; reply: null };
  startTransaction: { args: { isolationLevel: IsolationLevel | null }; reply: { txId: number; options: TransactionOptions } };
  commit: { args: { txId: number }; reply: null };
  rollback: { args: { txId: number }; reply: null };
  connect: { args: Record<string, never>; reply: ConnectionInfo };
  dispose: { args: Record<string, never>; reply: null };
  /** The migrator's SqlConnection. */
  query: { args: { sql: string; params: unknown[] }; reply: { rows: Record<string, unknown>[] } };
  exec: { args: { sql: string }; reply: null };
  /** Serves `port` too (moved with the call): another thread's own connection to this database. */
  attach: { args: { port: MessagePort }; reply: null };
  /** Rolls back what is still open and closes PGlite; the thread is terminated afterwards. */
  close: { args: Record<string, never>; reply: null };
}

export type Op = keyof Calls;
export type CallArgs<O extends Op> = Calls[O]['args'];
export type CallReply<O extends Op> = Calls[O]['reply'];

/** One call, main → thread. */
export type CallMessage = { [O in Op]: { id: number; op: O; args: CallArgs<O> } }[Op];

/** An error, as it crosses: Prisma's mapped driver errors keep their kind, the rest their message. */
export type WireError = { kind: 'driver'; payload: DriverErrorPayload } | { kind: 'error'; message: string };

/** Thread → main. */
export type ThreadMessage =
  | { kind: 'ready' }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: WireError };

/** What the thread is started with (its workerData). */
export interface ThreadOptions {
  /** A folder, or `memory://`. */
  dataDir: string;
  /** A transaction nobody has used for this long is rolled back, so that an abandoned one cannot block the database. */
  transactionIdleLimitMs: number;
  /** Create the database cluster in a new folder, then end the thread (see embedded.ts). */
  initialiseOnly?: boolean;
  /** From source only: the TypeScript module the bootstrap loads (see src/thread-boot.mjs). */
  entry?: string;
}
