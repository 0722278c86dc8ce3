import { and, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  DomainError,
  decodeCursor,
  encodeCursor,
  errors,
  normalizeForSearch,
  type RecordListScope,
  type ReferenceIssue,
} from '@passerelle/core';
import type { Db } from '../database';
import { organisations } from '../schema/organisations';
import { events, people, serviceOffers, trainingOffers, vacancies } from '../schema/records';

/**
 * What the record stores share: reference checks (a record may only point to live records),
 * cursor pages over any sort expression, changed-field lists for the history, and the pieces of
 * bulk upserts.
 */

/** Rows of a raw `execute` (PGlite and node-postgres both answer `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** PostgreSQL timestamps as ISO strings. */
export const isoOf = (v: string | null | undefined): string | null => (v ? new Date(v).toISOString() : null);

/** Foreign-key violation (SQLSTATE 23503), on either driver. */
export function isForeignKeyViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23503' || err?.cause?.code === '23503';
}

/** Escapes `%`, `_` and `\` for a LIKE pattern. */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The search form of a text, for `search_text` columns (lower case, no accents, Arabic folded). */
export function searchTextOf(...parts: (string | null | undefined)[]): string {
  return normalizeForSearch(parts.filter(Boolean).join(' '));
}

/** A substring condition on a search_text column. */
export function searchCondition(column: AnyPgColumn, q: string): SQL | undefined {
  const n = normalizeForSearch(q);
  if (n === '') return undefined;
  return sql`${column} like ${`%${escapeLike(n)}%`}`;
}

export const referenceEntities = {
  organisation: organisations,
  person: people,
  vacancy: vacancies,
  training: trainingOffers,
  service: serviceOffers,
  event: events,
} as const;
export type ReferenceEntity = keyof typeof referenceEntities;

/** A field of a record pointing at another record. */
export interface Reference {
  path: (string | number)[];
  entity: ReferenceEntity;
  id: string;
}

/**
 * Checks that every reference points to an existing, live record; throws invalid_reference with
 * every bad field at once. References already held before (`keep`, e.g. the employer of a vacancy
 * being edited) may point to an archived record: archiving an employer must not freeze its vacancies.
 */
export async function checkReferences(
  db: Db,
  refs: Reference[],
  keep: Reference[] | (() => Promise<Reference[]>) = [],
): Promise<void> {
  if (refs.length === 0) return;
  const issues: ReferenceIssue[] = [];
  const byEntity = new Map<ReferenceEntity, Set<string>>();
  for (const r of refs) byEntity.set(r.entity, (byEntity.get(r.entity) ?? new Set()).add(r.id));
  const found = new Map<string, { archived: boolean }>();
  for (const [entity, ids] of byEntity) {
    const table = referenceEntities[entity];
    const list = [...ids];
    for (let i = 0; i < list.length; i += 5000) {
      const rows = await db
        .select({ id: table.id, archivedAt: table.archivedAt })
        .from(table)
        .where(inArray(table.id, list.slice(i, i + 5000)));
      for (const row of rows) found.set(`${entity}:${row.id}`, { archived: row.archivedAt !== null });
    }
  }
  // What the records already held is only looked up when something points to an archived record.
  // In a bulk write (paths start with the row number) a reference is kept per row.
  const keptKey = (r: Reference) =>
    `${typeof r.path[0] === 'number' ? `${r.path[0]}|` : ''}${r.entity}:${r.id}`;
  let kept = new Set<string>();
  if (refs.some((r) => found.get(`${r.entity}:${r.id}`)?.archived)) {
    const held = typeof keep === 'function' ? await keep() : keep;
    kept = new Set(held.map(keptKey));
  }
  for (const r of refs) {
    const key = `${r.entity}:${r.id}`;
    const hit = found.get(key);
    if (!hit) issues.push({ path: r.path, entity: r.entity, id: r.id, reason: 'missing' });
    else if (hit.archived && !kept.has(keptKey(r)))
      issues.push({ path: r.path, entity: r.entity, id: r.id, reason: 'archived' });
  }
  if (issues.length > 0) throw errors.invalidReference(issues);
}

/** How a list sorts: the SQL expression, its type for the cursor, and its value in a row. */
export interface SortSpec<Row> {
  expr: SQL | AnyPgColumn;
  type: 'text' | 'timestamptz' | 'date';
  value(row: Row): string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const timestampPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** A cursor value the database can cast without failing (cursors come from clients). */
function validCursorValue(type: SortSpec<unknown>['type'], value: string): boolean {
  if (value.includes('\u0000') || value.length > 1000) return false;
  if (type === 'text') return true;
  const m = timestampPattern.exec(value);
  if (!m) return false;
  const [y, mo, d, h = '0', mi = '0', se = '0'] = m.slice(1).map((x) => x ?? '0') as string[];
  if (type === 'date' && m[4] !== undefined) return false;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return (
    Number(y) >= 1 &&
    date.getUTCMonth() === Number(mo) - 1 &&
    date.getUTCDate() === Number(d) &&
    Number(h) < 24 &&
    Number(mi) < 60 &&
    Number(se) < 60
  );
}

/** The conditions and ordering of a cursor page. */
export function pageClauses<Row>(args: {
  sortName: string;
  order: 'asc' | 'desc';
  spec: SortSpec<Row>;
  id: AnyPgColumn;
  cursor?: string | undefined;
}): { where: SQL | undefined; orderBy: SQL[]; cursorKey: string } {
  const cursorKey = `${args.sortName}.${args.order}`;
  const dir = args.order === 'asc' ? sql.raw('asc') : sql.raw('desc');
  const orderBy = [sql`${args.spec.expr} ${dir}`, sql`${args.id} ${dir}`];
  if (!args.cursor) return { where: undefined, orderBy, cursorKey };
  const pos = decodeCursor(args.cursor, cursorKey);
  if (
    typeof pos.value !== 'string' ||
    !validCursorValue(args.spec.type, pos.value) ||
    !uuidPattern.test(pos.id)
  ) {
    throw new DomainError('validation_failed', {
      where: 'query',
      issues: [{ path: ['cursor'], code: 'invalid_cursor', message: 'not a valid cursor' }],
    });
  }
  const op = sql.raw(args.order === 'asc' ? '>' : '<');
  const cast = sql.raw(args.spec.type);
  const where = sql`(${args.spec.expr}, ${args.id}) ${op} (${pos.value}::${cast}, ${pos.id}::uuid)`;
  return { where, orderBy, cursorKey };
}

/** Cuts the extra row fetched to know whether there is a next page, and makes its cursor. */
export function finishPage<Row extends { id: string }, T>(
  rows: Row[],
  limit: number,
  cursorKey: string,
  spec: SortSpec<Row>,
  map: (row: Row) => T,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit).map(map);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    items,
    nextCursor: last ? encodeCursor({ sort: cursorKey, value: spec.value(last), id: last.id }) : null,
  };
}

/** Combines optional conditions. */
export function allOf(conditions: (SQL | undefined)[]): SQL | undefined {
  const defined = conditions.filter((c): c is SQL => c !== undefined);
  return defined.length === 0 ? undefined : and(...defined);
}

/** JSON text with object keys sorted at every level, so that jsonb's key order does not count as a change. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** Names of the top-level fields whose values differ (key order and undefined-vs-absent ignored). */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): string[] {
  if (!before)
    return Object.keys(after)
      .filter((k) => after[k] !== undefined)
      .sort();
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => canonicalJson(before[k]) !== canonicalJson(after[k])).sort();
}

/** Removes `undefined` values so that a JSON comparison of stored and new data is stable. */
export function jsonClean<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Splits a list into chunks. */
export function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Throws validation_failed when two rows of one bulk upsert share an external id. */
export function assertDistinctExternalIds(rows: { externalId: string }[]): void {
  const seen = new Map<string, number>();
  const issues: { path: (string | number)[]; code: string; message: string }[] = [];
  rows.forEach((r, i) => {
    const first = seen.get(r.externalId);
    if (first !== undefined) {
      issues.push({
        path: [i, 'externalId'],
        code: 'duplicate_external_id',
        message: `same external id as row ${first}`,
      });
    } else seen.set(r.externalId, i);
  });
  if (issues.length > 0) throw errors.validation(issues, 'rows');
}

/** Thrown inside a transaction to roll a dry run back. */
export class DryRunRollback extends Error {
  constructor(readonly result: unknown) {
    super('dry run');
  }
}

/** Runs `fn` in a transaction; with `dryRun`, returns its result and rolls everything back. */
export async function inTransaction<T>(db: Db, dryRun: boolean, fn: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      const result = await fn(tx as unknown as Db);
      if (dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (e) {
    if (e instanceof DryRunRollback) return e.result as T;
    throw e;
  }
}

/** A table written by bulk upserts: external id, version, data and timestamps. */
export interface UpsertTable {
  table: PgTable;
  /** The SQL name of the table. */
  name: string;
}

const needsEscape = /[\\"]/;
const quoteArrayElement = (s: string): string =>
  needsEscape.test(s) ? `"${s.replace(/[\\"]/g, '\\$&')}"` : `"${s}"`;

/** One element of a PostgreSQL array literal: NULL, or the value quoted with `"` and `\` escaped. */
function arrayElement(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  return quoteArrayElement(String(v));
}

/** Characters JSON writes as `\n`, `\u0001`, ...: escapes an array literal reads differently. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const jsonOnlyEscapes = /[\u0000-\u001f\ud800-\udfff]/;

/**
 * The text of a one-dimensional PostgreSQL array (`{"a",NULL,"b"}`); an element that is itself an
 * array becomes the quoted literal of that array (cast to its type in SQL, row by row). JSON quotes
 * strings the way an array literal does (`"` and `\` escaped), and an unquoted `null`, number,
 * `true` or `false` reads as the same value, so when no string holds a control character or a
 * lone surrogate the literal is JSON.stringify's output in braces (native, much faster).
 */
export function arrayLiteral(values: readonly unknown[]): string {
  const flat = new Array<unknown>(values.length);
  let plain = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const item = Array.isArray(v) ? arrayLiteral(v) : v === undefined ? null : v;
    if (
      (typeof item === 'string' && jsonOnlyEscapes.test(item)) ||
      (typeof item === 'number' && !Number.isFinite(item)) ||
      (item !== null && typeof item === 'object')
    )
      plain = false;
    flat[i] = item;
  }
  if (plain) return `{${JSON.stringify(flat).slice(1, -1)}}`;
  const parts = new Array<string>(flat.length);
  for (let i = 0; i < flat.length; i++) parts[i] = arrayElement(flat[i]);
  return `{${parts.join(',')}}`;
}

/**
 * Creates or updates rows by external id with one statement per batch. Each column travels as one
 * parameter: the text of an array of its values, unnested with its own type
 * (`unnest($1::text::uuid[])`); a jsonb column travels as one JSON array unpacked by
 * `jsonb_array_elements`; `ROWS FROM` zips the columns back into rows. The server parses each value
 * once with its type's input function (no JSON document of whole rows to parse and pull apart) and
 * the client encodes each value once. A row whose `data` did not change is left alone (same
 * version, same updated_at), so importing the same file twice leaves the database identical.
 */
export async function upsertBatchByExternalId(
  tx: Db,
  target: UpsertTable,
  rows: { id: string; externalId: string; values: Record<string, unknown> }[],
): Promise<Map<string, { id: string; outcome: 'created' | 'updated' | 'unchanged' }>> {
  const out = new Map<string, { id: string; outcome: 'created' | 'updated' | 'unchanged' }>();
  if (rows.length === 0) return out;
  const columns = getTableColumns(target.table);
  const fixed = new Set(['id', 'version', 'createdAt', 'updatedAt', 'archivedAt']);
  const writable = Object.keys(columns).filter((k) => !fixed.has(k));
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const specs = [
    { name: 'id', type: 'uuid', valueOf: (r: (typeof rows)[number]) => r.id as unknown },
    ...writable.map((k) => ({
      name: columns[k]!.name,
      type: columns[k]!.getSQLType(),
      valueOf: (r: (typeof rows)[number]) => r.values[k],
    })),
  ];
  const sources: SQL[] = [];
  const selects: string[] = [];
  for (const [i, spec] of specs.entries()) {
    const values = rows.map(spec.valueOf);
    if (spec.type === 'jsonb' || spec.type === 'json') {
      sources.push(sql`jsonb_array_elements(${JSON.stringify(values.map((v) => v ?? null))}::text::jsonb)`);
      selects.push(`c${i}::${spec.type}`);
    } else if (spec.type.endsWith('[]')) {
      // One array per row: a text[] of array literals, each cast to the column's type.
      sources.push(sql`unnest(${arrayLiteral(values)}::text::text[])`);
      selects.push(`c${i}::${spec.type}`);
    } else {
      sources.push(sql`unnest(${arrayLiteral(values)}::text::${sql.raw(spec.type)}[])`);
      selects.push(`c${i}`);
    }
  }
  const updates = [
    ...specs.map((s) => s.name).filter((n) => n !== 'id' && n !== 'external_id'),
    'version',
    'updated_at',
  ]
    .map((n) =>
      n === 'version'
        ? `"version" = t."version" + 1`
        : n === 'updated_at'
          ? `"updated_at" = now()`
          : `${q(n)} = excluded.${q(n)}`,
    )
    .join(', ');
  const table = q(target.name);
  const head = sql.raw(`insert into ${table} as t (${specs.map((s) => q(s.name)).join(', ')})
    select ${selects.join(', ')} from rows from (`);
  const tail = sql.raw(`) as s(${specs.map((_s, i) => `c${i}`).join(', ')})
    on conflict ("external_id") do update set ${updates}
    where t."data" is distinct from excluded."data"
    returning t."id" as id, t."external_id" as external_id, (t.xmax = 0) as inserted`);
  const written = rowsOf<{ id: string; external_id: string; inserted: boolean }>(
    await tx.execute(sql`${head}${sql.join(sources, sql`, `)}${tail}`),
  );
  for (const w of written) out.set(w.external_id, { id: w.id, outcome: w.inserted ? 'created' : 'updated' });
  const missing = rows.map((r) => r.externalId).filter((e) => !out.has(e));
  if (missing.length) {
    const found = rowsOf<{ id: string; external_id: string }>(
      await tx.execute(
        sql`select id, external_id from ${sql.raw(table)} where external_id = any(${arrayLiteral(missing)}::text::text[])`,
      ),
    );
    for (const f of found) out.set(f.external_id, { id: f.id, outcome: 'unchanged' });
  }
  return out;
}

/** How the facets of a list scope map to conditions on one table. */
export interface ScopeColumns {
  organisation?: (ids: string[]) => SQL;
  country?: (countries: string[]) => SQL;
  caseManager?: (userId: string) => SQL;
  person?: (personId: string) => SQL;
  recipient?: (organisationId: string) => SQL;
}

/**
 * The condition a list scope puts on a table: undefined (no restriction), or `none` when the
 * caller may see nothing of it.
 */
export function scopeCondition(
  scope: RecordListScope | undefined,
  columns: ScopeColumns,
): SQL | undefined | 'none' {
  if (!scope || scope.all) return undefined;
  if (scope.none) return 'none';
  const parts: SQL[] = [];
  if (scope.organisationIds.length && columns.organisation)
    parts.push(columns.organisation(scope.organisationIds));
  if (scope.countries.length && columns.country) parts.push(columns.country(scope.countries));
  for (const userId of [scope.caseManagerId, scope.counsellorId]) {
    if (userId && columns.caseManager) parts.push(columns.caseManager(userId));
  }
  if (scope.personId && columns.person) parts.push(columns.person(scope.personId));
  if (scope.recipientOrganisationId && columns.recipient)
    parts.push(columns.recipient(scope.recipientOrganisationId));
  if (parts.length === 0) return 'none';
  return or(...parts);
}

/**
 * Inside a transaction: the person a new record (a referral, a follow-up) names must exist and
 * not be archived, or the write is `invalid_reference` on `personId`.
 */
export async function requireLivePerson(tx: Db, personId: string): Promise<void> {
  const [person] = await tx
    .select({ archivedAt: people.archivedAt })
    .from(people)
    .where(sql`${people.id} = ${personId}`);
  if (!person || person.archivedAt)
    throw errors.invalidReference([
      { path: ['personId'], entity: 'person', id: personId, reason: person ? 'archived' : 'missing' },
    ]);
}
