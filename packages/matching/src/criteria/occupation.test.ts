import { expect, test } from 'vitest';
import { makePerson, makeVacancy, O, vacancyCriterionScore } from '../testing/factories';
import { occupationCriterion } from './occupation';

test('the same occupation scores 1, the same unit group 0.6, the same minor group 0.3', () => {
  const vacancy = makeVacancy({ occupation: O.welder });
  expect(
    vacancyCriterionScore(occupationCriterion, makePerson({ pastOccupations: [O.welder] }), vacancy).score,
  ).toBeCloseTo(1, 10);
  const sameUnit = { uri: 'occ:pipe-welder', isco: '7212' };
  expect(
    vacancyCriterionScore(occupationCriterion, makePerson({ pastOccupations: [sameUnit] }), vacancy).score,
  ).toBeCloseTo(0.6, 10);
  expect(
    vacancyCriterionScore(occupationCriterion, makePerson({ pastOccupations: [O.sheetMetal] }), vacancy)
      .score,
  ).toBeCloseTo(0.3, 10);
  expect(
    vacancyCriterionScore(occupationCriterion, makePerson({ pastOccupations: [O.cook] }), vacancy).score,
  ).toBe(0);
});

test('the best of several past occupations counts, in both directions', () => {
  const r = vacancyCriterionScore(
    occupationCriterion,
    makePerson({ pastOccupations: [O.cook, O.sheetMetal] }),
    makeVacancy({ occupation: O.sheetMetal }),
  );
  expect(r.score).toBeCloseTo(1, 10);
  expect(r.reverse).toBeCloseTo(1, 10);
});

test('an ISCO code alone is enough to compare', () => {
  const r = vacancyCriterionScore(
    occupationCriterion,
    makePerson({ pastOccupations: [{ isco: '7212' }] }),
    makeVacancy({ occupation: { isco: '7212' } }),
  );
  expect(r.score).toBeCloseTo(0.6, 10);
});
