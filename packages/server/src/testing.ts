import type { FastifyInstance } from 'fastify';
import { parseConfig } from '@passerelle/core';
import { createUserStore, type Database } from '@passerelle/db';
import type { TestDatabaseKind } from '@passerelle/db/testing';
import { buildApp, type BuildAppOptions } from './app';
import type { Actor } from './auth/policy';

/** The administrator that `createTestApp` requests run as when they carry no credentials. */
export const testAdministratorId = '00000000-0000-4000-8000-00000000ad01';
export const testAdministrator: Actor = {
  kind: 'user',
  userId: testAdministratorId,
  role: 'administrator',
  organisationId: null,
  country: null,
  scopes: null,
  personId: null,
  grants: [],
  mfa: true,
};

export interface TestAppOptions extends Partial<BuildAppOptions> {
  /**
   * Who requests without a cookie or token are: the test administrator (default), or anonymous
   * (`null`) to test authentication itself. Sensitive fields still need `X-Access-Reason`.
   */
  actor?: Actor | null;
}

/** An in-process app on a fresh database of the given kind, for HTTP tests. */
export async function createTestApp(
  kind: TestDatabaseKind,
  overrides: TestAppOptions = {},
): Promise<{ app: FastifyInstance; database: Database; close(): Promise<void> }> {
  const { database, config: dbConfig, drop } = await kind.create();
  const config = { ...parseConfig({ LOG_LEVEL: 'silent' }), database: dbConfig };
  const { actor, ...rest } = overrides;
  const testActor = actor === undefined ? testAdministrator : actor;
  if (testActor?.userId === testAdministratorId) {
    await createUserStore(database.db).create({
      id: testAdministratorId,
      email: 'test-admin@passerelle.test',
      role: 'administrator',
    });
  }
  const app = await buildApp({ config, database, testActor, ...rest });
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
