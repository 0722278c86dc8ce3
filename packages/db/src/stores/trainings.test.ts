import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { trainingInput, type TrainingInputDraft, type TrainingStore } from '@passerelle/core';
import { testDatabaseKinds } from '../testing/index';
import type { Database } from '../database';
import { createOrganisationStore } from './organisations';
import { createTrainingStore } from './trainings';

describe.each(testDatabaseKinds())('training store on $name', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  let store: TrainingStore;
  let providerId: string;
  const input = (v: Partial<TrainingInputDraft> = {}) =>
    trainingInput.parse({ providerId, title: 'Solar panel installation', type: 'vocational', ...v });

  beforeAll(async () => {
    ({ database, drop } = await kind.create());
    store = createTrainingStore(database.db);
    providerId = randomUUID();
    await createOrganisationStore(database.db).create(
      { kind: 'training_provider', name: 'TVET Dakar', country: 'SN', data: {} },
      providerId,
    );
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  test('creates, reads, updates and deletes a training offer', async () => {
    const created = await store.create(
      input({
        skillsTaught: [{ uri: 'http://data.europa.eu/esco/skill/solar', label: 'install solar panels' }],
        delivery: 'blended',
        location: { country: 'SN', region: 'Dakar' },
        startsOn: '2025-09-01',
        endsOn: '2025-12-01',
        cost: { amount: 0, currency: 'XOF' },
        stipend: { min: 20000, max: 20000, currency: 'XOF', period: 'month' },
        support: { transport: true, childcare: true },
      }),
      randomUUID(),
    );
    expect(created).toMatchObject({
      version: 1,
      delivery: 'blended',
      support: { transport: true, childcare: true, meals: false },
    });
    expect(await store.get(created.id)).toEqual(created);
    const updated = await store.update(
      created.id,
      1,
      input({ title: 'Solar (advanced)', startsOn: '2025-10-01' }),
    );
    expect(updated.version).toBe(2);
    await expect(store.update(created.id, 1, input())).rejects.toMatchObject({ code: 'version_conflict' });
    await expect(store.create(input({ providerId: randomUUID() }), randomUUID())).rejects.toMatchObject({
      code: 'invalid_reference',
    });
    expect(await store.remove(created.id, 2)).toEqual({ outcome: 'deleted', id: created.id });
  });

  test('filters by type, support and start dates; sorts by start date with undated courses last', async () => {
    const mk = (title: string, startsOn: string | null, extra: Partial<TrainingInputDraft> = {}) =>
      store.create(input({ title, startsOn, location: { country: 'NG' }, ...extra }), randomUUID());
    await mk('C', '2025-03-01');
    await mk('A', '2025-01-01', { type: 'language', support: { childcare: true } });
    await mk('U', null);
    await mk('B', '2025-02-01');
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.list({
        country: 'NG',
        limit: 2,
        cursor,
        includeArchived: false,
        sort: 'startsOn',
        order: 'asc',
      });
      seen.push(...page.items.map((t) => t.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['A', 'B', 'C', 'U']);
    const lang = await store.list({
      country: 'NG',
      type: 'language',
      limit: 10,
      includeArchived: false,
      sort: 'title',
      order: 'asc',
    });
    expect(lang.items.map((t) => t.title)).toEqual(['A']);
    const care = await store.list({
      country: 'NG',
      childcareSupport: true,
      limit: 10,
      includeArchived: false,
      sort: 'title',
      order: 'asc',
    });
    expect(care.items.map((t) => t.title)).toEqual(['A']);
    const window = await store.list({
      country: 'NG',
      startsFrom: '2025-01-15',
      startsUntil: '2025-02-15',
      limit: 10,
      includeArchived: false,
      sort: 'title',
      order: 'asc',
    });
    expect(window.items.map((t) => t.title)).toEqual(['B']);
  });

  test('bulk upsert by external id is idempotent', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({
      ...input({ title: `Course ${i}` }),
      externalId: `tr-${i}`,
    }));
    expect((await store.upsertByExternalId(rows, { newId: randomUUID })).created).toBe(20);
    expect((await store.upsertByExternalId(rows, { newId: randomUUID })).unchanged).toBe(20);
  });
});
