import type { z } from 'zod';
import type { Codec } from './codecs';

/** The record kinds that can be imported and exported. */
export const importKinds = ['people', 'employers', 'vacancies', 'trainings'] as const;
export type ImportKind = (typeof importKinds)[number];

/** One column of our layout: its header, where its value goes in the record, and the cell syntax. */
export interface LayoutColumn {
  name: string;
  /** Path of the field in the record input (`['wage', 'min']`). */
  path: string[];
  codec: Codec;
  doc: string;
}

/**
 * A column that names another record by its external id (an employer, a training provider, an
 * owning organisation). The importer resolves it to an id; when the record does not exist and a
 * name column is given, it creates it (same transaction).
 */
export interface ReferenceColumn {
  /** The external id column, e.g. `employer_external_id`. */
  name: string;
  /** The column that gives the id directly, e.g. `employer_id` (used when the external id is empty). */
  idColumn: string;
  /** The column with the name used to create a missing organisation, if any. */
  nameColumn?: string;
  /** Where the resolved id goes. */
  path: string[];
  /** The organisation kind referred to. */
  organisationKind: 'employer' | 'training_provider' | null;
  required: boolean;
  doc: string;
}

/** Keys of a free-form object not covered by other columns, kept as JSON in one column. */
export interface RestColumn {
  name: string;
  path: string[];
  knownKeys: string[];
  doc: string;
}

export interface Layout<Input = unknown> {
  kind: ImportKind;
  /** The record schema every row must pass (after references are resolved). */
  schema: z.ZodType<Input>;
  columns: LayoutColumn[];
  references: ReferenceColumn[];
  rest?: RestColumn;
  /** Fields every record of the layout has (the organisation kind). */
  fixed?: Record<string, unknown>;
}

/** Every header of a layout, in file order. */
export function layoutHeader(layout: Layout): string[] {
  const refs = layout.references.flatMap((r) => [
    r.name,
    ...(r.nameColumn ? [r.nameColumn] : []),
    r.idColumn,
  ]);
  return [
    ...layout.columns.slice(0, 1).map((c) => c.name),
    ...refs,
    ...layout.columns.slice(1).map((c) => c.name),
    ...(layout.rest ? [layout.rest.name] : []),
  ];
}

export function getPath(value: unknown, path: string[]): unknown {
  let cur = value;
  for (const key of path) {
    if (cur == null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let cur = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const next = cur[key];
    if (next == null || typeof next !== 'object') cur[key] = {};
    cur = cur[key] as Record<string, unknown>;
  }
  cur[path[path.length - 1]!] = value;
}

/** The column a record field belongs to, for naming the field of a validation issue. */
export function columnForPath(layout: Layout, path: (string | number | symbol)[]): string {
  const p = path.map(String);
  const startsWith = (a: string[], b: string[]) => b.every((k, i) => a[i] === k);
  let best: { name: string; len: number } | null = null;
  for (const c of layout.columns) {
    if (startsWith(p, c.path) && (!best || c.path.length > best.len))
      best = { name: c.name, len: c.path.length };
  }
  if (best) return best.name;
  for (const r of layout.references) if (startsWith(p, r.path)) return r.name;
  // An issue on an object (a refine of `wage`): the first column inside it.
  const inside = layout.columns.find((c) => startsWith(c.path, p));
  if (inside) return inside.name;
  if (layout.rest && startsWith(p, layout.rest.path)) return layout.rest.name;
  return p.join('.') || '(row)';
}
