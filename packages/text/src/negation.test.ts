import { expect, test } from 'vitest';
import { isNegated, negationScopes } from './negation';

function negatedWords(text: string, lang: string): string[] {
  const scopes = negationScopes(text, lang);
  return [...text.matchAll(/[\p{L}]+/gu)]
    .filter((m) => isNegated(scopes, m.index ?? 0, (m.index ?? 0) + m[0].length))
    .map((m) => m[0]);
}

test('an English cue negates the rest of the clause, up to "but"', () => {
  const words = negatedWords('No experience with welding but good at plumbing.', 'en');
  expect(words).toContain('welding');
  expect(words).not.toContain('plumbing');
});

test('a negated list stays negated across its commas', () => {
  const words = negatedWords('I have never used Excel, Word or PowerPoint. I drive trucks.', 'en');
  expect(words).toEqual(expect.arrayContaining(['Excel', 'Word', 'PowerPoint']));
  expect(words).not.toContain('trucks');
});

test('French "pas de" and "sans" open a scope', () => {
  expect(negatedWords("Pas de permis de conduire, j'ai réparé des voitures.", 'fr')).toContain('permis');
  expect(negatedWords("Pas de permis de conduire, j'ai réparé des voitures.", 'fr')).not.toContain(
    'voitures',
  );
  expect(negatedWords('Sans expérience en soudure', 'fr')).toContain('soudure');
});

test('Dutch "geen" and German "keine" open a scope', () => {
  expect(negatedWords('Geen ervaring met lassen, wel met timmeren.', 'nl')).toContain('lassen');
  expect(negatedWords('Keine Erfahrung mit Schweißen; Staplerschein vorhanden.', 'de')).toContain(
    'Schweißen',
  );
  expect(negatedWords('Keine Erfahrung mit Schweißen; Staplerschein vorhanden.', 'de')).not.toContain(
    'Staplerschein',
  );
});

test('Arabic "لا" and "بدون" open a scope', () => {
  expect(negatedWords('لا أجيد قيادة الشاحنات', 'ar')).toContain('الشاحنات');
  expect(negatedWords('بدون خبرة في اللحام. أعمل نجارا', 'ar')).toContain('اللحام');
  expect(negatedWords('بدون خبرة في اللحام. أعمل نجارا', 'ar')).not.toContain('نجارا');
});

test('text without a cue has no scope', () => {
  expect(negationScopes('Five years of welding and plumbing.', 'en')).toEqual([]);
});
