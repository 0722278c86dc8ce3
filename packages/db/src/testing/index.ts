import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import type { DatabaseConfig } from '@passerelle/core';
import type { Database } from '../database';
import { openDatabase } from '../open';

export { findPostgresBinaries, freePort, startThrowawayCluster, type ThrowawayCluster } from './pg-cluster';

/** A database kind the contract suites run against. */
export interface TestDatabaseKind {
  name: 'pglite' | 'postgres';
  /** Creates a fresh, empty, migrated database and its config. */
  create(): Promise<{ database: Database; config: DatabaseConfig; drop(): Promise<void> }>;
}

/** Creates a fresh empty database on the test cluster and returns its URL. */
export async function createPostgresDatabase(
  adminUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * The database kinds of this test run: PGlite always (in memory), PostgreSQL when the run has a
 * throwaway cluster (always in CI). Use with `describe.each(testDatabaseKinds())`.
 */
export function testDatabaseKinds(): TestDatabaseKind[] {
  const kinds: TestDatabaseKind[] = [
    {
      name: 'pglite',
      async create() {
        const config: DatabaseConfig = { kind: 'pglite', dataDir: null };
        const database = await openDatabase(config, { migrate: true });
        return { database, config, drop: async () => {} };
      },
    },
  ];
  const adminUrl = inject('pgAdminUrl');
  if (adminUrl) {
    kinds.push({
      name: 'postgres',
      async create() {
        const { url, drop } = await createPostgresDatabase(adminUrl);
        const config: DatabaseConfig = { kind: 'postgres', url };
        const database = await openDatabase(config, { migrate: true });
        return { database, config, drop };
      },
    });
  }
  return kinds;
}

/** The admin URL of the run's throwaway PostgreSQL cluster, or null. */
export function testPostgresAdminUrl(): string | null {
  return inject('pgAdminUrl') || null;
}
