import fc from 'fast-check';
import { expect, test } from 'vitest';
import { DocumentGroups, float32AtLeast, linearGroupBounds } from '../index/collection';
import { personArb, vacancyArb } from '../testing/arbitraries';
import { makeIndex, makePerson, makeVacancy, O, S } from '../testing/factories';
import { skillsCriterion } from './skills';

const strengthArb = fc.record({
  direct: fc.constantFrom(1, 0.8),
  broader: fc.constantFrom(0, 0.3, 0.7, 1),
  inferredEssential: fc.constantFrom(0, 0.5, 0.9),
  related: fc.constantFrom(0, 0.5),
  narrower: fc.constantFrom(0, 0.5, 1),
  sibling: fc.constantFrom(0, 0.4),
});

function boundOf(
  groups: DocumentGroups,
  g: number,
  scorer: ReturnType<typeof skillsCriterion.forPerson>,
): number {
  return scorer.groupBound!(groups.items[g]!, groups.values[g]!, 0, groups.sizes[g]!);
}

test('a skills group bound is never below the score of any vacancy of the group', () => {
  fc.assert(
    fc.property(
      personArb,
      fc.array(vacancyArb, { minLength: 1, maxLength: 4 }),
      strengthArb,
      (person, vacancies, strength) => {
        const index = makeIndex({ skills: { strength } });
        // Every view is encoded first, so that the dense per-query vectors cover every skill.
        const p = index.personView({ ...person, id: 'p' });
        const vs = vacancies.map((v, i) => index.vacancyView({ ...v, id: `v${i}` }));
        const ctx = index.context(index.options);

        // A person's query against one group holding several vacancies (whatever their own key).
        const vacancyGroups = new DocumentGroups();
        const forPerson = skillsCriterion.forPerson(p, ctx);
        const vacancyScores: number[] = [];
        vs.forEach((view, slot) => {
          vacancyGroups.begin();
          if (skillsCriterion.summarizeTarget!(view, vacancyGroups.sink, ctx) < 0) return;
          vacancyGroups.commit(slot, 42);
          vacancyScores.push(forPerson.score(view));
        });
        if (vacancyScores.length > 0) {
          const bound = boundOf(vacancyGroups, 1, forPerson);
          for (const s of vacancyScores) expect(bound).toBeGreaterThanOrEqual(s);
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('vacancies are grouped by occupation; people are not grouped', () => {
  const index = makeIndex();
  index.putMany({
    vacancies: [
      makeVacancy({ id: 'a', occupation: O.cook, essentialSkills: [S.cook], optionalSkills: [] }),
      makeVacancy({
        id: 'b',
        occupation: O.cook,
        essentialSkills: [S.cook, S.foodHygiene],
        optionalSkills: [],
      }),
      makeVacancy({ id: 'c', occupation: undefined, essentialSkills: [S.cook] }),
    ],
    people: [
      makePerson({ id: 'x', pastOccupations: [O.cook] }),
      makePerson({ id: 'y', pastOccupations: [] }),
    ],
  });
  const vacancies = index.vacancies.groups.get('skills')!;
  const groupOf = (id: string) => vacancies.bySlot[index.vacancies.slotOf.get(id)!]!;
  expect(groupOf('a')).toBeGreaterThan(0);
  expect(groupOf('b')).toBe(groupOf('a'));
  expect(groupOf('c')).toBe(0);
  // The group keeps each requirement's largest share: cooking is all of a's weight, half of b's.
  const g = groupOf('a');
  expect(vacancies.sizes[g]).toBe(2);
  expect([...vacancies.values[g]!.subarray(0, 2)].sort()).toEqual([0.5, 1]);
  expect(index.people.groups.size).toBe(0);
});

test('a stored value is never below the share it stands for', () => {
  for (const v of [1 / 3, 1 / 7, 0.1, 2 / 3, 1 / 27, 0.5 / 29]) {
    expect(float32AtLeast(v)).toBeGreaterThanOrEqual(v);
    expect(float32AtLeast(v) - v).toBeLessThan(1e-7);
  }
});

test('an index without group bounds keeps no groups', () => {
  const index = makeIndex({ groupBounds: false });
  index.putMany({ vacancies: [makeVacancy({ id: 'a' })] });
  expect(index.vacancies.groups.size).toBe(0);
});

test('a group keeps every item once with its largest value, however many items it grows to', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          key: fc.integer({ min: 0, max: 3 }),
          items: fc.array(
            fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.double({ min: 0, max: 1, noNaN: true })),
          ),
        }),
        { maxLength: 40 },
      ),
      (docs) => {
        const groups = new DocumentGroups();
        const model = new Map<number, Map<number, number>>();
        docs.forEach((doc, slot) => {
          groups.begin();
          for (const [item, value] of doc.items) groups.sink(item, value);
          groups.commit(slot, doc.key);
          const m = model.get(doc.key) ?? new Map<number, number>();
          for (const [item, value] of doc.items) m.set(item, Math.max(m.get(item) ?? 0, value));
          model.set(doc.key, m);
        });
        // The same documents in a bulk load: groups assigned first, items merged at the end,
        // and one more document merged one at a time afterwards.
        const bulk = new DocumentGroups();
        docs.forEach((doc, slot) => bulk.assign(slot, doc.key));
        bulk.mergeSlots(0, docs.length, new Uint8Array(docs.length).fill(1), (slot, sink) => {
          for (const [item, value] of docs[slot]!.items) sink(item, value);
        });
        for (const g of [groups, bulk]) {
          const flat = g.flat();
          docs.forEach((doc, slot) => {
            const at = g.bySlot[slot]!;
            const kept = new Map<number, number>();
            for (let i = flat.start[at]!; i < flat.start[at + 1]!; i++)
              kept.set(flat.items[i]!, flat.values[i]!);
            const m = model.get(doc.key)!;
            expect(kept.size).toBe(m.size);
            for (const [item, value] of m) {
              expect(kept.get(item)).toBeGreaterThanOrEqual(value);
              expect(kept.get(item)! - value).toBeLessThan(1e-7);
            }
          });
        }
        if (docs.length > 0) {
          bulk.begin();
          bulk.sink(4000, 0.25);
          bulk.commit(docs.length, docs[0]!.key);
          const flat = bulk.flat();
          const at = bulk.bySlot[docs.length]!;
          expect(at).toBe(bulk.bySlot[0]);
          const items = [...flat.items.subarray(flat.start[at]!, flat.start[at + 1]!)];
          expect(items).toContain(4000);
          expect(items.length).toBe(model.get(docs[0]!.key)!.size + 1);
        }
      },
    ),
    { numRuns: 100 },
  );
});

test('the skills group bounds read by item equal the bounds read group by group', () => {
  fc.assert(
    fc.property(
      personArb,
      fc.array(vacancyArb, { minLength: 1, maxLength: 8 }),
      strengthArb,
      (person, vacancies, strength) => {
        const index = makeIndex({ skills: { strength } });
        const p = index.personView({ ...person, id: 'p' });
        const vs = vacancies.map((v, i) => index.vacancyView({ ...v, id: `v${i}` }));
        const ctx = index.context(index.options);
        const forPerson = skillsCriterion.forPerson(p, ctx);
        // Three groups, whatever the vacancies' own keys.
        const groups = new DocumentGroups();
        const scores: number[][] = [[], [], [], []];
        vs.forEach((view, slot) => {
          groups.begin();
          if (skillsCriterion.summarizeTarget!(view, groups.sink, ctx) < 0) return;
          groups.commit(slot, slot % 3);
          scores[groups.bySlot[slot]!]!.push(forPerson.score(view));
        });
        const terms = forPerson.groupTerms!;
        const by = new Float64Array(groups.count);
        linearGroupBounds(groups.inverted(), terms.items, terms.weights, 2 * terms.scale, by);
        for (let g = 1; g < groups.count; g++) {
          const flat = boundOf(groups, g, forPerson);
          expect(by[g]!).toBeCloseTo(2 * flat, 12);
          for (const s of scores[g]!) expect(by[g]!).toBeGreaterThanOrEqual(2 * s);
        }
      },
    ),
    { numRuns: 300 },
  );
});
