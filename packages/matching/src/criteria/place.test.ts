import { expect, test } from 'vitest';
import { makePerson, makeVacancy, places, vacancyCriterionScore } from '../testing/factories';
import { placeCriterion } from './place';

const score = (person: Parameters<typeof makePerson>[0], vacancy: Parameters<typeof makeVacancy>[0]) => {
  const r = vacancyCriterionScore(placeCriterion, makePerson(person), makeVacancy(vacancy));
  expect(r.reverse).toBeCloseTo(r.score, 12);
  return r.score;
};

test('the same district scores 1', () => {
  expect(score({ location: places.tunisCentre }, { location: places.tunisCentre })).toBe(1);
});

test('a place within travel range scores by distance, more when nearer', () => {
  const near = score(
    { location: places.tunisCentre, mobility: { maxTravelKm: 30 } },
    { location: places.tunisNorth },
  );
  const far = score(
    { location: places.tunisCentre, mobility: { maxTravelKm: 12 } },
    { location: places.tunisNorth },
  );
  expect(near).toBeGreaterThan(0.8);
  expect(near).toBeLessThan(1);
  expect(far).toBeLessThan(near);
  expect(far).toBeGreaterThanOrEqual(0.6);
});

test('limited mobility shrinks the travel range', () => {
  const free = score(
    { location: places.tunisCentre, mobility: { maxTravelKm: 20 } },
    { location: places.tunisNorth },
  );
  const limited = score(
    { location: places.tunisCentre, mobility: { maxTravelKm: 20 }, limitations: { limitedMobility: true } },
    { location: places.tunisNorth },
  );
  expect(limited).toBeLessThan(free);
});

test('the same region without coordinates scores the region value', () => {
  const noCoords = { country: 'TN', region: 'Tunis', district: 'North' };
  expect(
    score({ location: { country: 'TN', region: 'Tunis', district: 'Centre' } }, { location: noCoords }),
  ).toBe(0.6);
});

test('another region counts only when the person is willing to move', () => {
  expect(score({ mobility: { willingToMove: 'no' } }, { location: places.sfax })).toBe(0);
  expect(score({ mobility: { willingToMove: 'country' } }, { location: places.sfax })).toBe(0.4);
  expect(score({ mobility: { willingToMove: 'country' } }, { location: places.dakar })).toBe(0);
  expect(score({ mobility: { willingToMove: 'abroad' } }, { location: places.dakar })).toBe(0.3);
});

test('home-based work counts in the same country', () => {
  expect(score({}, { location: places.sfax, homeBasedPossible: true })).toBe(0.9);
  expect(score({}, { location: places.dakar, homeBasedPossible: true })).toBe(0);
});

test('an unknown location gets the unknown score', () => {
  expect(score({ location: undefined }, { location: places.sfax })).toBe(0.3);
  expect(score({}, { location: undefined })).toBe(0.3);
});
