import type { FieldIssue } from '@passerelle/core';
import { getPath, setPath, type Layout } from './layout';

/** The cells of one row, by header of our layout. */
export type RowCells = Record<string, string>;

/** A reference of a row to another record, before it is resolved. */
export interface RowReference {
  column: string;
  externalId: string | null;
  id: string | null;
  name: string | null;
}

export interface ParsedRow {
  /** The record input before validation (references not resolved yet). */
  draft: Record<string, unknown>;
  references: RowReference[];
  issues: FieldIssue[];
}

/** Turns the cells of a row into a record draft: each non-empty cell is parsed by its column's codec. */
export function parseRowCells(layout: Layout, cells: RowCells): ParsedRow {
  const draft: Record<string, unknown> = { ...(layout.fixed ?? {}) };
  const issues: FieldIssue[] = [];
  for (const column of layout.columns) {
    const raw = cells[column.name];
    if (raw == null || raw.trim() === '') continue;
    const parsed = column.codec.parse(raw.trim());
    if (parsed.ok) setPath(draft, column.path, parsed.value);
    else issues.push({ path: [column.name], code: parsed.code, message: parsed.message });
  }
  if (layout.rest) {
    const raw = cells[layout.rest.name];
    if (raw != null && raw.trim() !== '') {
      try {
        const extra = JSON.parse(raw) as unknown;
        if (!extra || typeof extra !== 'object' || Array.isArray(extra)) throw new Error('not an object');
        const target = (getPath(draft, layout.rest.path) as Record<string, unknown> | undefined) ?? {};
        setPath(draft, layout.rest.path, { ...extra, ...target });
      } catch {
        issues.push({ path: [layout.rest.name], code: 'invalid_json', message: 'must be a JSON object' });
      }
    }
  }
  const references = layout.references.map((r) => {
    const value = (name: string | undefined) => {
      const v = name ? cells[name]?.trim() : undefined;
      return v ? v : null;
    };
    return { column: r.name, externalId: value(r.name), id: value(r.idColumn), name: value(r.nameColumn) };
  });
  return { draft, references, issues };
}

/** What an export needs to write a reference: the external id and name of each referenced id. */
export type ReferenceLookup = Map<string, { externalId: string | null; name: string }>;

/** Turns a stored record into the cells of our layout. */
export function recordToCells(
  layout: Layout,
  record: Record<string, unknown>,
  lookup: ReferenceLookup,
): RowCells {
  const cells: RowCells = {};
  for (const column of layout.columns) cells[column.name] = column.codec.format(getPath(record, column.path));
  for (const r of layout.references) {
    const id = getPath(record, r.path);
    const ref = typeof id === 'string' ? lookup.get(id) : undefined;
    cells[r.idColumn] = typeof id === 'string' ? id : '';
    cells[r.name] = ref?.externalId ?? '';
    if (r.nameColumn) cells[r.nameColumn] = ref?.name ?? '';
  }
  if (layout.rest) {
    const obj = (getPath(record, layout.rest.path) ?? {}) as Record<string, unknown>;
    const extra = Object.fromEntries(
      Object.entries(obj).filter(([k]) => !layout.rest!.knownKeys.includes(k)),
    );
    cells[layout.rest.name] = Object.keys(extra).length > 0 ? JSON.stringify(extra) : '';
  }
  return cells;
}
