import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { errors } from '@passerelle/core';
import { parseCsvFast } from './fast-csv';

/**
 * Reading and writing tables: CSV (UTF-8, with or without a byte-order mark, comma, semicolon or
 * tab separated) and XLSX (the first sheet, or a named one). Cells are read as text; the layouts
 * turn text into values, so both formats go through the same checks.
 */

export const tableFormats = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof tableFormats)[number];

export interface TableRow {
  /** The row number a spreadsheet shows (the header is row 1). */
  row: number;
  cells: string[];
}

export interface Table {
  format: TableFormat;
  header: string[];
  rows: TableRow[];
}

export interface ReadTableOptions {
  /** The CSV separator; guessed from the header line when absent. */
  delimiter?: string;
  /** The XLSX sheet; the first one when absent. */
  sheet?: string;
  /** A file name for error messages. */
  name?: string;
}

/** Guesses csv or xlsx from a file name. */
export function formatFromName(name: string): TableFormat | null {
  const ext = extname(name).toLowerCase();
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  return null;
}

/** Guesses the separator from the first line: the most frequent of , ; and tab outside quotes. */
export function guessDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const line = end === -1 ? text : text.slice(0, end);
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![1] > 0
    ? Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![0]
    : ',';
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

function readCsv(buffer: Buffer, options: ReadTableOptions): Table {
  const textContent = buffer.toString('utf8').replace(/^\uFEFF/, '');
  const delimiter = options.delimiter ?? guessDelimiter(textContent);
  let records = parseCsvFast(textContent, delimiter);
  if (records === null) {
    try {
      records = parseCsv(textContent, {
        delimiter,
        record_delimiter: ['\r\n', '\n'],
        relax_column_count: true,
        skip_empty_lines: false,
        relax_quotes: false,
      }) as string[][];
    } catch (e) {
      const err = e as { message?: string; lines?: number };
      throw errors.invalidFile(
        options.name ?? 'file',
        err.message ?? 'not a CSV file',
        err.lines ? { line: err.lines } : {},
      );
    }
  }
  const [header, ...body] = records;
  if (!header || isBlank(header))
    throw errors.invalidFile(options.name ?? 'file', 'the file has no header row');
  const rows: TableRow[] = [];
  body.forEach((cells, i) => {
    if (!isBlank(cells)) rows.push({ row: i + 2, cells });
  });
  return { format: 'csv', header: header.map((h) => h.trim()), rows };
}

/** The text of an XLSX cell value, whatever its type. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value)
      return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('hyperlink' in value) return String((value as { text?: unknown }).text ?? value.hyperlink);
    if ('error' in value) return '';
  }
  return String(value);
}

async function readXlsx(buffer: Buffer, options: ReadTableOptions): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (e) {
    throw errors.invalidFile(options.name ?? 'file', `not an XLSX workbook (${(e as Error).message})`);
  }
  const sheet = options.sheet ? workbook.getWorksheet(options.sheet) : workbook.worksheets[0];
  if (!sheet) {
    throw errors.invalidFile(
      options.name ?? 'file',
      options.sheet ? `the workbook has no sheet named "${options.sheet}"` : 'the workbook has no sheet',
    );
  }
  let header: string[] | null = null;
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i] ?? null));
    if (header === null) {
      header = cells.map((h) => h.trim());
      return;
    }
    if (!isBlank(cells)) rows.push({ row: rowNumber, cells });
  });
  if (!header) throw errors.invalidFile(options.name ?? 'file', 'the sheet has no header row');
  return { format: 'xlsx', header, rows };
}

/** Reads a CSV or XLSX table from bytes. */
export async function readTableFromBuffer(
  buffer: Buffer,
  format: TableFormat,
  options: ReadTableOptions = {},
): Promise<Table> {
  return format === 'xlsx' ? readXlsx(buffer, options) : readCsv(buffer, options);
}

/** Reads a CSV or XLSX file; the format comes from the extension unless given. */
export async function readTableFile(
  path: string,
  options: ReadTableOptions & { format?: TableFormat } = {},
): Promise<Table> {
  const format = options.format ?? formatFromName(path);
  if (!format)
    throw errors.invalidFile(path, 'unknown file type: use a .csv or .xlsx file, or give the format');
  const buffer = await readFile(path);
  return readTableFromBuffer(buffer, format, { ...options, name: options.name ?? path });
}

export interface WriteTableOptions {
  /** Columns whose cells are written as numbers in XLSX (when they are numbers). */
  numericColumns?: Set<string>;
  sheetName?: string;
}

/** Writes a table to bytes: CSV (UTF-8 with a byte-order mark, so spreadsheets read accents) or XLSX. */
export async function writeTableToBuffer(
  format: TableFormat,
  header: string[],
  rows: string[][],
  options: WriteTableOptions = {},
): Promise<Buffer> {
  if (format === 'csv') {
    return Buffer.from(`\uFEFF${stringifyCsv([header, ...rows], { record_delimiter: '\n' })}`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? 'data');
  sheet.addRow(header);
  const numeric = header.map((h) => options.numericColumns?.has(h) ?? false);
  for (const cells of rows) {
    sheet.addRow(
      cells.map((c, i) => {
        if (numeric[i] && c !== '') {
          const n = Number(c);
          if (Number.isFinite(n) && String(n) === c) return n;
        }
        return c === '' ? null : c;
      }),
    );
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
