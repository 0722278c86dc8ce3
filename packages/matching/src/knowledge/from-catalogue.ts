import type { StarterCatalogue } from '@passerelle/taxonomy';
import type { KnowledgeInput } from './knowledge';

/** The parts of a catalogue (the taxonomy's starter catalogue, or the like) the engine reads. */
export type CatalogueLike = {
  occupations: Pick<
    StarterCatalogue['occupations'][number],
    'uri' | 'iscoCode' | 'essentialSkills' | 'optionalSkills'
  >[];
  skills: Pick<StarterCatalogue['skills'][number], 'uri' | 'broader'>[];
};

/** Knowledge input from a catalogue: skills, their hierarchy, occupation–skill relations and ISCO codes. */
export function knowledgeFromCatalogue(catalogue: CatalogueLike): KnowledgeInput {
  return {
    skills: catalogue.skills.map((s) => s.uri),
    skillBroader: catalogue.skills.flatMap((s) => s.broader.map((broader) => ({ narrower: s.uri, broader }))),
    occupationSkills: catalogue.occupations.flatMap((o) => [
      ...o.essentialSkills.map((skill) => ({ occupation: o.uri, skill, type: 'essential' as const })),
      ...o.optionalSkills.map((skill) => ({ occupation: o.uri, skill, type: 'optional' as const })),
    ]),
    occupationIsco: catalogue.occupations.map((o) => ({ occupation: o.uri, isco: o.iscoCode })),
  };
}
