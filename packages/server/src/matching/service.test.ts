import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { personInput, vacancyInput, type VacancyInputDraft } from '@passerelle/core';
import {
  createOrganisationStore,
  createPersonStore,
  createTaxonomyStore,
  createVacancyStore,
  type Database,
  type Db,
} from '@passerelle/db';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { loadStarterCatalogue, starterCatalogue } from '@passerelle/taxonomy';
import { knowledgeFromTaxonomy } from './knowledge';
import { createMatchService, type MatchService } from './service';

const occupation = starterCatalogue.occupations.find((o) => o.essentialSkills.length >= 3)!;

describe.each(testDatabaseKinds())('match service on $name', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  let service: MatchService;
  let employerId: string;
  const vacancy = (v: Partial<VacancyInputDraft> = {}) =>
    vacancyInput.parse({
      employerId,
      title: occupation.labels.en.preferred,
      occupation: { uri: occupation.uri, iscoCode: occupation.iscoCode },
      essentialSkills: occupation.essentialSkills.slice(0, 3).map((uri) => ({ uri })),
      ...v,
    });
  const inIndex = (id: string) => service.index.vacancies.slotOf.has(id);

  beforeAll(async () => {
    ({ database, drop } = await kind.create());
    employerId = randomUUID();
    await createOrganisationStore(database.db).create(
      { kind: 'employer', name: 'Garage', data: {} },
      employerId,
    );
    // Records that exist before the service starts are loaded at start, a page at a time.
    const store = createVacancyStore(database.db);
    for (let i = 0; i < 450; i++) await store.create(vacancy({ title: `Early ${i}` }), randomUUID());
    await loadStarterCatalogue(createTaxonomyStore(database));
    service = await createMatchService({ database, deletionCheckMs: 0 });
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  test('builds from every page of records, with the knowledge of the taxonomy in the database', () => {
    expect(service.stats().vacancies).toBe(450);
    expect(service.stats().taxonomyImport).not.toBeNull();
    expect(service.stats().skillsNotIndexed).toBe(0);
    // The starter catalogue's occupation–skill relations came from the database.
    const k = service.index.knowledge;
    const id = k.occupations.find(occupation.uri);
    expect(id).toBeGreaterThanOrEqual(0);
    expect(k.occupationIsco[id]).toBe(Number(occupation.iscoCode));
  });

  test('a vacancy deleted outright (nothing referred to it) leaves the index at the next sync', async () => {
    const store = createVacancyStore(database.db);
    const id = randomUUID();
    const v = await store.create(vacancy(), id);
    await service.sync();
    expect(inIndex(id)).toBe(true);
    const removed = await store.remove(id, v.version);
    expect(removed.outcome).toBe('deleted');
    await service.sync();
    expect(inIndex(id)).toBe(false);
  });

  test('a closed or archived vacancy leaves the index; reopened, it comes back', async () => {
    const store = createVacancyStore(database.db);
    const id = randomUUID();
    const v = await store.create(vacancy(), id);
    await service.sync();
    const closed = await store.update(id, v.version, vacancy({ status: 'closed' }));
    await service.sync();
    expect(inIndex(id)).toBe(false);
    await store.update(id, closed.version, vacancy({ status: 'open' }));
    await service.sync();
    expect(inIndex(id)).toBe(true);
  });

  test('a person whose case is closed leaves the index, also at a rebuild; reopened, they come back', async () => {
    const people = createPersonStore(database.db);
    const id = randomUUID();
    const open = personInput.parse({ givenName: 'Closed', familyName: 'Case' });
    const p = await people.create(open, id);
    await service.sync();
    expect(service.index.people.slotOf.has(id)).toBe(true);
    const closed = await people.update(id, p.version, {
      ...open,
      caseClosure: { on: '2026-01-10', reason: 'moved_away' },
    });
    await service.sync();
    expect(service.index.people.slotOf.has(id)).toBe(false);
    const rebuilt = await createMatchService({ database, deletionCheckMs: 0 });
    expect(rebuilt.index.people.slotOf.has(id)).toBe(false);
    await people.update(id, closed.version, { ...open, caseClosure: null });
    await service.sync();
    expect(service.index.people.slotOf.has(id)).toBe(true);
  });

  test.runIf(kind.name === 'postgres')(
    'rows of a long transaction that commits after a sync are still picked up',
    async () => {
      const id = randomUUID();
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let inserted!: () => void;
      const didInsert = new Promise<void>((r) => (inserted = r));
      const transaction = database.db.transaction(async (tx) => {
        await createVacancyStore(tx as unknown as Db).create(vacancy({ title: 'Slow import' }), id);
        inserted();
        await held;
      });
      await didInsert;
      // Other work goes on meanwhile: a record changed later than the open transaction began.
      await new Promise((r) => setTimeout(r, 50));
      const later = randomUUID();
      await createVacancyStore(database.db).create(vacancy({ title: 'Quick one' }), later);
      await service.sync();
      expect(inIndex(later)).toBe(true);
      expect(inIndex(id)).toBe(false);
      release();
      await transaction;
      await service.sync();
      expect(inIndex(id)).toBe(true);
    },
  );

  test('a new taxonomy import rebuilds the index with the new knowledge, keeping every record', async () => {
    const before = service.stats();
    await loadStarterCatalogue(createTaxonomyStore(database), { force: true });
    await service.sync();
    await service.settled();
    const after = service.stats();
    expect(after.builds).toBe(before.builds + 1);
    expect(after.taxonomyImport).not.toBe(before.taxonomyImport);
    expect(after.vacancies).toBe(before.vacancies);
  });

  test('an index worn by changes is rebuilt in the background, keeping every record', async () => {
    const worn = await createMatchService({
      database,
      deletionCheckMs: 0,
      rebuildAfterChanges: { share: 0.01, min: 5 },
    });
    const builds = worn.stats().builds;
    const store = createVacancyStore(database.db);
    // Four changes: below the minimum, no rebuild.
    const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids.slice(0, 4)) await store.create(vacancy({ title: `Worn ${id}` }), id);
    await worn.sync();
    await worn.settled();
    expect(worn.stats().builds).toBe(builds);
    const before = worn.index;
    for (const id of ids.slice(4)) await store.create(vacancy({ title: `Worn ${id}` }), id);
    await worn.sync();
    await worn.settled();
    expect(worn.stats().builds).toBe(builds + 1);
    expect(worn.index).not.toBe(before);
    for (const id of ids) expect(worn.index.vacancies.slotOf.has(id)).toBe(true);
    expect(worn.stats().vacancies).toBe(before.vacancies.size);
    // Fresh from the build: nothing put since, so the next sync does not rebuild again.
    await worn.sync();
    await worn.settled();
    expect(worn.stats().builds).toBe(builds + 1);
  });
});

test('without any taxonomy in the database, the starter catalogue in memory is the knowledge', async () => {
  const [kind] = testDatabaseKinds();
  const { database, drop } = await kind!.create();
  try {
    const service = await createMatchService({ database });
    expect(service.stats().taxonomyImport).toBeNull();
    expect(service.index.knowledge.occupations.find(occupation.uri)).toBeGreaterThanOrEqual(0);
    // Nothing was written to the taxonomy.
    expect(await createTaxonomyStore(database).listImports(1)).toEqual([]);
  } finally {
    await database.close();
    await drop();
  }
});

test('knowledge from the taxonomy keeps skill, ISCO and occupation relations apart', () => {
  const esco = 'http://data.europa.eu/esco';
  const k = knowledgeFromTaxonomy(
    [
      { uri: `${esco}/occupation/o1`, type: 'occupation', iscoCode: '7231', code: null },
      { uri: `${esco}/skill/s1`, type: 'skill', iscoCode: null, code: null },
      { uri: `${esco}/skill/s2`, type: 'skill', iscoCode: null, code: null },
      { uri: `${esco}/skill/g1`, type: 'skill_group', iscoCode: null, code: 'S1' },
      { uri: `${esco}/isco/C7231`, type: 'isco_group', iscoCode: null, code: '7231' },
      { uri: `${esco}/isco/C723`, type: 'isco_group', iscoCode: null, code: '723' },
    ],
    [
      { kind: 'broader', sourceUri: `${esco}/skill/s1`, targetUri: `${esco}/skill/g1`, relationType: null },
      {
        kind: 'broader',
        sourceUri: `${esco}/isco/C7231`,
        targetUri: `${esco}/isco/C723`,
        relationType: null,
      },
      {
        kind: 'broader',
        sourceUri: `${esco}/occupation/o1`,
        targetUri: `${esco}/isco/C7231`,
        relationType: null,
      },
      {
        kind: 'occupation_skill',
        sourceUri: `${esco}/occupation/o1`,
        targetUri: `${esco}/skill/s1`,
        relationType: 'essential',
      },
      {
        kind: 'occupation_skill',
        sourceUri: `${esco}/occupation/o1`,
        targetUri: `${esco}/skill/s2`,
        relationType: 'optional',
      },
      {
        kind: 'skill_skill',
        sourceUri: `${esco}/skill/s1`,
        targetUri: `${esco}/skill/s2`,
        relationType: null,
      },
    ],
  );
  expect(k.skills).toEqual([`${esco}/skill/s1`, `${esco}/skill/s2`]);
  expect(k.skillBroader).toEqual([{ narrower: `${esco}/skill/s1`, broader: `${esco}/skill/g1` }]);
  expect(k.iscoBroader).toEqual([{ narrower: '7231', broader: '723' }]);
  expect(k.occupationIsco).toEqual([{ occupation: `${esco}/occupation/o1`, isco: '7231' }]);
  expect(k.occupationSkills).toEqual([
    { occupation: `${esco}/occupation/o1`, skill: `${esco}/skill/s1`, type: 'essential' },
    { occupation: `${esco}/occupation/o1`, skill: `${esco}/skill/s2`, type: 'optional' },
  ]);
  expect(k.skillRelations).toEqual([{ from: `${esco}/skill/s1`, to: `${esco}/skill/s2` }]);
});
