import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serviceInput, type ServiceInputDraft, type ServiceStore } from '@passerelle/core';
import { testDatabaseKinds } from '../testing/index';
import type { Database } from '../database';
import { createOrganisationStore } from './organisations';
import { createServiceStore } from './services';

describe.each(testDatabaseKinds())('service store on $name', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  let store: ServiceStore;
  let providerId: string;
  const input = (v: Partial<ServiceInputDraft> = {}) =>
    serviceInput.parse({ providerId, title: 'Start-up loans', category: 'microcredit', ...v });

  beforeAll(async () => {
    ({ database, drop } = await kind.create());
    store = createServiceStore(database.db);
    providerId = randomUUID();
    await createOrganisationStore(database.db).create(
      { kind: 'financial_institution', name: 'MFI Conakry', data: {} },
      providerId,
    );
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  test('creates, reads, lists, updates and deletes a service offer with loan terms', async () => {
    const created = await store.create(
      input({
        dimension: 'economic',
        location: { country: 'GN', region: 'Conakry' },
        loan: { currency: 'GNF', maxAmount: 5_000_000, interestRatePercent: 24, termMonthsMax: 12 },
      }),
      randomUUID(),
    );
    expect(created.loan?.interestRatePercent).toBe(24);
    expect(await store.get(created.id)).toEqual(created);
    await store.create(
      input({ title: 'Listening group', category: 'psychosocial_support', dimension: 'psychosocial' }),
      randomUUID(),
    );
    const micro = await store.list({
      category: 'microcredit',
      limit: 10,
      includeArchived: false,
      sort: 'title',
      order: 'asc',
    });
    expect(micro.items.map((s) => s.id)).toEqual([created.id]);
    const psy = await store.list({
      dimension: 'psychosocial',
      limit: 10,
      includeArchived: false,
      sort: 'title',
      order: 'asc',
    });
    expect(psy.items).toHaveLength(1);
    const updated = await store.update(created.id, 1, input({ title: 'Start-up loans (2025)' }));
    expect(updated.version).toBe(2);
    await expect(store.update(created.id, 1, input())).rejects.toMatchObject({ code: 'version_conflict' });
    await expect(store.create(input({ providerId: randomUUID() }), randomUUID())).rejects.toMatchObject({
      code: 'invalid_reference',
    });
    expect((await store.remove(created.id, 2)).outcome).toBe('deleted');
    await expect(store.remove(created.id, 3)).rejects.toMatchObject({ code: 'not_found' });
  });
});
