import { expect, test } from 'vitest';
import { directionOf, isolate, isRtl } from './rtl';

test('Arabic and Sorani Kurdish are right to left, with or without a region', () => {
  expect(directionOf('ar')).toBe('rtl');
  expect(directionOf('ar-IQ')).toBe('rtl');
  expect(directionOf('ckb')).toBe('rtl');
  expect(directionOf('ckb_IQ')).toBe('rtl');
  expect(isRtl('fa')).toBe(true);
});

test('English, French and Dutch are left to right', () => {
  expect(directionOf('en')).toBe('ltr');
  expect(directionOf('fr-BE')).toBe('ltr');
  expect(directionOf('nl')).toBe('ltr');
});

test('an explicit script wins over the language: Kurdish in Latin letters is left to right', () => {
  expect(directionOf('ku-Latn')).toBe('ltr');
  expect(directionOf('ku-Arab')).toBe('rtl');
});

test('pieces of a line are isolated from each other’s direction, and a missing piece is empty', () => {
  expect(isolate('Lagos Security Services')).toBe('\u2068Lagos Security Services\u2069');
  expect(isolate(null)).toBe('');
  expect(['Lagos', null, '٢٢ تشرینی دووەم'].filter(Boolean).map(isolate).join(' · ')).toBe(
    '\u2068Lagos\u2069 · \u2068٢٢ تشرینی دووەم\u2069',
  );
});
