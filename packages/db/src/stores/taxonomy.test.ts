import { afterAll, describe, expect, test } from 'vitest';
import { defineTaxonomyStoreContract } from '@passerelle/core';
import { testDatabaseKinds } from '../testing/index';
import { createTaxonomyStore } from './taxonomy';

describe.each(testDatabaseKinds())('taxonomy store on $name', (kind) => {
  // One database per run of the suite, emptied before each contract test (a fresh PGlite per
  // test costs seconds of start-up and migrations).
  let shared: Awaited<ReturnType<typeof kind.create>> | null = null;
  afterAll(async () => {
    await shared?.database.close();
    await shared?.drop();
  });
  defineTaxonomyStoreContract(test, async () => {
    shared ??= await kind.create();
    await shared.database.query(
      'truncate taxonomy_labels, taxonomy_collection_members, taxonomy_relations, taxonomy_concepts, taxonomy_imports restart identity',
    );
    return { store: createTaxonomyStore(shared.database), close: async () => {} };
  });

  test('a bulk load of relations keeps the index on their targets', async () => {
    const { database, drop } = await kind.create();
    try {
      const store = createTaxonomyStore(database);
      const occupation = (i: number) => `http://data.europa.eu/esco/occupation/bulk-${i}`;
      const skill = 'http://data.europa.eu/esco/skill/bulk';
      const counts = await store.runImport(async (s) => {
        for (let i = 0; i < 12_000; i += 2000) {
          await s.stageRelations(
            Array.from({ length: 2000 }, (_, k) => ({
              kind: 'occupation_skill' as const,
              sourceUri: occupation(i + k),
              targetUri: skill,
              relationType: 'essential' as const,
              origin: 'occupation_skill' as const,
            })),
          );
        }
        return s.commit({
          source: 'esco',
          version: '1.1.0',
          languages: [],
          files: [],
          completeTypes: [],
          completeOrigins: ['occupation_skill'],
          completeCollections: [],
        });
      });
      expect(counts).toMatchObject({ relationsInserted: 12_000, relationsDangling: 12_000 });
      const indexes = await database.query<{ indexname: string }>(
        `select indexname from pg_indexes where tablename = 'taxonomy_relations' order by indexname`,
      );
      expect(indexes.map((i) => i.indexname)).toContain('taxonomy_relations_target_idx');
      expect((await store.relationsOf(skill, ['occupation_skill'])).length).toBe(12_000);
    } finally {
      await database.close();
      await drop();
    }
  });
});
