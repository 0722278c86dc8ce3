import { expect, test } from 'vitest';
import { makePerson, makeVacancy, vacancyCriterionScore } from '../testing/factories';
import { educationCriterion } from './education';

test('meeting or exceeding the minimum scores 1, one level below 0.5, two 0.2, more 0', () => {
  const at = (person: number | undefined, min: number | undefined) =>
    vacancyCriterionScore(
      educationCriterion,
      makePerson({ iscedLevel: person }),
      makeVacancy({ minIscedLevel: min }),
    ).score;
  expect(at(6, 4)).toBe(1);
  expect(at(3, 4)).toBe(0.5);
  expect(at(2, 4)).toBe(0.2);
  expect(at(1, 4)).toBe(0);
  expect(at(undefined, 4)).toBe(0.5);
  expect(at(0, undefined)).toBe(1);
});
