import { type Command, Option } from 'commander';
import { parseConfig, type AppConfig, type ConfigFlags } from '@passerelle/core';

/** The database and logging options every command accepts. */
export function addDatabaseOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '--data-dir <dir>',
        'folder of the embedded database (env PASSERELLE_DATA_DIR, default ./data)',
      ),
    )
    .addOption(
      new Option(
        '--database-url <url>',
        'PostgreSQL server instead of the embedded database (env DATABASE_URL)',
      ),
    )
    .addOption(
      new Option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent (env LOG_LEVEL)'),
    );
}

/** Builds the process config from the environment and the command's flags; throws invalid_config (exit 2). */
export function configFromOptions(opts: ConfigFlags, env: NodeJS.ProcessEnv = process.env): AppConfig {
  return parseConfig(env, opts);
}

/** Prints one JSON object on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
