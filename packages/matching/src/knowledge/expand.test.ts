import { expect, test } from 'vitest';
import { defaultOptions } from '../options';
import { O, S, testKnowledge } from '../testing/factories';
import { expandSkills, gapSkills, KIND_NONE, skillKinds } from './expand';

const k = testKnowledge();
const id = (uri: string) => k.skills.find(uri);
const occ = (uri: string) => k.occupations.find(uri);
const kindOf = (profile: ReturnType<typeof expandSkills>, uri: string) => {
  const i = profile.skill.indexOf(id(uri));
  return i < 0 ? undefined : skillKinds[profile.kind[i]!];
};

test('a held skill reaches its broader, narrower, sibling and related skills with their kind', () => {
  const p = expandSkills(k, [id(S.weldArc), id(S.readDrawings)], [], defaultOptions.expansion);
  expect(kindOf(p, S.weldArc)).toBe('direct');
  expect(kindOf(p, S.weld)).toBe('broader');
  expect(kindOf(p, S.weldGas)).toBe('sibling');
  expect(kindOf(p, S.cutMetal)).toBe('related');
  expect(kindOf(p, S.cook)).toBeUndefined();
});

test('skill groups are not offered as near skills', () => {
  const p = expandSkills(k, [id(S.weld)], [], defaultOptions.expansion);
  expect(p.skill).not.toContain(k.skills.find('group:metal-work'));
  expect(kindOf(p, S.weldArc)).toBe('narrower');
});

test('a past occupation implies its essential skills, not its optional ones', () => {
  const p = expandSkills(k, [], [occ(O.cook.uri)], defaultOptions.expansion);
  expect(kindOf(p, S.cook)).toBe('inferredEssential');
  expect(kindOf(p, S.bake)).toBeUndefined();
  expect(p.via[p.skill.indexOf(id(S.cook))]).toBe(occ(O.cook.uri));
});

test('the strongest path wins and adding a skill never removes one', () => {
  const before = expandSkills(k, [id(S.weldArc)], [occ(O.welder.uri)], defaultOptions.expansion);
  expect(kindOf(before, S.weld)).toBe('broader');
  const after = expandSkills(k, [id(S.weldArc), id(S.weld)], [occ(O.welder.uri)], defaultOptions.expansion);
  expect(kindOf(after, S.weld)).toBe('direct');
  for (const s of before.skill) expect(after.skill).toContain(s);
});

test('gaps are the target occupation skills not held directly, essential first', () => {
  const profile = expandSkills(k, [id(S.weld)], [], defaultOptions.expansion);
  const gaps = gapSkills(k, profile, [occ(O.welder.uri)], defaultOptions.expansion);
  expect(gaps.map((g) => g.skill)).not.toContain(id(S.weld));
  expect(gaps[0]!.targetOptional).toBe(false);
  const safety = gaps.find((g) => g.skill === id(S.safety))!;
  expect(safety.personKind).toBe(KIND_NONE);
  const arc = gaps.find((g) => g.skill === id(S.weldArc))!;
  expect(arc).toMatchObject({ targetOptional: true, personKind: skillKinds.indexOf('narrower') });
});
