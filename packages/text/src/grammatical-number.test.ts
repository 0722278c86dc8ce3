import { expect, test } from 'vitest';
import { isPluralTitle, isPluralWord } from './grammatical-number';

test('English classification titles are plural by the head of any of their parts', () => {
  expect(isPluralTitle('Financial Managers', 'en')).toBe(true);
  expect(isPluralTitle('Teachers, Postsecondary', 'en')).toBe(true);
  expect(isPluralTitle('First-Line Supervisors of Police and Detectives', 'en')).toBe(true);
  expect(isPluralTitle('Transportation, Storage, and Distribution Managers', 'en')).toBe(true);
  expect(isPluralTitle('Firemen', 'en')).toBe(true);
});

test('an English title naming one person is singular, whatever its modifiers', () => {
  expect(isPluralTitle('Truck driver', 'en')).toBe(false);
  expect(isPluralTitle('Director of Sales Operations', 'en')).toBe(false);
  expect(isPluralTitle('Business Analyst (m/f)', 'en')).toBe(false);
  expect(isPluralWord('business', 'en')).toBe(false);
});

test('a French title takes the number of its first content word; gender marks are left out', () => {
  expect(isPluralTitle('Conducteur de camions (h/f/x)', 'fr')).toBe(false);
  expect(isPluralTitle("Agent d'enquête (h/f/x)", 'fr')).toBe(false);
  expect(isPluralTitle("Conducteurs d'autobus et de tramways", 'fr')).toBe(true);
  expect(isPluralTitle('Travaux publics', 'fr')).toBe(true);
});

test('Dutch, Spanish and Italian heads are read by their plural endings', () => {
  expect(isPluralTitle('Verpleegkundigen', 'nl')).toBe(true);
  expect(isPluralTitle('Verpleegkundige', 'nl')).toBe(false);
  expect(isPluralTitle('Conductores de camiones', 'es')).toBe(true);
  expect(isPluralTitle('Conductor de camión', 'es')).toBe(false);
  expect(isPluralTitle('Tecnici di laboratorio', 'it')).toBe(true);
});

test('the number is unknown in a language without rules or in a title without content words', () => {
  expect(isPluralTitle('Lkw-Fahrer', 'de')).toBeUndefined();
  expect(isPluralTitle('(h/f/x)', 'fr')).toBeUndefined();
  expect(isPluralTitle('', 'en')).toBeUndefined();
});
