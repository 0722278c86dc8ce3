import { z } from 'zod';
import {
  errors,
  type ConceptType,
  type ImportCounts,
  type ImportPlan,
  type LabelPolicy,
  type RelationOrigin,
  type SkillType,
  type StagedCollectionMember,
  type StagedConcept,
  type StagedLabels,
  type StagedRelation,
  type TaxonomyImportSession,
  type TaxonomyStore,
  compareVersions,
  newestVersionOf,
} from '@passerelle/core';
import {
  guessKindFromHeader,
  planFiles,
  specOf,
  type EscoFileKind,
  type PlannedFile,
  type SkippedFile,
} from './files';
import { readCsv, splitValues, valueOrNull, type CsvRecord } from './read-csv';

export interface ImportProgress {
  phase: 'read' | 'merge' | 'done';
  /** The file being read (phase `read`). */
  file?: string;
  fileIndex: number;
  fileCount: number;
  bytesRead: number;
  bytesTotal: number;
}

export interface EscoImportOptions {
  /** Only files in these languages (relations, which have none, are always read). */
  langs?: string[] | undefined;
  /** The ESCO version when the paths do not tell it (a folder named like `v1.2.0`). */
  version?: string | undefined;
  onProgress?: (progress: ImportProgress) => void;
  /** Rows per staging batch (memory stays bounded by this, whatever the file size). */
  batchSize?: number;
}

export interface ImportedFile {
  path: string;
  kind: EscoFileKind;
  lang: string | null;
  version: string | null;
  rows: number;
  /** `full`: sets concepts, labels and relations. `labels`: an older release or a label list, only adds missing labels. */
  mode: 'full' | 'labels' | 'skipped';
}

export interface EscoImportSummary {
  version: string | null;
  languages: string[];
  files: ImportedFile[];
  skipped: SkippedFile[];
  warnings: string[];
  counts: ImportCounts;
  seconds: number;
}

const typeOfKind: Partial<Record<EscoFileKind, ConceptType>> = {
  isco_groups: 'isco_group',
  skill_groups: 'skill_group',
  skills: 'skill',
  occupations: 'occupation',
};

const conceptTypeValue: Partial<Record<EscoFileKind, string>> = {
  isco_groups: 'ISCOGroup',
  skill_groups: 'SkillGroup',
  skills: 'KnowledgeSkillCompetence',
  occupations: 'Occupation',
};

const originOfKind: Partial<Record<EscoFileKind, RelationOrigin>> = {
  broader_occupation_pillar: 'occupation_pillar',
  broader_skill_pillar: 'skill_pillar',
  occupation_skill_relations: 'occupation_skill',
  skill_skill_relations: 'skill_skill',
  skills_hierarchy: 'skills_hierarchy',
};

// The order files are read in. Merging happens at the end, so order matters only where two files
// stage the same concept: the skills hierarchy comes before skill groups, whose rows then win.
const kindOrder: EscoFileKind[] = [
  'isco_groups',
  'skills_hierarchy',
  'skill_groups',
  'skills',
  'occupations',
  'collection',
  'broader_occupation_pillar',
  'broader_skill_pillar',
  'occupation_skill_relations',
  'skill_skill_relations',
  'label_list',
];

const conceptUri = z
  .string()
  .regex(/^(https?:\/\/|urn:)[^\s]+$/, 'must be a concept URI (http://data.europa.eu/esco/...)');
const iscoCode = z.string().regex(/^\d{1,4}$/, 'must be an ISCO-08 code of 1 to 4 digits');
const relationType = z.enum(['essential', 'optional']);
const skillTypes: Record<string, SkillType> = {
  'skill/competence': 'skill/competence',
  knowledge: 'knowledge',
};

/**
 * Imports ESCO CSV files (the official package of v1.0.x–v1.2.x in one or many languages, plus
 * label lists) into the taxonomy store, in one transaction: on any error nothing changes.
 * Languages merge by concept URI. Re-importing the same files changes nothing; a newer release
 * updates concepts, labels and relations and marks the concepts it no longer lists obsolete.
 */
export async function importEsco(
  store: TaxonomyStore,
  paths: string[],
  options: EscoImportOptions = {},
): Promise<EscoImportSummary> {
  const started = performance.now();
  const { files: planned, skipped } = planFiles(paths, { langs: options.langs });
  if (planned.length === 0) {
    throw errors.invalidFile(paths.join(', '), 'no ESCO CSV file found here');
  }
  planned.sort(
    (a, b) =>
      kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
      langRank(a.lang) - langRank(b.lang) ||
      a.path.localeCompare(b.path),
  );

  const conceptFileVersions = planned
    .filter((f) => typeOfKind[f.kind] && f.version)
    .map((f) => f.version as string);
  const runVersion = options.version ?? newestVersionOf(conceptFileVersions);
  const stored = await store.newestVersion('esco');
  const reference = newestVersionOf([stored, runVersion]);
  const isOlder = (f: PlannedFile) => {
    const v = options.version ?? f.version;
    return v !== null && reference !== null && compareVersions(v, reference) < 0;
  };

  const bytesTotal = planned.reduce((s, f) => s + f.size, 0);
  let bytesBefore = 0;
  const batchSize = options.batchSize ?? 2000;
  const warnings: string[] = [];
  const imported: ImportedFile[] = [];
  const languages = new Set<string>();
  const completeTypes = new Set<ConceptType>();
  const completeOrigins = new Set<RelationOrigin>();
  const completeCollections = new Set<string>();

  const counts = await store.runImport(async (session) => {
    for (const [index, file] of planned.entries()) {
      const older = isOlder(file);
      const report = (bytes: number) =>
        options.onProgress?.({
          phase: 'read',
          file: file.path,
          fileIndex: index,
          fileCount: planned.length,
          bytesRead: bytesBefore + bytes,
          bytesTotal,
        });
      report(0);
      const isRelationFile =
        file.kind === 'collection' ||
        (originOfKind[file.kind] !== undefined && file.kind !== 'skills_hierarchy');
      if (older && isRelationFile) {
        imported.push({
          path: file.path,
          kind: file.kind,
          lang: file.lang,
          version: file.version,
          rows: 0,
          mode: 'skipped',
        });
        warnings.push(`${file.path}: skipped, its release (${file.version}) is older than ${reference}`);
      } else {
        const mode: ImportedFile['mode'] = older || file.kind === 'label_list' ? 'labels' : 'full';
        const rows = await readFile(session, file, mode, { batchSize, warnings, onBytes: report });
        imported.push({
          path: file.path,
          kind: file.kind,
          lang: file.lang,
          version: file.version,
          rows,
          mode,
        });
        if (
          file.lang &&
          (typeOfKind[file.kind] || file.kind === 'label_list' || file.kind === 'skills_hierarchy')
        ) {
          languages.add(file.lang);
        }
        if (mode === 'full') {
          const type = typeOfKind[file.kind];
          if (type) completeTypes.add(type);
          const origin = originOfKind[file.kind];
          if (origin) completeOrigins.add(origin);
          if (file.kind === 'collection' && file.collection) completeCollections.add(file.collection);
        }
      }
      bytesBefore += file.size;
    }
    options.onProgress?.({
      phase: 'merge',
      fileIndex: planned.length,
      fileCount: planned.length,
      bytesRead: bytesTotal,
      bytesTotal,
    });
    const plan: ImportPlan = {
      source: 'esco',
      version: runVersion,
      languages: [...languages].sort(),
      files: imported.map((f) => f.path),
      completeTypes: [...completeTypes],
      completeOrigins: [...completeOrigins],
      completeCollections: [...completeCollections],
    };
    return session.commit(plan);
  });
  options.onProgress?.({
    phase: 'done',
    fileIndex: planned.length,
    fileCount: planned.length,
    bytesRead: bytesTotal,
    bytesTotal,
  });
  return {
    version: runVersion,
    languages: [...languages].sort(),
    files: imported,
    skipped,
    warnings,
    counts,
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}

/** English first, then the other languages alphabetically, then files without a language. */
function langRank(lang: string | null): number {
  if (lang === 'en') return 0;
  if (lang === null) return 2;
  return 1;
}

interface ReadContext {
  batchSize: number;
  warnings: string[];
  onBytes: (bytes: number) => void;
}

/** A buffer that stages rows in batches. */
function batcher<T>(size: number, flush: (rows: T[]) => Promise<void>) {
  let rows: T[] = [];
  return {
    async push(row: T) {
      rows.push(row);
      if (rows.length >= size) {
        const full = rows;
        rows = [];
        await flush(full);
      }
    },
    async end() {
      if (rows.length > 0) {
        const rest = rows;
        rows = [];
        await flush(rest);
      }
    },
  };
}

function fail(file: PlannedFile, rec: CsvRecord, column: string, reason: string): never {
  throw errors.invalidFile(file.path, reason, { line: rec.line, column });
}

function check<T>(file: PlannedFile, rec: CsvRecord, column: string, schema: z.ZodType<T>): T {
  const value = rec.values[column] ?? '';
  const r = schema.safeParse(value.trim());
  if (!r.success)
    fail(
      file,
      rec,
      column,
      `${JSON.stringify(value.slice(0, 80))} ${r.error.issues[0]?.message ?? 'is not valid'}`,
    );
  return r.data;
}

function headerChecker(file: PlannedFile, warnings: string[]) {
  return (columns: string[]) => {
    const spec = specOf(file.kind);
    if (!spec) return;
    const missing = spec.required.filter((c) => !columns.includes(c));
    if (missing.length > 0) {
      const guess = guessKindFromHeader(columns);
      const hint = guess && guess !== file.kind ? ` (it looks like a ${guess.replace(/_/g, ' ')} file)` : '';
      throw errors.invalidFile(
        file.path,
        `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}${hint}`,
        {
          line: 1,
          column: missing[0],
        },
      );
    }
    const extra = columns.filter((c) => !spec.known.includes(c));
    if (extra.length > 0) warnings.push(`${file.path}: columns not read: ${extra.join(', ')}`);
  };
}

async function readFile(
  session: TaxonomyImportSession,
  file: PlannedFile,
  mode: 'full' | 'labels',
  ctx: ReadContext,
): Promise<number> {
  if (file.kind === 'label_list') return readLabelList(session, file, ctx);
  const policy: LabelPolicy = mode === 'full' ? 'replace' : 'fill';
  const concepts = batcher<StagedConcept>(ctx.batchSize, (rows) => session.stageConcepts(rows));
  const labels = batcher<StagedLabels>(ctx.batchSize, (rows) => session.stageLabels(rows, policy));
  const relations = batcher<StagedRelation>(ctx.batchSize, (rows) => session.stageRelations(rows));
  const members = batcher<StagedCollectionMember>(ctx.batchSize, (rows) =>
    session.stageCollectionMembers(rows),
  );
  const lang = file.lang ?? 'en';
  const records = readCsv(file.path, {
    onBytes: ctx.onBytes,
    checkHeader: headerChecker(file, ctx.warnings),
    allowShortRows: file.kind === 'skills_hierarchy',
  });
  let count = 0;
  const hierarchySeen = new Set<string>();

  for await (const rec of records) {
    count++;
    const v = rec.values;
    switch (file.kind) {
      case 'isco_groups':
      case 'skill_groups':
      case 'skills':
      case 'occupations': {
        const expected = conceptTypeValue[file.kind];
        const actual = (v.conceptType ?? '').trim();
        if (actual !== '' && actual !== expected) {
          fail(
            file,
            rec,
            'conceptType',
            `expected ${expected} rows, found ${JSON.stringify(actual.slice(0, 40))} (is this a file of another kind?)`,
          );
        }
        const uri = check(file, rec, 'conceptUri', conceptUri);
        const preferred = valueOrNull(v.preferredLabel);
        if (mode === 'full') {
          let isco: string | null = null;
          let code = valueOrNull(v.code);
          if (file.kind === 'occupations') {
            const raw = (v.iscoGroup ?? '').trim();
            isco = raw === '' ? null : check(file, rec, 'iscoGroup', iscoCode);
          } else if (file.kind === 'isco_groups') {
            code = check(file, rec, 'code', iscoCode);
            isco = code;
          }
          const rawSkillType = (v.skillType ?? '').trim();
          const skillType = skillTypes[rawSkillType] ?? null;
          if (rawSkillType !== '' && !skillType)
            ctx.warnings.push(`${file.path}:${rec.line}: unknown skillType ${rawSkillType}`);
          await concepts.push({
            uri,
            type: typeOfKind[file.kind] as ConceptType,
            code,
            iscoCode: isco,
            skillType,
            reuseLevel: valueOrNull(v.reuseLevel),
            status: valueOrNull(v.status),
          });
        }
        await labels.push({
          uri,
          lang,
          preferred,
          alt: splitValues(v.altLabels),
          hidden: splitValues(v.hiddenLabels),
          description: valueOrNull(v.description) ?? valueOrNull(v.definition),
        });
        break;
      }
      case 'skills_hierarchy': {
        let parent: string | null = null;
        let deepest = -1;
        for (let level = 0; level <= 3; level++) {
          const col = `Level ${level} URI`;
          const raw = (v[col] ?? '').trim();
          if (raw === '') continue;
          const uri = check(file, rec, col, conceptUri);
          deepest = level;
          if (parent && mode === 'full') {
            await relations.push({
              kind: 'broader',
              sourceUri: uri,
              targetUri: parent,
              relationType: null,
              origin: 'skills_hierarchy',
            });
          }
          parent = uri;
        }
        if (deepest < 0 || !parent) fail(file, rec, 'Level 0 URI', 'a row without any concept URI');
        if (!hierarchySeen.has(parent)) {
          hierarchySeen.add(parent);
          if (mode === 'full') {
            await concepts.push({
              uri: parent,
              type: 'skill_group',
              code: valueOrNull(v[`Level ${deepest} code`]),
              iscoCode: null,
              skillType: null,
              reuseLevel: null,
              status: null,
            });
          }
          await labels.push({
            uri: parent,
            lang,
            preferred: valueOrNull(v[`Level ${deepest} preferred term`]),
            alt: [],
            hidden: [],
            description: valueOrNull(v.Description),
          });
        }
        break;
      }
      case 'collection': {
        const uri = check(file, rec, 'conceptUri', conceptUri);
        await members.push({ collection: file.collection ?? 'collection', uri });
        break;
      }
      case 'broader_occupation_pillar':
      case 'broader_skill_pillar': {
        const source = check(file, rec, 'conceptUri', conceptUri);
        const target = check(file, rec, 'broaderUri', conceptUri);
        await relations.push({
          kind: 'broader',
          sourceUri: source,
          targetUri: target,
          relationType: null,
          origin: originOfKind[file.kind] as RelationOrigin,
        });
        break;
      }
      case 'occupation_skill_relations': {
        const source = check(file, rec, 'occupationUri', conceptUri);
        const type = check(file, rec, 'relationType', relationType);
        const target = check(file, rec, 'skillUri', conceptUri);
        await relations.push({
          kind: 'occupation_skill',
          sourceUri: source,
          targetUri: target,
          relationType: type,
          origin: 'occupation_skill',
        });
        break;
      }
      case 'skill_skill_relations': {
        const source = check(file, rec, 'originalSkillUri', conceptUri);
        const type = check(file, rec, 'relationType', relationType);
        const target = check(file, rec, 'relatedSkillUri', conceptUri);
        await relations.push({
          kind: 'skill_skill',
          sourceUri: source,
          targetUri: target,
          relationType: type,
          origin: 'skill_skill',
        });
        break;
      }
      default:
        break;
    }
  }
  await concepts.end();
  await labels.end();
  await relations.end();
  await members.end();
  if (count === 0) {
    // A concept list or the occupation–skill relations cannot be empty (a cut file); a collection can.
    if (typeOfKind[file.kind] || file.kind === 'occupation_skill_relations') {
      throw errors.invalidFile(file.path, 'the file has no rows', { line: 2 });
    }
    ctx.warnings.push(`${file.path}: no rows`);
  }
  return count;
}

/**
 * A label list in the MELO layout: `corpus_elements.tsv` (id, label) and `concept_mapping.tsv`
 * (id, concept URI), no header. Ids ending in `_000` are preferred labels, the others
 * alternative ones. Label lists only fill languages a concept has no labels in.
 */
async function readLabelList(
  session: TaxonomyImportSession,
  file: PlannedFile,
  ctx: ReadContext,
): Promise<number> {
  const mappingPath = file.mappingPath as string;
  const uriById = new Map<string, string>();
  try {
    for await (const rec of readCsv(mappingPath, { delimiter: '\t', quote: false, columns: ['id', 'uri'] })) {
      const id = (rec.values.id ?? '').trim();
      if (id === '') fail({ ...file, path: mappingPath }, rec, 'id', 'an empty id');
      uriById.set(id, check({ ...file, path: mappingPath }, rec, 'uri', conceptUri));
    }
  } catch (e) {
    if ((e as { details?: { reason?: string } }).details?.reason === 'cannot read the file (ENOENT)') {
      throw errors.invalidFile(mappingPath, 'concept_mapping.tsv is missing beside corpus_elements.tsv');
    }
    throw e;
  }
  const labels = batcher<StagedLabels>(ctx.batchSize, (rows) => session.stageLabels(rows, 'fill'));
  const lang = file.lang as string;
  let current: StagedLabels | null = null;
  let count = 0;
  for await (const rec of readCsv(file.path, {
    delimiter: '\t',
    quote: false,
    columns: ['id', 'label'],
    onBytes: ctx.onBytes,
  })) {
    count++;
    const id = (rec.values.id ?? '').trim();
    const label = (rec.values.label ?? '').trim();
    const uri = uriById.get(id);
    if (!uri)
      fail(file, rec, 'id', `the id ${JSON.stringify(id.slice(0, 40))} is not in concept_mapping.tsv`);
    if (label === '') continue;
    if (!current || current.uri !== uri) {
      if (current) await labels.push(withPreferred(current));
      current = { uri, lang, preferred: null, alt: [], hidden: [], description: null };
    }
    if (/_0+$/.test(id) && current.preferred === null) current.preferred = label;
    else if (!current.alt.includes(label)) current.alt.push(label);
  }
  if (current) await labels.push(withPreferred(current));
  await labels.end();
  if (count === 0) throw errors.invalidFile(file.path, 'the label list is empty', { line: 1 });
  return count;
}

/** A label list without a `_000` line for a concept: its first label becomes the preferred one. */
function withPreferred(labels: StagedLabels): StagedLabels {
  if (labels.preferred !== null || labels.alt.length === 0) return labels;
  const [first, ...rest] = labels.alt;
  return { ...labels, preferred: first ?? null, alt: rest };
}
