import { randomUUID } from 'node:crypto';
import { writeFile, rename } from 'node:fs/promises';
import type { Command } from 'commander';
import { createAuditStore } from '@passerelle/db';
import { exportRecords, formatFromName, importKinds } from '@passerelle/io';
import { createAuditSink, importResourceTypes, systemActor } from '@passerelle/server';
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
    const result = await withDatabase(config, async (database) => {
      const exported = await exportRecords(database, {
        kind,
        format,
        includeArchived: Boolean(opts.includeArchived),
        onProgress: (done, total) => {
          bar.setTotal(total);
          bar.update(done);
        },
      });
      // Audited as an export through HTTP is, with the operator recorded as the CLI's other commands do.
      await createAuditSink(createAuditStore(database), () => new Date(), randomUUID).record({
        actor: { ...systemActor, requestId: 'cli:export' },
        action: 'export',
        entity: importResourceTypes[kind],
        entityId: null,
        changes: { rows: exported.rows },
        requestId: 'cli:export',
      });
      return exported;
    }).finally(() => bar.stop());
    const tmp = `${opts.out}.partial`;
    await writeFile(tmp, result.buffer);
    await rename(tmp, opts.out);
    printJson({ kind, file: opts.out, format, rows: result.rows });
  });
}
