import { expect, test } from 'vitest';
import { locales } from '@passerelle/core';
import { languageName } from './names';
import { localizedScale, referenceScale, scaleIds } from './scales';

test('every scale has a non-empty label in every interface language', () => {
  for (const id of scaleIds) {
    const scale = referenceScale(id);
    const all = [scale.items, ...Object.values(scale.parts ?? {})].flat();
    for (const item of all)
      for (const l of locales) expect(item.label[l], `${id} ${item.code} ${l}`).toMatch(/\S/);
    for (const l of locales) expect(scale.name[l]).toMatch(/\S/);
  }
});

test('the scales have the verified shapes', () => {
  expect(referenceScale('cefr').items.map((i) => i.code)).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
  expect(referenceScale('cefr').parts?.skills?.map((s) => s.code)).toEqual([
    'listening',
    'reading',
    'spoken_interaction',
    'spoken_production',
    'writing',
  ]);
  expect(referenceScale('isced').items.map((i) => i.code)).toEqual([
    '0',
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    '8',
  ]);
  const digcomp = referenceScale('digcomp');
  expect(digcomp.parts?.areas).toHaveLength(5);
  expect(digcomp.items).toHaveLength(21);
  expect(digcomp.parts?.levels?.map((l) => l.group)).toEqual([
    'foundation',
    'foundation',
    'intermediate',
    'intermediate',
    'advanced',
    'advanced',
    'highly_specialised',
    'highly_specialised',
  ]);
  expect(referenceScale('isco_major_groups').items.map((i) => i.code)).toEqual([
    '0',
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    '8',
    '9',
  ]);
});

test('countries and languages are named in the interface languages, Sorani included', () => {
  const countries = referenceScale('countries');
  expect(countries.items.length).toBeGreaterThanOrEqual(249);
  const iraq = countries.items.find((c) => c.code === 'IQ');
  expect(iraq?.label).toMatchObject({ en: 'Iraq', fr: 'Irak', nl: 'Irak', ar: 'العراق' });
  expect(iraq?.label.ckb).toMatch(/\p{Script=Arabic}/u);
  const langs = referenceScale('languages');
  expect(langs.items.some((l) => l.code === 'ckb')).toBe(true);
  expect(langs.items.find((l) => l.code === 'ar')?.label.fr).toBe('arabe');
  expect(languageName('kmr', 'en')).toBe('Northern Kurdish (Kurmanji)');
});

test('a scale is given in one language, falling back to English for others', () => {
  expect(localizedScale('isced', 'fr-BE').items[1]).toEqual({ code: '1', label: 'Enseignement primaire' });
  expect(localizedScale('cefr', 'de').parts?.bands?.[0]?.label).toBe('Basic user');
  expect(localizedScale('digcomp', 'ar').parts?.levels?.[0]).toEqual({
    code: '1',
    label: 'المستوى 1',
    group: 'foundation',
  });
});
