import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { DomainError } from '@passerelle/core';
import type { Database, Db } from '../database';
import * as schema from '../schema/index';
import { migrationsFolder } from '../migrations';

// Return bigint (int8) and numeric as JS numbers/strings consistently with PGlite: int8 → number.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens a pool on a PostgreSQL server and checks that it answers. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => {});
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => {});
    throw new DomainError('unavailable', {
      what: 'PostgreSQL',
      reason: (e as Error).message,
    });
  }
  const db = drizzle(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async query<Row>(text: string, params: unknown[] = []) {
      const r = await pool.query(text, params);
      return r.rows as Row[];
    },
    async execute<Row>(q: Parameters<Db['execute']>[0]) {
      const r = (await db.execute(q)) as unknown as { rows: Row[] };
      return r.rows;
    },
    async transaction<T>(fn: Parameters<Database['transaction']>[0]): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          async query<Row>(text: string, params: unknown[] = []) {
            return (await client.query(text, params)).rows as Row[];
          },
        });
        await client.query('COMMIT');
        return result as T;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * Applies pending migrations, all in one transaction, under an advisory lock so that two processes
 * never race. `folder` is for tests only.
 */
export async function migratePostgres(url: string, folder: string = migrationsFolder): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(727274)');
    await migrate(drizzle(client), { migrationsFolder: folder });
  } finally {
    await client.query('select pg_advisory_unlock(727274)').catch(() => {});
    await client.end();
  }
}
