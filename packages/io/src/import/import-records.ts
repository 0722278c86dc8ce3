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
import { columnForPath, layoutHeader, setPath, type ImportKind, type Layout } from '../layouts/layout';
import { compileMapping, type ImportMapping } from '../mapping/mapping';
import type { Table } from '../table/table';
import { jsonbKeyOrder } from '../write/jsonb-order';
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
  issues: RowIssue[];
  outcomes: RowOutcome[];
}

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
  input?: Record<string, unknown> & { externalId: string };
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

/**
 * Imports a table of people, employers, vacancies or trainings: every row is checked (codecs,
 * references, the core schema) before anything is written; then all rows are written in one
 * transaction, created or updated by external id. Any invalid row: nothing changes and the report
 * names each row and field. A dry run does everything, then rolls back.
 */
export async function importTable(database: Database, options: ImportOptions): Promise<ImportReport> {
  const layout = layouts[options.kind] as Layout<Record<string, unknown>>;
  const newId = options.newId ?? randomUUID;
  const dryRun = options.dryRun ?? false;
  const batchSize = options.batchSize ?? 5000;
  const { table } = options;
  const report: ImportReport = {
    kind: options.kind,
    format: table.format,
    dryRun,
    committed: false,
    rows: table.rows.length,
    invalidRows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    organisationsCreated: 0,
    issues: [],
    outcomes: [],
  };
  const progress = (phase: ImportProgress['phase'], done: number) =>
    options.onProgress?.({ phase, done, total: table.rows.length });

  // 1. Cells of our layout, directly or through the mapping.
  let toCells: (cells: string[]) => { cells: RowCells; issues: FieldIssue[] };
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
    const compiled = compileMapping(options.mapping, table, options.name);
    toCells = compiled.apply;
  } else {
    report.issues.push(...checkHeader(layout, table.header));
    if (report.issues.length > 0) return report;
    const header = table.header;
    toCells = (cells) => {
      const out: RowCells = {};
      header.forEach((h, i) => {
        if (h !== '') out[h] = cells[i] ?? '';
      });
      return { cells: out, issues: [] };
    };
  }

  // 2. Parse every row.
  const pending: PendingRow[] = [];
  const rowIssues = new Map<number, RowIssue[]>();
  const addIssue = (p: PendingRow, field: string, code: string, message: string) => {
    const list = rowIssues.get(p.row) ?? [];
    list.push({ row: p.row, externalId: p.externalId, field, code, message });
    rowIssues.set(p.row, list);
  };
  const firstRowOf = new Map<string, number>();
  for (const [i, r] of table.rows.entries()) {
    const mapped = toCells(r.cells);
    const parsed = parseRowCells(layout, mapped.cells);
    const externalId = (mapped.cells.external_id ?? '').trim() || null;
    const p: PendingRow = { row: r.row, parsed, externalId };
    pending.push(p);
    for (const issue of [...mapped.issues, ...parsed.issues])
      addIssue(p, String(issue.path[0] ?? ''), issue.code, issue.message);
    if (!externalId)
      addIssue(
        p,
        'external_id',
        'required',
        'every row needs an external id (the key used to update it on a later import)',
      );
    else if (firstRowOf.has(externalId)) {
      addIssue(
        p,
        'external_id',
        'duplicate_external_id',
        `the same external id as row ${firstRowOf.get(externalId)}`,
      );
    } else firstRowOf.set(externalId, r.row);
    if ((i + 1) % 1000 === 0) progress('validate', Math.floor((i + 1) / 2));
  }

  // 3. References (employers, providers, owning organisations), then the core schema.
  const refExternalIds = new Set<string>();
  const refIds = new Set<string>();
  for (const p of pending) {
    for (const ref of p.parsed.references) {
      if (ref.externalId) refExternalIds.add(ref.externalId);
      else if (ref.id) refIds.add(ref.id);
    }
  }
  const found = await findOrganisations(database.db, [...refExternalIds], [...refIds]);
  const toCreate = new Map<string, OrganisationRow>();
  for (const [i, p] of pending.entries()) {
    for (const [k, spec] of layout.references.entries()) {
      const ref = p.parsed.references[k]!;
      let id: string | null = null;
      if (ref.externalId) {
        const hit = found.byExternalId.get(ref.externalId);
        if (hit) {
          if (spec.organisationKind && hit.kind !== spec.organisationKind) {
            addIssue(
              p,
              spec.name,
              'wrong_kind',
              `"${ref.externalId}" is a ${hit.kind}, not a ${spec.organisationKind}`,
            );
          } else id = hit.id;
        } else if (ref.name && spec.organisationKind) {
          const planned = toCreate.get(ref.externalId);
          id = planned?.id ?? newId();
          if (!planned) {
            toCreate.set(ref.externalId, {
              id,
              externalId: ref.externalId,
              kind: spec.organisationKind,
              name: ref.name,
              country: null,
              data: {},
            });
          }
        } else {
          addIssue(
            p,
            spec.name,
            'unknown_reference',
            `no organisation has the external id "${ref.externalId}"${spec.nameColumn ? ` (give ${spec.nameColumn} to create it)` : ''}`,
          );
        }
      } else if (ref.id) {
        const hit = found.byId.get(ref.id);
        if (!hit) addIssue(p, spec.idColumn, 'unknown_reference', `no organisation has the id "${ref.id}"`);
        else if (spec.organisationKind && hit.kind !== spec.organisationKind) {
          addIssue(
            p,
            spec.idColumn,
            'wrong_kind',
            `"${ref.id}" is a ${hit.kind}, not a ${spec.organisationKind}`,
          );
        } else id = hit.id;
      } else if (spec.required) {
        addIssue(p, spec.name, 'required', `give ${spec.name} (or ${spec.idColumn})`);
      }
      if (id) setPath(p.parsed.draft, spec.path, id);
    }
    // Organisations created from this file get the country of the first row that names them.
    for (const [k, spec] of layout.references.entries()) {
      const ext = p.parsed.references[k]!.externalId;
      const planned = ext ? toCreate.get(ext) : undefined;
      const country = (p.parsed.draft.location as { country?: unknown } | undefined)?.country;
      if (
        planned &&
        planned.country === null &&
        typeof country === 'string' &&
        /^[A-Z]{2}$/.test(country) &&
        spec.organisationKind
      ) {
        planned.country = country;
      }
    }
    const result = layout.schema.safeParse(p.parsed.draft);
    if (!result.success) {
      for (const issue of result.error.issues) {
        // A missing reference is already reported under its own column.
        const field = columnForPath(layout, issue.path);
        if (
          layout.references.some((r) => r.name === field) &&
          (rowIssues.get(p.row) ?? []).some(
            (x) => x.field === field || x.field === layout.references.find((r) => r.name === field)?.idColumn,
          )
        )
          continue;
        addIssue(p, field, issue.code, issue.message);
      }
    } else if (p.externalId) {
      p.input = { ...(result.data as Record<string, unknown>), externalId: p.externalId };
    }
    if ((i + 1) % 1000 === 0) progress('validate', Math.floor(pending.length / 2 + (i + 1) / 2));
  }
  progress('validate', pending.length);

  // Employers: an external id already used by another kind of organisation would turn it into an employer.
  if (options.kind === 'employers') {
    const existing = await findOrganisations(
      database.db,
      pending.map((p) => p.externalId).filter((x): x is string => Boolean(x)),
      [],
    );
    for (const p of pending) {
      const hit = p.externalId ? existing.byExternalId.get(p.externalId) : undefined;
      if (hit && hit.kind !== 'employer') {
        addIssue(
          p,
          'external_id',
          'external_id_taken',
          `"${p.externalId}" is the external id of a ${hit.kind}`,
        );
      }
    }
  }

  const collectIssues = () => {
    report.issues = [...rowIssues.values()].flat().sort((a, b) => a.row - b.row);
    report.invalidRows = rowIssues.size;
  };
  collectIssues();
  if (report.issues.length > 0) return report;

  // 4. Write everything in one transaction (batches are savepoints inside it); roll back a dry run.
  const valid = pending.filter((p): p is PendingRow & { input: NonNullable<PendingRow['input']> } =>
    Boolean(p.input),
  );
  try {
    await database.db.transaction(async (t) => {
      const tx = t as unknown as Db;
      if (toCreate.size > 0) {
        const created = await upsertOrganisations(tx, [...toCreate.values()], newId);
        report.organisationsCreated = created.created;
      }
      let done = 0;
      for (let start = 0; start < valid.length; start += batchSize) {
        const batch = valid.slice(start, start + batchSize);
        let result: BulkUpsertResult;
        try {
          result = await writeRecords(
            tx,
            options.kind,
            batch.map((p) => p.input),
            newId,
            options.actorId ?? null,
          );
        } catch (e) {
          const issues = storeErrorIssues(e, layout, batch);
          if (issues) throw new Rollback(issues);
          throw e;
        }
        result.outcomes.forEach((o, k) => report.outcomes.push({ row: batch[k]!.row, ...o }));
        report.created += result.created;
        report.updated += result.updated;
        report.unchanged += result.unchanged;
        done += batch.length;
        progress('write', done);
      }
      if (dryRun) throw new Rollback(null);
    });
    report.committed = !dryRun;
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    if (e.value) {
      for (const issue of e.value as RowIssue[]) {
        const list = rowIssues.get(issue.row) ?? [];
        list.push(issue);
        rowIssues.set(issue.row, list);
      }
      collectIssues();
      report.outcomes = [];
      report.created = report.updated = report.unchanged = report.organisationsCreated = 0;
    }
  }
  return report;
}
