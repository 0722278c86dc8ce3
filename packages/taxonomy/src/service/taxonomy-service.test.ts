import { join } from 'node:path';
import { expect, test } from 'vitest';
import { escoAttribution } from '@passerelle/core';
import { importEsco } from '../esco/import-esco';
import { escoFixturesDir } from '../testing/esco-fixtures';
import { createMemoryTaxonomyStore } from '../testing/memory-store';
import { TaxonomyService } from './taxonomy-service';

const fixtures = escoFixturesDir();
const occ = (n: number) => `http://data.europa.eu/esco/occupation/0000000${n}-aaaa-4aaa-8aaa-00000000000${n}`;
const sk = (n: number) => `http://data.europa.eu/esco/skill/1000000${n}-bbbb-4bbb-8bbb-00000000000${n}`;

async function service() {
  const store = createMemoryTaxonomyStore();
  await importEsco(store, [join(fixtures, 'v1.1.0'), join(fixtures, 'v1.0-ar/occupations_ar.csv')]);
  return new TaxonomyService(store, { fallbackLanguages: ['en'] });
}

test('an occupation shows its ISCO group, narrower occupations and essential and optional skills', async () => {
  const view = await (await service()).concept(occ(2), 'fr');
  expect(view).toMatchObject({
    type: 'occupation',
    iscoCode: '8322',
    label: 'chauffeur de taxi/chauffeuse de taxi',
    labelLang: 'fr',
    attribution: escoAttribution,
  });
  expect(view?.broader.items.map((r) => [r.uri, r.label])).toEqual([
    ['http://data.europa.eu/esco/isco/C8322', 'Conducteurs d’automobiles, de taxis et de camionnettes'],
  ]);
  expect(view?.narrower.items.map((r) => r.uri)).toEqual([occ(3)]);
  expect(view?.essentialSkills.items.map((r) => r.uri).sort()).toEqual([sk(2), sk(3)].sort());
  expect(view?.optionalSkills.items.map((r) => [r.uri, r.label, r.labelLang])).toEqual([
    [sk(5), 'use a GPS', 'en'],
  ]);
  expect(view?.labels).toMatchObject({
    en: 'taxi driver',
    fr: 'chauffeur de taxi/chauffeuse de taxi',
    ar: 'سائق سيارة أجرة',
  });
});

test('a skill shows the occupations that need it, its group and its related skills', async () => {
  const taxonomy = await service();
  const drive = await taxonomy.concept(sk(2), 'en');
  expect(drive?.essentialFor.items.map((r) => r.label)).toEqual(['car driver', 'taxi driver']);
  expect(drive?.broader.items.map((r) => r.label)).toEqual(['driving vehicles']);
  expect(drive?.narrower.items.map((r) => r.uri)).toEqual([sk(5)]);
  expect(drive?.relatedSkills.items.map((r) => r.uri)).toEqual([sk(3)]);
  expect(await taxonomy.concept('http://data.europa.eu/esco/skill/none', 'en')).toBeNull();
});

test('lists are cut at the limit and keep their total', async () => {
  const view = await (await service()).concept(occ(2), 'en', { limit: 1 });
  expect(view?.essentialSkills).toMatchObject({ total: 2 });
  expect(view?.essentialSkills.items).toHaveLength(1);
});

test('search reloads after an import made elsewhere once the freshness interval has passed', async () => {
  const store = createMemoryTaxonomyStore();
  let now = 0;
  const taxonomy = new TaxonomyService(store, { freshnessIntervalMs: 1000, now: () => now });
  expect(await taxonomy.search('taxi')).toEqual([]);
  await importEsco(store, [join(fixtures, 'v1.1.0')]);
  now = 2000;
  await taxonomy.search('taxi');
  await new Promise((r) => setTimeout(r, 20));
  expect((await taxonomy.search('taxi'))[0]?.uri).toBe(occ(2));
});
