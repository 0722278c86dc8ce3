import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createPostgresDatabase, testDatabaseKinds, testPostgresAdminUrl } from './testing/index';
import { appliedMigrations, migrateDatabase } from './open';
import type { Database } from './database';
import { migratePglite, openPglite } from './drivers/pglite';
import { migratePostgres, openPostgres } from './drivers/postgres';

const dir = mkdtempSync(join(tmpdir(), 'passerelle-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

/** A migration history in Drizzle's layout: a good migration, then one that fails half-way. */
function writeFailingHistory(): string {
  const folder = join(dir, 'failing');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  writeFileSync(join(folder, '0000_good.sql'), 'create table "first_table" ("id" integer primary key);');
  writeFileSync(
    join(folder, '0001_bad.sql'),
    'create table "second_table" ("id" integer);\n--> statement-breakpoint\nselect 1 / 0;',
  );
  const entries = ['0000_good', '0001_bad'].map((tag, idx) => ({
    idx,
    version: '7',
    when: 1_700_000_000_000 + idx,
    tag,
    breakpoints: true,
  }));
  writeFileSync(
    join(folder, 'meta', '_journal.json'),
    JSON.stringify({ version: '7', dialect: 'postgresql', entries }),
  );
  return folder;
}

async function expectNothingApplied(database: Database): Promise<void> {
  const tables = await database.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_name in ('first_table', 'second_table')`,
  );
  expect(tables).toEqual([]);
  expect(await appliedMigrations(database)).toEqual([]);
}

test('on PGlite a migration run that fails half-way leaves nothing applied', async () => {
  const folder = writeFailingHistory();
  const database = await openPglite(null);
  try {
    await expect(migratePglite(database, folder)).rejects.toThrow(/failed query/i);
    await expectNothingApplied(database);
  } finally {
    await database.close();
  }
});

const adminUrl = testPostgresAdminUrl();
test.runIf(adminUrl)('on PostgreSQL a migration run that fails half-way leaves nothing applied', async () => {
  const folder = writeFailingHistory();
  const target = await createPostgresDatabase(adminUrl!);
  const database = await openPostgres(target.url);
  try {
    await expect(migratePostgres(target.url, folder)).rejects.toThrow(/failed query/i);
    await expectNothingApplied(database);
  } finally {
    await database.close();
    await target.drop();
  }
});
