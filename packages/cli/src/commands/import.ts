import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { createAuditStore, type Database } from '@passerelle/db';
import {
  createOccupationCoder,
  importKinds,
  importTable,
  readMappingFile,
  readTableFile,
  tableFormats,
  type ImportKind,
  type ImportOptions,
  type ImportReport,
  type TableFormat,
} from '@passerelle/io';
import { auditImport, createAuditSink, systemActor } from '@passerelle/server';
import { ExitError, UsageError, exitCodes } from '../shared/exit';
import { addDatabaseOptions, configFromOptions, printJson } from '../shared/options';
import { withDatabase } from '../shared/database';
import { createProgress } from '../shared/progress';

export function parseKind(value: string): ImportKind {
  if (!(importKinds as readonly string[]).includes(value)) {
    throw new UsageError(`unknown record kind "${value}": use one of ${importKinds.join(', ')}`);
  }
  return value as ImportKind;
}

export function parseFormat(value: string | undefined): TableFormat | undefined {
  if (value === undefined) return undefined;
  if (!(tableFormats as readonly string[]).includes(value))
    throw new UsageError('--format must be csv or xlsx');
  return value as TableFormat;
}

/** The report for a terminal: a summary line, then one line per problem. */
export function formatReport(report: ImportReport, file: string): string {
  const lines: string[] = [];
  const what = `${report.kind} from ${file}`;
  if (report.issues.length > 0) {
    lines.push(
      `${what}: ${report.invalidRows || 'the file'} ${report.invalidRows === 1 ? 'row is' : report.invalidRows ? 'rows are' : 'is'} invalid; nothing was imported.`,
    );
    for (const i of report.issues.slice(0, 200)) {
      lines.push(
        `  row ${i.row}${i.externalId ? ` (${i.externalId})` : ''}, ${i.field}: ${i.message} [${i.code}]`,
      );
    }
    if (report.issues.length > 200)
      lines.push(`  ... and ${report.issues.length - 200} more (use --json for all)`);
  } else {
    const verb = report.dryRun ? 'would be' : 'were';
    lines.push(
      `${what}: ${report.rows} rows checked${report.dryRun ? ' (dry run, nothing written)' : ''}; ${report.created} ${verb} created, ${report.updated} updated, ${report.unchanged} unchanged` +
        (report.organisationsCreated
          ? `; ${report.organisationsCreated} organisations ${verb} created`
          : '') +
        '.',
    );
  }
  return lines.join('\n');
}

/** The request id of the CLI's import entries in the audit trail (as `cli:retention-run` for retention). */
export const cliImportRequestId = 'cli:import';

/**
 * Imports a table with operator access and audits it as an import through HTTP is audited: the
 * `import` entry and a `close_case` / `reopen_case` per person whose closure the file changed,
 * with the operator recorded as the CLI's other commands record it (`systemActor`).
 */
export async function importAsOperator(database: Database, options: ImportOptions): Promise<ImportReport> {
  const report = await importTable(database, options);
  const sink = createAuditSink(createAuditStore(database), () => new Date(), randomUUID);
  await auditImport(sink, report, { ...systemActor, requestId: cliImportRequestId }, cliImportRequestId);
  return report;
}

/** `passerelle import <kind> FILE`: people, employers, vacancies or trainings from CSV or XLSX. */
export function registerImport(program: Command): void {
  addDatabaseOptions(
    program
      .command('import')
      .description(
        'import people, employers, vacancies or trainings from a CSV or XLSX file (all rows or none; re-importing updates by external id)',
      )
      .argument('<kind>', importKinds.join(', '))
      .argument('<file>', 'the .csv or .xlsx file')
      .option('--mapping <file>', 'a column-mapping file (JSON or YAML) for another layout')
      .option('--dry-run', 'check every row and report what would change, without writing')
      .option('--format <format>', 'csv or xlsx (default: from the file extension)')
      .option('--sheet <name>', 'the XLSX sheet (default: the first)')
      .option(
        '--code-occupations',
        'fill occupation_uri and occupation_isco from occupation_label when a row gives only the text (uses the taxonomy in the database)',
      )
      .option('--json', 'print the report as JSON'),
  ).action(async (kindArg: string, file: string, opts) => {
    const kind = parseKind(kindArg);
    const format = parseFormat(opts.format);
    const config = configFromOptions(opts);
    const mapping = opts.mapping ? await readMappingFile(opts.mapping) : null;
    const table = await readTableFile(file, {
      ...(format ? { format } : {}),
      ...((opts.sheet ?? mapping?.sheet) ? { sheet: opts.sheet ?? mapping?.sheet } : {}),
      ...(mapping?.delimiter ? { delimiter: mapping.delimiter } : {}),
    });
    const bar = createProgress(`${opts.dryRun ? 'checking' : 'importing'} ${kind}`, table.rows.length * 2);
    const done = { validate: 0, write: 0 };
    let report: ImportReport;
    try {
      report = await withDatabase(config, async (database) =>
        importAsOperator(database, {
          kind,
          codeOccupation: opts.codeOccupations ? await createOccupationCoder(database) : null,
          table,
          mapping,
          dryRun: Boolean(opts.dryRun),
          name: file,
          onProgress: (p) => {
            done[p.phase] = p.done;
            bar.update(done.validate + done.write);
          },
        }),
      );
    } finally {
      bar.stop();
    }
    if (opts.json) printJson(report);
    else process.stdout.write(`${formatReport(report, file)}\n`);
    if (report.issues.length > 0) throw new ExitError(exitCodes.failure);
  });
}
