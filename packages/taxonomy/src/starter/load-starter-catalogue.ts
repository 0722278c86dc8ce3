import type {
  ImportCounts,
  StagedConcept,
  StagedLabels,
  StagedRelation,
  TaxonomyStore,
} from '@passerelle/core';
import { starterCatalogue as defaultCatalogue } from '../catalogue/index';
import type { CatalogueLabels, StarterCatalogue } from '../catalogue/index';

export interface StarterLoadResult {
  loaded: boolean;
  /** Why nothing was loaded: an ESCO release is there, or this catalogue version already is. */
  reason: 'loaded' | 'esco_present' | 'up_to_date';
  version: string;
  counts?: ImportCounts;
}

function labelsOf(uri: string, labels: CatalogueLabels): StagedLabels[] {
  return Object.entries(labels).map(([lang, l]) => ({
    uri,
    lang,
    preferred: l.preferred,
    alt: l.alt,
    hidden: [],
    description: null,
  }));
}

/**
 * Loads the team-written starter catalogue through the same import session as ESCO, when no ESCO
 * release has been imported and this catalogue version is not loaded yet. Catalogue concepts that
 * carry ESCO URIs are later taken over by an ESCO import (same URI); the catalogue never
 * overwrites ESCO data.
 */
export async function loadStarterCatalogue(
  store: TaxonomyStore,
  options: { catalogue?: StarterCatalogue; force?: boolean } = {},
): Promise<StarterLoadResult> {
  const catalogue = options.catalogue ?? defaultCatalogue;
  if (!options.force) {
    if ((await store.newestVersion('esco')) !== null)
      return { loaded: false, reason: 'esco_present', version: catalogue.version };
    if ((await store.newestVersion('catalogue')) === catalogue.version) {
      return { loaded: false, reason: 'up_to_date', version: catalogue.version };
    }
  }
  const concepts: StagedConcept[] = [];
  const labels: StagedLabels[] = [];
  const relations: StagedRelation[] = [];
  for (const s of catalogue.skills) {
    concepts.push({
      uri: s.uri,
      type: 'skill',
      code: null,
      iscoCode: null,
      skillType: s.type === 'knowledge' ? 'knowledge' : 'skill/competence',
      reuseLevel: s.reuseLevel ?? null,
      status: 'released',
    });
    labels.push(...labelsOf(s.uri, s.labels));
    for (const b of s.broader)
      relations.push({
        kind: 'broader',
        sourceUri: s.uri,
        targetUri: b,
        relationType: null,
        origin: 'catalogue',
      });
  }
  for (const o of catalogue.occupations) {
    concepts.push({
      uri: o.uri,
      type: 'occupation',
      code: null,
      iscoCode: o.iscoCode,
      skillType: null,
      reuseLevel: null,
      status: 'released',
    });
    labels.push(...labelsOf(o.uri, o.labels));
    for (const s of o.essentialSkills) {
      relations.push({
        kind: 'occupation_skill',
        sourceUri: o.uri,
        targetUri: s,
        relationType: 'essential',
        origin: 'catalogue',
      });
    }
    for (const s of o.optionalSkills) {
      relations.push({
        kind: 'occupation_skill',
        sourceUri: o.uri,
        targetUri: s,
        relationType: 'optional',
        origin: 'catalogue',
      });
    }
  }
  const languages = [...new Set(labels.map((l) => l.lang))].sort();
  const counts = await store.runImport(async (session) => {
    for (let i = 0; i < concepts.length; i += 2000) await session.stageConcepts(concepts.slice(i, i + 2000));
    for (let i = 0; i < labels.length; i += 2000)
      await session.stageLabels(labels.slice(i, i + 2000), 'replace');
    for (let i = 0; i < relations.length; i += 2000)
      await session.stageRelations(relations.slice(i, i + 2000));
    return session.commit({
      source: 'catalogue',
      version: catalogue.version,
      languages,
      files: ['starter-catalogue'],
      completeTypes: ['occupation', 'skill'],
      completeOrigins: ['catalogue'],
      completeCollections: [],
    });
  });
  return { loaded: true, reason: 'loaded', version: catalogue.version, counts };
}
