import type { Command } from 'commander';
import { createAuditStore } from '@passerelle/db';
import { addDatabaseOptions, configFromOptions, printJson } from '../shared/options';
import { withDatabase } from '../shared/database';
import { ExitError, UsageError, exitCodes } from '../shared/exit';

/** `passerelle audit verify|list`. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the append-only, hash-chained audit trail');

  addDatabaseOptions(
    audit
      .command('verify')
      .description(
        'check the hash chain of the whole trail; exit 1 when an entry was edited, removed or inserted',
      )
      .option(
        '--anchor <seq:hash>',
        'an entry noted earlier (from a previous verify): also detects removal of the newest entries',
      ),
  ).action(async (opts) => {
    const config = configFromOptions(opts);
    let anchor: { seq: number; hash: string } | undefined;
    if (opts.anchor) {
      const m = /^(\d+):([0-9a-f]{64})$/.exec(String(opts.anchor));
      if (!m) throw new UsageError('--anchor must look like 1234:<64 hex characters>');
      anchor = { seq: Number(m[1]), hash: m[2]! };
    }
    const result = await withDatabase(config, (database) => createAuditStore(database).verify(anchor));
    printJson(result);
    if (!result.ok) {
      const why = result.break
        ? `entry ${result.break.seq} (${result.break.problem.replace(/_/g, ' ')})`
        : `the anchor entry ${anchor?.seq} is missing or changed`;
      process.stderr.write(`The audit trail is broken at ${why}.\n`);
      throw new ExitError(exitCodes.failure);
    }
    process.stderr.write(
      `The audit trail is intact: ${result.checked} entries.${result.head ? ` Note the anchor ${result.head.seq}:${result.head.hash} to detect later truncation.` : ''}\n`,
    );
  });

  addDatabaseOptions(
    audit
      .command('list')
      .description('print audit entries, newest first, as JSON lines')
      .option('--person <id>', 'only entries about this person')
      .option('--actor <userId>', 'only entries by this user')
      .option(
        '--action <action>',
        'only this action (read, read_sensitive, update, erase, sign_in_failed...)',
      )
      .option('--limit <n>', 'how many', '100'),
  ).action(async (opts) => {
    const config = configFromOptions(opts);
    const limit = Number(opts.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
      throw new UsageError('--limit must be a whole number from 1 to 100000');
    const page = await withDatabase(config, (database) =>
      createAuditStore(database).list({
        personId: opts.person ?? null,
        actorUserId: opts.actor ?? null,
        action: opts.action ?? null,
        limit,
      }),
    );
    for (const e of page.items) process.stdout.write(`${JSON.stringify(e)}\n`);
  });
}
