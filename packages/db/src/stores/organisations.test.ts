import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OrganisationStore } from '@passerelle/core';
import { testDatabaseKinds } from '../testing/index';
import type { Database } from '../database';
import { createOrganisationStore } from './organisations';

describe.each(testDatabaseKinds())('organisation store on $name', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  let store: OrganisationStore;
  beforeAll(async () => {
    ({ database, drop } = await kind.create());
    store = createOrganisationStore(database.db);
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  test('creates and reads an organisation', async () => {
    const id = randomUUID();
    const created = await store.create(
      { kind: 'employer', name: 'Atelier Diallo', country: 'SN', data: { sector: 'C' } },
      id,
    );
    expect(created).toMatchObject({ id, version: 1, name: 'Atelier Diallo', archivedAt: null });
    expect(await store.get(id)).toEqual(created);
    expect(await store.get(randomUUID())).toBeNull();
  });

  test('updates only from the current version, and a stale version is a version_conflict', async () => {
    const id = randomUUID();
    await store.create({ kind: 'partner', name: 'Old', data: {} }, id);
    const v2 = await store.update(id, 1, { kind: 'partner', name: 'New', data: {} });
    expect(v2.version).toBe(2);
    await expect(store.update(id, 1, { kind: 'partner', name: 'Stale', data: {} })).rejects.toMatchObject({
      code: 'version_conflict',
    });
    await expect(
      store.update(randomUUID(), 1, { kind: 'partner', name: 'x', data: {} }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  test('a duplicate external id is already_exists', async () => {
    await store.create({ kind: 'employer', name: 'A', externalId: 'ext-1', data: {} }, randomUUID());
    await expect(
      store.create({ kind: 'employer', name: 'B', externalId: 'ext-1', data: {} }, randomUUID()),
    ).rejects.toMatchObject({
      code: 'already_exists',
    });
  });

  test('lists with a cursor, without repeats, and hides archived records by default', async () => {
    const country = 'GN';
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const id = randomUUID();
      ids.push(id);
      await store.create({ kind: 'training_provider', name: `Centre ${i % 3}`, country, data: {} }, id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.list({ limit: 3, cursor, includeArchived: false, country, sort: 'name' });
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(seen.length).toBe(ids.length);
    const archived = await store.archive(ids[0]!, 1);
    expect(archived.archivedAt).not.toBeNull();
    const visible = await store.list({ limit: 50, includeArchived: false, country, sort: 'name' });
    expect(visible.items.map((o) => o.id)).not.toContain(ids[0]);
    const all = await store.list({ limit: 50, includeArchived: true, country, sort: 'name' });
    expect(all.items.map((o) => o.id)).toContain(ids[0]);
  });
});
