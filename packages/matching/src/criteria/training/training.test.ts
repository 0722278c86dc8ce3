import { expect, test } from 'vitest';
import { makePerson, makeTraining, O, places, S, trainingCriterionScore } from '../../testing/factories';
import { skillGapCriterion } from './skill-gap';
import { trainingAspirationsCriterion } from './training-aspirations';
import { trainingPlaceCriterion } from './training-place';
import {
  trainingDatesCriterion,
  trainingEducationCriterion,
  trainingLanguageCriterion,
  trainingOpenCriterion,
  trainingSupportCriterion,
} from './training-terms';

test('a training teaching a missing essential skill of the wished occupation scores on the gap', () => {
  const person = makePerson({
    pastOccupations: [],
    skills: [{ uri: S.weld }],
    aspirations: { occupations: [O.welder] },
  });
  const r = trainingCriterionScore(skillGapCriterion, person, makeTraining({ skillsTaught: [S.safety] }));
  expect(r.score).toBe(1);
  expect(r.reverse).toBe(1);
  const half = trainingCriterionScore(
    skillGapCriterion,
    person,
    makeTraining({ skillsTaught: [S.safety, S.cook] }),
  );
  expect(half.score).toBeCloseTo(0.5, 10);
  expect(half.reverse).toBeCloseTo(0.5, 10);
});

test('a training teaching what the person already has scores 0 on the gap', () => {
  const person = makePerson({
    pastOccupations: [],
    skills: [{ uri: S.weld }],
    aspirations: { occupations: [O.welder] },
  });
  expect(
    trainingCriterionScore(skillGapCriterion, person, makeTraining({ skillsTaught: [S.weld] })).score,
  ).toBe(0);
});

test('a skill held only partly is a smaller gap', () => {
  const person = makePerson({
    pastOccupations: [],
    skills: [{ uri: S.weldArc }],
    aspirations: { occupations: [O.welder] },
  });
  expect(
    trainingCriterionScore(skillGapCriterion, person, makeTraining({ skillsTaught: [S.weld] })).score,
  ).toBeCloseTo(0.3, 10);
});

test('a training for the wished occupation scores on aspirations', () => {
  const person = makePerson({ aspirations: { occupations: [O.cook] } });
  expect(
    trainingCriterionScore(trainingAspirationsCriterion, person, makeTraining({ occupations: [O.cook] }))
      .score,
  ).toBeCloseTo(1, 10);
  expect(
    trainingCriterionScore(trainingAspirationsCriterion, person, makeTraining({ occupations: [O.welder] }))
      .score,
  ).toBe(0);
});

test('online trainings are reachable from anywhere; in-person ones by distance', () => {
  const person = makePerson({ location: places.dakar });
  expect(
    trainingCriterionScore(
      trainingPlaceCriterion,
      person,
      makeTraining({ delivery: 'online', location: places.sfax }),
    ).score,
  ).toBe(1);
  expect(
    trainingCriterionScore(
      trainingPlaceCriterion,
      person,
      makeTraining({ delivery: 'in_person', location: places.sfax }),
    ).score,
  ).toBe(0);
  const r = trainingCriterionScore(
    trainingPlaceCriterion,
    makePerson({ location: places.tunisCentre }),
    makeTraining({ location: places.tunisNorth }),
  );
  expect(r.score).toBeGreaterThan(0.5);
  expect(r.reverse).toBeCloseTo(r.score, 12);
});

test('a training starting soon scores 1 and one starting in a year the late score', () => {
  expect(
    trainingCriterionScore(trainingDatesCriterion, makePerson(), makeTraining({ startsOn: '2025-07-01' }))
      .score,
  ).toBe(1);
  expect(
    trainingCriterionScore(trainingDatesCriterion, makePerson(), makeTraining({ startsOn: '2026-07-01' }))
      .score,
  ).toBe(0.3);
});

test('ended, enrolment-closed and full trainings are filtered', () => {
  const p = makePerson();
  expect(
    trainingCriterionScore(trainingOpenCriterion, p, makeTraining({ endsOn: '2025-05-01' })).admitted,
  ).toBe(false);
  expect(
    trainingCriterionScore(trainingOpenCriterion, p, makeTraining({ enrolmentClosesOn: '2025-05-31' }))
      .admitted,
  ).toBe(false);
  expect(trainingCriterionScore(trainingOpenCriterion, p, makeTraining({ seats: 0 })).admitted).toBe(false);
  expect(trainingCriterionScore(trainingOpenCriterion, p, makeTraining()).admitted).toBe(true);
});

test('childcare support matters to a person with childcare duties', () => {
  const parent = makePerson({ limitations: { childcare: true } });
  const without = trainingCriterionScore(trainingSupportCriterion, parent, makeTraining({ stipend: true }));
  const withSupport = trainingCriterionScore(
    trainingSupportCriterion,
    parent,
    makeTraining({ stipend: true, childcareSupport: true }),
  );
  expect(withSupport.score).toBe(1);
  expect(without.score).toBeCloseTo((1 + 0.4) / 2, 10);
});

test('the language of instruction and the entry level count', () => {
  const p = makePerson({ iscedLevel: 2, languages: [{ language: 'fr', levels: { listening: 'B1' } }] });
  expect(
    trainingCriterionScore(
      trainingLanguageCriterion,
      p,
      makeTraining({ language: { language: 'fr', minLevel: 'B2' } }),
    ).score,
  ).toBe(0.5);
  expect(
    trainingCriterionScore(trainingEducationCriterion, p, makeTraining({ minIscedLevel: 3 })).score,
  ).toBe(0.5);
});
