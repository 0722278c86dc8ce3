import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Database } from './database';
import { testDatabaseKinds, type TestDatabaseKind } from './testing/index';
import { backupDatabase, restoreDatabase, snapshotTables } from './backup';
import { createOrganisationStore } from './stores/organisations';

const kinds = testDatabaseKinds();
const byName = (n: string) => kinds.find((k) => k.name === n);
const dir = mkdtempSync(join(tmpdir(), 'passerelle-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function seed(database: Database): Promise<void> {
  const store = createOrganisationStore(database.db);
  for (let i = 0; i < 25; i++) {
    await store.create(
      {
        kind: i % 2 ? 'employer' : 'training_provider',
        name: i % 3 ? `Coopérative agricole ${i}` : `شركة البناء ${i}`,
        country: i % 4 ? 'IQ' : null,
        externalId: i % 5 ? `ext-${i}` : null,
        data: {
          sector: 'F',
          contacts: [{ name: 'Ana', phone: '+995 555 000' }],
          note: 'quote " and \\ backslash',
          n: i,
        },
      },
      randomUUID(),
    );
  }
  await database.query(
    `insert into idempotency_keys (key, request_hash, status_code, body) values ('k1', 'h', 201, '{"payload":"{}","headers":{}}')`,
  );
}

async function roundTrip(from: TestDatabaseKind, to: TestDatabaseKind) {
  const a = await from.create();
  const b = await to.create();
  try {
    await seed(a.database);
    // Something in the target that the restore must replace.
    await createOrganisationStore(b.database.db).create(
      { kind: 'partner', name: 'to be replaced', data: {} },
      randomUUID(),
    );
    const file = join(dir, `${from.name}-to-${to.name}.backup.gz`);
    const written = await backupDatabase(a.database, file);
    expect(written.tables.organisations).toBe(25);
    await restoreDatabase(b.database, file);
    expect(await snapshotTables(b.database)).toEqual(await snapshotTables(a.database));
  } finally {
    await a.database.close();
    await b.database.close();
    await a.drop();
    await b.drop();
  }
}

describe('backup and restore', () => {
  test.runIf(byName('postgres'))(
    'a PGlite backup restores into PostgreSQL with every table equal',
    async () => {
      await roundTrip(byName('pglite')!, byName('postgres')!);
    },
  );

  test.runIf(byName('postgres'))(
    'a PostgreSQL backup restores into PGlite with every table equal',
    async () => {
      await roundTrip(byName('postgres')!, byName('pglite')!);
    },
  );

  test('a PGlite backup restores into PGlite', async () => {
    await roundTrip(byName('pglite')!, byName('pglite')!);
  });

  test('a truncated or foreign file is refused and the database is unchanged', async () => {
    const a = await byName('pglite')!.create();
    try {
      await seed(a.database);
      const file = join(dir, 'good.backup.gz');
      await backupDatabase(a.database, file);
      const before = await snapshotTables(a.database);
      const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
      const truncated = join(dir, 'truncated.backup.gz');
      writeFileSync(truncated, gzipSync(lines.slice(0, -5).join('\n')));
      await expect(restoreDatabase(a.database, truncated)).rejects.toMatchObject({ code: 'invalid_file' });
      const foreign = join(dir, 'foreign.gz');
      writeFileSync(foreign, gzipSync('id,name\n1,x\n'));
      await expect(restoreDatabase(a.database, foreign)).rejects.toMatchObject({ code: 'invalid_file' });
      const notGzip = join(dir, 'plain.txt');
      writeFileSync(notGzip, 'hello');
      await expect(restoreDatabase(a.database, notGzip)).rejects.toMatchObject({ code: 'invalid_file' });
      expect(await snapshotTables(a.database)).toEqual(before);
    } finally {
      await a.database.close();
    }
  });
});

test('a missing backup file is refused with the system error, not a crash', async () => {
  const a = await byName('pglite')!.create();
  try {
    await expect(restoreDatabase(a.database, join(dir, 'no-such.backup.gz'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  } finally {
    await a.database.close();
  }
});

test('a backup to a folder that does not exist is refused and leaves no partial file', async () => {
  const a = await byName('pglite')!.create();
  try {
    await seed(a.database);
    const file = join(dir, 'no-such-folder', 'x.backup.gz');
    await expect(backupDatabase(a.database, file)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(existsSync(`${file}.partial`)).toBe(false);
    // The database is still usable after the failed backup.
    expect(await snapshotTables(a.database)).toHaveProperty('organisations');
  } finally {
    await a.database.close();
  }
});
