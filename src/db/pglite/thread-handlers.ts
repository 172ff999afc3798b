import type { MessagePort } from 'node:worker_threads';
import { messages, type PGlite } from '@electric-sql/pglite';
import { DriverAdapterError, type SqlDriverAdapter, type SqlQueryable } from '@prisma/driver-adapter-utils';
import type { AdapterClient } from './fast-bytea-client';
import type { OpenTransactions } from './open-transactions';
import type { CallArgs, CallMessage, CallReply, Op } from './protocol';

export type Handlers = { [O in Op]: (args: CallArgs<O>) => Promise<CallReply<O>> };

export interface ThreadDatabase {
  lite: PGlite;
  /** `lite` with the fast bytea parsing the adapter runs on. */
  client: AdapterClient;
  adapter: SqlDriverAdapter;
  transactions: OpenTransactions;
  /** Starts answering calls that arrive on `port`, as on the thread's own port. */
  serve: (port: MessagePort) => void;
}

/** A PostgreSQL error as Prisma's adapters report an unmapped one. */
function asDriverError(err: unknown): Error {
  if (!(err instanceof messages.DatabaseError)) return err instanceof Error ? err : new Error(String(err));
  return new DriverAdapterError({
    kind: 'postgres',
    code: err.code ?? 'N/A',
    severity: err.severity ?? 'N/A',
    message: err.message,
    detail: err.detail,
    column: err.column,
    hint: err.hint,
  });
}

/** What each call does in the thread, on the real PGlite and pglite-prisma-adapter. */
export function createHandlers(db: ThreadDatabase): Handlers {
  const { lite, client, adapter, transactions, serve } = db;
  const on = <T>(txId: number | null, work: (q: SqlQueryable) => Promise<T>): Promise<T> =>
    txId === null ? work(adapter) : transactions.use(txId, work);
  return {
    queryRaw: ({ txId, query }) => on(txId, (q) => q.queryRaw(query)),
    executeRaw: ({ txId, query }) => on(txId, (q) => q.executeRaw(query)),
    // The adapter's own executeScript does not wait for the script (nor catch its
    // error, which would crash this thread), so it is awaited here instead.
    executeScript: async ({ script }) => {
      try {
        await client.exec(script);
      } catch (err) {
        throw asDriverError(err);
      }
      return null;
    },
    startTransaction: async ({ isolationLevel }) => {
      const tx = await adapter.startTransaction(isolationLevel ?? undefined);
      return { txId: transactions.add(tx), options: tx.options };
    },
    commit: async ({ txId }) => {
      await transactions.commit(txId);
      return null;
    },
    rollback: async ({ txId }) => {
      await transactions.rollback(txId);
      return null;
    },
    connect: () => Promise.resolve(adapter.getConnectionInfo?.() ?? { supportsRelationJoins: false }),
    dispose: async () => {
      await adapter.dispose();
      return null;
    },
    query: async ({ sql, params }) => ({ rows: (await lite.query<Record<string, unknown>>(sql, params)).rows }),
    exec: async ({ sql }) => {
      await lite.exec(sql);
      return null;
    },
    attach: ({ port }) => {
      serve(port);
      return Promise.resolve(null);
    },
    close: async () => {
      await transactions.rollbackAll();
      await lite.close();
      return null;
    },
  };
}

/** Runs one call message against the handlers. */
export function dispatch(handlers: Handlers, message: CallMessage): Promise<unknown> {
  return run(handlers, message.op, message.args);
}

function run<O extends Op>(handlers: Handlers, op: O, args: CallArgs<O>): Promise<CallReply<O>> {
  return handlers[op](args);
}
