import { expect, test } from 'vitest';
import { createDictionaries } from './dictionaries';
import { encodeVacancy, VacancyView, VL } from './vacancy';
import { defaultOptions } from '../options';
import { makeVacancy, S, testKnowledge } from '../testing/factories';

function encoded(essentialSkills: string[], optionalSkills: string[]) {
  const knowledge = testKnowledge();
  const d = createDictionaries(knowledge);
  const view = new VacancyView(
    encodeVacancy(makeVacancy({ essentialSkills, optionalSkills }), knowledge, d, defaultOptions),
  );
  const skills = Array.from(view.u16.subarray(view.skillsFrom(), view.skillsEnd()));
  return { d, view, skills };
}

test('a vacancy stores its essential skills, then its optional ones, once each, 16 bits apiece', () => {
  const { d, view, skills } = encoded([S.weld, S.safety, S.weld], [S.forklift, S.safety, S.cutMetal]);
  const id = (uri: string) => d.skills.intern(uri);
  expect(skills).toEqual([id(S.weld), id(S.safety), id(S.forklift), id(S.cutMetal)]);
  expect([view.essentialCount, view.optionalCount]).toEqual([2, 2]);
  expect(view.end(VL.skills) - view.start(VL.skills)).toBe(2);
});

test('an odd number of requirements leaves the next list where it belongs', () => {
  const { view, skills } = encoded([S.weld, S.safety], [S.forklift]);
  expect(skills).toHaveLength(3);
  expect(view.end(VL.skills) - view.start(VL.skills)).toBe(2);
  expect(view.end(VL.languages) - view.start(VL.languages)).toBe(1);
});
