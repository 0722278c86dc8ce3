import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  cefrLevels,
  type cefrSkills,
  type MatchPerson,
  type MatchTraining,
  type MatchVacancy,
} from '../types';
import { scoreTrainingPair, scoreVacancyPair } from '../explain/score';
import { overlapOptions, type MatchOptionsInput } from '../options';
import { personArb, protectedAttributes, trainingArb, vacancyArb, withIds } from '../testing/arbitraries';
import { makeIndex } from '../testing/factories';
import { starterCatalogue } from '@passerelle/taxonomy';
import { DataGenerator } from '../bench/generate';
import { generatorCatalogueFrom } from '../bench/index';
import { Random } from '../bench/random';
import { createKnowledge } from '../knowledge/knowledge';
import { knowledgeFromCatalogue } from '../knowledge/from-catalogue';
import { createMatchIndex, type MatchIndex } from './match-index';
import { emptyRankStats, type RankStats } from './ranker';

function build(
  people: MatchPerson[],
  vacancies: MatchVacancy[],
  trainings: MatchTraining[] = [],
  options?: MatchOptionsInput,
): MatchIndex {
  const index = makeIndex(options);
  index.putMany({ people, vacancies, trainings });
  return index;
}

/** The ids of the live documents of a collection (slots of changed or removed ones are dead). */
function liveIds(collection: { slots: number; alive: Uint8Array; ids: string[] }): string[] {
  const out: string[] = [];
  for (let slot = 0; slot < collection.slots; slot++)
    if (collection.alive[slot] === 1) out.push(collection.ids[slot]!);
  return out;
}

/** All admitted pair scores, best first: what the ranker must reproduce. */
function bruteForce(
  index: MatchIndex,
  direction: 'p2v' | 'v2p' | 'p2t' | 't2p',
  id: string,
  options = index.options,
): number[] {
  const out: number[] = [];
  if (direction === 'p2v' || direction === 'v2p') {
    const ids = liveIds(direction === 'p2v' ? index.vacancies : index.people);
    for (const other of ids) {
      const p = index.personView(direction === 'p2v' ? id : other);
      const v = index.vacancyView(direction === 'p2v' ? other : id);
      const r = scoreVacancyPair(index, p, v, options);
      if (r.admitted) out.push(r.score);
    }
  } else {
    const ids = liveIds(direction === 'p2t' ? index.trainings : index.people);
    for (const other of ids) {
      const p = index.personView(direction === 'p2t' ? id : other);
      const t = index.trainingView(direction === 'p2t' ? other : id);
      const r = scoreTrainingPair(index, p, t, options);
      if (r.admitted) out.push(r.score);
    }
  }
  return out.sort((a, b) => b - a);
}

function expectSameScores(got: number[], want: number[]) {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => expect(g).toBeCloseTo(want[i]!, 9));
}

const dataset = fc.record({
  people: fc.array(personArb, { minLength: 1, maxLength: 25 }),
  vacancies: fc.array(vacancyArb, { minLength: 1, maxLength: 25 }),
  trainings: fc.array(trainingArb, { minLength: 1, maxLength: 10 }),
  k: fc.integer({ min: 1, max: 8 }),
});

test('the pruned ranking returns exactly the best scores in all four directions', () => {
  fc.assert(
    fc.property(dataset, ({ people, vacancies, trainings, k }) => {
      const index = build(withIds('p', people), withIds('v', vacancies), withIds('t', trainings));
      const pid = index.people.ids[0]!;
      const vid = index.vacancies.ids[0]!;
      const tid = index.trainings.ids[0]!;
      expectSameScores(
        index.rankVacanciesForPerson(pid, { limit: k }).items.map((r) => r.score),
        bruteForce(index, 'p2v', pid).slice(0, k),
      );
      expectSameScores(
        index.rankPeopleForVacancy(vid, { limit: k }).items.map((r) => r.score),
        bruteForce(index, 'v2p', vid).slice(0, k),
      );
      expectSameScores(
        index.rankTrainingsForPerson(pid, { limit: k }).items.map((r) => r.score),
        bruteForce(index, 'p2t', pid).slice(0, k),
      );
      expectSameScores(
        index.rankPeopleForTraining(tid, { limit: k }).items.map((r) => r.score),
        bruteForce(index, 't2p', tid).slice(0, k),
      );
    }),
    { numRuns: 30 },
  );
});

test('a pair scores the same whichever side asks', () => {
  fc.assert(
    fc.property(dataset, ({ people, vacancies }) => {
      const index = build(withIds('p', people), withIds('v', vacancies));
      for (const pid of index.people.ids.slice(0, 3)) {
        const forward = new Map(
          index.rankVacanciesForPerson(pid, { limit: 100 }).items.map((r) => [r.id, r.score]),
        );
        for (const vid of index.vacancies.ids.slice(0, 5)) {
          const back = index.rankPeopleForVacancy(vid, { limit: 100 }).items.find((r) => r.id === pid);
          if (back) expect(back.score).toBeCloseTo(forward.get(vid)!, 9);
          else expect(forward.has(vid)).toBe(false);
        }
      }
    }),
    { numRuns: 20 },
  );
});

test('adding a skill the vacancy asks for never lowers the score', () => {
  fc.assert(
    fc.property(personArb, vacancyArb, fc.nat(), (person, vacancy, pick) => {
      const wanted = [...(vacancy.essentialSkills ?? []), ...(vacancy.optionalSkills ?? [])];
      fc.pre(wanted.length > 0);
      const skill = wanted[pick % wanted.length]!;
      const index = makeIndex();
      const v = index.vacancyView({ ...vacancy, id: 'v' });
      const before = scoreVacancyPair(
        index,
        index.personView({ ...person, id: 'a' }),
        v,
        index.options,
      ).score;
      const more = { ...person, id: 'b', skills: [...(person.skills ?? []), { uri: skill }] };
      const after = scoreVacancyPair(index, index.personView(more), v, index.options).score;
      expect(after).toBeGreaterThanOrEqual(before - 1e-12);
    }),
    { numRuns: 200 },
  );
});

test('hard filters always hold in both directions', () => {
  const level = (p: MatchPerson, language: string, skill?: string) => {
    const l = p.languages?.find((x) => x.language === language);
    if (!l) return 0;
    const rank = (c: string | undefined) =>
      c ? cefrLevels.indexOf(c as (typeof cefrLevels)[number]) + 1 : 0;
    if (skill) return rank(l.levels[skill as (typeof cefrSkills)[number]]);
    const known = Object.values(l.levels)
      .map(rank)
      .filter((x) => x > 0);
    return known.length ? Math.floor(known.reduce((a, b) => a + b, 0) / known.length) : 0;
  };
  const meets = (p: MatchPerson, v: MatchVacancy) =>
    (!v.requirements?.drivingLicence || (p.drivingLicences ?? []).includes(v.requirements.drivingLicence)) &&
    (!v.requirements?.rightToWork || !v.location || (p.rightToWork ?? []).includes(v.location.country)) &&
    (v.languages ?? []).every(
      (l) => !l.hard || level(p, l.language, l.skill) >= cefrLevels.indexOf(l.minLevel) + 1,
    ) &&
    v.seats !== 0 &&
    (v.closesOn === undefined || v.closesOn >= '2025-06-01');
  fc.assert(
    fc.property(dataset, ({ people, vacancies }) => {
      const ps = withIds('p', people);
      const vs = withIds('v', vacancies);
      const index = build(ps, vs);
      const byId = <T extends { id: string }>(list: T[], id: string) => list.find((x) => x.id === id)!;
      for (const p of ps.slice(0, 4))
        for (const r of index.rankVacanciesForPerson(p.id, { limit: 50 }).items)
          expect(meets(p, byId(vs, r.id))).toBe(true);
      for (const v of vs.slice(0, 4))
        for (const r of index.rankPeopleForVacancy(v.id, { limit: 50 }).items)
          expect(meets(byId(ps, r.id), v)).toBe(true);
    }),
    { numRuns: 30 },
  );
});

test('changing sex, gender, age, nationality, religion or ethnicity never changes a ranking', () => {
  fc.assert(
    fc.property(
      dataset,
      fc.array(protectedAttributes, { minLength: 25, maxLength: 25 }),
      ({ people, vacancies, trainings }, other) => {
        const ps = withIds('p', people);
        const a = build(ps, withIds('v', vacancies), withIds('t', trainings));
        const b = build(
          ps.map((p, i) => ({ ...p, protected: other[i] })),
          withIds('v', vacancies),
          withIds('t', trainings),
        );
        for (const id of a.people.ids.slice(0, 3)) {
          expect(b.rankVacanciesForPerson(id, { limit: 10 })).toEqual(
            a.rankVacanciesForPerson(id, { limit: 10 }),
          );
          expect(b.rankTrainingsForPerson(id, { limit: 10 })).toEqual(
            a.rankTrainingsForPerson(id, { limit: 10 }),
          );
        }
        for (const id of a.vacancies.ids.slice(0, 3))
          expect(b.rankPeopleForVacancy(id, { limit: 10 })).toEqual(
            a.rankPeopleForVacancy(id, { limit: 10 }),
          );
        for (const id of a.trainings.ids.slice(0, 2))
          expect(b.rankPeopleForTraining(id, { limit: 10 })).toEqual(
            a.rankPeopleForTraining(id, { limit: 10 }),
          );
      },
    ),
    { numRuns: 20 },
  );
});

test('plain skill-overlap mode ranks by the number of shared skills', () => {
  fc.assert(
    fc.property(dataset, ({ people, vacancies, k }) => {
      const ps = withIds('p', people);
      const vs = withIds('v', vacancies);
      const index = build(ps, vs);
      const p = ps[0]!;
      const mine = new Set((p.skills ?? []).map((s) => s.uri));
      // The plain baseline applies no filter at all: every vacancy is ranked.
      const want = bruteForce(index, 'p2v', p.id, index.queryOptions(overlapOptions)).slice(0, k);
      const got = index.rankVacanciesForPerson(p.id, { limit: k, options: overlapOptions }).items;
      expectSameScores(
        got.map((r) => r.score),
        want,
      );
      for (const r of got) {
        const v = vs.find((x) => x.id === r.id)!;
        const theirs = new Set([...(v.essentialSkills ?? []), ...(v.optionalSkills ?? [])]);
        expect(r.score).toBe([...theirs].filter((s) => mine.has(s)).length);
      }
    }),
    { numRuns: 30 },
  );
});

test('at a few thousand generated documents the pruned ranking still equals scoring everything', () => {
  const generator = new DataGenerator(generatorCatalogueFrom(starterCatalogue));
  const index = createMatchIndex({
    knowledge: createKnowledge(knowledgeFromCatalogue(starterCatalogue)),
    options: { today: generator.today },
  });
  index.putMany({
    vacancies: generator.vacancies(4, 4000),
    people: generator.people(4, 1500),
    trainings: generator.trainings(4, 300),
  });
  const random = new Random(11);
  // Both ways of finishing a query must be exercised: evaluating the candidates directly, and
  // first completing their bounds from the remaining lists.
  const finishes = new Set<string>();
  const stats = emptyRankStats;
  for (let q = 0; q < 6; q++) {
    const pid = `p${random.int(1500)}`;
    const vid = `v${random.int(4000)}`;
    const tid = `t${random.int(300)}`;
    const s1 = stats();
    expectSameScores(
      index.rankVacanciesForPerson(pid, {}, s1).items.map((r) => r.score),
      bruteForce(index, 'p2v', pid).slice(0, 20),
    );
    const s2 = stats();
    expectSameScores(
      index.rankPeopleForVacancy(vid, {}, s2).items.map((r) => r.score),
      bruteForce(index, 'v2p', vid).slice(0, 20),
    );
    for (const s of [s1, s2]) finishes.add(s.listsCompleted > 0 ? 'completed' : 'evaluated');
    expectSameScores(
      index.rankTrainingsForPerson(pid).items.map((r) => r.score),
      bruteForce(index, 'p2t', pid).slice(0, 20),
    );
    expectSameScores(
      index.rankPeopleForTraining(tid).items.map((r) => r.score),
      bruteForce(index, 't2p', tid).slice(0, 20),
    );
    const overlap = index.queryOptions(overlapOptions);
    expectSameScores(
      index.rankVacanciesForPerson(pid, { options: overlapOptions }).items.map((r) => r.score),
      bruteForce(index, 'p2v', pid, overlap).slice(0, 20),
    );
  }
  expect([...finishes].sort()).toEqual(['completed', 'evaluated']);
});

test('with every posting list grouped by region and class bounds, rankings equal scoring everything, changes included', () => {
  const generator = new DataGenerator(generatorCatalogueFrom(starterCatalogue));
  const index = createMatchIndex({
    knowledge: createKnowledge(knowledgeFromCatalogue(starterCatalogue)),
    options: {
      today: generator.today,
      partitionedListMin: 1,
      occupationPartitionedListMin: 0,
      classBounds: true,
    },
  });
  index.putMany({
    vacancies: generator.vacancies(5, 3000),
    people: generator.people(5, 1500),
    trainings: generator.trainings(5, 200),
  });
  // Changes after the bulk load: postings appended after the grouped part, and removals.
  for (let i = 0; i < 200; i++) {
    index.putVacancy({ ...generator.vacancy(6, i), id: `v${i}` });
    index.putPerson({ ...generator.person(6, i), id: `p${i}` });
  }
  for (let i = 200; i < 300; i++) {
    index.removeVacancy(`v${i}`);
    index.removePerson(`p${i}`);
  }
  const random = new Random(12);
  let skipped = 0;
  for (let q = 0; q < 8; q++) {
    const pid = `p${300 + random.int(1200)}`;
    const vid = `v${300 + random.int(2700)}`;
    const s1 = emptyRankStats();
    expectSameScores(
      index.rankVacanciesForPerson(pid, {}, s1).items.map((r) => r.score),
      bruteForce(index, 'p2v', pid).slice(0, 20),
    );
    const s2: RankStats = { ...s1, partitionsSkipped: 0 };
    expectSameScores(
      index.rankPeopleForVacancy(vid, {}, s2).items.map((r) => r.score),
      bruteForce(index, 'v2p', vid).slice(0, 20),
    );
    skipped += (s1.partitionsSkipped ?? 0) + (s2.partitionsSkipped ?? 0);
    const tid = `t${random.int(200)}`;
    expectSameScores(
      index.rankPeopleForTraining(tid).items.map((r) => r.score),
      bruteForce(index, 't2p', tid).slice(0, 20),
    );
  }
  // The grouping was used: some passes skipped the lists' parts of some regions.
  expect(skipped).toBeGreaterThan(0);
});

test('with vacancy lists grouped by ISCO sub-major group, person → vacancies equals scoring everything, changes included', () => {
  const generator = new DataGenerator(generatorCatalogueFrom(starterCatalogue));
  const index = createMatchIndex({
    knowledge: createKnowledge(knowledgeFromCatalogue(starterCatalogue)),
    options: { today: generator.today, occupationPartitionedListMin: 1 },
  });
  index.putMany({ vacancies: generator.vacancies(7, 4000), people: generator.people(7, 300) });
  // Changes after the bulk load: postings appended after the grouped part, and removals.
  for (let i = 0; i < 300; i++) index.putVacancy({ ...generator.vacancy(8, i), id: `v${i}` });
  for (let i = 300; i < 400; i++) index.removeVacancy(`v${i}`);
  let skipped = 0;
  for (let q = 0; q < 40; q++) {
    const pid = `p${q * 7}`;
    const stats = emptyRankStats();
    expectSameScores(
      index.rankVacanciesForPerson(pid, {}, stats).items.map((r) => r.score),
      bruteForce(index, 'p2v', pid).slice(0, 20),
    );
    skipped += stats.postingsSkipped ?? 0;
  }
  // The partition bounds were used: opening skipped the postings of some sub-major groups.
  expect(skipped).toBeGreaterThan(0);
});

test('vacancies added after the bulk load keep the partition bounds: queries still skip postings, and stay exact', () => {
  const generator = new DataGenerator(generatorCatalogueFrom(starterCatalogue));
  const index = createMatchIndex({
    knowledge: createKnowledge(knowledgeFromCatalogue(starterCatalogue)),
    options: { today: generator.today, occupationPartitionedListMin: 1 },
  });
  index.putMany({ vacancies: generator.vacancies(9, 4000), people: generator.people(9, 100) });
  const skippedBy = () => {
    let skipped = 0;
    for (let q = 0; q < 30; q++) {
      const pid = `p${q * 3}`;
      const stats = emptyRankStats();
      expectSameScores(
        index.rankVacanciesForPerson(pid, {}, stats).items.map((r) => r.score),
        bruteForce(index, 'p2v', pid).slice(0, 20),
      );
      skipped += stats.postingsSkipped ?? 0;
    }
    return skipped;
  };
  const before = skippedBy();
  // New vacancies append postings after the grouped part of many lists (of every kind).
  for (let i = 0; i < 400; i++) index.putVacancy({ ...generator.vacancy(10, i), id: `new${i}` });
  const after = skippedBy();
  expect(before).toBeGreaterThan(0);
  expect(after).toBeGreaterThan(before / 2);
});
