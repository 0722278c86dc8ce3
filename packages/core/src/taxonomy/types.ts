/**
 * The shared vocabulary (ESCO, ISCO-08 and the starter catalogue): concept and relation types that
 * the taxonomy importer, the database store, search and the HTTP API all speak.
 */

/** Attribution the product shows wherever ESCO data is served. */
export const escoAttribution = 'This service uses the ESCO classification of the European Commission.';

export const conceptTypes = ['occupation', 'skill', 'skill_group', 'isco_group'] as const;
export type ConceptType = (typeof conceptTypes)[number];

/** ESCO's skill types; `null` for groups and for the few skills ESCO leaves untyped. */
export const skillTypes = ['skill/competence', 'knowledge'] as const;
export type SkillType = (typeof skillTypes)[number];

/**
 * Relation kinds. `broader`: source is narrower than target (skill → skill group, occupation →
 * ISCO group, ISCO unit → minor group...). `occupation_skill`: occupation → skill.
 * `skill_skill`: skill → related skill. The last two carry `essential` or `optional`.
 */
export const relationKinds = ['broader', 'occupation_skill', 'skill_skill'] as const;
export type RelationKind = (typeof relationKinds)[number];

export const relationTypes = ['essential', 'optional'] as const;
export type RelationType = (typeof relationTypes)[number];

/**
 * Where a relation came from, so that a re-import replaces exactly the relations of the files it
 * read (a relation missing from a newer file is removed; others are left alone).
 */
export type RelationOrigin =
  | 'occupation_pillar'
  | 'skill_pillar'
  | 'skills_hierarchy'
  | 'occupation_skill'
  | 'skill_skill'
  | 'catalogue';

/** Where a concept came from. ESCO concepts that disappear from a newer release become obsolete. */
export type ConceptSource = 'esco' | 'catalogue';

/** The labels of one concept in one language. */
export interface ConceptLabels {
  lang: string;
  preferred: string | null;
  alt: string[];
  hidden: string[];
  description: string | null;
}

/** A concept as stored, without labels. */
export interface ConceptRecord {
  uri: string;
  type: ConceptType;
  /** ISCO-08 code of an ISCO group, ESCO code of an occupation ("2654.1.7") or skill group ("S1.2"). */
  code: string | null;
  /** ISCO-08 unit group of an occupation (4 digits); the group's own code for an ISCO group. */
  iscoCode: string | null;
  skillType: SkillType | null;
  reuseLevel: string | null;
  status: string | null;
  source: ConceptSource;
  /** The ESCO (or catalogue) version that last wrote the concept. */
  version: string | null;
  obsolete: boolean;
  collections: string[];
}

/** A concept with its labels in every stored language. */
export interface ConceptWithLabels extends ConceptRecord {
  labels: ConceptLabels[];
}

/** One relation, as stored. */
export interface RelationRecord {
  kind: RelationKind;
  sourceUri: string;
  targetUri: string;
  relationType: RelationType | null;
}

/** Counts of what one import changed. */
export interface ImportCounts {
  conceptsInserted: number;
  conceptsUpdated: number;
  conceptsUnchanged: number;
  conceptsObsoleted: number;
  labelsInserted: number;
  labelsUpdated: number;
  labelsUnchanged: number;
  /** Label rows whose concept is unknown (e.g. an older release's occupation). */
  labelsSkipped: number;
  relationsInserted: number;
  relationsUpdated: number;
  relationsUnchanged: number;
  relationsDeleted: number;
  /**
   * Relations naming a concept that is not in the database. They are kept (ESCO v1.1.1 relates
   * one occupation that its occupation list leaves out), and navigation skips the missing end.
   */
  relationsDangling: number;
  collectionMembersInserted: number;
  collectionMembersDeleted: number;
}

/** Counts by concept type and relation kind, and the languages with labels. */
export interface TaxonomyStats {
  occupations: number;
  skills: number;
  iscoGroups: number;
  skillGroups: number;
  /** Occupation–skill relations (essential and optional). */
  relations: number;
  relationsByKind: Record<RelationKind, number>;
  obsolete: number;
  languages: string[];
  collections: Record<string, number>;
  /** The newest ESCO version imported, or null when only the starter catalogue (or nothing) is loaded. */
  escoVersion: string | null;
  /** The starter catalogue version loaded, or null. */
  catalogueVersion: string | null;
}

/** One finished import, as recorded. */
export interface ImportRecord {
  id: number;
  source: ConceptSource;
  version: string | null;
  languages: string[];
  files: string[];
  counts: ImportCounts;
  startedAt: string;
  finishedAt: string;
}
