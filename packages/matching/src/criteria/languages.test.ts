import { expect, test } from 'vitest';
import { makePerson, makeVacancy, vacancyCriterionScore } from '../testing/factories';
import { languagesCriterion } from './languages';

const person = makePerson({
  languages: [{ language: 'fr', levels: { listening: 'B2', spokenProduction: 'B1', writing: 'A2' } }],
});

test('a met requirement scores 1 and each missing level halves it', () => {
  expect(
    vacancyCriterionScore(
      languagesCriterion,
      person,
      makeVacancy({ languages: [{ language: 'fr', minLevel: 'B1' }] }),
    ).score,
  ).toBe(1);
  expect(
    vacancyCriterionScore(
      languagesCriterion,
      person,
      makeVacancy({ languages: [{ language: 'fr', minLevel: 'B2', skill: 'writing' }] }),
    ).score,
  ).toBe(0.25);
});

test('a language the person does not speak scores 0; no requirement scores 1', () => {
  expect(
    vacancyCriterionScore(
      languagesCriterion,
      person,
      makeVacancy({ languages: [{ language: 'en', minLevel: 'A1' }] }),
    ).score,
  ).toBe(0);
  expect(vacancyCriterionScore(languagesCriterion, person, makeVacancy({ languages: [] })).score).toBe(1);
});

test('a hard language requirement filters a person below it', () => {
  const hard = makeVacancy({
    languages: [{ language: 'fr', minLevel: 'B2', skill: 'spokenProduction', hard: true }],
  });
  expect(vacancyCriterionScore(languagesCriterion, person, hard).admitted).toBe(false);
  const met = makeVacancy({
    languages: [{ language: 'fr', minLevel: 'B2', skill: 'listening', hard: true }],
  });
  expect(vacancyCriterionScore(languagesCriterion, person, met).admitted).toBe(true);
});
