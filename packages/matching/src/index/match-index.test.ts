import { isDomainError } from '@passerelle/core';
import { expect, test } from 'vitest';
import { scoreVacancyPair } from '../explain/score';
import {
  makeIndex,
  makePerson,
  makeTraining,
  makeVacancy,
  O,
  places,
  S,
  testKnowledge,
} from '../testing/factories';
import { createKnowledge } from '../knowledge/knowledge';
import { restoreIndex, serialiseIndex } from './snapshot';
import { scoreVacancyMatch } from '../index';

function sampleIndex() {
  const index = makeIndex();
  index.putMany({
    people: [
      makePerson({
        id: 'ana',
        skills: [S.weld, S.cutMetal, S.safety, S.readDrawings].map((uri) => ({ uri })),
      }),
      makePerson({ id: 'ben', skills: [{ uri: S.weld }] }),
      makePerson({
        id: 'chloe',
        pastOccupations: [O.cook],
        skills: [{ uri: S.cook }, { uri: S.foodHygiene }],
      }),
      makePerson({ id: 'dina', skills: [S.weld, S.cutMetal].map((uri) => ({ uri })), location: places.sfax }),
    ],
    vacancies: [
      makeVacancy({ id: 'weld-tunis' }),
      makeVacancy({ id: 'weld-sfax', location: places.sfax }),
      makeVacancy({
        id: 'cook-tunis',
        occupation: O.cook,
        essentialSkills: [S.cook, S.foodHygiene],
        optionalSkills: [S.bake],
      }),
      makeVacancy({
        id: 'sheet-tunis',
        occupation: O.sheetMetal,
        essentialSkills: [S.cutMetal, S.readDrawings, S.safety],
        optionalSkills: [],
      }),
    ],
    trainings: [
      makeTraining({ id: 'drawings-course', skillsTaught: [S.readDrawings] }),
      makeTraining({ id: 'safety-online', skillsTaught: [S.safety, S.forklift], delivery: 'online' }),
      makeTraining({ id: 'drawings-far', skillsTaught: [S.readDrawings, S.safety], location: places.dakar }),
      makeTraining({ id: 'old-course', skillsTaught: [S.readDrawings, S.safety], endsOn: '2025-01-31' }),
    ],
  });
  return index;
}

test('results come best first and each score is the pair score', () => {
  const index = sampleIndex();
  const page = index.rankVacanciesForPerson('ana', { limit: 10 });
  expect(page.items[0]!.id).toBe('weld-tunis');
  const scores = page.items.map((r) => r.score);
  expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  for (const r of page.items) {
    expect(r.score).toBeCloseTo(
      scoreVacancyPair(index, index.personView('ana'), index.vacancyView(r.id), index.options).score,
      12,
    );
  }
});

test('pages follow each other without gaps or repeats', () => {
  const index = sampleIndex();
  const all = index.rankPeopleForVacancy('weld-tunis', { limit: 4 }).items.map((r) => r.id);
  const first = index.rankPeopleForVacancy('weld-tunis', { limit: 2 });
  const second = index.rankPeopleForVacancy('weld-tunis', { offset: 2, limit: 2 });
  expect(first.hasMore).toBe(true);
  expect(second.hasMore).toBe(false);
  expect([...first.items, ...second.items].map((r) => r.id)).toEqual(all);
});

test('a page beyond the deepest allowed is refused with a validation error', () => {
  const index = sampleIndex();
  try {
    index.rankVacanciesForPerson('ana', { offset: 990, limit: 20 });
    expect.unreachable();
  } catch (e) {
    expect(isDomainError(e) && e.code).toBe('validation_failed');
  }
});

test('an unknown id is reported as not found', () => {
  const index = sampleIndex();
  expect(() => index.rankVacanciesForPerson('nobody')).toThrowError(
    expect.objectContaining({ code: 'not_found' }),
  );
});

test('a changed vacancy is re-ranked at once, without rebuilding', () => {
  const index = sampleIndex();
  const before = index.rankVacanciesForPerson('chloe', { limit: 1 }).items[0]!;
  expect(before.id).toBe('cook-tunis');
  index.putVacancy(
    makeVacancy({ id: 'cook-tunis', occupation: O.tailor, essentialSkills: [S.sew], optionalSkills: [] }),
  );
  const after = index
    .rankVacanciesForPerson('chloe', { limit: 10 })
    .items.find((r) => r.id === 'cook-tunis')!;
  expect(after.score).toBeLessThan(before.score);
  expect(index.vacancies.size).toBe(4);
});

test('a removed person disappears from every result at once', () => {
  const index = sampleIndex();
  expect(index.rankPeopleForVacancy('weld-tunis').items.map((r) => r.id)).toContain('ben');
  expect(index.removePerson('ben')).toBe(true);
  expect(index.rankPeopleForVacancy('weld-tunis').items.map((r) => r.id)).not.toContain('ben');
  expect(index.rankPeopleForTraining('drawings-course').items.map((r) => r.id)).not.toContain('ben');
  expect(index.removePerson('ben')).toBe(false);
});

test('the visibility predicate hides people without consent at query time', () => {
  const index = sampleIndex();
  const consented = new Set(['ana', 'ben', 'dina']);
  const visible = (id: string) => consented.has(id);
  expect(index.rankPeopleForVacancy('weld-tunis', { visible }).items.map((r) => r.id)).toContain('ana');
  consented.delete('ana');
  const ids = index.rankPeopleForVacancy('weld-tunis', { visible }).items.map((r) => r.id);
  expect(ids).not.toContain('ana');
  expect(ids).not.toContain('chloe');
});

test('many changes compact posting lists and keep results right', () => {
  const index = makeIndex();
  for (let round = 0; round < 5; round++) {
    for (let i = 0; i < 100; i++)
      index.putVacancy(makeVacancy({ id: `v${i}`, essentialSkills: round % 2 ? [S.cook] : [S.weld] }));
  }
  const page = index.rankVacanciesForPerson(
    makePerson({ id: 'q', pastOccupations: [], skills: [{ uri: S.weld }] }),
    { limit: 100 },
  );
  expect(page.items).toHaveLength(100);
  expect(index.vacancies.size).toBe(100);
  let postings = 0;
  for (const f of index.vacancies.families.values()) for (const l of f.lists.values()) postings += l.length;
  expect(postings).toBeLessThan(100 * 30 * 2);
});

test('a snapshot restores the same rankings', () => {
  const index = sampleIndex();
  index.removeVacancy('weld-sfax');
  const restored = restoreIndex(serialiseIndex(index), testKnowledge());
  expect(restored.vacancies.size).toBe(3);
  for (const id of ['ana', 'ben', 'chloe', 'dina']) {
    expect(restored.rankVacanciesForPerson(id, { limit: 10 })).toEqual(
      index.rankVacanciesForPerson(id, { limit: 10 }),
    );
    expect(restored.rankTrainingsForPerson(id, { limit: 10 })).toEqual(
      index.rankTrainingsForPerson(id, { limit: 10 }),
    );
  }
  expect(restored.rankPeopleForVacancy('weld-tunis')).toEqual(index.rankPeopleForVacancy('weld-tunis'));
});

test('a snapshot of another version or another taxonomy is refused', () => {
  const bytes = serialiseIndex(sampleIndex());
  const other = bytes.slice();
  new DataView(other.buffer).setInt32(4, 99, true);
  expect(() => restoreIndex(other, testKnowledge())).toThrowError(
    expect.objectContaining({ code: 'invalid_file' }),
  );
  expect(() => restoreIndex(bytes, createKnowledge({ skills: ['skill:x'] }))).toThrowError(
    expect.objectContaining({
      code: 'invalid_file',
      details: expect.objectContaining({ reason: 'knowledge_mismatch' }),
    }),
  );
});

test('scoring one pair from the public API gives the ranked score and its parts', () => {
  const index = sampleIndex();
  const ranked = index.rankVacanciesForPerson('ana', { limit: 1 }).items[0]!;
  const pair = scoreVacancyMatch(index, 'ana', ranked.id);
  expect(pair.score).toBeCloseTo(ranked.score, 12);
  expect(pair.criteria.find((c) => c.id === 'skills')?.detail).toBeUndefined();
  expect(pair.criteria.find((c) => c.id === 'place')?.detail).toMatchObject({ sameDistrict: true });
});

test('a bulk load with replacements, removals and queries part-way ends as adding one by one', () => {
  const one = makeIndex();
  const bulk = makeIndex();
  const vacancy = (i: number, round: number) =>
    makeVacancy({ id: `v${i}`, essentialSkills: (i + round) % 3 ? [S.weld, S.safety] : [S.cook] });
  for (let round = 0; round < 3; round++) for (let i = 0; i < 40; i++) one.putVacancy(vacancy(i, round));
  one.removeVacancy('v7');
  const person = makePerson({ id: 'q', pastOccupations: [], skills: [{ uri: S.weld }] });
  bulk.beginBulk();
  for (let i = 0; i < 40; i++) bulk.putVacancy(vacancy(i, 0));
  // A query part-way writes what was counted so far; later puts are counted again.
  expect(bulk.rankVacanciesForPerson(person, { limit: 50 }).items).toHaveLength(40);
  for (let round = 1; round < 3; round++) for (let i = 0; i < 40; i++) bulk.putVacancy(vacancy(i, round));
  bulk.removeVacancy('v7');
  bulk.endBulk();
  expect(livePostings(bulk)).toBe(livePostings(one));
  expect(bulk.rankVacanciesForPerson(person, { limit: 50 })).toEqual(
    one.rankVacanciesForPerson(person, { limit: 50 }),
  );
});

function livePostings(index: ReturnType<typeof makeIndex>): number {
  let live = 0;
  for (const f of index.vacancies.families.values())
    for (const l of f.lists.values()) live += l.length - l.dead;
  return live;
}

test('a vacancy or training is open for matching until it closes or fills, as of the query’s today', () => {
  const index = makeIndex();
  index.putMany({
    vacancies: [
      makeVacancy({ id: 'open', opensOn: '2025-01-01', closesOn: '2025-12-31' }),
      makeVacancy({ id: 'full', seats: 0 }),
    ],
    trainings: [makeTraining({ id: 'course', startsOn: '2025-03-01', endsOn: '2025-06-30' })],
  });
  expect(index.isVacancyOpen('open', { today: '2025-06-01' })).toBe(true);
  expect(index.isVacancyOpen('open', { today: '2026-01-01' })).toBe(false);
  expect(index.isVacancyOpen('open', { today: '2024-12-31' })).toBe(false);
  expect(index.isVacancyOpen('full', { today: '2025-06-01' })).toBe(false);
  expect(index.isTrainingOpen('course', { today: '2025-06-01' })).toBe(true);
  expect(index.isTrainingOpen('course', { today: '2025-07-01' })).toBe(false);
  expect(() => index.isVacancyOpen('missing')).toThrow();
});

test('skills whose ids do not fit a record are counted, and the rest of the record is indexed', () => {
  const index = makeIndex();
  // Grow the skill dictionary past 65,535 with skills unknown to the taxonomy.
  for (let i = index.dictionaries.skills.values.length; i <= 0xffff; i++)
    index.dictionaries.skills.intern(`urn:test:filler:${i}`);
  expect(index.stats().skillsNotIndexed).toBe(0);
  index.putVacancy(makeVacancy({ id: 'v', essentialSkills: [S.weld, 'urn:test:beyond:1'] }));
  index.putPerson(makePerson({ id: 'p', skills: [{ uri: S.weld }, { uri: 'urn:test:beyond:2' }] }));
  expect(index.stats().skillsNotIndexed).toBe(2);
  // Still found through the skill that fits.
  expect(index.rankPeopleForVacancy('v', { limit: 5 }).items.map((r) => r.id)).toEqual(['p']);
  // A query's inline record is not counted.
  index.rankPeopleForVacancy(makeVacancy({ id: 'draft', essentialSkills: ['urn:test:beyond:3'] }), {
    limit: 5,
  });
  expect(index.stats().skillsNotIndexed).toBe(2);
});
