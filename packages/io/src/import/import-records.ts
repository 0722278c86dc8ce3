import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { isDomainError, type BulkUpsertResult, type FieldIssue, type UpsertOutcome } from '@passerelle/core';
import {
  createPersonStore,
  createTrainingStore,
  createVacancyStore,
  type Database,
  type Db,
} from '@passerelle/db';
import { parseRowCells, type ParsedRow, type RowCells } from '../layouts/convert';
import { layouts } from '../layouts/index';
import {
  columnForPath,
  getPath,
  layoutHeader,
  setPath,
  type ImportKind,
  type Layout,
} from '../layouts/layout';
import { compileMapping, type ImportMapping } from '../mapping/mapping';
import type { Table } from '../table/table';
import { jsonbKeyOrder } from '../write/jsonb-order';
import type { OccupationCoder } from './occupation-coder';
import { upsertOrganisations, type OrganisationRow } from '../write/organisations';

/** One problem of one row: the row number a spreadsheet shows, the column, a stable code and a message. */
export interface RowIssue {
  row: number;
  externalId: string | null;
  field: string;
  code: string;
  message: string;
}

export interface RowOutcome {
  row: number;
  externalId: string;
  id: string;
  outcome: UpsertOutcome;
}

/**
 * A person's case closed or reopened by an import row: the entries the close and reopen endpoints
 * audit (`close_case`, `reopen_case`), for the caller to audit the same way. A closure replaced by
 * another is a reopen then a close; a new person imported closed is a close.
 */
export interface CaseClosureChange {
  row: number;
  externalId: string;
  id: string;
  action: 'close_case' | 'reopen_case';
}

/** The report of an import or a dry run. */
export interface ImportReport {
  kind: ImportKind;
  format: Table['format'];
  dryRun: boolean;
  /** True when the changes were written (never for a dry run or a file with invalid rows). */
  committed: boolean;
  rows: number;
  invalidRows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Organisations created because rows named an unknown employer or provider (with its name). */
  organisationsCreated: number;
  /** Rows whose occupation was coded from its text (`codeOccupation`). */
  occupationsCoded: number;
  /** The first `codedListLimit` of those rows, for review: the text and the occupation chosen. */
  codedOccupations: CodedOccupation[];
  issues: RowIssue[];
  outcomes: RowOutcome[];
  /** People: the cases the file closes or reopens, row by row (empty for other kinds). */
  caseClosureChanges: CaseClosureChange[];
}

/** A row whose occupation was coded from its text. */
export interface CodedOccupation {
  row: number;
  text: string;
  uri: string;
  iscoCode: string | null;
  label: string;
  score: number;
}

/** How many coded rows a report lists (all are counted). */
export const codedListLimit = 1000;

export interface ImportProgress {
  phase: 'validate' | 'write';
  done: number;
  total: number;
}

export interface ImportOptions {
  kind: ImportKind;
  table: Table;
  mapping?: ImportMapping | null;
  dryRun?: boolean;
  newId?: () => string;
  actorId?: string | null;
  /** The file name, for messages. */
  name?: string;
  onProgress?: (progress: ImportProgress) => void;
  /** Rows per write batch (each a savepoint inside the one transaction). */
  batchSize?: number;
  /** Today as YYYY-MM-DD (default: today in UTC): a person's case closure may not be dated later. */
  today?: string;
  /**
   * Fills the occupation URI and ISCO code of rows that give only the occupation's text (see
   * `createOccupationCoder`). Codes already in the file are never replaced.
   */
  codeOccupation?: OccupationCoder | null;
  /**
   * Whether the caller may write this row (the server's access policy), given the record it would
   * replace (found by external id, null when new): null when it may, else why not. Refused rows are
   * reported as issues (`forbidden`), so nothing is written.
   */
  authorizeRow?:
    | ((
        input: Record<string, unknown> & { externalId: string },
        existing: Record<string, unknown> | null,
      ) => Promise<string | null>)
    | null;
}

/** Columns accepted in a file of our layout besides the layout's own (written by exports, ignored on import). */
const informationalColumns = new Set(['id']);

class Rollback extends Error {
  constructor(readonly value: unknown) {
    super('rollback');
  }
}

interface PendingRow {
  row: number;
  parsed: ParsedRow;
  externalId: string | null;
  /** The rest column's cell (the extra JSON), when the file has that column. */
  restCell?: string;
  input?: Record<string, unknown> & { externalId: string };
  /** People: what the row does to the case's closure (audited like the endpoints). */
  closureActions?: CaseClosureChange['action'][];
}

/** A case closure as comparable text (null: open). */
function closureKey(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  const c = value as { on?: unknown; reason?: unknown; note?: unknown };
  return JSON.stringify([c.on ?? null, c.reason ?? null, c.note ?? null]);
}

/** The audit actions of a closure going from `before` to `after` (as the endpoints would write them). */
function closureActionsOf(before: string | null, after: string | null): CaseClosureChange['action'][] {
  if (before === after) return [];
  if (before === null) return ['close_case'];
  if (after === null) return ['reopen_case'];
  return ['reopen_case', 'close_case'];
}

interface OrganisationRef {
  id: string;
  kind: string;
  archived: boolean;
}

/** Checks the header of a file in our layout; returns file-level issues (row 1). */
function checkHeader(layout: Layout, header: string[]): RowIssue[] {
  const known = new Set([...layoutHeader(layout), ...informationalColumns]);
  const issues: RowIssue[] = [];
  const seen = new Set<string>();
  for (const h of header) {
    if (h === '') continue;
    if (!known.has(h)) {
      issues.push({
        row: 1,
        externalId: null,
        field: h,
        code: 'unknown_column',
        message: `"${h}" is not a column of the ${layout.kind} layout (see docs/import-format.md, or give a mapping file)`,
      });
    }
    if (seen.has(h))
      issues.push({
        row: 1,
        externalId: null,
        field: h,
        code: 'duplicate_column',
        message: `"${h}" appears twice`,
      });
    seen.add(h);
  }
  if (!seen.has('external_id')) {
    issues.push({
      row: 1,
      externalId: null,
      field: 'external_id',
      code: 'missing_column',
      message: 'the file needs an external_id column',
    });
  }
  return issues;
}

const recordTables: Record<ImportKind, string> = {
  people: 'people',
  employers: 'organisations',
  vacancies: 'vacancies',
  trainings: 'training_offers',
};

/** A stored record a row would update: its id and its input as JSON text (parsed when needed). */
interface StoredRecord {
  id: string;
  /** The record input as stored (people, vacancies, trainings: `data`; employers: kind, name, country, data). */
  json: string;
}

/** A Postgres text[] literal (every element quoted). */
function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

/**
 * The stored records of a batch, by external id, in one indexed query (`external_id = any($1)`).
 * Rows whose external id is new are simply absent from the map.
 */
async function findStored(
  tx: Db,
  kind: ImportKind,
  externalIds: readonly string[],
): Promise<Map<string, StoredRecord>> {
  const out = new Map<string, StoredRecord>();
  if (externalIds.length === 0) return out;
  const select =
    kind === 'employers'
      ? sql`select id, external_id, jsonb_build_object('kind', kind, 'name', name, 'country', country, 'externalId', external_id, 'data', data)::text as j`
      : sql`select id, external_id, data::text as j`;
  const result = (await tx.execute(
    sql`${select} from ${sql.raw(recordTables[kind])} where external_id = any(${textArrayLiteral(externalIds)}::text::text[])`,
  )) as unknown as { rows: { id: string; external_id: string; j: string }[] };
  for (const r of result.rows) out.set(r.external_id, { id: r.id, json: r.j });
  return out;
}

/** The stored record a row would replace as `authorizeRow` sees it (its input and id; employers: kind and country). */
function existingForAuthorization(kind: ImportKind, stored: StoredRecord): Record<string, unknown> {
  const data = JSON.parse(stored.json) as Record<string, unknown>;
  return kind === 'employers'
    ? { kind: data.kind, country: data.country ?? null, id: stored.id }
    : { ...data, id: stored.id };
}

/** What a file speaks about: the layout's columns, references and extra-JSON column its header (or mapping) fills. */
interface FileCoverage {
  columns: Layout['columns'];
  references: Set<string>;
  rest: boolean;
}

function fileCoverage(layout: Layout, headers: readonly string[]): FileCoverage {
  const present = new Set(headers.filter((h) => h !== ''));
  return {
    columns: layout.columns.filter((c) => present.has(c.name)),
    references: new Set(
      layout.references.filter((r) => present.has(r.name) || present.has(r.idColumn)).map((r) => r.name),
    ),
    rest: layout.rest ? present.has(layout.rest.name) : false,
  };
}

/** Removes the field at `path`, then the objects on the way that it left empty. */
function deletePath(target: Record<string, unknown>, path: string[]): void {
  const chain: Record<string, unknown>[] = [target];
  let cur = target;
  for (let i = 0; i < path.length - 1; i++) {
    const next = cur[path[i]!];
    if (next == null || typeof next !== 'object' || Array.isArray(next)) return;
    cur = next as Record<string, unknown>;
    chain.push(cur);
  }
  if (!(path[path.length - 1]! in cur)) return;
  delete cur[path[path.length - 1]!];
  for (let i = chain.length - 1; i > 0; i--) {
    if (Object.keys(chain[i]!).length > 0) break;
    delete chain[i - 1]![path[i - 1]!];
  }
}

/**
 * The draft of a row that updates a stored record: the stored input, with the fields of the
 * columns the file has taken from the row (an empty cell clears its field). Fields of absent
 * columns, and fields no column covers, keep their stored values. The extra-JSON column, when
 * present, gives the keys outside its layout's known keys (as for a new record).
 */
function mergeIntoStored(
  layout: Layout,
  coverage: FileCoverage,
  stored: Record<string, unknown>,
  draft: Record<string, unknown>,
  restCell: string | undefined,
): Record<string, unknown> {
  const merged = stored;
  const put = (path: string[]) => {
    const value = getPath(draft, path);
    if (value === undefined) deletePath(merged, path);
    else setPath(merged, path, value);
  };
  for (const column of coverage.columns) put(column.path);
  for (const ref of layout.references) if (coverage.references.has(ref.name)) put(ref.path);
  if (layout.rest && coverage.rest) {
    const known = new Set(layout.rest.knownKeys);
    const target = getPath(merged, layout.rest.path);
    if (target && typeof target === 'object' && !Array.isArray(target)) {
      for (const k of Object.keys(target)) if (!known.has(k)) delete (target as Record<string, unknown>)[k];
    }
    let given: Record<string, unknown> = {};
    try {
      const parsed = JSON.parse(restCell?.trim() || '{}') as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        given = parsed as Record<string, unknown>;
    } catch {
      // Reported by parseRowCells.
    }
    for (const k of Object.keys(given)) put([...layout.rest.path, k]);
  }
  if (layout.fixed) Object.assign(merged, layout.fixed);
  return merged;
}

/** Looks up organisations by external id and by id. */
async function findOrganisations(
  tx: Db,
  externalIds: string[],
  ids: string[],
): Promise<{ byExternalId: Map<string, OrganisationRef>; byId: Map<string, OrganisationRef> }> {
  const byExternalId = new Map<string, OrganisationRef>();
  const byId = new Map<string, OrganisationRef>();
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const validIds = ids.filter((i) => uuid.test(i));
  if (externalIds.length === 0 && validIds.length === 0) return { byExternalId, byId };
  const result = (await tx.execute(sql`
    select id, external_id, kind, archived_at is not null as archived from organisations
    where external_id in (select jsonb_array_elements_text(${JSON.stringify(externalIds)}::jsonb))
       or id in (select (jsonb_array_elements_text(${JSON.stringify(validIds)}::jsonb))::uuid)`)) as unknown as {
    rows: { id: string; external_id: string | null; kind: string; archived: boolean }[];
  };
  for (const r of result.rows) {
    const ref = { id: r.id, kind: r.kind, archived: r.archived };
    if (r.external_id) byExternalId.set(r.external_id, ref);
    byId.set(r.id, ref);
  }
  return { byExternalId, byId };
}

/** Turns a store error about row `index` of a batch into row issues. */
function storeErrorIssues(e: unknown, layout: Layout, rows: PendingRow[]): RowIssue[] | null {
  if (!isDomainError(e)) return null;
  const list = (e.details.issues ?? []) as {
    path?: (string | number)[];
    code?: string;
    message?: string;
    reason?: string;
    entity?: string;
  }[];
  if (!Array.isArray(list) || list.length === 0) return null;
  return list.map((issue) => {
    const [index, ...rest] = issue.path ?? [];
    const row = typeof index === 'number' ? rows[index] : undefined;
    return {
      row: row?.row ?? 0,
      externalId: row?.externalId ?? null,
      field: columnForPath(layout, typeof index === 'number' ? rest : (issue.path ?? [])),
      code:
        issue.code ?? (e.code === 'invalid_reference' ? `reference_${issue.reason ?? 'invalid'}` : e.code),
      message: issue.message ?? (issue.entity ? `${issue.entity} ${issue.reason ?? 'invalid'}` : e.code),
    };
  });
}

async function writeRecords(
  tx: Db,
  kind: ImportKind,
  rows: (Record<string, unknown> & { externalId: string })[],
  newId: () => string,
  actorId: string | null,
): Promise<BulkUpsertResult> {
  const options = { dryRun: false, newId, meta: { actorId } };
  switch (kind) {
    case 'vacancies':
      return createVacancyStore(tx).upsertByExternalId(rows as never, options);
    case 'trainings':
      return createTrainingStore(tx).upsertByExternalId(rows as never, options);
    case 'people':
      // The person store compares stored and new data field by field as JSON text: give it jsonb's key order.
      return createPersonStore(tx, { newId }).upsertByExternalId(rows.map(jsonbKeyOrder) as never, options);
    case 'employers':
      return upsertOrganisations(tx, rows as unknown as OrganisationRow[], newId);
  }
}

/** Lets pending database work (a write in flight) continue between slices of validation. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Imports a table of people, employers, vacancies or trainings: every row is checked (codecs,
 * references, the core schema) and the valid batches are written inside one transaction while
 * the next batch is checked (with PostgreSQL the database works while the checks run). Any
 * invalid row: writing stops, the remaining rows are still checked so that the report names every
 * problem, and the transaction is rolled back, so nothing changes. A dry run does everything, then
 * rolls back.
 */
export async function importTable(database: Database, options: ImportOptions): Promise<ImportReport> {
  const layout = layouts[options.kind] as Layout<Record<string, unknown>>;
  const newId = options.newId ?? randomUUID;
  const dryRun = options.dryRun ?? false;
  const batchSize = options.batchSize ?? 2000;
  const todayDate = options.today ?? new Date().toISOString().slice(0, 10);
  const { table } = options;
  const total = table.rows.length;
  const report: ImportReport = {
    kind: options.kind,
    format: table.format,
    dryRun,
    committed: false,
    rows: total,
    invalidRows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    organisationsCreated: 0,
    occupationsCoded: 0,
    codedOccupations: [],
    issues: [],
    outcomes: [],
    caseClosureChanges: [],
  };

  // 1. Cells of our layout, directly or through the mapping.
  let toCells: (cells: string[]) => { cells: RowCells; issues: FieldIssue[] };
  /** The external id of a row, cheaply (to fetch the stored records of the next batch early). */
  let externalIdOf: (cells: string[]) => string;
  let coverage: FileCoverage;
  if (options.mapping) {
    if (options.mapping.kind && options.mapping.kind !== options.kind) {
      report.issues.push({
        row: 1,
        externalId: null,
        field: 'kind',
        code: 'wrong_kind',
        message: `the mapping is for ${options.mapping.kind}, not ${options.kind}`,
      });
      return report;
    }
    const known = new Set(layoutHeader(layout));
    for (const target of Object.keys(options.mapping.columns)) {
      if (!known.has(target)) {
        report.issues.push({
          row: 1,
          externalId: null,
          field: target,
          code: 'unknown_column',
          message: `the mapping fills "${target}", which is not a column of the ${options.kind} layout`,
        });
      }
    }
    if (report.issues.length > 0) return report;
    toCells = compileMapping(options.mapping, table, options.name).apply;
    externalIdOf = (cells) => (toCells(cells).cells.external_id ?? '').trim();
    coverage = fileCoverage(layout, Object.keys(options.mapping.columns));
  } else {
    report.issues.push(...checkHeader(layout, table.header));
    if (report.issues.length > 0) return report;
    const header = table.header;
    const noIssues: FieldIssue[] = [];
    toCells = (cells) => {
      const out: RowCells = {};
      for (let i = 0; i < header.length; i++) {
        const h = header[i]!;
        if (h !== '') out[h] = cells[i] ?? '';
      }
      return { cells: out, issues: noIssues };
    };
    const externalIdIndex = header.indexOf('external_id');
    externalIdOf = (cells) => (cells[externalIdIndex] ?? '').trim();
    coverage = fileCoverage(layout, header);
  }

  const rowIssues = new Map<number, RowIssue[]>();
  const addIssue = (
    p: { row: number; externalId: string | null },
    field: string,
    code: string,
    message: string,
  ) => {
    const list = rowIssues.get(p.row) ?? [];
    list.push({ row: p.row, externalId: p.externalId, field, code, message });
    rowIssues.set(p.row, list);
  };
  const firstRowOf = new Map<string, number>();
  const organisations = {
    byExternalId: new Map<string, OrganisationRef>(),
    byId: new Map<string, OrganisationRef>(),
  };
  const lookedUp = new Set<string>();
  const planned = new Map<string, OrganisationRow>();

  /**
   * The stored records a batch would update, in one query. Started before the previous batch is
   * written, so that the query does not wait behind that write (one connection per transaction).
   */
  const fetchStored = (tx: Db, rows: Table['rows']): Promise<Map<string, StoredRecord>> => {
    const ids = new Set<string>();
    for (const r of rows) {
      const e = externalIdOf(r.cells);
      if (e) ids.add(e);
    }
    const found = findStored(tx, options.kind, [...ids]);
    // Awaited by the batch's check; a rollback before then must not leave an unhandled rejection.
    found.catch(() => undefined);
    return found;
  };

  /** Parses and checks one batch; returns its valid rows (all of them, or the batch has issues). */
  const checkBatch = async (
    tx: Db,
    rows: Table['rows'],
    storedPromise: Promise<Map<string, StoredRecord>>,
  ): Promise<PendingRow[]> => {
    const pending: PendingRow[] = [];
    for (const [i, r] of rows.entries()) {
      if (i > 0 && i % 250 === 0) await yieldToEventLoop();
      const mapped = toCells(r.cells);
      const parsed = parseRowCells(layout, mapped.cells);
      const externalId = (mapped.cells.external_id ?? '').trim() || null;
      const p: PendingRow = { row: r.row, parsed, externalId };
      if (layout.rest && coverage.rest) p.restCell = mapped.cells[layout.rest.name];
      pending.push(p);
      for (const list of [mapped.issues, parsed.issues]) {
        for (const issue of list) addIssue(p, String(issue.path[0] ?? ''), issue.code, issue.message);
      }
      if (!externalId) {
        addIssue(
          p,
          'external_id',
          'required',
          'every row needs an external id (the key used to update it on a later import)',
        );
      } else if (firstRowOf.has(externalId)) {
        addIssue(
          p,
          'external_id',
          'duplicate_external_id',
          `the same external id as row ${firstRowOf.get(externalId)}`,
        );
      } else firstRowOf.set(externalId, r.row);
    }
    // Organisations named by this batch (and, for employers, the rows' own external ids).
    const externalIds = new Set<string>();
    const ids = new Set<string>();
    for (const p of pending) {
      for (const ref of p.parsed.references) {
        if (ref.externalId && !lookedUp.has(`e:${ref.externalId}`)) externalIds.add(ref.externalId);
        else if (!ref.externalId && ref.id && !lookedUp.has(`i:${ref.id}`)) ids.add(ref.id);
      }
      if (options.kind === 'employers' && p.externalId && !lookedUp.has(`e:${p.externalId}`))
        externalIds.add(p.externalId);
    }
    if (externalIds.size > 0 || ids.size > 0) {
      const found = await findOrganisations(tx, [...externalIds], [...ids]);
      for (const [k, v] of found.byExternalId) organisations.byExternalId.set(k, v);
      for (const [k, v] of found.byId) organisations.byId.set(k, v);
      for (const e of externalIds) lookedUp.add(`e:${e}`);
      for (const i of ids) lookedUp.add(`i:${i}`);
    }
    const storedRecords = await storedPromise;
    for (const [i, p] of pending.entries()) {
      if (i > 0 && i % 250 === 0) await yieldToEventLoop();
      const referenceFailed = new Set<string>();
      // A row of an existing record (the first row of that external id: a later one is a duplicate).
      const stored =
        p.externalId && firstRowOf.get(p.externalId) === p.row ? storedRecords.get(p.externalId) : undefined;
      for (const [k, spec] of layout.references.entries()) {
        // An update whose file has no column for this reference keeps the stored one.
        if (stored && !coverage.references.has(spec.name)) continue;
        const ref = p.parsed.references[k]!;
        let id: string | null = null;
        const fail = (field: string, code: string, message: string) => {
          addIssue(p, field, code, message);
          referenceFailed.add(spec.name);
        };
        if (ref.externalId) {
          const hit = organisations.byExternalId.get(ref.externalId);
          const plan = planned.get(ref.externalId);
          if (hit) {
            if (spec.organisationKind && hit.kind !== spec.organisationKind) {
              fail(
                spec.name,
                'wrong_kind',
                `"${ref.externalId}" is a ${hit.kind}, not a ${spec.organisationKind}`,
              );
            } else id = hit.id;
          } else if (plan) id = plan.id!;
          else if (ref.name && spec.organisationKind) {
            const country = (p.parsed.draft.location as { country?: unknown } | undefined)?.country;
            id = newId();
            planned.set(ref.externalId, {
              id,
              externalId: ref.externalId,
              kind: spec.organisationKind,
              name: ref.name,
              country: typeof country === 'string' && /^[A-Z]{2}$/.test(country) ? country : null,
              data: {},
            });
          } else {
            fail(
              spec.name,
              'unknown_reference',
              `no organisation has the external id "${ref.externalId}"${spec.nameColumn ? ` (give ${spec.nameColumn} to create it)` : ''}`,
            );
          }
        } else if (ref.id) {
          const hit = organisations.byId.get(ref.id);
          if (!hit) fail(spec.idColumn, 'unknown_reference', `no organisation has the id "${ref.id}"`);
          else if (spec.organisationKind && hit.kind !== spec.organisationKind) {
            fail(spec.idColumn, 'wrong_kind', `"${ref.id}" is a ${hit.kind}, not a ${spec.organisationKind}`);
          } else id = hit.id;
        } else if (spec.required) {
          fail(spec.name, 'required', `give ${spec.name} (or ${spec.idColumn})`);
        }
        if (id) setPath(p.parsed.draft, spec.path, id);
      }
      if (options.kind === 'employers' && p.externalId) {
        const hit = organisations.byExternalId.get(p.externalId);
        if (hit && hit.kind !== 'employer') {
          addIssue(
            p,
            'external_id',
            'external_id_taken',
            `"${p.externalId}" is the external id of a ${hit.kind}`,
          );
        }
      }
      // An update keeps what the file does not speak about.
      const storedData = stored ? (JSON.parse(stored.json) as Record<string, unknown>) : null;
      const closedBefore = storedData ? closureKey(storedData.caseClosure) : null;
      const draft = storedData
        ? mergeIntoStored(layout, coverage, storedData, p.parsed.draft, p.restCell)
        : p.parsed.draft;
      const occupation = draft.occupation as { uri?: string; iscoCode?: string; label?: string } | undefined;
      if (options.codeOccupation && occupation?.label && !occupation.uri && !occupation.iscoCode) {
        const coded = options.codeOccupation(occupation.label);
        if (coded) {
          if (report.codedOccupations.length < codedListLimit)
            report.codedOccupations.push({ row: p.row, text: occupation.label, ...coded });
          occupation.uri = coded.uri;
          if (coded.iscoCode) occupation.iscoCode = coded.iscoCode;
          report.occupationsCoded++;
        }
      }
      const result = layout.schema.safeParse(draft);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const field = columnForPath(layout, issue.path);
          // A reference already reported under its own column.
          if (referenceFailed.has(field)) continue;
          // A value the schema needs and the row leaves empty: said plainly (Zod's text for it,
          // "Invalid input: expected string, received undefined", means nothing to a counsellor).
          if (issue.code === 'invalid_type' && getPath(draft, issue.path.map(String)) === undefined)
            addIssue(p, field, 'required', 'a value is required');
          else addIssue(p, field, issue.code, issue.message);
        }
      } else if (p.externalId) {
        // The schema's output is a fresh object: set the key in place rather than copy it.
        const input = result.data as Record<string, unknown> & { externalId: string };
        input.externalId = p.externalId;
        // A case is not closed in the future (as `closeCase` refuses through the API).
        const closedOn = (input.caseClosure as { on?: unknown } | null | undefined)?.on;
        if (options.kind === 'people' && typeof closedOn === 'string' && closedOn > todayDate) {
          addIssue(
            p,
            'case_closure',
            'date_in_future',
            `the case cannot be closed after today (${todayDate})`,
          );
          continue;
        }
        const refused = options.authorizeRow
          ? await options.authorizeRow(input, stored ? existingForAuthorization(options.kind, stored) : null)
          : null;
        if (refused) addIssue(p, 'external_id', 'forbidden', refused);
        else {
          p.input = input;
          if (options.kind === 'people') {
            const actions = closureActionsOf(closedBefore, closureKey(input.caseClosure));
            if (actions.length > 0) p.closureActions = actions;
          }
        }
      }
    }
    return pending;
  };

  const writeBatch = async (tx: Db, batch: PendingRow[]) => {
    const newOrganisations = [...planned.values()].filter(
      (o) => !organisations.byExternalId.has(o.externalId),
    );
    if (newOrganisations.length > 0) {
      const created = await upsertOrganisations(tx, newOrganisations, newId);
      report.organisationsCreated += created.created;
      for (const o of newOrganisations)
        organisations.byExternalId.set(o.externalId, { id: o.id!, kind: o.kind, archived: false });
    }
    const rows = batch.map((p) => p.input!);
    let result: BulkUpsertResult;
    try {
      result = await writeRecords(tx, options.kind, rows, newId, options.actorId ?? null);
    } catch (e) {
      const issues = storeErrorIssues(e, layout, batch);
      if (issues) throw new Rollback(issues);
      throw e;
    }
    result.outcomes.forEach((o, k) => {
      const p = batch[k]!;
      report.outcomes.push({ row: p.row, ...o });
      for (const action of p.closureActions ?? [])
        report.caseClosureChanges.push({ row: p.row, externalId: o.externalId, id: o.id, action });
    });
    report.created += result.created;
    report.updated += result.updated;
    report.unchanged += result.unchanged;
  };

  // 2. Check batch after batch; write each valid batch while the next one is checked.
  let checked = 0;
  let written = 0;
  try {
    await database.db.transaction(async (t) => {
      const tx = t as unknown as Db;
      let inFlight: Promise<void> | null = null;
      let failure: unknown = null;
      let nextStored = fetchStored(tx, table.rows.slice(0, batchSize));
      for (let start = 0; start < total; start += batchSize) {
        const batch = await checkBatch(tx, table.rows.slice(start, start + batchSize), nextStored);
        // Ask for the next batch's stored records before this batch's write is queued.
        nextStored =
          start + batchSize < total
            ? fetchStored(tx, table.rows.slice(start + batchSize, start + 2 * batchSize))
            : Promise.resolve(new Map());
        checked += batch.length;
        options.onProgress?.({ phase: 'validate', done: checked, total });
        if (inFlight) {
          await inFlight;
          inFlight = null;
        }
        if (failure) throw failure;
        if (rowIssues.size > 0) continue;
        inFlight = writeBatch(tx, batch).then(
          () => {
            written += batch.length;
            options.onProgress?.({ phase: 'write', done: written, total });
          },
          (e: unknown) => {
            failure = e;
          },
        );
      }
      if (inFlight) await inFlight;
      if (failure) throw failure;
      if (rowIssues.size > 0 || dryRun) throw new Rollback(null);
    });
    report.committed = true;
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    for (const issue of (e.value as RowIssue[] | null) ?? [])
      addIssue(issue, issue.field, issue.code, issue.message);
  }
  report.issues = [...rowIssues.values()].flat().sort((a, b) => a.row - b.row);
  report.invalidRows = rowIssues.size;
  if (report.issues.length > 0) {
    report.outcomes = [];
    report.created =
      report.updated =
      report.unchanged =
      report.organisationsCreated =
      report.occupationsCoded =
        0;
    report.codedOccupations = [];
    report.caseClosureChanges = [];
  }
  return report;
}
