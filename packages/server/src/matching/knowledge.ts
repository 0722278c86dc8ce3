import type { RelationRecord, SearchableConcept } from '@passerelle/core';
import type { KnowledgeInput } from '@passerelle/matching';

/**
 * The matching engine's knowledge from the taxonomy in the database (ESCO when imported, else
 * the starter catalogue): skills and skill groups with their hierarchy, skill–skill relations,
 * occupation–skill relations, each occupation's ISCO-08 unit group and the ISCO hierarchy.
 */
export function knowledgeFromTaxonomy(
  concepts: Pick<SearchableConcept, 'uri' | 'type' | 'iscoCode' | 'code'>[],
  relations: RelationRecord[],
): KnowledgeInput {
  const typeOf = new Map<string, SearchableConcept['type']>();
  const iscoCodeOf = new Map<string, string>();
  const skills: string[] = [];
  const occupationIsco: { occupation: string; isco: string }[] = [];
  for (const c of concepts) {
    typeOf.set(c.uri, c.type);
    if (c.type === 'skill') skills.push(c.uri);
    else if (c.type === 'occupation' && c.iscoCode)
      occupationIsco.push({ occupation: c.uri, isco: c.iscoCode });
    else if (c.type === 'isco_group' && c.code) iscoCodeOf.set(c.uri, c.code);
  }
  const isSkillLike = (uri: string) => {
    const t = typeOf.get(uri);
    return t === 'skill' || t === 'skill_group';
  };
  const skillBroader: { narrower: string; broader: string }[] = [];
  const iscoBroader: { narrower: string; broader: string }[] = [];
  const skillRelations: { from: string; to: string; type?: 'essential' | 'optional' }[] = [];
  const occupationSkills: { occupation: string; skill: string; type: 'essential' | 'optional' }[] = [];
  for (const r of relations) {
    if (r.kind === 'broader') {
      if (isSkillLike(r.sourceUri) && isSkillLike(r.targetUri))
        skillBroader.push({ narrower: r.sourceUri, broader: r.targetUri });
      else {
        const narrower = iscoCodeOf.get(r.sourceUri);
        const broader = iscoCodeOf.get(r.targetUri);
        if (narrower && broader) iscoBroader.push({ narrower, broader });
      }
    } else if (r.kind === 'occupation_skill') {
      if (typeOf.get(r.sourceUri) === 'occupation' && typeOf.get(r.targetUri) === 'skill')
        occupationSkills.push({
          occupation: r.sourceUri,
          skill: r.targetUri,
          type: r.relationType === 'optional' ? 'optional' : 'essential',
        });
    } else if (r.kind === 'skill_skill') {
      skillRelations.push({
        from: r.sourceUri,
        to: r.targetUri,
        ...(r.relationType ? { type: r.relationType } : {}),
      });
    }
  }
  return { skills, skillBroader, skillRelations, occupationSkills, occupationIsco, iscoBroader };
}
