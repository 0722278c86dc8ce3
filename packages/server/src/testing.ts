import type { FastifyInstance } from 'fastify';
import { parseConfig } from '@passerelle/core';
import type { Database } from '@passerelle/db';
import type { TestDatabaseKind } from '@passerelle/db/testing';
import { buildApp, type BuildAppOptions } from './app';

/** An in-process app on a fresh database of the given kind, for HTTP tests. */
export async function createTestApp(
  kind: TestDatabaseKind,
  overrides: Partial<BuildAppOptions> = {},
): Promise<{ app: FastifyInstance; database: Database; close(): Promise<void> }> {
  const { database, config: dbConfig, drop } = await kind.create();
  const config = { ...parseConfig({ LOG_LEVEL: 'silent' }), database: dbConfig };
  const app = await buildApp({ config, database, ...overrides });
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
}
