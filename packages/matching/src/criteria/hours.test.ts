import { expect, test } from 'vitest';
import { makePerson, makeVacancy, vacancyCriterionScore } from '../testing/factories';
import { hoursCriterion } from './hours';

test('hours and shifts that fit score 1', () => {
  const r = vacancyCriterionScore(
    hoursCriterion,
    makePerson({ availability: { maxHoursPerWeek: 40, shifts: ['day', 'evening'] } }),
    makeVacancy({ hoursPerWeek: 35, shifts: ['day'] }),
  );
  expect(r.score).toBe(1);
});

test('too many hours and a shift the person cannot work lower the score', () => {
  const person = makePerson({ availability: { maxHoursPerWeek: 20, shifts: ['day'] } });
  const r = vacancyCriterionScore(
    hoursCriterion,
    person,
    makeVacancy({ hoursPerWeek: 40, shifts: ['day', 'night'] }),
  );
  expect(r.score).toBeCloseTo((0.5 + 0.5) / 2, 10);
});

test('unknown availability gets the unknown scores', () => {
  const r = vacancyCriterionScore(
    hoursCriterion,
    makePerson({ availability: undefined }),
    makeVacancy({ hoursPerWeek: 40, shifts: ['night'] }),
  );
  expect(r.score).toBeCloseTo((0.7 + 0.8) / 2, 10);
});
