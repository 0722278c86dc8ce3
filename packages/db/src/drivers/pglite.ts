import { mkdirSync, accessSync, constants, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { DomainError } from '@passerelle/core';
import type { Database, Db } from '../database';
import * as schema from '../schema/index';
import { migrationsFolder } from '../migrations';

/**
 * Opens the embedded database in `dataDir` (or in memory when `dataDir` is null), with full
 * durability, and takes a lock file so that no second process opens the same folder.
 */
export async function openPglite(dataDir: string | null): Promise<Database> {
  let release = () => {};
  if (dataDir !== null) {
    const dir = resolve(dataDir);
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
    } catch (e) {
      throw new DomainError('invalid_config', {
        issues: [
          {
            path: ['--data-dir / PASSERELLE_DATA_DIR'],
            code: 'not_writable',
            message: `cannot write to ${dir} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
          },
        ],
      });
    }
    release = takeLock(dir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: dataDir === null ? undefined : resolve(dataDir),
      relaxedDurability: false,
    });
  } catch (e) {
    release();
    throw e;
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  const database: Database = {
    kind: 'pglite',
    db,
    async query<Row>(text: string, params: unknown[] = []) {
      const r = await client.query<Row>(text, params);
      return r.rows;
    },
    async execute<Row>(q: Parameters<Db['execute']>[0]) {
      const r = (await db.execute(q)) as unknown as { rows: Row[] };
      return r.rows;
    },
    // PGlite is one connection; its own mutex keeps other queries out of an open transaction.
    transaction<T>(fn: Parameters<Database['transaction']>[0]): Promise<T> {
      return client.transaction(async (tx) =>
        fn({
          async query<Row>(text: string, params: unknown[] = []) {
            return (await tx.query<Row>(text, params)).rows;
          },
        }),
      ) as Promise<T>;
    },
    async ping() {
      await client.query('select 1');
    },
    async close() {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
  return database;
}

/**
 * Applies pending migrations, all in one transaction (PGlite has a single connection, so no lock
 * is needed). `folder` is for tests only.
 */
export async function migratePglite(database: Database, folder: string = migrationsFolder): Promise<void> {
  await migrate(database.db as unknown as Parameters<typeof migrate>[0], { migrationsFolder: folder });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A pid lock file; a lock left by a killed process is taken over. */
function takeLock(dir: string): () => void {
  const file = join(dir, 'passerelle.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) {
        throw new DomainError('invalid_config', {
          issues: [
            {
              path: ['--data-dir / PASSERELLE_DATA_DIR'],
              code: 'in_use',
              message: `${dir} is in use by another Passerelle process (pid ${pid})`,
            },
          ],
        });
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${dir}`);
}
