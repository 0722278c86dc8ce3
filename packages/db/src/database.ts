import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import type { DatabaseConfig } from '@passerelle/core';
import type * as schema from './schema/index';

export type Schema = typeof schema;

/** The drizzle handle the stores use; the same type for both drivers. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** An open database: the drizzle handle plus the few operations that differ per driver. */
export interface Database {
  readonly kind: DatabaseConfig['kind'];
  readonly db: Db;
  /** Runs raw SQL with positional parameters and returns the rows. */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a drizzle `sql` template and returns the rows. */
  execute<Row = Record<string, unknown>>(query: SQL): Promise<Row[]>;
  /** Runs `fn` in one transaction on one connection with raw query access. */
  transaction<T>(fn: (tx: RawTx) => Promise<T>): Promise<T>;
  /** Checks the connection answers (used by /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Raw query access inside a transaction. */
export interface RawTx {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
}
