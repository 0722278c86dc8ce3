import { expect, test } from 'vitest';
import { makeIndex, makePerson, makeTraining, makeVacancy, O, places, S } from '../testing/factories';
import { explainTrainingMatch, explainVacancyMatch } from './explain';

function setup() {
  const index = makeIndex();
  index.putMany({
    people: [
      makePerson({
        id: 'p',
        pastOccupations: [O.sheetMetal],
        skills: [{ uri: S.weldArc }, { uri: S.cutMetal }],
      }),
    ],
    vacancies: [
      makeVacancy({
        id: 'v',
        essentialSkills: [S.weld, S.cutMetal, S.readDrawings, S.safety, S.forklift],
        optionalSkills: [S.customerService],
      }),
    ],
    trainings: [
      makeTraining({ id: 'forklift', skillsTaught: [S.forklift] }),
      makeTraining({ id: 'forklift-far', skillsTaught: [S.forklift], location: places.dakar }),
      makeTraining({ id: 'forklift-ended', skillsTaught: [S.forklift], endsOn: '2025-03-01' }),
      makeTraining({ id: 'forklift-online', skillsTaught: [S.forklift, S.sew], delivery: 'online' }),
    ],
  });
  return index;
}

test('matched skills say whether they are held, near or inferred, with their path', () => {
  const e = explainVacancyMatch(setup(), 'p', 'v');
  const byUri = new Map(e.skills.matched.map((m) => [m.uri, m]));
  expect(byUri.get(S.cutMetal)).toMatchObject({
    kind: 'direct',
    near: false,
    inferred: false,
    path: [S.cutMetal],
  });
  expect(byUri.get(S.weld)).toMatchObject({ kind: 'broader', near: true, path: [S.weldArc, S.weld] });
  expect(byUri.get(S.safety)).toMatchObject({
    kind: 'inferredEssential',
    inferred: true,
    path: [O.sheetMetal.uri, S.safety],
  });
  expect(e.skills.missingEssential).toEqual([S.forklift]);
  expect(e.skills.missingOptional).toEqual([S.customerService]);
});

test('every criterion reports its score and the weighted contributions add up to the score', () => {
  const e = explainVacancyMatch(setup(), 'p', 'v');
  expect(e.criteria.map((c) => c.id)).toEqual(
    expect.arrayContaining(['skills', 'occupation', 'place', 'languages', 'requirements']),
  );
  const sum = e.criteria.reduce((s, c) => s + c.contribution, 0);
  expect(sum).toBeCloseTo(e.score, 12);
  expect(e.criteria.find((c) => c.id === 'place')?.detail).toMatchObject({ sameDistrict: true });
});

test('suggested trainings are open and reachable, cover the missing skills and raise the score', () => {
  const e = explainVacancyMatch(setup(), 'p', 'v');
  expect(e.trainings.suggestions).toHaveLength(1);
  expect(['forklift', 'forklift-online']).toContain(e.trainings.suggestions[0]!.id);
  expect(e.trainings.suggestions[0]!.covers).toEqual([S.forklift]);
  expect(e.trainings.stillMissing).toEqual([]);
  expect(e.trainings.scoreAfter).toBeGreaterThan(e.score);
});

test('greedy set cover prefers the training that closes the most gaps', () => {
  const index = makeIndex();
  index.putMany({
    people: [makePerson({ id: 'p', pastOccupations: [], skills: [] })],
    vacancies: [
      makeVacancy({ id: 'v', essentialSkills: [S.weld, S.safety, S.readDrawings], optionalSkills: [] }),
    ],
    trainings: [
      makeTraining({ id: 'one', skillsTaught: [S.weld] }),
      makeTraining({ id: 'two', skillsTaught: [S.safety, S.readDrawings] }),
      makeTraining({ id: 'three', skillsTaught: [S.weld, S.safety] }),
    ],
  });
  const e = explainVacancyMatch(index, 'p', 'v');
  expect(e.trainings.suggestions.map((s) => s.id)).toEqual(['two', 'one']);
  expect(e.trainings.suggestions[1]!.covers).toEqual([S.weld]);
});

test('a training explanation lists the gaps it closes', () => {
  const index = makeIndex();
  index.putMany({
    people: [
      makePerson({
        id: 'p',
        pastOccupations: [],
        skills: [{ uri: S.weld }],
        aspirations: { occupations: [O.welder] },
      }),
    ],
    trainings: [makeTraining({ id: 't', skillsTaught: [S.safety, S.weld, S.cook] })],
  });
  const e = explainTrainingMatch(index, 'p', 't');
  expect(e.closesGaps).toEqual([S.safety]);
  expect(e.admitted).toBe(true);
});
