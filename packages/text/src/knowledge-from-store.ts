import type { ConceptType, RelationRecord, SearchableConcept } from '@passerelle/core';
import { createKnowledge, factsOf, type ConceptKnowledge } from './esco-files';

/**
 * Builds linker knowledge from what the taxonomy store holds (`loadSearchableConcepts` and
 * `loadRelations(['broader'])`), so the server and the CLI use the imported taxonomy rather than
 * files. Obsolete concepts are left out.
 */
export function knowledgeFromConcepts(
  concepts: readonly SearchableConcept[],
  relations: readonly RelationRecord[],
  types: readonly ConceptType[],
): ConceptKnowledge {
  const knowledge = createKnowledge();
  const wanted = new Set(types);
  const kept = new Set<string>();
  for (const concept of concepts) {
    if (concept.obsolete || !wanted.has(concept.type)) continue;
    kept.add(concept.uri);
    const facts = factsOf(knowledge, concept.uri);
    if (concept.iscoCode) facts.iscoCode = concept.iscoCode;
    for (const labels of concept.labels) {
      if (labels.preferred)
        knowledge.labels.push({
          uri: concept.uri,
          text: labels.preferred,
          lang: labels.lang,
          kind: 'preferred',
        });
      for (const alt of labels.alt)
        knowledge.labels.push({ uri: concept.uri, text: alt, lang: labels.lang, kind: 'alternative' });
      for (const hidden of labels.hidden)
        knowledge.labels.push({ uri: concept.uri, text: hidden, lang: labels.lang, kind: 'hidden' });
      if (labels.description) facts.descriptions.set(labels.lang, labels.description);
    }
  }
  for (const r of relations) {
    if (r.kind !== 'broader' || !kept.has(r.sourceUri) || !kept.has(r.targetUri)) continue;
    const facts = factsOf(knowledge, r.sourceUri);
    if (!facts.broader.includes(r.targetUri)) facts.broader.push(r.targetUri);
  }
  return knowledge;
}
