import { join } from 'node:path';
import { expect, test } from 'vitest';
import { starterCatalogue } from '../catalogue/index';
import { importEsco } from '../esco/import-esco';
import { escoFixturesDir } from '../testing/esco-fixtures';
import { createMemoryTaxonomyStore } from '../testing/memory-store';
import { loadStarterCatalogue } from './load-starter-catalogue';

test('loads the starter catalogue once into an empty taxonomy', async () => {
  const store = createMemoryTaxonomyStore();
  const first = await loadStarterCatalogue(store);
  expect(first).toMatchObject({ loaded: true, version: starterCatalogue.version });
  const stats = await store.stats();
  expect(stats.occupations).toBe(new Set(starterCatalogue.occupations.map((o) => o.uri)).size);
  expect(stats.skills).toBe(new Set(starterCatalogue.skills.map((s) => s.uri)).size);
  expect(stats.languages).toEqual(expect.arrayContaining(['ar', 'en', 'fr', 'nl']));
  expect(stats.catalogueVersion).toBe(starterCatalogue.version);
  expect(await loadStarterCatalogue(store)).toMatchObject({ loaded: false, reason: 'up_to_date' });
});

test('is not loaded once ESCO has been imported', async () => {
  const store = createMemoryTaxonomyStore();
  await importEsco(store, [join(escoFixturesDir(), 'v1.1.0')]);
  expect(await loadStarterCatalogue(store)).toMatchObject({ loaded: false, reason: 'esco_present' });
});
