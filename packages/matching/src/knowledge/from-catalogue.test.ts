import { starterCatalogue } from '@passerelle/taxonomy';
import { expect, test } from 'vitest';
import { knowledgeFromCatalogue } from './from-catalogue';
import { createKnowledge, skillsOfOccupation } from './knowledge';

test('the starter catalogue becomes knowledge with every occupation and its skills', () => {
  const k = createKnowledge(knowledgeFromCatalogue(starterCatalogue));
  expect(k.occupations.size).toBe(starterCatalogue.occupations.length);
  const first = starterCatalogue.occupations[0]!;
  const id = k.occupations.find(first.uri);
  expect(skillsOfOccupation(k, id).length).toBe(first.essentialSkills.length + first.optionalSkills.length);
  expect(k.occupationIsco[id]).toBe(Number(first.iscoCode));
});
