import type { AppConfig } from '@passerelle/core';
import { openDatabase, type Database } from '@passerelle/db';

/** Opens the configured database (migrated), runs `fn`, and always closes it. */
export async function withDatabase<T>(config: AppConfig, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config.database, { migrate: true });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
