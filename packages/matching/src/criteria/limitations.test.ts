import { expect, test } from 'vitest';
import { makePerson, makeVacancy, places, vacancyCriterionScore } from '../testing/factories';
import { limitationsCriterion } from './limitations';

test('without limitations every vacancy scores 1', () => {
  expect(
    vacancyCriterionScore(
      limitationsCriterion,
      makePerson({ limitations: {} }),
      makeVacancy({ shifts: ['night'] }),
    ).score,
  ).toBe(1);
});

test('childcare favours home-based and part-time day work over night shifts', () => {
  const person = makePerson({ limitations: { childcare: true } });
  const s = (v: Parameters<typeof makeVacancy>[0]) =>
    vacancyCriterionScore(limitationsCriterion, person, makeVacancy(v)).score;
  expect(s({ homeBasedPossible: true })).toBe(1);
  expect(s({ hoursPerWeek: 20, shifts: ['day'] })).toBe(0.8);
  expect(s({ hoursPerWeek: 40, shifts: ['day'] })).toBe(0.5);
  expect(s({ hoursPerWeek: 20, shifts: ['night'] })).toBe(0.1);
});

test('limited mobility favours near work', () => {
  const person = makePerson({ limitations: { limitedMobility: true } });
  expect(
    vacancyCriterionScore(limitationsCriterion, person, makeVacancy({ location: places.tunisCentre })).score,
  ).toBe(0.7);
  expect(
    vacancyCriterionScore(limitationsCriterion, person, makeVacancy({ location: places.sfax })).score,
  ).toBe(0.3);
});
