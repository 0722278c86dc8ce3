import type {
  ConceptLabels,
  ConceptRecord,
  ConceptSource,
  ConceptType,
  ConceptWithLabels,
  ImportCounts,
  ImportPlan,
  ImportRecord,
  LabelPolicy,
  RelationKind,
  RelationRecord,
  SearchableConcept,
  SkillType,
  StagedCollectionMember,
  StagedConcept,
  StagedLabels,
  StagedRelation,
  TaxonomyImportSession,
  TaxonomyStats,
  TaxonomyStore,
} from '@passerelle/core';
import { newestVersionOf, relationKinds } from '@passerelle/core';
import type { Database, RawTx } from '../database';

/**
 * The taxonomy store on either database. Imports stream rows into temporary staging tables in
 * batches (one JSON parameter per batch, unpacked by `jsonb_to_recordset`: one round trip per
 * few thousand rows on both drivers), then merge them with a handful of set-based statements.
 * Everything happens in one transaction, so a failed import changes nothing, and the merges
 * only write rows that differ, so a second identical import changes nothing either.
 */
export function createTaxonomyStore(database: Database): TaxonomyStore {
  return {
    runImport: (fn) => database.transaction((tx) => runSession(tx, fn, database.kind)),

    async newestVersion(source) {
      const rows = await database.query<{ version: string }>(
        'select distinct version from taxonomy_imports where source = $1 and version is not null',
        [source],
      );
      return newestVersionOf(rows.map((r) => r.version));
    },

    async stats() {
      const [types, kinds, langs, obsolete, collections, versions] = await Promise.all([
        database.query<{ type: string; n: number }>(
          'select type, count(*)::int as n from taxonomy_concepts where not obsolete group by type',
        ),
        database.query<{ kind: string; n: number }>(
          'select kind, count(*)::int as n from taxonomy_relations group by kind',
        ),
        database.query<{ lang: string }>('select distinct lang from taxonomy_labels order by lang'),
        database.query<{ n: number }>('select count(*)::int as n from taxonomy_concepts where obsolete'),
        database.query<{ collection: string; n: number }>(
          'select collection, count(*)::int as n from taxonomy_collection_members group by collection order by collection',
        ),
        database.query<{ source: string; version: string }>(
          'select distinct source, version from taxonomy_imports where version is not null',
        ),
      ]);
      const byType = new Map(types.map((r) => [r.type, r.n]));
      const byKind = new Map(kinds.map((r) => [r.kind, r.n]));
      const stats: TaxonomyStats = {
        occupations: byType.get('occupation') ?? 0,
        skills: byType.get('skill') ?? 0,
        iscoGroups: byType.get('isco_group') ?? 0,
        skillGroups: byType.get('skill_group') ?? 0,
        relations: byKind.get('occupation_skill') ?? 0,
        relationsByKind: Object.fromEntries(relationKinds.map((k) => [k, byKind.get(k) ?? 0])) as Record<
          RelationKind,
          number
        >,
        obsolete: obsolete[0]?.n ?? 0,
        languages: langs.map((r) => r.lang),
        collections: Object.fromEntries(collections.map((r) => [r.collection, r.n])),
        escoVersion: newestVersionOf(versions.filter((v) => v.source === 'esco').map((v) => v.version)),
        catalogueVersion: newestVersionOf(
          versions.filter((v) => v.source === 'catalogue').map((v) => v.version),
        ),
      };
      return stats;
    },

    async getConcept(uri) {
      const [concept] = await selectConcepts(database, [uri]);
      if (!concept) return null;
      const labels = await database.query<LabelRow>(
        'select uri, lang, preferred, alt, hidden, description from taxonomy_labels where uri = $1 order by lang',
        [uri],
      );
      const withLabels: ConceptWithLabels = { ...concept, labels: labels.map(toLabels) };
      return withLabels;
    },

    getConcepts: (uris) => selectConcepts(database, uris),

    async relationsOf(uri, kinds = [...relationKinds]) {
      const rows = await database.query<RelationRow>(
        `select kind, source_uri, target_uri, relation_type from taxonomy_relations
         where source_uri = $1 and kind = any($2::text[])
         union all
         select kind, source_uri, target_uri, relation_type from taxonomy_relations
         where target_uri = $1 and kind = any($2::text[])`,
        [uri, kinds],
      );
      return rows.map(toRelation);
    },

    async loadSearchableConcepts() {
      const rows = await database.query<{
        uri: string;
        type: string;
        isco_code: string | null;
        code: string | null;
        obsolete: boolean;
        lang: string | null;
        preferred: string | null;
        alt: string[] | null;
        hidden: string[] | null;
      }>(
        `select c.uri, c.type, c.isco_code, c.code, c.obsolete, l.lang, l.preferred, l.alt, l.hidden
         from taxonomy_concepts c left join taxonomy_labels l on l.uri = c.uri
         order by c.uri, l.lang`,
      );
      const out: SearchableConcept[] = [];
      let current: SearchableConcept | null = null;
      for (const r of rows) {
        if (!current || current.uri !== r.uri) {
          current = {
            uri: r.uri,
            type: r.type as ConceptType,
            iscoCode: r.isco_code,
            code: r.code,
            obsolete: r.obsolete,
            labels: [],
          };
          out.push(current);
        }
        if (r.lang !== null) {
          current.labels.push({
            lang: r.lang,
            preferred: r.preferred,
            alt: r.alt ?? [],
            hidden: r.hidden ?? [],
            description: null,
          });
        }
      }
      return out;
    },

    async loadRelations(kinds) {
      const rows = await database.query<RelationRow>(
        'select kind, source_uri, target_uri, relation_type from taxonomy_relations where kind = any($1::text[])',
        [kinds],
      );
      return rows.map(toRelation);
    },

    async listImports(limit = 20) {
      const rows = await database.query<{
        id: number;
        source: string;
        version: string | null;
        languages: string[];
        files: unknown;
        counts: unknown;
        started_at: string | Date;
        finished_at: string | Date;
      }>('select * from taxonomy_imports order by id desc limit $1', [limit]);
      return rows.map((r): ImportRecord => ({
        id: r.id,
        source: r.source as ConceptSource,
        version: r.version,
        languages: r.languages,
        files: asJson(r.files) as string[],
        counts: asJson(r.counts) as ImportCounts,
        startedAt: new Date(r.started_at).toISOString(),
        finishedAt: new Date(r.finished_at).toISOString(),
      }));
    },
  };
}

interface LabelRow {
  uri: string;
  lang: string;
  preferred: string | null;
  alt: string[];
  hidden: string[];
  description: string | null;
}

interface RelationRow {
  kind: string;
  source_uri: string;
  target_uri: string;
  relation_type: string | null;
}

const toLabels = (r: LabelRow): ConceptLabels => ({
  lang: r.lang,
  preferred: r.preferred,
  alt: r.alt ?? [],
  hidden: r.hidden ?? [],
  description: r.description,
});

const toRelation = (r: RelationRow): RelationRecord => ({
  kind: r.kind as RelationKind,
  sourceUri: r.source_uri,
  targetUri: r.target_uri,
  relationType: r.relation_type as RelationRecord['relationType'],
});

const asJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

async function selectConcepts(database: Database, uris: string[]): Promise<ConceptRecord[]> {
  if (uris.length === 0) return [];
  const rows = await database.query<{
    uri: string;
    type: string;
    code: string | null;
    isco_code: string | null;
    skill_type: string | null;
    reuse_level: string | null;
    status: string | null;
    source: string;
    version: string | null;
    obsolete: boolean;
    collections: string[] | null;
  }>(
    `select c.uri, c.type, c.code, c.isco_code, c.skill_type, c.reuse_level, c.status, c.source, c.version, c.obsolete,
       array(select m.collection from taxonomy_collection_members m where m.uri = c.uri order by m.collection) as collections
     from taxonomy_concepts c where c.uri = any($1::text[])`,
    [uris],
  );
  return rows.map((r) => ({
    uri: r.uri,
    type: r.type as ConceptType,
    code: r.code,
    iscoCode: r.isco_code,
    skillType: r.skill_type as SkillType | null,
    reuseLevel: r.reuse_level,
    status: r.status,
    source: r.source as ConceptSource,
    version: r.version,
    obsolete: r.obsolete,
    collections: r.collections ?? [],
  }));
}

async function runSession<T>(
  tx: RawTx,
  fn: (session: TaxonomyImportSession) => Promise<T>,
  kind: Database['kind'],
): Promise<T> {
  const startedAt = new Date().toISOString();
  // Temporary staging tables, private to this transaction and dropped at its end.
  await tx.query(`create temp table tx_stage_concepts (
      seq int, uri text, type text, code text, isco_code text, skill_type text, reuse_level text, status text
    ) on commit drop`);
  await tx.query(`create temp table tx_stage_labels (
      seq int, policy text, uri text, lang text, preferred text, alt text[], hidden text[], description text
    ) on commit drop`);
  await tx.query(`create temp table tx_stage_relations (
      kind text, source_uri text, target_uri text, relation_type text, origin text
    ) on commit drop`);
  await tx.query('create temp table tx_stage_members (collection text, uri text) on commit drop');
  let seq = 0;
  let committed = false;

  const session: TaxonomyImportSession = {
    async stageConcepts(rows: StagedConcept[]) {
      if (rows.length === 0) return;
      const json = JSON.stringify(
        rows.map((r) => ({
          seq: seq++,
          uri: r.uri,
          type: r.type,
          code: r.code,
          isco_code: r.iscoCode,
          skill_type: r.skillType,
          reuse_level: r.reuseLevel,
          status: r.status,
        })),
      );
      await tx.query(
        `insert into tx_stage_concepts
         select * from jsonb_to_recordset($1::jsonb) as x(
           seq int, uri text, type text, code text, isco_code text, skill_type text, reuse_level text, status text)`,
        [json],
      );
    },
    async stageLabels(rows: StagedLabels[], policy: LabelPolicy) {
      if (rows.length === 0) return;
      const json = JSON.stringify(
        rows.map((r) => ({
          seq: seq++,
          policy,
          uri: r.uri,
          lang: r.lang,
          preferred: r.preferred,
          alt: r.alt,
          hidden: r.hidden,
          description: r.description,
        })),
      );
      await tx.query(
        `insert into tx_stage_labels
         select * from jsonb_to_recordset($1::jsonb) as x(
           seq int, policy text, uri text, lang text, preferred text, alt text[], hidden text[], description text)`,
        [json],
      );
    },
    async stageRelations(rows: StagedRelation[]) {
      if (rows.length === 0) return;
      const json = JSON.stringify(
        rows.map((r) => ({
          kind: r.kind,
          source_uri: r.sourceUri,
          target_uri: r.targetUri,
          relation_type: r.relationType,
          origin: r.origin,
        })),
      );
      await tx.query(
        `insert into tx_stage_relations
         select * from jsonb_to_recordset($1::jsonb) as x(
           kind text, source_uri text, target_uri text, relation_type text, origin text)`,
        [json],
      );
    },
    async stageCollectionMembers(rows: StagedCollectionMember[]) {
      if (rows.length === 0) return;
      await tx.query(
        `insert into tx_stage_members
         select * from jsonb_to_recordset($1::jsonb) as x(collection text, uri text)`,
        [JSON.stringify(rows)],
      );
    },
    async commit(plan: ImportPlan) {
      if (committed) throw new Error('an import session commits once');
      committed = true;
      const counts = await mergeStaged(tx, plan, kind);
      const changed =
        counts.conceptsInserted +
        counts.conceptsUpdated +
        counts.conceptsObsoleted +
        counts.labelsInserted +
        counts.labelsUpdated +
        counts.relationsInserted +
        counts.relationsUpdated +
        counts.relationsDeleted +
        counts.collectionMembersInserted +
        counts.collectionMembersDeleted;
      await tx.query(
        `insert into taxonomy_imports (source, version, languages, files, counts, changed, started_at)
         values ($1, $2, $3::text[], $4::jsonb, $5::jsonb, $6, $7)`,
        [
          plan.source,
          plan.version,
          plan.languages,
          JSON.stringify(plan.files),
          JSON.stringify(counts),
          changed,
          startedAt,
        ],
      );
      return counts;
    },
  };
  return fn(session);
}

const n = (v: unknown): number => Number(v ?? 0);

async function mergeStaged(tx: RawTx, plan: ImportPlan, kind: Database['kind']): Promise<ImportCounts> {
  // The merges sort and hash a few hundred thousand rows: let them do it in memory.
  await tx.query("set local work_mem = '64MB'");
  await tx.query('create index on tx_stage_concepts (uri)');
  await tx.query('create index on tx_stage_labels (uri, lang)');
  await tx.query('create index on tx_stage_members (collection, uri)');
  await tx.query('analyze tx_stage_relations');

  // 1. Concepts: upsert by URI, writing only rows that differ. An ESCO release takes over a
  // catalogue concept with the same URI; the catalogue never overwrites an ESCO concept.
  const [concepts] = await tx.query<{ staged: number; inserted: number; updated: number }>(
    `with src as (
       select distinct on (uri) uri, type, code, isco_code, skill_type, reuse_level, status
       from tx_stage_concepts order by uri, seq desc
     ), up as (
       insert into taxonomy_concepts as c (uri, type, code, isco_code, skill_type, reuse_level, status, source, version, obsolete)
       select uri, type, code, isco_code, skill_type, reuse_level, status, $1, $2, false from src
       on conflict (uri) do update set
         type = excluded.type, code = excluded.code, isco_code = excluded.isco_code, skill_type = excluded.skill_type,
         reuse_level = excluded.reuse_level, status = excluded.status, source = excluded.source,
         version = excluded.version, obsolete = false, updated_at = now()
       where (c.source = excluded.source or excluded.source = 'esco')
         and (c.type, c.code, c.isco_code, c.skill_type, c.reuse_level, c.status, c.source, c.version, c.obsolete)
           is distinct from
             (excluded.type, excluded.code, excluded.isco_code, excluded.skill_type, excluded.reuse_level,
              excluded.status, excluded.source, excluded.version, false)
       returning (xmax = 0) as inserted
     )
     select (select count(*) from src) as staged,
            count(*) filter (where inserted) as inserted,
            count(*) filter (where not inserted) as updated
     from up`,
    [plan.source, plan.version],
  );

  // 2. Concepts of a completely listed type that this import did not list become obsolete.
  let obsoleted = 0;
  if (plan.completeTypes.length > 0) {
    const rows = await tx.query(
      `update taxonomy_concepts c set obsolete = true, updated_at = now()
       where c.source = $1 and c.type = any($2::text[]) and not c.obsolete
         and not exists (select 1 from tx_stage_concepts s where s.uri = c.uri)
       returning 1`,
      [plan.source, plan.completeTypes],
    );
    obsoleted = rows.length;
  }

  // 3. Labels per (concept, language): `replace` rows overwrite, `fill` rows only add.
  const [replaced] = await tx.query<{ inserted: number; updated: number; staged: number }>(
    `with src as (
       select distinct on (s.uri, s.lang) s.uri, s.lang, s.preferred, coalesce(s.alt, '{}') as alt,
              coalesce(s.hidden, '{}') as hidden, s.description
       from tx_stage_labels s
       where s.policy = 'replace' and exists (select 1 from taxonomy_concepts c where c.uri = s.uri)
       order by s.uri, s.lang, s.seq desc
     ), up as (
       insert into taxonomy_labels as l (uri, lang, preferred, alt, hidden, description)
       select uri, lang, preferred, alt, hidden, description from src
       on conflict (uri, lang) do update set
         preferred = excluded.preferred, alt = excluded.alt, hidden = excluded.hidden, description = excluded.description
       where (l.preferred, l.alt, l.hidden, l.description)
         is distinct from (excluded.preferred, excluded.alt, excluded.hidden, excluded.description)
       returning (xmax = 0) as inserted
     )
     select (select count(*) from src) as staged,
            count(*) filter (where inserted) as inserted,
            count(*) filter (where not inserted) as updated
     from up`,
  );
  const [filled] = await tx.query<{ inserted: number; staged: number }>(
    `with src as (
       select distinct on (s.uri, s.lang) s.uri, s.lang, s.preferred, coalesce(s.alt, '{}') as alt,
              coalesce(s.hidden, '{}') as hidden, s.description
       from tx_stage_labels s
       where s.policy = 'fill' and exists (select 1 from taxonomy_concepts c where c.uri = s.uri)
         and not exists (select 1 from tx_stage_labels r where r.policy = 'replace' and r.uri = s.uri and r.lang = s.lang)
       order by s.uri, s.lang, s.seq desc
     ), ins as (
       insert into taxonomy_labels (uri, lang, preferred, alt, hidden, description)
       select uri, lang, preferred, alt, hidden, description from src
       on conflict (uri, lang) do nothing
       returning 1
     )
     select (select count(*) from src) as staged, (select count(*) from ins) as inserted`,
  );
  const [labelTotals] = await tx.query<{ pairs: number; known: number }>(
    `select count(*) as pairs, count(*) filter (where exists (select 1 from taxonomy_concepts c where c.uri = p.uri)) as known
     from (select distinct uri, lang from tx_stage_labels) p`,
  );

  // 4. Relations (kept even when a concept is missing, see ImportCounts.relationsDangling); those of
  // a completely listed origin that this import did not list are removed.
  // PGlite maintains a text index row by row slowly: for a bulk load, build it once afterwards.
  // (Only there: the embedded database has no other connection that the dropped index could
  // block; on PostgreSQL readers keep reading during an import.)
  const [stagedRelations] = await tx.query<{ n: number }>(
    'select count(*)::int as n from tx_stage_relations',
  );
  const rebuildIndex = kind === 'pglite' && n(stagedRelations?.n) > 10_000;
  if (rebuildIndex) await tx.query('drop index if exists taxonomy_relations_target_idx');
  const [relations] = await tx.query<{ staged: number; inserted: number; updated: number }>(
    `with src as (
       select distinct on (s.kind, s.source_uri, s.target_uri) s.kind, s.source_uri, s.target_uri, s.relation_type, s.origin
       from tx_stage_relations s
       order by s.kind, s.source_uri, s.target_uri, s.origin
     ), up as (
       insert into taxonomy_relations as r (kind, source_uri, target_uri, relation_type, origin)
       select kind, source_uri, target_uri, relation_type, origin from src
       on conflict (kind, source_uri, target_uri) do update set relation_type = excluded.relation_type, origin = excluded.origin
       where (r.relation_type, r.origin) is distinct from (excluded.relation_type, excluded.origin)
       returning (xmax = 0) as inserted
     )
     select (select count(*) from src) as staged,
            count(*) filter (where inserted) as inserted, count(*) filter (where not inserted) as updated
     from up`,
  );
  if (rebuildIndex) {
    await tx.query(
      'create index taxonomy_relations_target_idx on taxonomy_relations using btree (target_uri, kind)',
    );
  }
  const [dangling] = await tx.query<{ n: number }>(
    `select count(*) as n from tx_stage_relations s
     where not exists (select 1 from taxonomy_concepts a where a.uri = s.source_uri)
        or not exists (select 1 from taxonomy_concepts b where b.uri = s.target_uri)`,
  );
  let relationsDeleted = 0;
  if (plan.completeOrigins.length > 0) {
    const rows = await tx.query(
      `delete from taxonomy_relations r
       where r.origin = any($1::text[])
         and not exists (select 1 from tx_stage_relations s
                         where s.kind = r.kind and s.source_uri = r.source_uri and s.target_uri = r.target_uri)
       returning 1`,
      [plan.completeOrigins],
    );
    relationsDeleted = rows.length;
  }
  if (plan.source === 'esco') {
    // Starter-catalogue relations of concepts an ESCO release has taken over give way to ESCO's own.
    const takenOver: [string, string][] = [];
    if (plan.completeOrigins.includes('occupation_skill')) takenOver.push(['occupation_skill', 'occupation']);
    if (plan.completeOrigins.includes('skill_pillar')) takenOver.push(['broader', 'skill']);
    for (const [kind, type] of takenOver) {
      const rows = await tx.query(
        `delete from taxonomy_relations r
         where r.origin = 'catalogue' and r.kind = $1
           and exists (select 1 from taxonomy_concepts c where c.uri = r.source_uri and c.source = 'esco' and c.type = $2)
         returning 1`,
        [kind, type],
      );
      relationsDeleted += rows.length;
    }
  }

  // 5. Collection membership.
  const membersIn = await tx.query(
    `insert into taxonomy_collection_members (collection, uri)
     select distinct s.collection, s.uri from tx_stage_members s
     where exists (select 1 from taxonomy_concepts c where c.uri = s.uri)
     on conflict do nothing
     returning 1`,
  );
  let membersOut = 0;
  if (plan.completeCollections.length > 0) {
    const rows = await tx.query(
      `delete from taxonomy_collection_members m
       where m.collection = any($1::text[])
         and not exists (select 1 from tx_stage_members s where s.collection = m.collection and s.uri = m.uri)
       returning 1`,
      [plan.completeCollections],
    );
    membersOut = rows.length;
  }

  const conceptsStaged = n(concepts?.staged);
  const relStaged = n(relations?.staged);
  const relWritten = n(relations?.inserted) + n(relations?.updated);
  const labelsWritten = n(replaced?.inserted) + n(replaced?.updated) + n(filled?.inserted);
  return {
    conceptsInserted: n(concepts?.inserted),
    conceptsUpdated: n(concepts?.updated),
    conceptsUnchanged: conceptsStaged - n(concepts?.inserted) - n(concepts?.updated),
    conceptsObsoleted: obsoleted,
    labelsInserted: n(replaced?.inserted) + n(filled?.inserted),
    labelsUpdated: n(replaced?.updated),
    labelsUnchanged: n(labelTotals?.known) - labelsWritten,
    labelsSkipped: n(labelTotals?.pairs) - n(labelTotals?.known),
    relationsInserted: n(relations?.inserted),
    relationsUpdated: n(relations?.updated),
    relationsUnchanged: relStaged - relWritten,
    relationsDeleted,
    relationsDangling: n(dangling?.n),
    collectionMembersInserted: membersIn.length,
    collectionMembersDeleted: membersOut,
  };
}
