import type { ParserOptions, PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';
import { BYTEA_OID, parseBytea } from './fast-bytea';

/** The part of PGlite that pglite-prisma-adapter 0.7.2 calls. */
export type AdapterClient = Pick<PGlite, 'query' | 'exec' | 'transaction'>;

// The adapter passes the same parser table with every query: swap its bytea parser once.
const fastTables = new WeakMap<ParserOptions, ParserOptions>();

function withFastBytea(parsers: ParserOptions): ParserOptions {
  let fast = fastTables.get(parsers);
  if (!fast) {
    fast = { ...parsers, [BYTEA_OID]: parseBytea };
    fastTables.set(parsers, fast);
  }
  return fast;
}

/**
 * Per-query parsers win over PGlite's instance parsers, and pglite-prisma-adapter sends
 * its own, whose bytea parser calls parseInt once per byte. This puts the fast one back.
 */
function fastOptions(options: QueryOptions | undefined): QueryOptions | undefined {
  return options?.parsers ? { ...options, parsers: withFastBytea(options.parsers) } : options;
}

function fastTransaction(tx: Transaction): Transaction {
  return {
    query: <T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> => tx.query<T>(sql, params, fastOptions(options)),
    sql: <T>(strings: TemplateStringsArray, ...params: unknown[]): Promise<Results<T>> => tx.sql<T>(strings, ...params),
    exec: (sql: string, options?: QueryOptions) => tx.exec(sql, fastOptions(options)),
    rollback: () => tx.rollback(),
    listen: (channel: string, callback: (payload: string) => void) => tx.listen(channel, callback),
    get closed() {
      return tx.closed;
    },
  };
}

/** `lite`, with fast bytea parsing for the adapter's queries, inside transactions too. */
export function fastByteaClient(lite: PGlite): AdapterClient {
  return {
    query: <T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> => lite.query<T>(sql, params, fastOptions(options)),
    exec: (sql: string, options?: QueryOptions) => lite.exec(sql, fastOptions(options)),
    transaction: <T>(callback: (tx: Transaction) => Promise<T>): Promise<T> => lite.transaction((tx) => callback(fastTransaction(tx))),
  };
}
