import { sql } from 'drizzle-orm';
import type { Database } from '@passerelle/db';
import { number, integer } from '../layouts/codecs';
import { recordToCells, type ReferenceLookup } from '../layouts/convert';
import { layouts } from '../layouts/index';
import { getPath, layoutHeader, type ImportKind, type Layout } from '../layouts/layout';
import { writeTableToBuffer, type TableFormat } from '../table/table';

/** A stored record as exported: its id and the input it was written from. */
export interface ExportRecord {
  id: string;
  record: Record<string, unknown>;
}

/**
 * THE HOOK FOR CONSENT: every export of people goes through this function before a single row is
 * written. The trust module replaces the default (which lets everything through) with one that
 * drops people who did not consent to the purpose and hides fields the caller may not see.
 */
export type PeopleExportGuard = (people: ExportRecord[]) => Promise<ExportRecord[]>;

/** The default guard: no consent filtering yet (the trust module plugs in here). */
export const allowAllPeopleExport: PeopleExportGuard = async (people) => people;

export interface ExportOptions {
  kind: ImportKind;
  format: TableFormat;
  includeArchived?: boolean;
  /** Consent and field-visibility checks for people (see PeopleExportGuard). */
  peopleGuard?: PeopleExportGuard;
  onProgress?: (done: number, total: number) => void;
}

export interface ExportResult {
  buffer: Buffer;
  rows: number;
}

const tables: Record<ImportKind, string> = {
  people: 'people',
  employers: 'organisations',
  vacancies: 'vacancies',
  trainings: 'training_offers',
};

async function loadRecords(
  database: Database,
  kind: ImportKind,
  includeArchived: boolean,
): Promise<ExportRecord[]> {
  const table = sql.raw(tables[kind]);
  const where = [
    includeArchived ? sql`true` : sql`archived_at is null`,
    kind === 'employers' ? sql`kind = 'employer'` : sql`true`,
    kind === 'people' ? sql`merged_into_id is null` : sql`true`,
  ];
  const select =
    kind === 'employers'
      ? sql`select id, jsonb_build_object('kind', kind, 'name', name, 'country', country, 'externalId', external_id, 'data', data)::text as j`
      : sql`select id, (data || jsonb_build_object('externalId', external_id))::text as j`;
  const out: ExportRecord[] = [];
  const pageSize = 5000;
  let after = '';
  for (;;) {
    const page = (await database.db.execute(sql`${select} from ${table}
      where ${sql.join(where, sql` and `)} and coalesce(external_id, '~' || id::text) > ${after}
      order by coalesce(external_id, '~' || id::text) limit ${pageSize}`)) as unknown as {
      rows: { id: string; j: string }[];
    };
    for (const r of page.rows) out.push({ id: r.id, record: JSON.parse(r.j) as Record<string, unknown> });
    if (page.rows.length < pageSize) break;
    const last = out[out.length - 1]!;
    after = (last.record.externalId as string | null) ?? `~${last.id}`;
  }
  return out;
}

/**
 * The columns whose field the guard hid (removed or changed) for at least one exported record. They
 * are left out of the whole file: an empty cell would read as "clear this field" on re-import,
 * while an absent column keeps the stored value (docs/import-format.md, Rules).
 */
function columnsHiddenByGuard(layout: Layout, loaded: ExportRecord[], guarded: ExportRecord[]): Set<string> {
  const hidden = new Set<string>();
  if (loaded === guarded) return hidden;
  const byId = new Map(loaded.map((r) => [r.id, r.record]));
  const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
  const fields = [
    ...layout.columns.map((c) => ({ path: c.path, names: [c.name] })),
    ...layout.references.map((r) => ({
      path: r.path,
      names: [r.name, r.idColumn, ...(r.nameColumn ? [r.nameColumn] : [])],
    })),
    ...(layout.rest ? [{ path: layout.rest.path, names: [layout.rest.name] }] : []),
  ];
  for (const g of guarded) {
    const original = byId.get(g.id);
    if (!original || original === g.record) continue;
    for (const f of fields) {
      if (f.names.every((n) => hidden.has(n))) continue;
      if (!same(getPath(original, f.path), getPath(g.record, f.path))) for (const n of f.names) hidden.add(n);
    }
  }
  // The key of every row stays.
  hidden.delete('external_id');
  return hidden;
}

/** Exports records in our column layout (the same the importer reads, so exports round-trip). */
export async function exportRecords(database: Database, options: ExportOptions): Promise<ExportResult> {
  const layout = layouts[options.kind];
  let records = await loadRecords(database, options.kind, options.includeArchived ?? false);
  let hiddenColumns = new Set<string>();
  if (options.kind === 'people') {
    const loaded = records;
    records = await (options.peopleGuard ?? allowAllPeopleExport)(records);
    hiddenColumns = columnsHiddenByGuard(layouts.people, loaded, records);
  }
  const refIds = new Set<string>();
  for (const r of records) {
    for (const ref of layout.references) {
      const id = getPath(r.record, ref.path);
      if (typeof id === 'string') refIds.add(id);
    }
  }
  const lookup: ReferenceLookup = new Map();
  if (refIds.size > 0) {
    const found = (await database.db.execute(sql`
      select id, external_id, name from organisations
      where id in (select (jsonb_array_elements_text(${JSON.stringify([...refIds])}::jsonb))::uuid)`)) as unknown as {
      rows: { id: string; external_id: string | null; name: string }[];
    };
    for (const f of found.rows) lookup.set(f.id, { externalId: f.external_id, name: f.name });
  }
  const header = ['id', ...layoutHeader(layout).filter((h) => !hiddenColumns.has(h))];
  const rows: string[][] = [];
  for (const [i, r] of records.entries()) {
    const cells = recordToCells(layout, r.record, lookup);
    cells.id = r.id;
    rows.push(header.map((h) => cells[h] ?? ''));
    if ((i + 1) % 1000 === 0) options.onProgress?.(i + 1, records.length);
  }
  options.onProgress?.(records.length, records.length);
  const numericColumns = new Set(
    layout.columns.filter((c) => c.codec === number || c.codec === integer).map((c) => c.name),
  );
  const buffer = await writeTableToBuffer(options.format, header, rows, {
    numericColumns,
    sheetName: options.kind,
  });
  return { buffer, rows: rows.length };
}
