import type {
  ConnectionInfo,
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
  TransactionOptions,
} from '@prisma/driver-adapter-utils';
import { bytesArgsAsBuffers } from './query-args';
import type { ThreadConnection } from './thread-connection';

// The adapter running in the thread; Prisma names it in its error messages.
const ADAPTER_NAME = 'pglite-prisma-adapter';

/** Queries on the thread's adapter (`txId: null`) or inside one of its transactions. */
class ThreadQueryable {
  readonly provider = 'postgres';
  readonly adapterName = ADAPTER_NAME;

  constructor(
    protected readonly thread: ThreadConnection,
    private readonly txId: number | null,
  ) {}

  queryRaw(sqlQuery: SqlQuery): Promise<SqlResultSet> {
    const { query, transfer } = bytesArgsAsBuffers(sqlQuery);
    return this.thread.call('queryRaw', { txId: this.txId, query }, transfer);
  }

  executeRaw(sqlQuery: SqlQuery): Promise<number> {
    const { query, transfer } = bytesArgsAsBuffers(sqlQuery);
    return this.thread.call('executeRaw', { txId: this.txId, query }, transfer);
  }
}

class ThreadTransaction extends ThreadQueryable implements Transaction {
  constructor(
    thread: ThreadConnection,
    private readonly id: number,
    readonly options: TransactionOptions,
  ) {
    super(thread, id);
  }

  async commit(): Promise<void> {
    await this.thread.call('commit', { txId: this.id });
  }

  async rollback(): Promise<void> {
    await this.thread.call('rollback', { txId: this.id });
  }
}

class ThreadAdapter extends ThreadQueryable implements SqlDriverAdapter {
  constructor(
    thread: ThreadConnection,
    private readonly connectionInfo: ConnectionInfo,
  ) {
    super(thread, null);
  }

  async executeScript(script: string): Promise<void> {
    await this.thread.call('executeScript', { script });
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const { txId, options } = await this.thread.call('startTransaction', { isolationLevel: isolationLevel ?? null });
    return new ThreadTransaction(this.thread, txId, options);
  }

  // Synchronous in Prisma's interface, so it was asked for once, at connect().
  getConnectionInfo(): ConnectionInfo {
    return this.connectionInfo;
  }

  async dispose(): Promise<void> {
    await this.thread.call('dispose', {});
  }
}

/**
 * Prisma's driver adapter for the embedded database: every call is forwarded to
 * pglite-prisma-adapter in the database's own thread, so that PGlite's work never runs
 * on the thread that serves the web server's sockets.
 */
export class ThreadAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = ADAPTER_NAME;

  constructor(private readonly thread: ThreadConnection) {}

  async connect(): Promise<SqlDriverAdapter> {
    return new ThreadAdapter(this.thread, await this.thread.call('connect', {}));
  }
}
