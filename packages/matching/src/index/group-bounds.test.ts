import { starterCatalogue } from '@passerelle/taxonomy';
import { expect, test } from 'vitest';
import { DataGenerator } from '../bench/generate';
import { generatorCatalogueFrom } from '../bench/index';
import { Random } from '../bench/random';
import { scoreVacancyPair } from '../explain/score';
import { createKnowledge } from '../knowledge/knowledge';
import { knowledgeFromCatalogue } from '../knowledge/from-catalogue';
import { overlapOptions, type MatchOptionsInput } from '../options';
import type { MatchVacancy } from '../types';
import { createMatchIndex, type MatchIndex } from './match-index';
import { restoreIndex, serialiseIndex } from './snapshot';

// Group bounds (docs/matching.md): a person → vacancies query bounds each occupation's vacancies
// at once from the collection's per-group summaries. These tests change the collection in every
// way it can change and check that the ranking stays exactly what scoring every vacancy gives:
// the same ids and scores, ties broken by slot.

const catalogue = generatorCatalogueFrom(starterCatalogue);
const knowledge = createKnowledge(knowledgeFromCatalogue(starterCatalogue));

/** Every admitted vacancy for a person, best first, ties by slot: what the ranker must return. */
function bruteForce(
  index: MatchIndex,
  pid: string,
  options = index.options,
): { id: string; score: number }[] {
  const p = index.personView(pid);
  const out: { id: string; score: number; slot: number }[] = [];
  const c = index.vacancies;
  for (let slot = 0; slot < c.slots; slot++) {
    if (c.alive[slot] !== 1) continue;
    const id = c.ids[slot]!;
    const r = scoreVacancyPair(index, p, index.vacancyView(id), options);
    if (r.admitted) out.push({ id, score: r.score, slot });
  }
  out.sort((a, b) => b.score - a.score || a.slot - b.slot);
  return out.map(({ id, score }) => ({ id, score }));
}

function expectExact(index: MatchIndex, pid: string, k: number, overrides?: MatchOptionsInput): void {
  const got = index.rankVacanciesForPerson(pid, { limit: k, options: overrides }).items;
  const want = bruteForce(index, pid, index.queryOptions(overrides)).slice(0, k);
  expect(got, `person ${pid}, k ${k}`).toEqual(want);
}

/** A variant of a generated vacancy that makes a group's shares change: fewer skills, swapped kinds. */
function mutate(v: MatchVacancy, r: Random): MatchVacancy {
  const essential = v.essentialSkills ?? [];
  const optional = v.optionalSkills ?? [];
  switch (r.int(4)) {
    case 0:
      // One requirement only: its share is the whole weight.
      return { ...v, essentialSkills: essential.slice(0, 1), optionalSkills: [] };
    case 1:
      // Only optional requirements: each is a large share too.
      return {
        ...v,
        essentialSkills: [],
        optionalSkills: [...essential.slice(0, 2), ...optional.slice(0, 1)],
      };
    case 2:
      // No occupation: in no group.
      return { ...v, occupation: undefined };
    default:
      return v;
  }
}

function generated(options: MatchOptionsInput = {}): { generator: DataGenerator; index: MatchIndex } {
  const generator = new DataGenerator(catalogue);
  const index = createMatchIndex({ knowledge, options: { today: generator.today, ...options } });
  return { generator, index };
}

/** Vacancy → people (no groups on this side, but the same ranker): ids, ties by slot, and scores. */
function expectExactPeople(index: MatchIndex, vid: string, k: number): void {
  const v = index.vacancyView(vid);
  const want: { id: string; score: number; slot: number }[] = [];
  const c = index.people;
  for (let slot = 0; slot < c.slots; slot++) {
    if (c.alive[slot] !== 1) continue;
    const r = scoreVacancyPair(index, index.personView(c.ids[slot]!), v, index.options);
    if (r.admitted) want.push({ id: c.ids[slot]!, score: r.score, slot });
  }
  want.sort((a, b) => b.score - a.score || a.slot - b.slot);
  // This side sums a pair's skills in another order (forTarget): the last bit of a score may differ.
  const got = index.rankPeopleForVacancy(vid, { limit: k }).items;
  expect(got.map((x) => x.id)).toEqual(want.slice(0, k).map((x) => x.id));
  got.forEach((x, i) => expect(x.score).toBeCloseTo(want[i]!.score, 12));
}

test.each([
  ['default options', {}],
  [
    'with class bounds and lists grouped by region',
    { classBounds: true, partitionedListMin: 1, occupationPartitionedListMin: 0 },
  ],
  ['with vacancy lists grouped by ISCO sub-major group', { occupationPartitionedListMin: 1 }],
  // Index time: a vacancy asking only optional skills then has no requirement weight and scores
  // noRequirementsScore, like one asking none.
  ['with optional requirements weighing 0', { skills: { optionalWeight: 0 } }],
] as [string, MatchOptionsInput][])(
  'after many random puts, re-puts, removals and bulk loads, person → vacancies equals scoring every vacancy (%s)',
  (_name, options) => {
    const { generator, index } = generated(options);
    index.putMany({ vacancies: generator.vacancies(1, 1500), people: generator.people(1, 200) });
    const r = new Random(61);
    let nextId = 1500;
    const liveVacancy = () => {
      for (;;) {
        const id = `v${r.int(nextId)}`;
        if (index.vacancies.slotOf.get(id) !== undefined) return id;
      }
    };
    const change = () => {
      const roll = r.next();
      if (roll < 0.35) {
        const v = generator.vacancy(2, nextId);
        index.putVacancy(mutate({ ...v, id: `v${nextId++}` }, r));
      } else if (roll < 0.75) {
        // A re-put: the old slot is retired, the new one may change group and shares.
        const id = liveVacancy();
        index.putVacancy(mutate({ ...generator.vacancy(3 + r.int(5), r.int(100000)), id }, r));
      } else if (index.vacancies.size > 100) index.removeVacancy(liveVacancy());
    };
    let queries = 0;
    for (let round = 0; round < 40; round++) {
      if (round % 4 === 3) {
        // A bulk load interleaved with removals and re-puts (each flushes what was counted so far).
        index.beginBulk();
        for (let i = 0; i < 30; i++) change();
        if (r.chance(0.5)) expectExact(index, `p${r.int(200)}`, 10);
        for (let i = 0; i < 30; i++) change();
        index.endBulk();
      } else for (let i = 0; i < 25; i++) change();
      for (let q = 0; q < 3; q++) {
        expectExact(index, `p${r.int(200)}`, r.pick([1, 3, 20, 60]));
        queries++;
      }
      if (round % 8 === 0) expectExactPeople(index, liveVacancy(), 20);
    }
    expect(queries).toBe(120);
  },
);

test('a vacancy re-put with one requirement the person holds ranks first, in or out of a bulk load', () => {
  const { generator, index } = generated();
  index.putMany({ vacancies: generator.vacancies(1, 1500), people: generator.people(1, 50) });
  // Skills alone: a vacancy whose single requirement the person holds directly scores 1.
  const skillsOnly: MatchOptionsInput = {
    // The overlap baseline's weights (skills alone), in the weighted mode.
    weights: overlapOptions.weights,
  };
  const person = generator.person(1, 7);
  const held = (person.skills ?? []).map((s) => s.uri);
  expect(held.length).toBeGreaterThan(1);
  // The most common occupations: large groups whose summaries were built in the bulk load.
  const counts = new Map<string, number>();
  const first = new Map<string, number>();
  for (let i = 0; i < 1500; i++) {
    const uri = generator.vacancy(1, i).occupation?.uri ?? '';
    counts.set(uri, (counts.get(uri) ?? 0) + 1);
    if (!first.has(uri)) first.set(uri, i);
  }
  const common = [...counts].sort((a, b) => b[1] - a[1]).map(([uri]) => first.get(uri)!);
  // In the person's own district: the other criteria rank it high too, so that it is a candidate
  // the group bound of its occupation must not drop.
  const single = (i: number, skill: string, id: string): MatchVacancy => ({
    ...generator.vacancy(1, i),
    id,
    essentialSkills: [skill],
    optionalSkills: [],
    languages: [],
    requirements: {},
    closesOn: undefined,
    seats: 3,
    location: person.location,
  });
  index.putVacancy(single(common[0]!, held[0]!, `v${common[0]}`));
  expectExact(index, 'p7', 20);
  expectExact(index, 'p7', 5, skillsOnly);
  expect(index.rankVacanciesForPerson('p7', { limit: 1, options: skillsOnly }).items[0]?.score).toBeCloseTo(
    1,
    12,
  );
  index.beginBulk();
  index.putVacancy(single(common[1]!, held[1]!, 'v-new-in-bulk'));
  index.removeVacancy(`v${common[0]}`);
  index.putVacancy(single(common[2]!, held[1]!, 'v-after-flush'));
  index.endBulk();
  expectExact(index, 'p7', 20);
  expectExact(index, 'p7', 5, skillsOnly);
  expect(
    index.rankVacanciesForPerson('p7', { limit: 2, options: skillsOnly }).items.map((x) => x.id),
  ).toEqual(['v-new-in-bulk', 'v-after-flush']);
});

test('a restored snapshot ranks exactly as scoring every vacancy, and so do changes after it', () => {
  const { generator, index } = generated();
  index.putMany({ vacancies: generator.vacancies(1, 1200), people: generator.people(1, 100) });
  const r = new Random(62);
  for (let i = 0; i < 150; i++) {
    const id = `v${r.int(1200)}`;
    if (r.chance(0.3)) index.removeVacancy(id);
    else index.putVacancy(mutate({ ...generator.vacancy(9, i), id }, r));
  }
  const restored = restoreIndex(serialiseIndex(index), knowledge);
  for (let i = 0; i < 150; i++)
    restored.putVacancy(mutate({ ...generator.vacancy(10, i), id: `v${r.int(1300)}` }, r));
  for (let q = 0; q < 12; q++) expectExact(restored, `p${r.int(100)}`, r.pick([1, 5, 20]));
});

test('queries that override weights, strengths, the mode, optionalWeight or noRequirementsScore stay exact', () => {
  const { generator, index } = generated();
  index.putMany({ vacancies: generator.vacancies(1, 1500), people: generator.people(1, 100) });
  const r = new Random(63);
  for (let i = 0; i < 200; i++)
    index.putVacancy(mutate({ ...generator.vacancy(4, i), id: `v${r.int(1600)}` }, r));
  const overrides: MatchOptionsInput[] = [
    { weights: { vacancy: { skills: 5 } } },
    { weights: { vacancy: { skills: 1, place: 0, occupation: 0, aspirations: 0 } } },
    {
      skills: {
        strength: { direct: 0.2, broader: 1, inferredEssential: 1, related: 1, narrower: 1, sibling: 1 },
      },
    },
    { skills: { optionalWeight: 3 } },
    { skills: { noRequirementsScore: 1 } },
    { skills: { noRequirementsScore: 0 }, weights: { vacancy: { skills: 3 } } },
    { skills: { mode: 'overlap' } },
    { applyFilters: false, weights: { vacancy: { skills: 2 } } },
  ];
  for (const o of overrides)
    for (let q = 0; q < 4; q++) expectExact(index, `p${r.int(100)}`, r.pick([1, 10, 20]), o);
});

test('queries with a skill strength or noRequirementsScore above 1 stay exact in both directions', () => {
  // The skills score is then above 1 (a strength of 2 doubles a held skill; a vacancy listing no
  // skills scores noRequirementsScore): the bound of the criterion must follow it.
  const { generator, index } = generated();
  index.putMany({ vacancies: generator.vacancies(1, 1500), people: generator.people(1, 60) });
  for (let i = 0; i < 100; i++)
    index.putVacancy({ ...generator.vacancy(2, i), id: `none${i}`, essentialSkills: [], optionalSkills: [] });
  const r = new Random(64);
  const overrides: MatchOptionsInput[] = [
    { skills: { strength: { direct: 2 } } },
    { skills: { noRequirementsScore: 3 } },
  ];
  for (const o of overrides) {
    for (const pid of ['p1', 'p10', 'p20', 'p24', 'p54']) expectExact(index, pid, 10, o);
    for (let q = 0; q < 5; q++) {
      const vid = `v${r.int(1500)}`;
      const v = index.vacancyView(vid);
      const options = index.queryOptions(o);
      const want: { id: string; score: number; slot: number }[] = [];
      const c = index.people;
      for (let slot = 0; slot < c.slots; slot++) {
        const res = scoreVacancyPair(index, index.personView(c.ids[slot]!), v, options);
        if (res.admitted) want.push({ id: c.ids[slot]!, score: res.score, slot });
      }
      want.sort((a, b) => b.score - a.score || a.slot - b.slot);
      const got = index.rankPeopleForVacancy(vid, { limit: 10, options: o }).items;
      expect(got.map((x) => x.id)).toEqual(want.slice(0, 10).map((x) => x.id));
      got.forEach((x, i) => expect(x.score).toBeCloseTo(want[i]!.score, 12));
    }
  }
});
