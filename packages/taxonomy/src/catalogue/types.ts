/**
 * The shape of the starter catalogue: a small, team-written vocabulary of occupations and skills
 * that the embedded default database loads when no ESCO release has been imported.
 *
 * ```
 * StarterCatalogue {
 *   version: string                      // bumped whenever concepts, labels or relations change
 *   occupations: [{
 *     uri          ESCO occupation URI when one corresponds, else urn:passerelle:occupation:<key>
 *     type         'occupation'
 *     iscoCode     ISCO-08 unit group, 4 digits (the same as ESCO's iscoGroup for ESCO URIs)
 *     sector       one of catalogueSectors
 *     labels       { en, fr, nl, ar }: { preferred, alt[] }
 *     essentialSkills, optionalSkills    skill URIs (every one is in `skills`)
 *   }]
 *   skills: [{
 *     uri          ESCO skill URI when one corresponds, else urn:passerelle:skill:<key>
 *     type         'skill' | 'knowledge'   (ESCO's skill/competence | knowledge)
 *     reuseLevel?  ESCO's reuse level, recorded for transversal skills
 *     sector       the sector module that defines it, or 'transversal'
 *     labels       { en, fr, nl, ar }: { preferred, alt[] }
 *     broader      URIs of broader skills in this catalogue (a grouping, not ESCO's hierarchy)
 *   }]
 * }
 * ```
 *
 * ESCO URIs are identifiers only: labels, selection and relations are the team's own, so that an
 * ESCO import later upserts the same concepts by URI and replaces or extends their labels.
 */

export const catalogueLanguages = ['en', 'fr', 'nl', 'ar'] as const;
export type CatalogueLanguage = (typeof catalogueLanguages)[number];

export const catalogueSectors = [
  'construction',
  'agriculture',
  'food-processing',
  'tailoring',
  'hospitality',
  'driving-logistics',
  'retail',
  'hair-beauty',
  'vehicle-mechanics',
  'electrical-plumbing',
  'ict',
  'care',
  'cleaning',
  'security',
  'teaching',
  'office-accounting',
  'handicrafts',
] as const;
export type CatalogueSector = (typeof catalogueSectors)[number];

export const skillReuseLevels = [
  'transversal',
  'cross-sector',
  'sector-specific',
  'occupation-specific',
] as const;
export type SkillReuseLevel = (typeof skillReuseLevels)[number];

export interface CatalogueLabel {
  preferred: string;
  alt: string[];
}

export type CatalogueLabels = Record<CatalogueLanguage, CatalogueLabel>;

export interface CatalogueOccupation {
  uri: string;
  type: 'occupation';
  iscoCode: string;
  sector: CatalogueSector;
  labels: CatalogueLabels;
  essentialSkills: string[];
  optionalSkills: string[];
}

export interface CatalogueSkill {
  uri: string;
  type: 'skill' | 'knowledge';
  reuseLevel?: SkillReuseLevel;
  sector: CatalogueSector | 'transversal';
  labels: CatalogueLabels;
  broader: string[];
}

export interface StarterCatalogue {
  version: string;
  occupations: CatalogueOccupation[];
  skills: CatalogueSkill[];
}
