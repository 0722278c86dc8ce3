import { expect, test } from 'vitest';
import { foldArabicScript, normalizeForSearch, stripAccents, tokenize } from './normalize';

test('Latin text is folded to lower case without accents', () => {
  expect(normalizeForSearch('Infirmière  DIPLÔMÉE')).toBe('infirmiere diplomee');
  expect(stripAccents('Straße')).toBe('Strasse');
  expect(normalizeForSearch('Ærø')).toBe('aero');
});

test('Arabic alef and hamza forms, ya and alef maqsura, ta marbuta fold together', () => {
  expect(normalizeForSearch('إدارة')).toBe(normalizeForSearch('ادارة'));
  expect(normalizeForSearch('أحمد')).toBe('احمد');
  expect(normalizeForSearch('مستشفى')).toBe(normalizeForSearch('مستشفي'));
  expect(normalizeForSearch('مدرسة')).toBe('مدرسه');
});

test('Arabic diacritics and tatweel are removed', () => {
  expect(foldArabicScript('مُهَنْدِس')).toBe('مهندس');
  expect(foldArabicScript('مـــهندس')).toBe('مهندس');
});

test('Persian and Kurdish letter forms fold to the Arabic ones', () => {
  expect(normalizeForSearch('کار')).toBe(normalizeForSearch('كار'));
  expect(normalizeForSearch('ی')).toBe('ي');
});

test('punctuation splits tokens, digits are kept, Arabic-Indic digits become ASCII', () => {
  expect(tokenize('C++/Java, 3 ans')).toEqual(['c', 'java', '3', 'ans']);
  expect(normalizeForSearch('٣ سنوات')).toBe('3 سنوات');
});
