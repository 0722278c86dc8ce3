import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { vacancyInput, type VacancyInputDraft, type VacancyStore } from '@passerelle/core';
import { testDatabaseKinds } from '../testing/index';
import type { Database } from '../database';
import { createOrganisationStore } from './organisations';
import { createVacancyStore } from './vacancies';
import { createPersonStore } from './people';
import { createReferralStore } from './referrals';

describe.each(testDatabaseKinds())('vacancy store on $name', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  let store: VacancyStore;
  let employerId: string;
  const input = (v: Partial<VacancyInputDraft> = {}) =>
    vacancyInput.parse({ employerId, title: 'Mechanic', ...v });

  beforeAll(async () => {
    ({ database, drop } = await kind.create());
    store = createVacancyStore(database.db);
    employerId = randomUUID();
    await createOrganisationStore(database.db).create(
      { kind: 'employer', name: 'Garage', data: {} },
      employerId,
    );
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  test('creates and reads a vacancy with its coded fields', async () => {
    const id = randomUUID();
    const created = await store.create(
      input({
        occupation: {
          uri: 'http://data.europa.eu/esco/occupation/mech',
          iscoCode: '7231',
          label: 'motor vehicle mechanic',
        },
        essentialSkills: [{ uri: 'http://data.europa.eu/esco/skill/a', label: 'repair engines' }],
        location: { country: 'IQ', region: 'Erbil', coordinates: { lat: 36.19, lon: 44.01 } },
        wage: { min: 500000, max: 700000, currency: 'IQD', period: 'month' },
        requirements: {
          drivingLicences: ['B'],
          languages: [{ language: 'ku', minLevel: 'B1' }],
          rightToWork: true,
        },
      }),
      id,
    );
    expect(created).toMatchObject({ id, version: 1, title: 'Mechanic', archivedAt: null, status: 'open' });
    expect(await store.get(id)).toEqual(created);
    expect((await store.get(id))?.requirements.drivingLicences).toEqual(['B']);
    expect(await store.get(randomUUID())).toBeNull();
  });

  test('a missing or archived employer is invalid_reference', async () => {
    await expect(store.create(input({ employerId: randomUUID() }), randomUUID())).rejects.toMatchObject({
      code: 'invalid_reference',
      details: { issues: [expect.objectContaining({ path: ['employerId'], reason: 'missing' })] },
    });
    const orgs = createOrganisationStore(database.db);
    const archivedId = randomUUID();
    await orgs.create({ kind: 'employer', name: 'Closed', data: {} }, archivedId);
    const v = await store.create(input({ employerId: archivedId }), randomUUID());
    await orgs.archive(archivedId, 1);
    await expect(store.create(input({ employerId: archivedId }), randomUUID())).rejects.toMatchObject({
      code: 'invalid_reference',
      details: { issues: [expect.objectContaining({ reason: 'archived' })] },
    });
    // A vacancy that already had the employer can still be edited.
    const edited = await store.update(v.id, 1, input({ employerId: archivedId, title: 'Mechanic (closed)' }));
    expect(edited.version).toBe(2);
  });

  test('updates only from the current version', async () => {
    const v = await store.create(input(), randomUUID());
    await store.update(v.id, 1, input({ title: 'Senior mechanic' }));
    await expect(store.update(v.id, 1, input({ title: 'Stale' }))).rejects.toMatchObject({
      code: 'version_conflict',
    });
    await expect(store.update(randomUUID(), 1, input())).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.remove(v.id, 1)).rejects.toMatchObject({ code: 'version_conflict' });
  });

  test('a duplicate external id is already_exists', async () => {
    await store.create(input({ externalId: 'pes-1' }), randomUUID());
    await expect(store.create(input({ externalId: 'pes-1' }), randomUUID())).rejects.toMatchObject({
      code: 'already_exists',
    });
  });

  test('lists with filters, both sort orders and a cursor, without repeats', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const v = await store.create(
        input({
          title: `Tailor ${i % 3}`,
          location: { country: 'GN', region: 'Kankan' },
          atHomePossible: i % 2 === 0,
        }),
        randomUUID(),
      );
      ids.push(v.id);
    }
    for (const order of ['asc', 'desc'] as const) {
      for (const sort of ['title', 'createdAt'] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.list({
            limit: 3,
            cursor,
            includeArchived: false,
            country: 'GN',
            sort,
            order,
          });
          seen.push(...page.items.map((v) => v.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen.length).toBe(7);
        expect(new Set(seen)).toEqual(new Set(ids));
      }
    }
    const home = await store.list({
      limit: 50,
      includeArchived: false,
      country: 'GN',
      atHomePossible: true,
      sort: 'title',
      order: 'asc',
    });
    expect(home.items).toHaveLength(4);
    const q = await store.list({
      limit: 50,
      includeArchived: false,
      q: 'TAILOR 1',
      sort: 'title',
      order: 'asc',
    });
    expect(q.items.map((v) => v.title)).toEqual(['Tailor 1', 'Tailor 1']);
  });

  test('a vacancy nobody refers to is deleted; one with a referral is archived', async () => {
    const lonely = await store.create(input(), randomUUID());
    expect(await store.remove(lonely.id, 1)).toEqual({ outcome: 'deleted', id: lonely.id });
    expect(await store.get(lonely.id)).toBeNull();
    const used = await store.create(input(), randomUUID());
    const person = await createPersonStore(database.db).create(
      (await import('@passerelle/core')).personInput.parse({ givenName: 'Aya' }),
      randomUUID(),
    );
    await createReferralStore(database.db).create(
      { personId: person.id, targetKind: 'vacancy', targetId: used.id, status: 'proposed', on: '2025-01-01' },
      randomUUID(),
    );
    const removed = await store.remove(used.id, 1);
    expect(removed.outcome).toBe('archived');
    expect((await store.get(used.id))?.archivedAt).not.toBeNull();
  });

  test('bulk upsert by external id: created, then unchanged, then updated; one transaction', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      ...input({ title: `Job ${i}` }),
      externalId: `bulk-${i}`,
    }));
    const first = await store.upsertByExternalId(rows, { newId: randomUUID });
    expect([first.created, first.updated, first.unchanged]).toEqual([1200, 0, 0]);
    const before = await store.list({
      limit: 1,
      includeArchived: false,
      externalId: 'bulk-5',
      sort: 'title',
      order: 'asc',
    });
    const again = await store.upsertByExternalId(rows, { newId: randomUUID });
    expect([again.created, again.updated, again.unchanged]).toEqual([0, 0, 1200]);
    const after = await store.list({
      limit: 1,
      includeArchived: false,
      externalId: 'bulk-5',
      sort: 'title',
      order: 'asc',
    });
    expect(after.items[0]).toEqual(before.items[0]);
    expect(again.outcomes[5]).toEqual({
      externalId: 'bulk-5',
      id: before.items[0]!.id,
      outcome: 'unchanged',
    });
    const changed = rows.map((r, i) => (i === 5 ? { ...r, title: 'Job five' } : r));
    const third = await store.upsertByExternalId(changed, { newId: randomUUID });
    expect([third.created, third.updated, third.unchanged]).toEqual([0, 1, 1199]);
    expect((await store.get(before.items[0]!.id))?.version).toBe(2);
  });

  test('a bulk upsert stores awkward text exactly: quotes, backslashes, braces, commas, NULL, Arabic', async () => {
    const awkward = [
      'say "hi"',
      'C:\\temp\\x',
      '{a,b}',
      'NULL',
      ' spaced ',
      'عامل بناء',
      'tab\tand\nline',
      'emoji 🧑‍🔧 \u0001',
    ];
    const rows = awkward.map((title, i) => ({
      ...input({
        title,
        location: { country: 'IQ', region: i % 2 ? null : 'NULL', city: title },
        essentialSkills: [{ uri: `http://x.test/skill/"${i}",{}`, label: title }],
      }),
      externalId: `awkward-${i}-"\\`,
    }));
    const result = await store.upsertByExternalId(rows, { newId: randomUUID });
    expect(result.created).toBe(awkward.length);
    for (const [i, o] of result.outcomes.entries()) {
      const got = await store.get(o.id);
      expect(got).toMatchObject({ title: rows[i]!.title, externalId: rows[i]!.externalId });
      expect(got?.location).toEqual(rows[i]!.location);
      expect(got?.essentialSkills).toEqual(rows[i]!.essentialSkills);
    }
    const listed = await store.list({
      limit: 5,
      includeArchived: false,
      skillUri: 'http://x.test/skill/"0",{}',
      sort: 'title',
      order: 'asc',
    });
    expect(listed.items.map((v) => v.title)).toEqual(['say "hi"']);
    const again = await store.upsertByExternalId(rows, { newId: randomUUID });
    expect(again.unchanged).toBe(awkward.length);
  });

  test('a bulk upsert with one bad row changes nothing and names the row; a dry run changes nothing', async () => {
    const rows = [
      { ...input({ title: 'A' }), externalId: 'atomic-1' },
      { ...input({ title: 'B', employerId: randomUUID() }), externalId: 'atomic-2' },
    ];
    await expect(store.upsertByExternalId(rows, { newId: randomUUID })).rejects.toMatchObject({
      code: 'invalid_reference',
      details: { issues: [expect.objectContaining({ path: [1, 'employerId'] })] },
    });
    const dry = await store.upsertByExternalId([rows[0]!], { newId: randomUUID, dryRun: true });
    expect(dry).toMatchObject({ created: 1, dryRun: true });
    const none = await store.list({
      limit: 5,
      includeArchived: true,
      externalId: 'atomic-1',
      sort: 'title',
      order: 'asc',
    });
    expect(none.items).toHaveLength(0);
    await expect(store.upsertByExternalId([rows[0]!, rows[0]!], { newId: randomUUID })).rejects.toMatchObject(
      { code: 'validation_failed' },
    );
  });
});

describe.each(testDatabaseKinds())('vacancy bulk upsert and archived employers on $name', (kind) => {
  test('an imported vacancy may keep its archived employer; a new one may not point to it', async () => {
    const { database, drop } = await kind.create();
    const orgs = createOrganisationStore(database.db);
    const store = createVacancyStore(database.db);
    const employerId = randomUUID();
    await orgs.create({ kind: 'employer', name: 'Soon closed', data: {} }, employerId);
    const row = (externalId: string, title: string) => ({
      ...vacancyInput.parse({ employerId, title }),
      externalId,
    });
    await store.upsertByExternalId([row('keep-1', 'A')], { newId: randomUUID });
    await orgs.archive(employerId, 1);
    const again = await store.upsertByExternalId([row('keep-1', 'A (edited)')], { newId: randomUUID });
    expect(again.updated).toBe(1);
    await expect(
      store.upsertByExternalId([row('keep-1', 'A'), row('new-1', 'B')], { newId: randomUUID }),
    ).rejects.toMatchObject({
      code: 'invalid_reference',
      details: { issues: [expect.objectContaining({ path: [1, 'employerId'], reason: 'archived' })] },
    });
    await database.close();
    await drop();
  });
});
