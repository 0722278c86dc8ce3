import { writeFile, rename } from 'node:fs/promises';
import type { Command } from 'commander';
import { exportRecords, formatFromName, importKinds } from '@passerelle/io';
import { addDatabaseOptions, configFromOptions, printJson } from '../shared/options';
import { withDatabase } from '../shared/database';
import { createProgress } from '../shared/progress';
import { parseFormat, parseKind } from './import';

/** `passerelle export <kind> --out FILE`: the same columns the importer reads. */
export function registerExport(program: Command): void {
  addDatabaseOptions(
    program
      .command('export')
      .description(
        'export people, employers, vacancies or trainings to CSV or XLSX, in the import layout (re-importing changes nothing)',
      )
      .argument('<kind>', importKinds.join(', '))
      .requiredOption('--out <file>', 'the file to write')
      .option('--format <format>', 'csv or xlsx (default: from the file extension, else csv)')
      .option('--include-archived', 'also export archived records'),
  ).action(async (kindArg: string, opts) => {
    const kind = parseKind(kindArg);
    const format = parseFormat(opts.format) ?? formatFromName(opts.out) ?? 'csv';
    const config = configFromOptions(opts);
    const bar = createProgress(`exporting ${kind}`, 1);
    const result = await withDatabase(config, (database) =>
      exportRecords(database, {
        kind,
        format,
        includeArchived: Boolean(opts.includeArchived),
        onProgress: (done, total) => {
          bar.setTotal(total);
          bar.update(done);
        },
      }),
    ).finally(() => bar.stop());
    const tmp = `${opts.out}.partial`;
    await writeFile(tmp, result.buffer);
    await rename(tmp, opts.out);
    printJson({ kind, file: opts.out, format, rows: result.rows });
  });
}
