import type { Criterion, CriterionContext, Scorer } from '../criteria/criterion';
import type { PersonView } from '../features/person';
import type { TrainingView } from '../features/training';
import type { VacancyView } from '../features/vacancy';
import { createKnowledge, type Knowledge } from '../knowledge/knowledge';
import { createMatchIndex, type MatchIndex } from '../index/match-index';
import type { MatchOptionsInput } from '../options';
import type { MatchPerson, MatchTraining, MatchVacancy } from '../types';

/** Skill URIs of the small test taxonomy. */
export const S = {
  weld: 'skill:weld',
  weldArc: 'skill:weld-arc',
  weldGas: 'skill:weld-gas',
  cutMetal: 'skill:cut-metal',
  readDrawings: 'skill:read-drawings',
  safety: 'skill:safety',
  forklift: 'skill:drive-forklift',
  customerService: 'skill:customer-service',
  cook: 'skill:cook',
  bake: 'skill:bake',
  foodHygiene: 'skill:food-hygiene',
  cash: 'skill:handle-cash',
  sew: 'skill:sew',
} as const;

/** Occupation URIs of the small test taxonomy, with their ISCO-08 unit groups. */
export const O = {
  welder: { uri: 'occ:welder', isco: '7212' },
  sheetMetal: { uri: 'occ:sheet-metal-worker', isco: '7213' },
  cook: { uri: 'occ:cook', isco: '5120' },
  baker: { uri: 'occ:baker', isco: '7512' },
  cashier: { uri: 'occ:cashier', isco: '5230' },
  tailor: { uri: 'occ:tailor', isco: '7531' },
} as const;

/** A small, hand-made taxonomy: welding under a hierarchy, a few occupations and relations. */
export function testKnowledge(): Knowledge {
  const rel = (occupation: string, essential: string[], optional: string[]) => [
    ...essential.map((skill) => ({ occupation, skill, type: 'essential' as const })),
    ...optional.map((skill) => ({ occupation, skill, type: 'optional' as const })),
  ];
  return createKnowledge({
    skills: Object.values(S),
    skillBroader: [
      { narrower: S.weldArc, broader: S.weld },
      { narrower: S.weldGas, broader: S.weld },
      { narrower: S.weld, broader: 'group:metal-work' },
    ],
    skillRelations: [{ from: S.readDrawings, to: S.cutMetal, type: 'optional' }],
    occupationSkills: [
      ...rel(O.welder.uri, [S.weld, S.cutMetal, S.safety, S.readDrawings], [S.weldArc, S.forklift]),
      ...rel(O.sheetMetal.uri, [S.cutMetal, S.readDrawings, S.safety], [S.weld]),
      ...rel(O.cook.uri, [S.cook, S.foodHygiene], [S.bake]),
      ...rel(O.baker.uri, [S.bake, S.foodHygiene], [S.cash]),
      ...rel(O.cashier.uri, [S.cash, S.customerService], []),
      ...rel(O.tailor.uri, [S.sew], [S.customerService]),
    ],
    occupationIsco: Object.values(O).map((o) => ({ occupation: o.uri, isco: o.isco })),
  });
}

/** Places used in tests: two districts of one region ~11 km apart, another region, another country. */
export const places = {
  tunisCentre: { country: 'TN', region: 'Tunis', district: 'Centre', lat: 36.8, lon: 10.18 },
  tunisNorth: { country: 'TN', region: 'Tunis', district: 'North', lat: 36.9, lon: 10.18 },
  sfax: { country: 'TN', region: 'Sfax', district: 'Sfax Ville', lat: 34.74, lon: 10.76 },
  dakar: { country: 'SN', region: 'Dakar', district: 'Plateau', lat: 14.67, lon: -17.43 },
};

let counter = 0;

/** A person with sensible defaults; override what a test is about. */
export function makePerson(overrides: Partial<MatchPerson> = {}): MatchPerson {
  return {
    id: `person-${++counter}`,
    pastOccupations: [O.welder],
    skills: [{ uri: S.weld }, { uri: S.cutMetal }, { uri: S.safety }],
    languages: [
      { language: 'ar', levels: { listening: 'C2', spokenProduction: 'C2', reading: 'B2', writing: 'B1' } },
    ],
    iscedLevel: 3,
    location: places.tunisCentre,
    mobility: { willingToMove: 'no', maxTravelKm: 30 },
    availability: { maxHoursPerWeek: 40, shifts: ['day'] },
    drivingLicences: [],
    rightToWork: ['TN'],
    protected: {
      sex: 'female',
      gender: 'woman',
      birthYear: 1990,
      nationality: 'TN',
      religion: 'x',
      ethnicity: 'y',
    },
    ...overrides,
  };
}

/** A vacancy with sensible defaults; override what a test is about. */
export function makeVacancy(overrides: Partial<MatchVacancy> = {}): MatchVacancy {
  return {
    id: `vacancy-${++counter}`,
    occupation: O.welder,
    essentialSkills: [S.weld, S.cutMetal, S.safety, S.readDrawings],
    optionalSkills: [S.forklift],
    languages: [{ language: 'ar', minLevel: 'B1' }],
    location: places.tunisCentre,
    hoursPerWeek: 40,
    shifts: ['day'],
    seats: 2,
    ...overrides,
  };
}

/** A training with sensible defaults; override what a test is about. */
export function makeTraining(overrides: Partial<MatchTraining> = {}): MatchTraining {
  return {
    id: `training-${++counter}`,
    skillsTaught: [S.readDrawings],
    occupations: [O.welder],
    location: places.tunisCentre,
    delivery: 'in_person',
    startsOn: '2025-07-01',
    endsOn: '2025-09-01',
    seats: 10,
    ...overrides,
  };
}

/** An index over the test taxonomy. */
export function makeIndex(options?: MatchOptionsInput): MatchIndex {
  return createMatchIndex({ knowledge: testKnowledge(), options: { today: '2025-06-01', ...options } });
}

/**
 * Scores one criterion for a pair both ways (person as query, target as query). Tests assert
 * that both agree, then use the value.
 */
export function scoreBothWays<T>(
  index: MatchIndex,
  criterion: {
    forPerson(p: PersonView, ctx: CriterionContext): Scorer<T>;
    forTarget(t: T, ctx: CriterionContext): Scorer<PersonView>;
  },
  p: PersonView,
  t: T,
): { fromPerson: number; fromTarget: number; admitted: boolean | undefined } {
  const ctx = index.context(index.options);
  const a = criterion.forPerson(p, ctx);
  const b = criterion.forTarget(t, ctx);
  return { fromPerson: a.score(t), fromTarget: b.score(p), admitted: a.admits?.(t) };
}

/** Scores a criterion for a person and a vacancy given as records. */
export function vacancyCriterionScore(
  criterion: Criterion<PersonView, VacancyView>,
  person: MatchPerson,
  vacancy: MatchVacancy,
  options?: MatchOptionsInput,
): { score: number; reverse: number; admitted: boolean | undefined } {
  const index = makeIndex(options);
  const r = scoreBothWays(index, criterion, index.personView(person), index.vacancyView(vacancy));
  return { score: r.fromPerson, reverse: r.fromTarget, admitted: r.admitted };
}

/** Scores a criterion for a person and a training given as records. */
export function trainingCriterionScore(
  criterion: Criterion<PersonView, TrainingView>,
  person: MatchPerson,
  training: MatchTraining,
  options?: MatchOptionsInput,
): { score: number; reverse: number; admitted: boolean | undefined } {
  const index = makeIndex(options);
  const r = scoreBothWays(index, criterion, index.personView(person), index.trainingView(training));
  return { score: r.fromPerson, reverse: r.fromTarget, admitted: r.admitted };
}
