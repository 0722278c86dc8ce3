import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * The shared vocabulary: ESCO occupations, skills, skill groups and ISCO-08 groups, and the
 * starter catalogue. Concepts are keyed by URI and never deleted: a concept that disappears from
 * a newer release is marked obsolete, so records that refer to it keep working.
 */
export const taxonomyConcepts = pgTable(
  'taxonomy_concepts',
  {
    uri: text('uri').primaryKey(),
    type: text('type').notNull(),
    code: text('code'),
    iscoCode: text('isco_code'),
    skillType: text('skill_type'),
    reuseLevel: text('reuse_level'),
    status: text('status'),
    source: text('source').notNull(),
    version: text('version'),
    obsolete: boolean('obsolete').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('taxonomy_concepts_type_idx').on(t.type), index('taxonomy_concepts_isco_idx').on(t.iscoCode)],
);

/** The labels of one concept in one language (languages merge by concept URI). */
export const taxonomyLabels = pgTable(
  'taxonomy_labels',
  {
    uri: text('uri')
      .notNull()
      .references(() => taxonomyConcepts.uri),
    lang: text('lang').notNull(),
    preferred: text('preferred'),
    alt: text('alt').array().notNull().default([]),
    hidden: text('hidden').array().notNull().default([]),
    description: text('description'),
  },
  (t) => [primaryKey({ columns: [t.uri, t.lang] })],
);

/**
 * Relations between concepts. No foreign keys: relations are loaded in bulk (about 155,000 for
 * ESCO) and the importer only inserts those whose two concepts exist, which concepts never stop
 * doing since they are never deleted.
 */
export const taxonomyRelations = pgTable(
  'taxonomy_relations',
  {
    kind: text('kind').notNull(),
    sourceUri: text('source_uri').notNull(),
    targetUri: text('target_uri').notNull(),
    relationType: text('relation_type'),
    origin: text('origin').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.sourceUri, t.targetUri] }),
    // Lookups by source use the primary key (kind first, then source): no second index to
    // maintain during bulk loads.
    index('taxonomy_relations_target_idx').on(t.targetUri, t.kind),
  ],
);

/** Membership of ESCO collections (digital, green, transversal, language, digcomp, research). */
export const taxonomyCollectionMembers = pgTable(
  'taxonomy_collection_members',
  {
    collection: text('collection').notNull(),
    uri: text('uri')
      .notNull()
      .references(() => taxonomyConcepts.uri),
  },
  (t) => [
    primaryKey({ columns: [t.collection, t.uri] }),
    index('taxonomy_collection_members_uri_idx').on(t.uri),
  ],
);

/** One line per finished import: what was read and what changed. */
export const taxonomyImports = pgTable('taxonomy_imports', {
  id: serial('id').primaryKey(),
  source: text('source').notNull(),
  version: text('version'),
  languages: text('languages').array().notNull().default([]),
  files: jsonb('files').notNull().default([]),
  counts: jsonb('counts').notNull().default({}),
  changed: integer('changed').notNull().default(0),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
