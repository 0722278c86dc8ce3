import { expect, test } from 'vitest';
import {
  analyzeText,
  masculineForm,
  removeExceptClauses,
  removeGenderMarks,
  tokenizeWithOffsets,
} from './analyze';

const stems = (text: string, lang: string) => analyzeText(text, lang).stems;

test('French gender markers and feminine forms fall together with the masculine title', () => {
  expect(stems('Infirmière (h/f/x)', 'fr')).toEqual(stems('infirmier', 'fr'));
  expect(stems('conductrice de grue', 'fr')).toEqual(stems('conducteur de grue', 'fr'));
  expect(stems('infirmier(ère)', 'fr')).toEqual(stems('infirmier', 'fr'));
  expect(stems('vendeur·euse', 'fr')).toEqual(stems('vendeur', 'fr'));
  expect(new Set(stems('infirmier/infirmière', 'fr')).size).toBe(1);
});

test('German inclusive forms reduce to the base title', () => {
  expect(stems('Mitarbeiter/in Verkauf (m/w/d)', 'de')).toEqual(stems('Mitarbeiter Verkauf', 'de'));
  expect(stems('MitarbeiterInnen', 'de')).toEqual(stems('Mitarbeiter', 'de'));
  expect(stems('Mitarbeiter*in', 'de')).toEqual(stems('Mitarbeiter', 'de'));
  expect(stems('Lehrerin', 'de')).toEqual(stems('Lehrer', 'de'));
});

test('Dutch feminine and plural forms meet the masculine singular', () => {
  expect(stems('kapster', 'nl')).toEqual(stems('kapper', 'nl'));
  expect(stems('verpleegkundigen (m/v/x)', 'nl')).toEqual(stems('verpleegkundige', 'nl'));
  expect(stems('medewerkster', 'nl')).toEqual(stems('medewerker', 'nl'));
});

test('Arabic feminine, article and letter variants reduce to one stem', () => {
  expect(stems('الممرضة', 'ar')).toEqual(stems('ممرض', 'ar'));
  expect(stems('مهندسة', 'ar')).toEqual(stems('مهندس', 'ar'));
  expect(stems('مُهَنْدِس', 'ar')).toEqual(stems('مهندس', 'ar'));
});

test('English plurals, gendered compounds and word order do not matter', () => {
  expect(stems('Registered Nurses', 'en')).toEqual(stems('registered nurse', 'en'));
  expect(stems('chairwoman', 'en')).toEqual(stems('chairman', 'en'));
  expect(new Set(stems('postman/postwoman', 'en'))).toEqual(new Set(stems('postman', 'en')));
  expect(new Set(stems('manager, sales', 'en'))).toEqual(new Set(stems('sales manager', 'en')));
});

test('abbreviations in titles are expanded', () => {
  expect(analyzeText('Sr. Software Eng.', 'en').words).toEqual(['senior', 'software', 'engineer']);
  expect(analyzeText('Resp. RH', 'fr').words).toEqual(['responsable', 'ressources', 'humaines']);
});

test('exclusion clauses of classification titles are dropped', () => {
  expect(removeExceptClauses('Surgeons, Except Ophthalmologists').trim()).toBe('Surgeons,');
  expect(analyzeText('Surgeons, Except Ophthalmologists', 'en', { dropExceptClauses: true }).words).toEqual([
    'surgeons',
  ]);
});

test('gender markers are removed without touching ordinary slashes', () => {
  expect(removeGenderMarks('Boucher (h/f/x)').trim()).toBe('Boucher');
  expect(removeGenderMarks('Marketing/Sales')).toBe('Marketing/Sales');
  expect(removeGenderMarks('enfermero/a')).toBe('enfermero');
});

test('masculine forms leave ordinary words alone', () => {
  expect(masculineForm('vente', 'fr')).toBe('vente');
  expect(masculineForm('directrice', 'fr')).toBe('directeur');
  expect(masculineForm('boulangère', 'fr')).toBe('boulanger');
});

test('tokens keep their offsets and symbols like C# and C++ survive', () => {
  const text = 'Knows C# and C++, not .NET';
  const tokens = tokenizeWithOffsets(text, 'en');
  expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Knows', 'C#', 'and', 'C++', 'not', '.NET']);
  expect(tokens[1]?.words).toEqual(['csharp']);
  expect(tokens[2]?.stop).toBe(true);
});

const titleWords = (text: string, lang: string) => analyzeText(text, lang, { dropQualifiers: true }).words;

test('seniority and contract qualifiers are dropped from titles unless nothing else is left', () => {
  expect(titleWords('Senior Software Engineer (Urgent)', 'en')).toEqual(['software', 'engineer']);
  expect(titleWords('Ingénieur confirmé', 'fr')).toEqual(['ingenieur']);
  expect(titleWords('Senior', 'en')).toEqual(['senior']);
  expect(analyzeText('Senior Software Engineer', 'en').words).toContain('senior');
});

test('entry-level qualifiers stand for an assistant in the language of the title', () => {
  expect(titleWords('Marketing Intern', 'en')).toEqual(['marketing', 'assistant']);
  expect(titleWords('Stagiaire comptable', 'fr')).toEqual(['comptable', 'assistant']);
  expect(titleWords('Junior boekhouder', 'nl')).toEqual(['boekhouder', 'assistent']);
  expect(titleWords('Junior Sales Assistant', 'en')).toEqual(['sales', 'assistant']);
  expect(
    analyzeText('Marketing Intern', 'en', { dropQualifiers: true, entryLevelAssistant: false }).words,
  ).toEqual(['marketing']);
});

test('IT in capitals is information technology, the pronoun is a stop word', () => {
  expect(titleWords('IT Support Executive', 'en')).toEqual(['ict', 'support', 'executive']);
  expect(titleWords('Consultant IT', 'fr')).toEqual(['consultant', 'informatique']);
  expect(analyzeText('make it work', 'en').words).toEqual(['make', 'work']);
});
