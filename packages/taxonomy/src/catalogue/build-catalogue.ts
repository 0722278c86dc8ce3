import type { SectorModule, TransversalModule } from './define';
import { occupationUri, parseLabelLine, skillUri } from './define';
import type { CatalogueOccupation, CatalogueSkill, StarterCatalogue } from './types';

/**
 * Turns the authoring modules into the catalogue: keys become URIs, label lines become label
 * objects. An unknown skill key becomes a project URN that matches no skill, so the tests name it
 * instead of this function throwing at import time.
 */
export function buildCatalogue(
  version: string,
  transversal: TransversalModule,
  sectors: readonly SectorModule[],
): StarterCatalogue {
  const modules = [transversal, ...sectors];
  const uriByKey = new Map<string, string>();
  for (const module of modules) {
    for (const spec of module.skills) uriByKey.set(spec.key, skillUri(spec));
  }
  const resolve = (key: string) => uriByKey.get(key) ?? `urn:passerelle:skill:${key}`;

  const skills: CatalogueSkill[] = modules.flatMap((module) =>
    module.skills.map((spec) => ({
      uri: skillUri(spec),
      type: spec.type,
      ...(spec.reuseLevel ? { reuseLevel: spec.reuseLevel } : {}),
      sector: module.sector,
      labels: parseLabelLine(spec.labels),
      broader: spec.broader.map(resolve),
    })),
  );

  const occupations: CatalogueOccupation[] = sectors.flatMap((module) =>
    module.occupations.map((spec) => ({
      uri: occupationUri(spec),
      type: 'occupation' as const,
      iscoCode: spec.iscoCode,
      sector: module.sector,
      labels: parseLabelLine(spec.labels),
      essentialSkills: spec.essential.map(resolve),
      optionalSkills: spec.optional.map(resolve),
    })),
  );

  return { version, occupations, skills };
}
