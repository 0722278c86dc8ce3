import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { errors, type FieldIssue } from '@passerelle/core';
import { importKinds } from '../layouts/layout';
import type { Table } from '../table/table';

/**
 * A column-mapping file (JSON or YAML) turns another layout, such as a public employment
 * service's vacancy export, into ours. For each column of our layout it says where the value
 * comes from: a source column, several joined, a template, or a constant; values can be
 * translated through a table, dates read in another order and decimal commas accepted.
 *
 * ```yaml
 * kind: vacancies
 * delimiter: ";"
 * columns:
 *   external_id: { column: "Offer number", prefix: "pes-be-" }
 *   title: Job title
 *   contract_type: { column: Contract, map: { CDI: permanent, CDD: fixed_term }, default: other }
 *   posted_on: { column: Published, dateFormat: DD/MM/YYYY }
 *   country: { value: BE }
 * ```
 */

const dateFormats = [
  'YYYY-MM-DD',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'DD.MM.YYYY',
  'DD-MM-YYYY',
  'YYYY/MM/DD',
] as const;

const sourceSpec = z
  .object({
    /** One source column. */
    column: z.string().min(1).optional(),
    /** Several source columns, non-empty values joined with `separator`. */
    columns: z.array(z.string().min(1)).min(1).optional(),
    separator: z.string().default('; '),
    /** A template such as `"{Street} {Number}"`; braces name source columns. */
    template: z.string().optional(),
    /** A constant. */
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    /** Translation of source values (matched case-insensitively, after trimming). */
    map: z.record(z.string(), z.string()).optional(),
    /** The value when the source is empty, or not in `map`. */
    default: z.string().optional(),
    /** Keep source values missing from `map` as they are (otherwise `default`, or an error). */
    passThrough: z.boolean().default(false),
    dateFormat: z.enum(dateFormats).optional(),
    /** `,` when numbers use a decimal comma (`1.234,50`). */
    decimalSeparator: z.enum(['.', ',']).optional(),
    prefix: z.string().optional(),
    /** The source holds a list separated by this text: its items are rejoined with `; ` (our list syntax). */
    listSeparator: z.string().min(1).optional(),
  })
  .strict()
  .refine((s) => [s.column, s.columns, s.template, s.value].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of column, columns, template or value',
  });

export const importMappingSchema = z
  .object({
    /** Which records the mapping is for; checked against the import command. */
    kind: z.enum(importKinds).optional(),
    description: z.string().optional(),
    delimiter: z.string().min(1).max(1).optional(),
    sheet: z.string().optional(),
    columns: z.record(z.string(), z.union([z.string().min(1), sourceSpec])),
  })
  .strict();
export type ImportMapping = z.infer<typeof importMappingSchema>;
type SourceSpec = z.infer<typeof sourceSpec>;

/** Checks a mapping object (parsed from JSON or YAML); throws invalid_file naming the bad keys. */
export function parseMapping(value: unknown, name = 'mapping'): ImportMapping {
  const result = importMappingSchema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0]!;
    throw errors.invalidFile(name, `${first.path.join('.') || '(root)'}: ${first.message}`);
  }
  return result.data;
}

/** Reads a mapping file: `.json`, or YAML (`.yaml`, `.yml`). */
export async function readMappingFile(path: string): Promise<ImportMapping> {
  const text = await readFile(path, 'utf8');
  let value: unknown;
  try {
    value = extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw errors.invalidFile(
      path,
      `not valid ${extname(path).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`,
    );
  }
  return parseMapping(value, path);
}

function convertDate(text: string, format: (typeof dateFormats)[number]): string | null {
  const parts = text.trim().split(/[-/.]/);
  if (parts.length !== 3) return null;
  const order = format.split(/[-/.]/);
  const get = (unit: string) => parts[order.indexOf(unit)] ?? '';
  const y = get('YYYY');
  const m = get('MM').padStart(2, '0');
  const d = get('DD').padStart(2, '0');
  if (!/^\d{4}$/.test(y) || !/^\d{2}$/.test(m) || !/^\d{2}$/.test(d)) return null;
  return `${y}-${m}-${d}`;
}

function convertNumber(text: string, decimal: '.' | ','): string {
  const t = text.replace(/[\s\u00a0]/g, '');
  return decimal === ',' ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
}

/** A mapping compiled against a file's header: a function from source cells to our cells. */
export interface CompiledMapping {
  targetColumns: string[];
  apply(cells: string[]): { cells: Record<string, string>; issues: FieldIssue[] };
}

/** Compiles a mapping for a table; throws invalid_file when it names columns the file lacks. */
export function compileMapping(
  mapping: ImportMapping,
  table: Pick<Table, 'header'>,
  name = 'file',
): CompiledMapping {
  const index = new Map(table.header.map((h, i) => [h.trim().toLowerCase(), i]));
  const missing = new Set<string>();
  const col = (source: string) => {
    const i = index.get(source.trim().toLowerCase());
    if (i === undefined) missing.add(source);
    return i ?? -1;
  };
  const compiled = Object.entries(mapping.columns).map(([target, raw]) => {
    const spec: SourceSpec = typeof raw === 'string' ? sourceSpec.parse({ column: raw }) : raw;
    const columnIdx = spec.column ? col(spec.column) : -1;
    const columnsIdx = spec.columns?.map(col) ?? [];
    const templateParts = spec.template
      ? spec.template
          .split(/(\{[^}]+\})/)
          .map((p): { col: number; text: string } =>
            /^\{[^}]+\}$/.test(p) ? { col: col(p.slice(1, -1)), text: '' } : { col: -1, text: p },
          )
      : [];
    const map = spec.map
      ? new Map(Object.entries(spec.map).map(([k, v]) => [k.trim().toLowerCase(), v]))
      : null;
    return { target, spec, columnIdx, columnsIdx, templateParts, map };
  });
  if (missing.size > 0) {
    throw errors.invalidFile(
      name,
      `the mapping names columns the file does not have: ${[...missing].join(', ')}`,
      {
        column: [...missing][0],
      },
    );
  }
  return {
    targetColumns: compiled.map((c) => c.target),
    apply(cells) {
      const out: Record<string, string> = {};
      const issues: FieldIssue[] = [];
      const at = (i: number) => (cells[i] ?? '').trim();
      for (const c of compiled) {
        let value: string;
        if (c.spec.value !== undefined) value = String(c.spec.value);
        else if (c.spec.column) value = at(c.columnIdx);
        else if (c.spec.columns) value = c.columnsIdx.map(at).filter(Boolean).join(c.spec.separator);
        else {
          const filled = c.templateParts.filter((p) => p.col >= 0).map((p) => at(p.col));
          value = filled.some(Boolean)
            ? c.templateParts
                .map((p) => (p.col >= 0 ? at(p.col) : p.text))
                .join('')
                .trim()
            : '';
        }
        if (c.map && value !== '') {
          const mapped = c.map.get(value.toLowerCase());
          if (mapped !== undefined) value = mapped;
          else if (c.spec.default !== undefined) value = c.spec.default;
          else if (!c.spec.passThrough) {
            issues.push({
              path: [c.target],
              code: 'unmapped_value',
              message: `"${value}" is not in the mapping's table for ${c.target}`,
            });
            continue;
          }
        }
        if (value === '' && c.spec.default !== undefined) value = c.spec.default;
        if (value !== '' && c.spec.dateFormat) {
          const converted = convertDate(value, c.spec.dateFormat);
          if (converted === null) {
            issues.push({
              path: [c.target],
              code: 'invalid_date',
              message: `"${value}" is not a date in the form ${c.spec.dateFormat}`,
            });
            continue;
          }
          value = converted;
        }
        if (value !== '' && c.spec.decimalSeparator) value = convertNumber(value, c.spec.decimalSeparator);
        if (value !== '' && c.spec.listSeparator) {
          value = value
            .split(c.spec.listSeparator)
            .map((item) => item.trim())
            .filter(Boolean)
            .join('; ');
        }
        if (value !== '' && c.spec.prefix) value = `${c.spec.prefix}${value}`;
        out[c.target] = value;
      }
      return { cells: out, issues };
    },
  };
}
