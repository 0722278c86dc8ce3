import { expect, test } from 'vitest';
import { makePerson, makeVacancy, places, vacancyCriterionScore } from '../testing/factories';
import { homeWorkCriterion } from './home-work';

test('only a person who wants work at or near home is affected', () => {
  const far = makeVacancy({ location: places.sfax });
  expect(
    vacancyCriterionScore(homeWorkCriterion, makePerson({ wantsWorkAtOrNearHome: false }), far).score,
  ).toBe(1);
  expect(
    vacancyCriterionScore(homeWorkCriterion, makePerson({ wantsWorkAtOrNearHome: true }), far).score,
  ).toBe(0.2);
});

test('home-based work scores best and near work well', () => {
  const person = makePerson({ wantsWorkAtOrNearHome: true });
  expect(
    vacancyCriterionScore(
      homeWorkCriterion,
      person,
      makeVacancy({ location: places.sfax, homeBasedPossible: true }),
    ).score,
  ).toBe(1);
  expect(
    vacancyCriterionScore(homeWorkCriterion, person, makeVacancy({ location: places.tunisCentre })).score,
  ).toBe(0.8);
});
