import type { StagedConcept, StagedLabels, StagedRelation, TaxonomyStore } from './store';

/**
 * The behaviour every taxonomy store adapter must have (PGlite, PostgreSQL, memory): one suite,
 * run by each adapter's test file. It takes the test function as a parameter so that core does
 * not depend on a test runner.
 *
 * ```ts
 * defineTaxonomyStoreContract(test, async () => ({ store, close }));
 * ```
 */
export function defineTaxonomyStoreContract(
  test: (name: string, fn: () => Promise<void>) => void,
  open: () => Promise<{ store: TaxonomyStore; close(): Promise<void> }>,
): void {
  const carpenter = 'http://data.europa.eu/esco/occupation/c0000000-0000-4000-8000-000000000001';
  const driver = 'http://data.europa.eu/esco/occupation/c0000000-0000-4000-8000-000000000002';
  const saw = 'http://data.europa.eu/esco/skill/s0000000-0000-4000-8000-000000000001';
  const drive = 'http://data.europa.eu/esco/skill/s0000000-0000-4000-8000-000000000002';
  const isco7115 = 'http://data.europa.eu/esco/isco/C7115';

  const concepts: StagedConcept[] = [
    {
      uri: isco7115,
      type: 'isco_group',
      code: '7115',
      iscoCode: '7115',
      skillType: null,
      reuseLevel: null,
      status: 'released',
    },
    {
      uri: carpenter,
      type: 'occupation',
      code: '7115.1',
      iscoCode: '7115',
      skillType: null,
      reuseLevel: null,
      status: 'released',
    },
    {
      uri: driver,
      type: 'occupation',
      code: '8322.1',
      iscoCode: '8322',
      skillType: null,
      reuseLevel: null,
      status: 'released',
    },
    {
      uri: saw,
      type: 'skill',
      code: null,
      iscoCode: null,
      skillType: 'skill/competence',
      reuseLevel: 'sector-specific',
      status: 'released',
    },
    {
      uri: drive,
      type: 'skill',
      code: null,
      iscoCode: null,
      skillType: 'skill/competence',
      reuseLevel: 'cross-sector',
      status: 'released',
    },
  ];
  const en: StagedLabels[] = [
    {
      uri: carpenter,
      lang: 'en',
      preferred: 'carpenter',
      alt: ['joiner', 'woodworker'],
      hidden: [],
      description: 'Cuts and joins wood.',
    },
    { uri: driver, lang: 'en', preferred: 'car driver', alt: [], hidden: [], description: null },
    {
      uri: saw,
      lang: 'en',
      preferred: 'saw wood',
      alt: ['cut timber'],
      hidden: ['sawwing'],
      description: null,
    },
    { uri: drive, lang: 'en', preferred: 'drive a car', alt: [], hidden: [], description: null },
    {
      uri: isco7115,
      lang: 'en',
      preferred: 'Carpenters and joiners',
      alt: [],
      hidden: [],
      description: null,
    },
  ];
  const relations: StagedRelation[] = [
    {
      kind: 'occupation_skill',
      sourceUri: carpenter,
      targetUri: saw,
      relationType: 'essential',
      origin: 'occupation_skill',
    },
    {
      kind: 'occupation_skill',
      sourceUri: driver,
      targetUri: drive,
      relationType: 'essential',
      origin: 'occupation_skill',
    },
    {
      kind: 'occupation_skill',
      sourceUri: carpenter,
      targetUri: drive,
      relationType: 'optional',
      origin: 'occupation_skill',
    },
    {
      kind: 'broader',
      sourceUri: carpenter,
      targetUri: isco7115,
      relationType: null,
      origin: 'occupation_pillar',
    },
  ];
  const plan = {
    source: 'esco' as const,
    version: '1.1.0',
    languages: ['en'],
    files: ['fixture'],
    completeTypes: ['occupation' as const, 'skill' as const, 'isco_group' as const],
    completeOrigins: ['occupation_skill' as const, 'occupation_pillar' as const],
    completeCollections: ['digital'],
  };
  const importAll = (
    store: TaxonomyStore,
    p = plan,
    extra: { concepts?: StagedConcept[]; labels?: StagedLabels[]; relations?: StagedRelation[] } = {},
  ) =>
    store.runImport(async (s) => {
      await s.stageConcepts(extra.concepts ?? concepts);
      await s.stageLabels(extra.labels ?? en, 'replace');
      await s.stageRelations(extra.relations ?? relations);
      await s.stageCollectionMembers([{ collection: 'digital', uri: drive }]);
      return s.commit(p);
    });

  const fail = (message: string): never => {
    throw new Error(message);
  };
  const equal = (actual: unknown, expected: unknown, what: string) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      fail(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
  };

  const withStore = (fn: (store: TaxonomyStore) => Promise<void>) => async () => {
    const { store, close } = await open();
    try {
      await fn(store);
    } finally {
      await close();
    }
  };

  test(
    'an import inserts concepts, labels, relations and collections and reports what it did',
    withStore(async (store) => {
      const counts = await importAll(store);
      equal(
        [
          counts.conceptsInserted,
          counts.labelsInserted,
          counts.relationsInserted,
          counts.collectionMembersInserted,
        ],
        [5, 5, 4, 1],
        'inserted counts',
      );
      const stats = await store.stats();
      equal(
        [
          stats.occupations,
          stats.skills,
          stats.iscoGroups,
          stats.relations,
          stats.relationsByKind.broader,
          stats.languages,
          stats.escoVersion,
        ],
        [2, 2, 1, 3, 1, ['en'], '1.1.0'],
        'stats',
      );
      const c = await store.getConcept(carpenter);
      equal(
        [c?.type, c?.iscoCode, c?.code, c?.source, c?.obsolete],
        ['occupation', '7115', '7115.1', 'esco', false],
        'concept',
      );
      equal(
        c?.labels.map((l) => [l.lang, l.preferred, l.alt]),
        [['en', 'carpenter', ['joiner', 'woodworker']]],
        'labels',
      );
      equal((await store.getConcepts([drive]))[0]?.collections, ['digital'], 'collections');
      equal(await store.getConcept('http://example.org/none'), null, 'unknown concept');
    }),
  );

  test(
    'the same import a second time changes nothing',
    withStore(async (store) => {
      await importAll(store);
      const again = await importAll(store);
      const changed =
        again.conceptsInserted +
        again.conceptsUpdated +
        again.conceptsObsoleted +
        again.labelsInserted +
        again.labelsUpdated +
        again.relationsInserted +
        again.relationsUpdated +
        again.relationsDeleted +
        again.collectionMembersInserted +
        again.collectionMembersDeleted;
      equal(changed, 0, 'changes on the second import');
      equal(
        [again.conceptsUnchanged, again.labelsUnchanged, again.relationsUnchanged],
        [5, 5, 4],
        'unchanged counts',
      );
    }),
  );

  test(
    'languages merge by URI, and fill labels never overwrite existing ones',
    withStore(async (store) => {
      await importAll(store);
      await store.runImport(async (s) => {
        await s.stageLabels(
          [
            {
              uri: carpenter,
              lang: 'fr',
              preferred: 'charpentier/charpentière',
              alt: [],
              hidden: [],
              description: null,
            },
          ],
          'replace',
        );
        await s.stageLabels(
          [
            {
              uri: carpenter,
              lang: 'en',
              preferred: 'OLD carpenter',
              alt: [],
              hidden: [],
              description: null,
            },
            {
              uri: carpenter,
              lang: 'nl',
              preferred: 'timmerman',
              alt: ['schrijnwerker'],
              hidden: [],
              description: null,
            },
            {
              uri: 'http://data.europa.eu/esco/occupation/unknown',
              lang: 'nl',
              preferred: 'x',
              alt: [],
              hidden: [],
              description: null,
            },
          ],
          'fill',
        );
        const counts = await s.commit({
          ...plan,
          version: '1.0.0',
          languages: ['fr', 'nl'],
          completeTypes: [],
          completeOrigins: [],
          completeCollections: [],
        });
        equal([counts.labelsInserted, counts.labelsUpdated, counts.labelsSkipped], [2, 0, 1], 'label counts');
      });
      const c = await store.getConcept(carpenter);
      equal(
        c?.labels.map((l) => [l.lang, l.preferred]),
        [
          ['en', 'carpenter'],
          ['fr', 'charpentier/charpentière'],
          ['nl', 'timmerman'],
        ],
        'merged labels',
      );
      equal((await store.stats()).escoVersion, '1.1.0', 'newest version kept');
    }),
  );

  test(
    'a newer release updates labels and relations, removes relations it no longer lists and marks missing concepts obsolete',
    withStore(async (store) => {
      await importAll(store);
      const counts = await importAll(
        store,
        { ...plan, version: '1.2.0' },
        {
          concepts: concepts.filter((c) => c.uri !== driver),
          labels: en
            .filter((l) => l.uri !== driver)
            .map((l) => (l.uri === carpenter ? { ...l, preferred: 'carpenter (wood)' } : l)),
          relations: relations
            .filter((r) => r.sourceUri !== driver)
            .map((r) => (r.targetUri === drive ? { ...r, relationType: 'essential' as const } : r)),
        },
      );
      equal(
        [counts.conceptsObsoleted, counts.relationsUpdated, counts.relationsDeleted],
        [1, 1, 1],
        'changes',
      );
      const old = await store.getConcept(driver);
      equal(
        [old?.obsolete, old?.labels[0]?.preferred],
        [true, 'car driver'],
        'obsolete concept kept with its labels',
      );
      const stats = await store.stats();
      equal(
        [stats.occupations, stats.obsolete, stats.escoVersion],
        [1, 1, '1.2.0'],
        'stats after the newer release',
      );
      equal((await store.getConcept(carpenter))?.labels[0]?.preferred, 'carpenter (wood)', 'updated label');
      const rels = await store.relationsOf(carpenter, ['occupation_skill']);
      equal(
        rels.map((r) => [r.targetUri, r.relationType]).sort(),
        [
          [drive, 'essential'],
          [saw, 'essential'],
        ].sort(),
        'relations',
      );
    }),
  );

  test(
    'an import that throws changes nothing',
    withStore(async (store) => {
      await importAll(store);
      const before = await store.stats();
      let thrown = false;
      try {
        await store.runImport(async (s) => {
          await s.stageConcepts([
            { ...(concepts[1] as StagedConcept), uri: 'http://data.europa.eu/esco/occupation/new' },
          ]);
          await s.commit({ ...plan, version: '1.3.0', completeTypes: ['occupation'] });
          throw new Error('bad row after the commit statement');
        });
      } catch {
        thrown = true;
      }
      equal(thrown, true, 'the error reached the caller');
      equal(await store.stats(), before, 'stats unchanged');
      equal((await store.listImports()).length, 1, 'no import recorded');
    }),
  );

  test(
    'relations are found from both ends and dangling ones are kept and counted',
    withStore(async (store) => {
      const counts = await importAll(store, plan, {
        relations: [
          ...relations,
          {
            kind: 'occupation_skill',
            sourceUri: 'http://data.europa.eu/esco/occupation/unlisted',
            targetUri: saw,
            relationType: 'optional',
            origin: 'occupation_skill',
          },
        ],
      });
      equal(counts.relationsDangling, 1, 'dangling');
      equal((await store.stats()).relations, 4, 'occupation-skill relations');
      const ofSaw = await store.relationsOf(saw);
      equal(ofSaw.length, 2, 'relations of a skill');
      const searchable = await store.loadSearchableConcepts();
      equal(searchable.length, 5, 'searchable concepts');
      equal(searchable.find((c) => c.uri === saw)?.labels[0]?.hidden, ['sawwing'], 'hidden labels loaded');
      equal((await store.loadRelations(['broader'])).length, 1, 'broader relations');
    }),
  );

  test(
    'the starter catalogue never overwrites ESCO, and ESCO takes over catalogue concepts with the same URI',
    withStore(async (store) => {
      const catalogue = {
        ...plan,
        source: 'catalogue' as const,
        version: 'c1',
        completeOrigins: ['catalogue' as const],
        completeCollections: [],
      };
      await store.runImport(async (s) => {
        await s.stageConcepts([{ ...(concepts[1] as StagedConcept), code: null }]);
        await s.stageLabels(
          [{ uri: carpenter, lang: 'ar', preferred: 'نجار', alt: [], hidden: [], description: null }],
          'replace',
        );
        await s.stageConcepts([{ ...(concepts[3] as StagedConcept) }]);
        await s.stageRelations([
          {
            kind: 'occupation_skill',
            sourceUri: carpenter,
            targetUri: saw,
            relationType: 'optional',
            origin: 'catalogue',
          },
        ]);
        return s.commit(catalogue);
      });
      equal((await store.getConcept(carpenter))?.source, 'catalogue', 'catalogue concept');
      await importAll(store);
      const c = await store.getConcept(carpenter);
      equal(
        [c?.source, c?.code, c?.labels.map((l) => l.lang)],
        ['esco', '7115.1', ['ar', 'en']],
        'taken over by ESCO, Arabic kept',
      );
      const rel = (await store.relationsOf(carpenter, ['occupation_skill'])).find((r) => r.targetUri === saw);
      equal(rel?.relationType, 'essential', 'ESCO relation wins');
      const again = await store.runImport(async (s) => {
        await s.stageConcepts([{ ...(concepts[1] as StagedConcept), code: null }]);
        return s.commit({ ...catalogue, version: 'c2' });
      });
      equal(again.conceptsUpdated, 0, 'catalogue does not overwrite ESCO');
      equal((await store.stats()).catalogueVersion, 'c2', 'catalogue version');
    }),
  );
}
