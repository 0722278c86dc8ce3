import { expect, test } from 'vitest';
import { fallbackDate, formatDate, formatList, formatNumber, formatPercent } from './format';

test('dates follow the reader’s language', () => {
  const d = '2026-03-05T12:00:00Z';
  expect(formatDate(d, 'en')).toMatch(/Mar/);
  expect(formatDate(d, 'fr')).toMatch(/mars/);
  expect(formatDate(d, 'nl')).toMatch(/mrt/);
  expect(formatDate(d, 'ar')).toMatch(/مارس|آذار/);
  expect(formatDate(d, 'ar')).not.toBe(formatDate(d, 'en'));
});

test('numbers use the reader’s separators and digits', () => {
  expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
  expect(formatNumber(12345.5, 'fr')).toMatch(/^12\s345,5$/u);
  expect(formatNumber(12345.5, 'nl')).toBe('12.345,5');
  expect(formatPercent(0.82, 'en')).toBe('82%');
});

test('a missing or invalid date is an empty string, not "Invalid Date"', () => {
  expect(formatDate(null, 'en')).toBe('');
  expect(formatDate('not a date', 'fr')).toBe('');
});

test('lists are joined with the comma of the reader’s script', () => {
  expect(formatList(['Skills', 'Languages'], 'en')).toBe('Skills, Languages');
  expect(formatList(['المهارات', 'اللغات'], 'ar')).toBe('المهارات، اللغات');
  expect(formatList(['کارامەییەکان', 'زمانەکان'], 'ckb')).toBe('کارامەییەکان، زمانەکان');
});

test('Sorani dates have Sorani month names even where the browser has no Sorani data', () => {
  // Chromium's Intl has no Sorani: it wrote "2025 M09 2". The fallback writes CLDR's pattern.
  expect(fallbackDate('ckb', 2025, 8, 2)).toBe('2ی ئەیلوولی 2025');
  expect(fallbackDate('ckb-IQ', 2026, 0, 15)).toBe('15ی کانوونی دووەمی 2026');
  expect(fallbackDate('fr', 2025, 8, 2)).toBeNull();
  // Where Intl has Sorani (Node's full ICU), Intl writes it, with the same month name.
  expect(formatDate('2025-09-02', 'ckb')).toContain('ئەیلوول');
  expect(formatDate('2025-09-02', 'ckb')).not.toMatch(/M09/);
});
