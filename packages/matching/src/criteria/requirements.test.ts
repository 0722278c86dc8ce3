import { expect, test } from 'vitest';
import { makePerson, makeVacancy, places, vacancyCriterionScore } from '../testing/factories';
import { requirementsCriterion, vacancyOpenCriterion } from './requirements';

test('a required driving licence filters people without it', () => {
  const vacancy = makeVacancy({ requirements: { drivingLicence: 'C' } });
  expect(
    vacancyCriterionScore(requirementsCriterion, makePerson({ drivingLicences: ['B'] }), vacancy).admitted,
  ).toBe(false);
  expect(
    vacancyCriterionScore(requirementsCriterion, makePerson({ drivingLicences: ['b', 'c'] }), vacancy)
      .admitted,
  ).toBe(true);
});

test('a required right to work filters people without it in the vacancy country', () => {
  const vacancy = makeVacancy({ location: places.dakar, requirements: { rightToWork: true } });
  expect(
    vacancyCriterionScore(requirementsCriterion, makePerson({ rightToWork: ['TN'] }), vacancy).admitted,
  ).toBe(false);
  expect(
    vacancyCriterionScore(requirementsCriterion, makePerson({ rightToWork: ['TN', 'sn'] }), vacancy).admitted,
  ).toBe(true);
});

test('closed vacancies and vacancies without seats are filtered on the given day', () => {
  const person = makePerson();
  expect(
    vacancyCriterionScore(vacancyOpenCriterion, person, makeVacancy({ closesOn: '2025-05-31' })).admitted,
  ).toBe(false);
  expect(
    vacancyCriterionScore(vacancyOpenCriterion, person, makeVacancy({ opensOn: '2025-06-02' })).admitted,
  ).toBe(false);
  expect(vacancyCriterionScore(vacancyOpenCriterion, person, makeVacancy({ seats: 0 })).admitted).toBe(false);
  expect(
    vacancyCriterionScore(vacancyOpenCriterion, person, makeVacancy({ closesOn: '2025-06-01' })).admitted,
  ).toBe(true);
});
