import { expect, test } from 'vitest';
import { jaroWinkler, nameKeys, nameTokens, phoneticKey, romanize } from './transliterate';

test('the spellings of Mohamed in Arabic and Latin letters share one key', () => {
  const keys = ['محمد', 'Mohamed', 'Mohammed', 'Muhammad', 'Mouhamed'].map((n) => nameKeys(n).join(' '));
  expect(new Set(keys)).toEqual(new Set(['mhmd']));
});

test('common Arabic names match their usual romanisations', () => {
  const pairs: [string, string][] = [
    ['أحمد', 'Ahmed'],
    ['يوسف', 'Youssouf'],
    ['فاطمة', 'Fatimah'],
    ['عائشة', 'Aïcha'],
    ['عمر', 'Oumar'],
    ['خالد', 'Khalid'],
    ['شادي', 'Chadi'],
    ['عبد الرحمن', 'Abdulrahman'],
    ['عبدالله', 'Abd Allah'],
  ];
  for (const [arabic, latin] of pairs)
    expect(nameKeys(arabic), `${arabic} ~ ${latin}`).toEqual(nameKeys(latin));
});

test('Sorani, Mongolian Cyrillic and Georgian names are romanised', () => {
  expect(nameKeys('ڕەبوار')).toEqual(nameKeys('Rebwar'));
  expect(nameKeys('Батбаяр')).toEqual(nameKeys('Batbayar'));
  expect(nameKeys('გიორგი')).toEqual(nameKeys('Giorgi'));
  expect(romanize('Zaïd')).toBe('zaid');
});

test('the article and the spacing of compound names do not matter', () => {
  expect(nameTokens('Mohamed Al-Hassan')).toEqual(['mohamed', 'hassan']);
  expect(nameKeys('محمد الحسن')).toEqual(nameKeys('Mohamed Al-Hassan'));
  expect(nameKeys('Abd al-Rahman')).toEqual(nameKeys('Abdel Rahman'));
});

test('different names keep different keys', () => {
  expect(phoneticKey('mohamed')).not.toBe(phoneticKey('ahmed'));
  expect(phoneticKey('diallo')).not.toBe(phoneticKey('barry'));
  expect(phoneticKey('')).toBe('');
});

test('Jaro-Winkler gives 1 for equal strings, 0 for nothing in common, and the textbook value for MARTHA/MARHTA', () => {
  expect(jaroWinkler('abc', 'abc')).toBe(1);
  expect(jaroWinkler('abc', 'xyz')).toBe(0);
  expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
});
