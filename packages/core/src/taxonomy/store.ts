import type {
  ConceptLabels,
  ConceptRecord,
  ConceptSource,
  ConceptType,
  ConceptWithLabels,
  ImportCounts,
  ImportRecord,
  RelationKind,
  RelationOrigin,
  RelationRecord,
  RelationType,
  SkillType,
  TaxonomyStats,
} from './types';

/** A concept whose attributes an import sets (upsert by URI). */
export interface StagedConcept {
  uri: string;
  type: ConceptType;
  code: string | null;
  iscoCode: string | null;
  skillType: SkillType | null;
  reuseLevel: string | null;
  status: string | null;
}

/** The labels of one concept in one language, as read from a file. */
export interface StagedLabels extends ConceptLabels {
  uri: string;
}

/**
 * How staged labels meet stored ones. `replace`: the (concept, language) labels become the staged
 * ones (an official release). `fill`: only (concept, language) pairs without labels get them
 * (label lists and older releases never overwrite a newer release).
 */
export type LabelPolicy = 'replace' | 'fill';

export interface StagedRelation {
  kind: RelationKind;
  sourceUri: string;
  targetUri: string;
  relationType: RelationType | null;
  origin: RelationOrigin;
}

export interface StagedCollectionMember {
  collection: string;
  uri: string;
}

/** What an import covered, so the store knows what to mark obsolete or remove. */
export interface ImportPlan {
  source: ConceptSource;
  version: string | null;
  languages: string[];
  files: string[];
  /** Concept types this import lists completely: stored concepts of this source and type that were not staged become obsolete. */
  completeTypes: ConceptType[];
  /** Relation origins this import lists completely: stored relations of these origins that were not staged are removed. */
  completeOrigins: RelationOrigin[];
  /** Collections this import lists completely: members not staged leave the collection. */
  completeCollections: string[];
}

/**
 * One import, inside one database transaction: rows are staged in batches while files stream,
 * then `commit` merges them into the taxonomy. If anything throws, nothing changes.
 */
export interface TaxonomyImportSession {
  stageConcepts(rows: StagedConcept[]): Promise<void>;
  stageLabels(rows: StagedLabels[], policy: LabelPolicy): Promise<void>;
  stageRelations(rows: StagedRelation[]): Promise<void>;
  stageCollectionMembers(rows: StagedCollectionMember[]): Promise<void>;
  /** Merges everything staged (concepts, then labels, relations and collections) and records the import. */
  commit(plan: ImportPlan): Promise<ImportCounts>;
}

/** A concept with its labels, for building the in-memory search index. */
export interface SearchableConcept {
  uri: string;
  type: ConceptType;
  iscoCode: string | null;
  code: string | null;
  obsolete: boolean;
  labels: ConceptLabels[];
}

/** The port the database implements for the taxonomy. */
export interface TaxonomyStore {
  /** Runs `fn` with an import session in one transaction; rolls back when `fn` or the commit throws. */
  runImport<T>(fn: (session: TaxonomyImportSession) => Promise<T>): Promise<T>;
  /** The newest version imported from `source`, or null. */
  newestVersion(source: ConceptSource): Promise<string | null>;
  stats(): Promise<TaxonomyStats>;
  getConcept(uri: string): Promise<ConceptWithLabels | null>;
  /** Concepts (without labels) by URI; unknown URIs are left out. */
  getConcepts(uris: string[]): Promise<ConceptRecord[]>;
  /** Every relation in which `uri` is the source or the target. */
  relationsOf(uri: string, kinds?: RelationKind[]): Promise<RelationRecord[]>;
  /** Every concept with its labels, obsolete ones included (flagged). */
  loadSearchableConcepts(): Promise<SearchableConcept[]>;
  /** Every relation of the given kinds (for building in-memory navigation). */
  loadRelations(kinds: RelationKind[]): Promise<RelationRecord[]>;
  /** The recorded imports, newest first. */
  listImports(limit?: number): Promise<ImportRecord[]>;
}
