import { expect, test } from 'vitest';
import { pickLanguage } from './languages';

test('the app opens in the first browser language it speaks', () => {
  expect(pickLanguage(['de-DE', 'fr-BE', 'en'])).toBe('fr');
  expect(pickLanguage(['nl-NL'])).toBe('nl');
  expect(pickLanguage(['ar-IQ', 'en'])).toBe('ar');
});

test('Sorani announced as ckb, ku or ku-Arab opens in Sorani; Kurmanji in Latin letters does not', () => {
  expect(pickLanguage(['ckb-IQ'])).toBe('ckb');
  expect(pickLanguage(['ku'])).toBe('ckb');
  expect(pickLanguage(['ku-Arab-IQ'])).toBe('ckb');
  expect(pickLanguage(['ku-Latn-TR', 'fr'])).toBe('fr');
});

test('a browser in another language gets English', () => {
  expect(pickLanguage(['de', 'tr'])).toBe('en');
  expect(pickLanguage([])).toBe('en');
});
