import fc from 'fast-check';
import {
  cefrLevels,
  cefrSkills,
  shifts,
  type MatchPerson,
  type MatchTraining,
  type MatchVacancy,
} from '../types';
import { O, places, S } from './factories';

const skillUris = Object.values(S);
const occupations = Object.values(O);
const placeList = [
  places.tunisCentre,
  places.tunisNorth,
  places.sfax,
  places.dakar,
  { country: 'TN', region: 'Tunis', district: 'Centre' },
  { country: 'TN', region: 'Sfax' },
];
const languageCodes = ['ar', 'fr', 'en'];

const location = fc.option(fc.constantFrom(...placeList), { nil: undefined });
const level = fc.constantFrom(...cefrLevels);

/** Protected attributes: any values at all. */
export const protectedAttributes = fc.record({
  sex: fc.constantFrom('female', 'male', 'intersex'),
  gender: fc.constantFrom('woman', 'man', 'non-binary'),
  birthYear: fc.integer({ min: 1950, max: 2008 }),
  nationality: fc.constantFrom('TN', 'SN', 'IQ', 'SY'),
  religion: fc.constantFrom('a', 'b', 'none'),
  ethnicity: fc.constantFrom('x', 'y', 'z'),
});

/** A person over the test taxonomy, with every field sometimes missing. */
export const personArb: fc.Arbitrary<Omit<MatchPerson, 'id'>> = fc.record({
  pastOccupations: fc.subarray(occupations, { maxLength: 2 }),
  skills: fc.subarray(skillUris).map((s) => s.map((uri) => ({ uri }))),
  languages: fc.subarray(languageCodes).chain((codes) =>
    fc.tuple(
      ...codes.map((language) =>
        fc.record({
          language: fc.constant(language),
          levels: fc.dictionary(fc.constantFrom(...cefrSkills), level),
        }),
      ),
    ),
  ),
  iscedLevel: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
  location,
  mobility: fc.record({
    willingToMove: fc.constantFrom('no', 'region', 'country', 'abroad'),
    maxTravelKm: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
  }),
  availability: fc.record({
    maxHoursPerWeek: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    shifts: fc.subarray([...shifts]),
  }),
  wantsWorkAtOrNearHome: fc.boolean(),
  limitations: fc.record({ childcare: fc.boolean(), limitedMobility: fc.boolean() }),
  aspirations: fc.record({
    occupations: fc.subarray(occupations, { maxLength: 2 }),
    sectors: fc.subarray(['A', 'C', 'G']),
  }),
  drivingLicences: fc.subarray(['B', 'C']),
  rightToWork: fc.subarray(['TN', 'SN']),
  protected: protectedAttributes,
});

/** A vacancy over the test taxonomy. */
export const vacancyArb: fc.Arbitrary<Omit<MatchVacancy, 'id'>> = fc.record({
  occupation: fc.option(fc.constantFrom(...occupations), { nil: undefined }),
  sector: fc.option(fc.constantFrom('A', 'C', 'G'), { nil: undefined }),
  essentialSkills: fc.subarray(skillUris, { maxLength: 6 }),
  optionalSkills: fc.subarray(skillUris, { maxLength: 3 }),
  languages: fc.array(
    fc.record({
      language: fc.constantFrom(...languageCodes),
      minLevel: level,
      skill: fc.option(fc.constantFrom(...cefrSkills), { nil: undefined }),
      hard: fc.boolean(),
    }),
    { maxLength: 2 },
  ),
  minIscedLevel: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
  location,
  homeBasedPossible: fc.boolean(),
  hoursPerWeek: fc.option(fc.integer({ min: 5, max: 48 }), { nil: undefined }),
  shifts: fc.subarray([...shifts]),
  seats: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  closesOn: fc.option(fc.constantFrom('2025-05-01', '2025-12-31'), { nil: undefined }),
  requirements: fc.record({
    drivingLicence: fc.option(fc.constantFrom('B', 'C'), { nil: undefined }),
    rightToWork: fc.boolean(),
  }),
});

/** A training over the test taxonomy. */
export const trainingArb: fc.Arbitrary<Omit<MatchTraining, 'id'>> = fc.record({
  skillsTaught: fc.subarray(skillUris, { maxLength: 4 }),
  occupations: fc.subarray(occupations, { maxLength: 2 }),
  location,
  delivery: fc.constantFrom('in_person', 'online', 'blended'),
  startsOn: fc.option(fc.constantFrom('2025-06-15', '2025-10-01', '2026-08-01'), { nil: undefined }),
  endsOn: fc.option(fc.constantFrom('2025-05-15', '2025-12-01'), { nil: undefined }),
  seats: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  stipend: fc.boolean(),
  transportSupport: fc.boolean(),
  childcareSupport: fc.boolean(),
  language: fc.option(fc.record({ language: fc.constantFrom(...languageCodes), minLevel: level }), {
    nil: undefined,
  }),
  minIscedLevel: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
});

/** Adds ids. */
export function withIds<T>(prefix: string, items: T[]): (T & { id: string })[] {
  return items.map((item, i) => ({ ...item, id: `${prefix}${i}` }));
}
