import { starterCatalogue } from '@passerelle/taxonomy';
import { expect, test } from 'vitest';
import { DataGenerator, generatorCatalogueFrom, verifyRankings } from '../bench/index';
import { PersonView, PL } from '../features/person';
import { VacancyView } from '../features/vacancy';
import { knowledgeFromCatalogue } from '../knowledge/from-catalogue';
import { createKnowledge } from '../knowledge/knowledge';
import { createMatchIndex, type MatchIndex, type MatchPage } from './match-index';
import { restoreIndex, serialiseIndex } from './snapshot';

const catalogue = generatorCatalogueFrom(starterCatalogue);
const knowledge = createKnowledge(knowledgeFromCatalogue(starterCatalogue));

/**
 * 1,000 vacancies and 1,500 people in one bulk load, with a query in the middle (which writes
 * what was counted so far: two clustered runs) and a person put twice (the second put retires
 * the first in the middle of the load).
 */
function build(clusterBulkLoads: boolean, midLoadQuery = true): MatchIndex {
  const gen = new DataGenerator(catalogue);
  const index = createMatchIndex({ knowledge, options: { today: gen.today, clusterBulkLoads } });
  index.beginBulk();
  for (let i = 0; i < 600; i++) index.putVacancy(gen.vacancy(3, i));
  for (let i = 0; i < 900; i++) index.putPerson(gen.person(3, i));
  if (midLoadQuery) index.rankPeopleForVacancy('v1', { limit: 5 });
  for (let i = 900; i < 1500; i++) index.putPerson(gen.person(3, i));
  index.putPerson(gen.person(4, 7)); // id "p7" again, other data
  for (let i = 600; i < 1000; i++) index.putVacancy(gen.vacancy(3, i));
  index.endBulk();
  return index;
}

function personKey(p: PersonView): number[] {
  const first = (l: number) => (p.end(l) > p.start(l) ? p.i32[p.start(l)]! : 0xffff);
  return [
    first(PL.pastIsco4),
    p.region < 0 ? 0xffff : p.region,
    p.district < 0 ? 0xffff : p.district,
    first(PL.pastOcc),
  ];
}

function vacancyKey(v: VacancyView): number[] {
  const f = (x: number) => (x < 0 ? 0xffff : x);
  return [f(v.isco4), f(v.region), f(v.district), f(v.occupation)];
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

test('a bulk load gives people and vacancies slots in the order of ISCO unit group, place, then occupation', () => {
  const index = build(true, false);
  const person = new PersonView();
  const vacancy = new VacancyView();
  let unordered = 0;
  let moved = 0;
  for (let slot = 1; slot < index.people.slots; slot++) {
    if (index.people.alive[slot] !== 1 || index.people.alive[slot - 1] !== 1) continue;
    const a = personKey(index.people.at(person, slot - 1));
    const b = personKey(index.people.at(person, slot));
    if (compareKeys(a, b) > 0) unordered++;
  }
  for (let slot = 1; slot < index.vacancies.slots; slot++) {
    const a = vacancyKey(index.vacancies.at(vacancy, slot - 1));
    const b = vacancyKey(index.vacancies.at(vacancy, slot));
    if (compareKeys(a, b) > 0) unordered++;
    if (index.vacancies.ids[slot] !== `v${slot}`) moved++;
  }
  // Only the person put twice breaks the order: the load wrote its run before retiring it.
  expect(unordered).toBeLessThanOrEqual(2);
  expect(moved).toBeGreaterThan(900);
  // Off, slots stay in insertion order.
  const plain = build(false, false);
  for (let slot = 0; slot < plain.vacancies.slots; slot++) expect(plain.vacancies.ids[slot]).toBe(`v${slot}`);
});

test('after clustering every id still finds its own record, and the index holds the same documents', () => {
  const clustered = build(true);
  const plain = build(false);
  expect(clustered.people.size).toBe(plain.people.size);
  expect(clustered.vacancies.size).toBe(plain.vacancies.size);
  const a = new PersonView();
  const b = new PersonView();
  for (let slot = 0; slot < plain.people.slots; slot++) {
    if (plain.people.alive[slot] !== 1) continue;
    const id = plain.people.ids[slot]!;
    const there = clustered.people.slotOf.get(id);
    expect(there, id).toBeDefined();
    expect(clustered.people.alive[there!]).toBe(1);
    expect([...clustered.people.at(a, there!).copyRecord()]).toEqual([
      ...plain.people.at(b, slot).copyRecord(),
    ]);
  }
  const v = new VacancyView();
  const w = new VacancyView();
  for (let slot = 0; slot < plain.vacancies.slots; slot++) {
    const id = plain.vacancies.ids[slot]!;
    const there = clustered.vacancies.slotOf.get(id)!;
    expect([...clustered.vacancies.at(v, there).copyRecord()]).toEqual([
      ...plain.vacancies.at(w, slot).copyRecord(),
    ]);
  }
});

test('a clustered index ranks exactly as scoring every document, and as an index in insertion order', () => {
  const clustered = build(true);
  expect(verifyRankings(clustered, { queries: 25, seed: 2 })).toMatchObject({ mismatches: 0 });
  const plain = build(false);
  const scores = (page: MatchPage) => page.items.map((r) => r.score);
  for (let i = 0; i < 60; i++) {
    const person = `p${(i * 37) % 1500}`;
    const vacancy = `v${(i * 53) % 1000}`;
    expect(scores(clustered.rankVacanciesForPerson(person, { limit: 20 }))).toEqual(
      scores(plain.rankVacanciesForPerson(person, { limit: 20 })),
    );
    expect(scores(clustered.rankPeopleForVacancy(vacancy, { limit: 20 }))).toEqual(
      scores(plain.rankPeopleForVacancy(vacancy, { limit: 20 })),
    );
  }
});

test('a snapshot of a clustered index restores to the same rankings, ids and scores', () => {
  const index = build(true);
  const again = restoreIndex(serialiseIndex(index), knowledge);
  for (let i = 0; i < 40; i++) {
    const person = `p${(i * 41) % 1500}`;
    const vacancy = `v${(i * 59) % 1000}`;
    expect(again.rankVacanciesForPerson(person, { limit: 20 })).toEqual(
      index.rankVacanciesForPerson(person, { limit: 20 }),
    );
    expect(again.rankPeopleForVacancy(vacancy, { limit: 20 })).toEqual(
      index.rankPeopleForVacancy(vacancy, { limit: 20 }),
    );
  }
});
