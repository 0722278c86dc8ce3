import { expect, test } from 'vitest';
import { formatDate, formatList, formatNumber, formatPercent } from './format';

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
