import { expect, test } from 'vitest';
import { makePerson, makeVacancy, O, S, vacancyCriterionScore } from '../testing/factories';
import { skillsCriterion } from './skills';

test('a person with every required skill covers the vacancy fully', () => {
  const person = makePerson({
    skills: [S.weld, S.cutMetal, S.safety, S.readDrawings, S.forklift].map((uri) => ({ uri })),
  });
  const r = vacancyCriterionScore(skillsCriterion, person, makeVacancy());
  expect(r.score).toBeCloseTo(1, 10);
  expect(r.reverse).toBeCloseTo(r.score, 12);
});

test('an optional requirement counts half as much as an essential one', () => {
  const vacancy = makeVacancy({ essentialSkills: [S.weld], optionalSkills: [S.forklift] });
  const essentialOnly = vacancyCriterionScore(
    skillsCriterion,
    makePerson({ pastOccupations: [], skills: [{ uri: S.weld }] }),
    vacancy,
  );
  const optionalOnly = vacancyCriterionScore(
    skillsCriterion,
    makePerson({ pastOccupations: [], skills: [{ uri: S.forklift }] }),
    vacancy,
  );
  expect(essentialOnly.score).toBeCloseTo(1 / 1.5, 10);
  expect(optionalOnly.score).toBeCloseTo(0.5 / 1.5, 10);
});

test('a narrower skill counts partly for its broader requirement', () => {
  const vacancy = makeVacancy({ essentialSkills: [S.weld], optionalSkills: [] });
  const person = makePerson({ pastOccupations: [], skills: [{ uri: S.weldArc }] });
  const r = vacancyCriterionScore(skillsCriterion, person, vacancy);
  expect(r.score).toBeCloseTo(0.7, 10);
  expect(r.reverse).toBeCloseTo(0.7, 10);
});

test('a sibling skill counts less than the skill itself', () => {
  const vacancy = makeVacancy({ essentialSkills: [S.weldGas], optionalSkills: [] });
  const person = makePerson({ pastOccupations: [], skills: [{ uri: S.weldArc }] });
  expect(vacancyCriterionScore(skillsCriterion, person, vacancy).score).toBeCloseTo(0.4, 10);
});

test('a related skill counts partly', () => {
  const vacancy = makeVacancy({ essentialSkills: [S.cutMetal], optionalSkills: [] });
  const person = makePerson({ pastOccupations: [], skills: [{ uri: S.readDrawings }] });
  expect(vacancyCriterionScore(skillsCriterion, person, vacancy).score).toBeCloseTo(0.5, 10);
});

test('the essential skills of a past occupation count partly even when not listed', () => {
  const vacancy = makeVacancy({ essentialSkills: [S.readDrawings], optionalSkills: [] });
  const withPast = makePerson({ pastOccupations: [O.sheetMetal], skills: [] });
  const without = makePerson({ pastOccupations: [], skills: [] });
  expect(vacancyCriterionScore(skillsCriterion, withPast, vacancy).score).toBeCloseTo(0.5, 10);
  expect(vacancyCriterionScore(skillsCriterion, without, vacancy).score).toBe(0);
});

test('a vacancy listing no skills gets the configured neutral score', () => {
  const vacancy = makeVacancy({ essentialSkills: [], optionalSkills: [] });
  const r = vacancyCriterionScore(skillsCriterion, makePerson(), vacancy, {
    skills: { noRequirementsScore: 0.25 },
  });
  expect(r.score).toBe(0.25);
  expect(r.reverse).toBe(0.25);
});

test('overlap mode counts shared direct skills only', () => {
  const vacancy = makeVacancy({
    essentialSkills: [S.weld, S.safety, S.readDrawings],
    optionalSkills: [S.forklift],
  });
  const person = makePerson({
    pastOccupations: [O.welder],
    skills: [{ uri: S.weld }, { uri: S.forklift }, { uri: S.cook }],
  });
  const r = vacancyCriterionScore(skillsCriterion, person, vacancy, { skills: { mode: 'overlap' } });
  expect(r.score).toBe(2);
  expect(r.reverse).toBe(2);
});
