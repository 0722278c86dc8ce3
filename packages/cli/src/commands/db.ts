import type { Command } from 'commander';
import { describeDatabase } from '@passerelle/core';
import {
  appliedMigrations,
  backupDatabase,
  migrateDatabase,
  openDatabase,
  restoreDatabase,
} from '@passerelle/db';
import { addDatabaseOptions, configFromOptions, printJson } from '../shared/options';
import { withDatabase } from '../shared/database';

/** `passerelle db migrate|backup|restore`. */
export function registerDb(program: Command): void {
  const db = program.command('db').description('database maintenance: migrations, backup and restore');

  addDatabaseOptions(
    db.command('migrate').description('apply pending migrations (safe to run twice)'),
  ).action(async (opts) => {
    const config = configFromOptions(opts);
    const database = await openDatabase(config.database);
    try {
      const before = (await appliedMigrations(database)).length;
      await migrateDatabase(database, config.database);
      const after = (await appliedMigrations(database)).length;
      console.log(
        `${describeDatabase(config.database)}: ${after - before} migration(s) applied, ${after} in total.`,
      );
    } finally {
      await database.close();
    }
  });

  addDatabaseOptions(
    db
      .command('backup')
      .description('write a logical backup of every table (restores into either database kind)')
      .requiredOption('--out <file>', 'the backup file to write (gzip JSON lines)'),
  ).action(async (opts) => {
    const config = configFromOptions(opts);
    const result = await withDatabase(config, (database) => backupDatabase(database, opts.out));
    printJson({ file: opts.out, tables: result.tables });
  });

  addDatabaseOptions(
    db
      .command('restore')
      .description('replace all data with a backup, in one transaction (nothing changes on error)')
      .requiredOption('--in <file>', 'the backup file to read'),
  ).action(async (opts) => {
    const config = configFromOptions(opts);
    const result = await withDatabase(config, (database) => restoreDatabase(database, opts.in));
    printJson({ file: opts.in, tables: result.tables });
  });
}
