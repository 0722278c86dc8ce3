import { expect, test } from 'vitest';
import type { ConceptType, SearchableConcept } from '@passerelle/core';
import { ConceptIndex, disjointRanges } from './concept-index';

const concept = (
  uri: string,
  type: ConceptType,
  labels: Record<string, [string, string[]?, string[]?]>,
  iscoCode: string | null = null,
  obsolete = false,
): SearchableConcept => ({
  uri,
  type,
  iscoCode,
  code: null,
  obsolete,
  labels: Object.entries(labels).map(([lang, [preferred, alt = [], hidden = []]]) => ({
    lang,
    preferred,
    alt,
    hidden,
    description: null,
  })),
});

const concepts: SearchableConcept[] = [
  concept(
    'o:electrician',
    'occupation',
    {
      en: ['electrician', ['electrical fitter'], ['electritian']],
      fr: ['électricien/électricienne', ['électricien']],
      ar: ['كهربائي / كهربائية'],
    },
    '7411',
  ),
  concept(
    'o:domestic-electrician',
    'occupation',
    { en: ['domestic electrician'], fr: ['électricien du bâtiment'] },
    '7411',
  ),
  concept(
    'o:car-mechanic',
    'occupation',
    {
      en: ['motor vehicle mechanic', ['car mechanic', 'auto mechanic']],
      fr: ['mécanicien automobile/mécanicienne automobile'],
    },
    '7231',
  ),
  concept(
    'o:carpenter',
    'occupation',
    { en: ['carpenter', ['joiner']], ar: ['نجّار / نجّارة'], ckb: ['دارتاش'] },
    '7115',
  ),
  concept('s:electricity', 'skill', { en: ['electricity', ['electrical engineering principles']] }),
  concept('s:wiring', 'skill', {
    en: ['install electrical wiring'],
    fr: ['installer le câblage électrique'],
  }),
  concept('o:tailor', 'occupation', { en: ['tailor'], fr: ['tailleur/tailleuse'] }, '7531'),
  concept('o:old', 'occupation', { en: ['telegraph operator'] }, '4223', true),
  concept('i:7411', 'isco_group', { en: ['Building and related electricians'] }, '7411'),
];
const index = ConceptIndex.build(concepts);

test('finds concepts by prefix, case- and accent-insensitively, in every language', () => {
  expect(index.search('ELECTRI')[0]?.uri).toBe('o:electrician');
  expect(index.search('electricien', { lang: 'fr' })[0]).toMatchObject({
    uri: 'o:electrician',
    label: 'électricien/électricienne',
    labelLang: 'fr',
  });
  expect(index.search('Mécanicien auto', { lang: 'fr' })[0]?.uri).toBe('o:car-mechanic');
});

test('tolerates one typo in a word, but not two', () => {
  expect(index.search('elektrician')[0]?.uri).toBe('o:electrician');
  expect(index.search('tialor')[0]?.uri).toBe('o:tailor');
  expect(index.search('carpentr')[0]?.uri).toBe('o:carpenter');
  expect(index.search('elktrcian')).toEqual([]);
});

test('folds Arabic script: hamza and alef forms, diacritics, ta marbuta and tatweel', () => {
  expect(index.search('نجار', { lang: 'ar' })[0]).toMatchObject({
    uri: 'o:carpenter',
    label: 'نجّار / نجّارة',
    labelLang: 'ar',
  });
  expect(index.search('كهربـائية', { lang: 'ar' })[0]?.uri).toBe('o:electrician');
  expect(index.search('نجاره', { lang: 'ar' })[0]?.uri).toBe('o:carpenter');
});

test('folds Arabic alef and hamza forms and alef maqsura, both in labels and in queries', () => {
  const arabic = ConceptIndex.build([
    concept('o:nutritionist', 'occupation', { ar: ['أخصائي تغذية'] }),
    concept('o:hospital-cleaner', 'occupation', { ar: ['عامل نظافة في مستشفى'] }),
    concept('o:admin', 'occupation', { ar: ['مساعد إداري', ['موظف ادارة']] }),
  ]);
  expect(arabic.search('اخصائي', { lang: 'ar' })[0]?.uri).toBe('o:nutritionist');
  expect(arabic.search('إخصائي تغذيه', { lang: 'ar' })[0]?.uri).toBe('o:nutritionist');
  expect(arabic.search('مستشفي', { lang: 'ar' })[0]?.uri).toBe('o:hospital-cleaner');
  expect(arabic.search('اداري', { lang: 'ar' })[0]).toMatchObject({ uri: 'o:admin', label: 'مساعد إداري' });
  expect(arabic.search('آداره', { lang: 'ar' })[0]).toMatchObject({ uri: 'o:admin', matched: 'موظف ادارة' });
});

test('ranks the exact preferred label first and matches alternative labels', () => {
  const hits = index.search('electrician');
  expect(hits.slice(0, 2).map((h) => h.uri)).toEqual(['o:electrician', 'o:domestic-electrician']);
  const mechanic = index.search('car mechanic')[0];
  expect(mechanic).toMatchObject({
    uri: 'o:car-mechanic',
    label: 'motor vehicle mechanic',
    matched: 'car mechanic',
  });
});

test('returns the preferred label in the requested language with a fallback chain', () => {
  expect(index.search('joiner', { lang: 'ckb' })[0]).toMatchObject({ label: 'دارتاش', labelLang: 'ckb' });
  expect(index.search('tailor', { lang: 'nl' })[0]).toMatchObject({ label: 'tailor', labelLang: 'en' });
  expect(index.search('tailor', { lang: 'fr-BE' })[0]).toMatchObject({
    label: 'tailleur/tailleuse',
    labelLang: 'fr',
  });
  expect(index.preferredLabel('o:carpenter', 'fr')).toEqual({ label: 'carpenter', lang: 'en' });
});

test('a hidden label finds the concept but is never shown', () => {
  const hit = index.search('electritian')[0];
  expect(hit).toMatchObject({ uri: 'o:electrician', matched: 'electrician' });
});

test('filters by type, leaves obsolete concepts out unless asked, and honours the limit', () => {
  expect(
    index
      .search('electric', { types: ['skill'] })
      .map((h) => h.uri)
      .sort(),
  ).toEqual(['s:electricity', 's:wiring']);
  expect(index.search('electric', { types: ['isco_group'] })[0]).toMatchObject({
    uri: 'i:7411',
    iscoCode: '7411',
    type: 'isco_group',
  });
  expect(index.search('telegraph')).toEqual([]);
  expect(index.search('telegraph', { includeObsolete: true })[0]).toMatchObject({
    uri: 'o:old',
    obsolete: true,
  });
  expect(index.search('electric', { limit: 2 })).toHaveLength(2);
  expect(index.search('   ')).toEqual([]);
});

test('disjoint ranges keep the smallest distance for each word', () => {
  expect(
    disjointRanges([
      { lo: 0, hi: 10, distance: 1 },
      { lo: 3, hi: 5, distance: 0 },
    ]),
  ).toEqual([
    { lo: 0, hi: 3, distance: 1 },
    { lo: 3, hi: 5, distance: 0 },
    { lo: 5, hi: 10, distance: 1 },
  ]);
});

test('the index built in steps (for servers) answers like the one built at once', async () => {
  const stepped = await ConceptIndex.buildAsync(concepts);
  for (const q of ['electric', 'نجار', 'mécanicien', 'tialor'])
    expect(stepped.search(q)).toEqual(index.search(q));
});
