import { expect, test } from 'vitest';
import { createKnowledge, type ConceptKnowledge, type LabelKind } from './esco-files';
import { createSkillExtractor } from './skill-extractor';

const skill = (id: string) => `http://data.europa.eu/esco/skill/${id}`;

function tinySkills(): ConceptKnowledge {
  const k = createKnowledge();
  const label = (id: string, lang: string, text: string, kind: LabelKind = 'alternative') =>
    k.labels.push({ uri: skill(id), lang, text, kind });
  label('repair', 'en', 'repair motor vehicles', 'preferred');
  label('repair', 'en', 'repair cars');
  label('repair', 'fr', 'réparer des véhicules à moteur', 'preferred');
  label('repair', 'fr', 'réparer des voitures');
  label('repair', 'ar', 'إصلاح السيارات', 'preferred');
  label('weld', 'en', 'weld metal', 'preferred');
  label('weld', 'fr', 'souder des métaux', 'preferred');
  label('weld', 'nl', 'metaal lassen', 'preferred');
  label('drive', 'en', 'drive trucks', 'preferred');
  label('drive', 'fr', 'conduire des camions', 'preferred');
  label('drive', 'ar', 'قيادة الشاحنات', 'preferred');
  label('java', 'en', 'Java (computer programming)', 'preferred');
  label('sql', 'en', 'SQL', 'preferred');
  label('excel', 'en', 'use spreadsheets software', 'preferred');
  label('excel', 'en', 'Excel');
  return k;
}

test('a French counsellor note yields the repair skill with its span', () => {
  const extractor = createSkillExtractor(tinySkills());
  const text = "J'ai réparé des voitures en Libye pendant 3 ans";
  const [found] = extractor.extract(text, { lang: 'fr' });
  expect(found?.uri).toBe(skill('repair'));
  expect(found?.label).toBe('réparer des véhicules à moteur');
  expect(found?.text).toBe('réparé des voitures');
  expect(found?.negated).toBe(false);
  expect(found?.confidence).toBeGreaterThan(0.5);
});

test('a list of skills gives one result per item', () => {
  const extractor = createSkillExtractor(tinySkills());
  const uris = extractor.extract('Skills: Java, SQL and Excel', { lang: 'en' }).map((s) => s.uri);
  expect(new Set(uris)).toEqual(new Set([skill('java'), skill('sql'), skill('excel')]));
});

test('negated skills are flagged, the others are not', () => {
  const extractor = createSkillExtractor(tinySkills());
  const found = extractor.extract('No experience with welding metal, but I drive trucks every day.', {
    lang: 'en',
  });
  expect(found.find((s) => s.uri === skill('weld'))?.negated).toBe(true);
  expect(found.find((s) => s.uri === skill('drive'))?.negated).toBe(false);
});

test('negation works in Dutch, French and Arabic', () => {
  const extractor = createSkillExtractor(tinySkills());
  expect(extractor.extract('Geen ervaring met metaal lassen', { lang: 'nl' })[0]?.negated).toBe(true);
  expect(extractor.extract('Je ne sais pas conduire des camions', { lang: 'fr' })[0]?.negated).toBe(true);
  const arabic = extractor.extract('لا أجيد قيادة الشاحنات', { lang: 'ar' });
  expect(arabic[0]?.uri).toBe(skill('drive'));
  expect(arabic[0]?.negated).toBe(true);
});

test('an acronym label is not matched by the same letters in lower case prose', () => {
  const extractor = createSkillExtractor(tinySkills());
  expect(
    extractor.extract('we sql the data', { lang: 'en', minConfidence: 0.6 }).map((s) => s.uri),
  ).not.toContain(skill('sql'));
  expect(extractor.extract('we use SQL', { lang: 'en', minConfidence: 0.6 }).map((s) => s.uri)).toContain(
    skill('sql'),
  );
});

test('ranking puts the best covered skill first', () => {
  const extractor = createSkillExtractor(tinySkills());
  expect(extractor.rank('Five years repairing motor vehicles and some welding', 'en')[0]).toBe(
    skill('repair'),
  );
});
