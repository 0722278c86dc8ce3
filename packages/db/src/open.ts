import type { DatabaseConfig } from '@passerelle/core';
import type { Database } from './database';
import { migratePglite, openPglite } from './drivers/pglite';
import { migratePostgres, openPostgres } from './drivers/postgres';

/** Opens the configured database. With `migrate`, pending migrations are applied first. */
export async function openDatabase(
  config: DatabaseConfig,
  options: { migrate?: boolean } = {},
): Promise<Database> {
  if (config.kind === 'pglite') {
    const database = await openPglite(config.dataDir);
    if (options.migrate) {
      try {
        await migratePglite(database);
      } catch (e) {
        await database.close();
        throw e;
      }
    }
    return database;
  }
  const database = await openPostgres(config.url);
  if (options.migrate) {
    try {
      await migratePostgres(config.url);
    } catch (e) {
      await database.close();
      throw e;
    }
  }
  return database;
}

/** Applies pending migrations to an open database. Safe to run twice. */
export async function migrateDatabase(database: Database, config: DatabaseConfig): Promise<void> {
  if (config.kind === 'pglite') await migratePglite(database);
  else await migratePostgres(config.url);
}

/** Lists the applied migrations, oldest first. */
export async function appliedMigrations(database: Database): Promise<{ hash: string; createdAt: number }[]> {
  const exists = await database.query<{ n: number }>(
    `select count(*)::int as n from information_schema.tables where table_schema = 'drizzle' and table_name = '__drizzle_migrations'`,
  );
  if ((exists[0]?.n ?? 0) === 0) return [];
  const rows = await database.query<{ hash: string; created_at: string | number }>(
    'select hash, created_at from drizzle.__drizzle_migrations order by created_at',
  );
  return rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
}
