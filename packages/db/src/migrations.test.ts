import { describe, expect, test } from 'vitest';
import { testDatabaseKinds } from './testing/index';
import { appliedMigrations, migrateDatabase } from './open';

describe.each(testDatabaseKinds())('migrations on $name', (kind) => {
  test('are applied at open and running them twice changes nothing', async () => {
    const { database, config, drop } = await kind.create();
    try {
      const before = await appliedMigrations(database);
      expect(before.length).toBeGreaterThan(0);
      await migrateDatabase(database, config);
      await migrateDatabase(database, config);
      expect(await appliedMigrations(database)).toEqual(before);
      const tables = await database.query<{ n: number }>(
        `select count(*)::int as n from information_schema.tables where table_schema='public'`,
      );
      expect(tables[0]?.n).toBeGreaterThan(0);
    } finally {
      await database.close();
      await drop();
    }
  });
});
