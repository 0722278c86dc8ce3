import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { MatchOptionsInput } from '../options';
import { personArb, vacancyArb } from '../testing/arbitraries';
import { makeIndex, makePerson, makeVacancy, places } from '../testing/factories';
import { educationCriterion } from './education';
import { languagesCriterion } from './languages';
import { vacancyCriteria } from './sets';

const optionsArb: fc.Arbitrary<MatchOptionsInput> = fc.record({
  languages: fc.record({ perLevelBelow: fc.constantFrom(0, 0.5, 0.9, 1) }),
  limitations: fc.record({
    partTimeHours: fc.constantFrom(0, 18, 30, 31, 200),
    childcarePartTimeDay: fc.constantFrom(0.2, 0.8),
    mobilityNear: fc.constantFrom(0.1, 0.7),
  }),
  hours: fc.record({ unknown: fc.constantFrom(0.2, 1) }),
  homeWork: fc.record({ near: fc.constantFrom(0.1, 0.8) }),
});

test('a class bound is never below the score of a pair in that class, both ways', () => {
  const classed = vacancyCriteria.filter((c) => c.classifyPerson && c.classifyTarget && !c.filterClasses);
  expect(classed.map((c) => c.id).sort()).toEqual([
    'education',
    'homeWork',
    'hours',
    'languages',
    'limitations',
  ]);
  fc.assert(
    fc.property(personArb, vacancyArb, optionsArb, (person, vacancy, options) => {
      const index = makeIndex(options);
      const p = index.personView({ ...person, id: 'p' });
      const v = index.vacancyView({ ...vacancy, id: 'v' });
      const ctx = index.context(index.options);
      for (const c of classed) {
        const fromPerson = c.forPerson(p, ctx);
        const fromTarget = c.forTarget(v, ctx);
        const score = fromPerson.score(v);
        expect(fromPerson.classBound!(c.classifyTarget!(v, ctx))).toBeGreaterThanOrEqual(score);
        expect(fromTarget.classBound!(c.classifyPerson!(p, ctx))).toBeGreaterThanOrEqual(score);
      }
    }),
    { numRuns: 400 },
  );
});

test('a filter never rejects the class of a pair it admits, both ways', () => {
  const filters = vacancyCriteria.filter((c) => c.filterClasses);
  expect(filters.map((c) => c.id)).toEqual(['requirements']);
  let rejected = 0;
  fc.assert(
    fc.property(personArb, vacancyArb, (person, vacancy) => {
      const index = makeIndex();
      const p = index.personView({ ...person, id: 'p' });
      const v = index.vacancyView({ ...vacancy, id: 'v' });
      const ctx = index.context(index.options);
      for (const c of filters) {
        const fromPerson = c.forPerson(p, ctx);
        const fromTarget = c.forTarget(v, ctx);
        const admitted = fromPerson.admits!(v);
        expect(fromTarget.admits!(p)).toBe(admitted);
        const byTargetClass = fromPerson.admitsClass!(c.classifyTarget!(v, ctx));
        const byPersonClass = fromTarget.admitsClass!(c.classifyPerson!(p, ctx));
        if (admitted) {
          expect(byTargetClass).toBe(true);
          expect(byPersonClass).toBe(true);
        }
        // Keys are exact for small lists: a class rejects exactly the pairs the filter rejects.
        if (
          !admitted &&
          (person.rightToWork ?? []).length <= 2 &&
          (person.drivingLicences ?? []).length <= 3
        ) {
          expect(byTargetClass).toBe(false);
          expect(byPersonClass).toBe(false);
          rejected++;
        }
      }
    }),
    { numRuns: 400 },
  );
  expect(rejected).toBeGreaterThan(0);
});

test('a person with more rights to work than a class holds is never rejected by class', () => {
  const index = makeIndex();
  const ctx = index.context(index.options);
  const filter = vacancyCriteria.find((c) => c.id === 'requirements')!;
  const p = index.personView(makePerson({ rightToWork: ['TN', 'MA', 'DZ'] }));
  const v = index.vacancyView(makeVacancy({ location: places.dakar, requirements: { rightToWork: true } }));
  expect(filter.forTarget(v, ctx).admits!(p)).toBe(false);
  expect(filter.forTarget(v, ctx).admitsClass!(filter.classifyPerson!(p, ctx))).toBe(true);
});

test('education classes bound exactly: one class per level', () => {
  const index = makeIndex();
  const ctx = index.context(index.options);
  const p = index.personView(makePerson({ iscedLevel: 3 }));
  const v = index.vacancyView(makeVacancy({ minIscedLevel: 4 }));
  const score = educationCriterion.forPerson(p, ctx).score(v);
  expect(score).toBe(0.5);
  expect(educationCriterion.forPerson(p, ctx).classBound!(educationCriterion.classifyTarget!(v, ctx))).toBe(
    score,
  );
  expect(educationCriterion.forTarget(v, ctx).classBound!(educationCriterion.classifyPerson!(p, ctx))).toBe(
    score,
  );
});

test('a vacancy with more than two language requirements has no class and is bounded by 1', () => {
  const index = makeIndex();
  const ctx = index.context(index.options);
  const p = index.personView(makePerson({ languages: [] }));
  const v = index.vacancyView(
    makeVacancy({
      languages: [
        { language: 'ar', minLevel: 'B2' },
        { language: 'fr', minLevel: 'B2' },
        { language: 'en', minLevel: 'B2' },
      ],
    }),
  );
  const scorer = languagesCriterion.forPerson(p, ctx);
  expect(scorer.score(v)).toBe(0);
  expect(scorer.classBound!(languagesCriterion.classifyTarget!(v, ctx))).toBe(1);
});

test('an index with class bounds keeps each classifying criterion’s class per document', () => {
  const index = makeIndex({ classBounds: true });
  index.putMany({
    vacancies: [makeVacancy({ id: 'a', minIscedLevel: 2 }), makeVacancy({ id: 'b', minIscedLevel: 5 })],
  });
  const classes = index.vacancies.classes.get('education')!;
  const keyOf = (id: string) => classes.keys[classes.bySlot[index.vacancies.slotOf.get(id)!]!];
  expect([keyOf('a'), keyOf('b')]).toEqual([2, 5]);
});
