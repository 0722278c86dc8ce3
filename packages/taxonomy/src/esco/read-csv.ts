import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { DomainError, errors } from '@passerelle/core';

/** One record with the line it starts on (1-based, the header being line 1). */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

export interface ReadCsvOptions {
  delimiter?: string;
  /** Column names when the file has no header line (label lists). */
  columns?: string[];
  /** TSV label lists have no quoting. */
  quote?: boolean;
  /** Called with the number of bytes read so far. */
  onBytes?: (bytes: number) => void;
  /** Accepts rows with fewer fields than the header (ESCO's skills hierarchy leaves trailing ones out). */
  allowShortRows?: boolean;
  /** Checks the header before any record is read; throws to reject the file. */
  checkHeader?: (columns: string[]) => void;
}

/**
 * Streams the records of a CSV (or TSV) file with bounded memory. Any problem of the file — a
 * quote never closed (a truncated file), a row with the wrong number of fields, a header that is
 * not the expected one — becomes `invalid_file` with the file, the line and the column.
 */
export async function* readCsv(file: string, options: ReadCsvOptions = {}): AsyncGenerator<CsvRecord> {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
      bytes += chunk.length;
      options.onBytes?.(bytes);
      cb(null, chunk);
    },
  });
  let header: string[] | null = options.columns ?? null;
  const parser = parse({
    bom: true,
    delimiter: options.delimiter ?? ',',
    quote: options.quote === false ? false : '"',
    relax_quotes: false,
    skip_empty_lines: true,
    relax_column_count_less: options.allowShortRows === true,
    info: true,
    columns:
      options.columns ??
      ((cols: string[]) => {
        header = cols.map((c) => c.trim());
        options.checkHeader?.(header);
        return header;
      }),
  });
  const source = createReadStream(file);
  source.on('error', (e) => parser.destroy(e));
  source.pipe(counter).pipe(parser);
  let previousEnd = options.columns ? 0 : 1;
  try {
    for await (const item of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      const line = previousEnd + 1;
      previousEnd = item.info.lines;
      yield { line, values: item.record };
    }
  } catch (e) {
    throw toFileError(file, e, header);
  } finally {
    source.destroy();
  }
}

function toFileError(file: string, e: unknown, header: string[] | null): unknown {
  if (e instanceof DomainError) return e;
  if (e instanceof CsvError) {
    const err = e as CsvError & { lines?: number; column?: string | number | null };
    const column =
      typeof err.column === 'string'
        ? err.column
        : typeof err.column === 'number'
          ? header?.[err.column]
          : undefined;
    const reason =
      err.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted field is never closed (is the file truncated?)'
        : err.code === 'CSV_RECORD_INCONSISTENT_COLUMNS' ||
            err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
          ? `a row has the wrong number of fields (${err.message.replace(/^Invalid Record Length: /, '')})`
          : err.message;
    return errors.invalidFile(file, reason, { line: err.lines, ...(column ? { column } : {}) });
  }
  const io = e as NodeJS.ErrnoException;
  if (io && typeof io.code === 'string' && io.code.startsWith('E'))
    return errors.invalidFile(file, `cannot read the file (${io.code})`);
  return e;
}

/** Splits a multi-value field: ESCO separates values by new lines (and " | " in collection files). */
export function splitValues(value: string | undefined): string[] {
  if (!value) return [];
  const out: string[] = [];
  for (const part of value.split(/\r?\n| \| /)) {
    const t = part.trim();
    if (t !== '' && !out.includes(t)) out.push(t);
  }
  return out;
}

/** A trimmed value, or null when empty. */
export function valueOrNull(value: string | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}
