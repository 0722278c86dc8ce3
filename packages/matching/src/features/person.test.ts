import { expect, test } from 'vitest';
import { createDictionaries } from './dictionaries';
import { encodePerson, packedSkills, PersonView, PL, SKILL_KINDS, withDirectSkills } from './person';
import { expandSkills } from '../knowledge/expand';
import { defaultOptions } from '../options';
import { makePerson, O, S, testKnowledge } from '../testing/factories';
import type { MatchOccupation } from '../types';

function encoded(uris: string[], pastOccupations: MatchOccupation[] = [O.welder]) {
  const knowledge = testKnowledge();
  const d = createDictionaries(knowledge);
  const person = makePerson({ skills: uris.map((uri) => ({ uri })), pastOccupations });
  const view = new PersonView(encodePerson(person, knowledge, d, defaultOptions));
  return { knowledge, d, view };
}

test('a stored profile reads back as the expansion, skill by skill and kind by kind', () => {
  const { knowledge, d, view } = encoded([S.weldArc, S.forklift]);
  const direct = [S.weldArc, S.forklift].map((uri) => d.skills.intern(uri));
  const expected = expandSkills(
    knowledge,
    direct,
    [d.occupations.intern(O.welder.uri)],
    defaultOptions.expansion,
  );
  expect(expected.skill.length).toBeGreaterThan(2);
  expect(Array.from(packedSkills(view))).toEqual(expected.skill.map((s, i) => (s << 3) | expected.kind[i]!));
  expect(view.skillCount).toBe(expected.skill.length);
});

test('a profile takes half an int per skill plus its kinds, whatever its parity', () => {
  for (const uris of [[S.weldArc], [S.weldArc, S.forklift], [S.weldArc, S.forklift, S.safety]]) {
    const { view } = encoded(uris, []);
    const ints = view.end(PL.skills) - view.start(PL.skills);
    expect(ints).toBe(Math.ceil((SKILL_KINDS + view.skillCount) / 2));
  }
});

test('skills given directly after encoding come first among their kind and replace a weaker kind', () => {
  const { d, view } = encoded([S.weldArc], []);
  const near = packedSkills(view).find((code) => (code & 7) !== 0)!;
  const added = withDirectSkills(view, [near >> 3]);
  const codes = Array.from(packedSkills(added));
  expect(codes.filter((c) => c >> 3 === near >> 3)).toEqual([(near >> 3) << 3]);
  expect(codes.slice(0, 2)).toEqual([d.skills.intern(S.weldArc) << 3, (near >> 3) << 3]);
  expect(added.skillCount).toBe(view.skillCount);
});
