import { expect, test } from 'vitest';
import { makePerson, makeVacancy, O, vacancyCriterionScore } from '../testing/factories';
import { aspirationsCriterion } from './aspirations';

test('a wished occupation scores 1 and an unrelated one 0', () => {
  const person = makePerson({ aspirations: { occupations: [O.cook] } });
  expect(
    vacancyCriterionScore(aspirationsCriterion, person, makeVacancy({ occupation: O.cook })).score,
  ).toBeCloseTo(1, 10);
  expect(
    vacancyCriterionScore(aspirationsCriterion, person, makeVacancy({ occupation: O.welder })).score,
  ).toBe(0);
});

test('a wished sector counts', () => {
  const person = makePerson({ aspirations: { sectors: ['c'] } });
  const r = vacancyCriterionScore(aspirationsCriterion, person, makeVacancy({ sector: 'C' }));
  expect(r.score).toBeCloseTo(0.5, 10);
  expect(r.reverse).toBeCloseTo(0.5, 10);
});

test('a person without aspirations gets the neutral score whatever the vacancy', () => {
  const person = makePerson({ aspirations: undefined });
  expect(vacancyCriterionScore(aspirationsCriterion, person, makeVacancy({ occupation: O.cook })).score).toBe(
    0.5,
  );
  expect(
    vacancyCriterionScore(aspirationsCriterion, person, makeVacancy({ occupation: O.welder })).reverse,
  ).toBe(0.5);
});
