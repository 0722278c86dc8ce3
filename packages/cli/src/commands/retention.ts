import type { Command } from 'commander';
import { retentionRuleInput } from '@passerelle/core';
import { createRetentionRuleStore } from '@passerelle/db';
import { buildApp, systemActor } from '@passerelle/server';
import { addDatabaseOptions, configFromOptions, printJson } from '../shared/options';
import { withDatabase } from '../shared/database';
import { UsageError } from '../shared/exit';

/** `passerelle retention run|list|set`. */
export function registerRetention(program: Command): void {
  const retention = program
    .command('retention')
    .description('retention rules per programme, and erasing what they have expired');

  addDatabaseOptions(
    retention
      .command('run')
      .description(
        'erase the people whose retention has expired (everywhere, with an audit tombstone) and purge dead sessions and tokens; prints what was removed',
      ),
  ).action(async (opts) => {
    const config = { ...configFromOptions(opts), logLevel: 'silent' as const };
    const report = await withDatabase(config, async (database) => {
      // The app registers every module's person data (records, search, matching), so that
      // erasure here reaches the same places as an erasure through the API.
      const app = await buildApp({ config, database });
      try {
        return await app.passerelle.dataRights.runRetention({
          ...systemActor,
          requestId: 'cli:retention-run',
        });
      } finally {
        await app.close();
      }
    });
    printJson({
      ranAt: report.ranAt,
      peopleErased: report.erased.length,
      erased: report.erased,
      sessionsRemoved: report.sessionsRemoved,
      tokensRemoved: report.tokensRemoved,
      resetLinksRemoved: report.resetLinksRemoved,
    });
  });

  addDatabaseOptions(retention.command('list').description('print the retention rules')).action(
    async (opts) => {
      const config = configFromOptions(opts);
      printJson(await withDatabase(config, (database) => createRetentionRuleStore(database.db).list()));
    },
  );

  addDatabaseOptions(
    retention
      .command('set')
      .description('set the rule of a programme (`*` is the default for programmes without one)')
      .requiredOption('--programme <code>', 'the programme code, or *')
      .option('--after-closure-days <n>', 'erase this many days after the case is closed')
      .option('--after-inactivity-days <n>', 'erase this many days after the last activity'),
  ).action(async (opts) => {
    const config = configFromOptions(opts);
    const num = (v: unknown) => (v === undefined ? null : Number(v));
    const parsed = retentionRuleInput.safeParse({
      afterClosureDays: num(opts.afterClosureDays),
      afterInactivityDays: num(opts.afterInactivityDays),
    });
    if (!parsed.success)
      throw new UsageError(
        `retention days must be whole numbers from 1 to 36500 (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})`,
      );
    printJson(
      await withDatabase(config, (database) =>
        createRetentionRuleStore(database.db).put(opts.programme, parsed.data, null),
      ),
    );
  });
}
