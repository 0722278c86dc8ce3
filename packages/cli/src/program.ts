import { Command } from 'commander';
import { registerDb } from './commands/db';
import { registerServe } from './commands/serve';
import { registerUsers } from './commands/users';
import { registerTokens } from './commands/tokens';
import { registerAudit } from './commands/audit';
import { registerRetention } from './commands/retention';
import { registerTaxonomy } from './commands/taxonomy';
import { registerBenchTaxonomy } from './commands/bench-taxonomy';
import { registerBenchMatch } from './commands/bench-match';
import { registerImport } from './commands/import';
import { registerExport } from './commands/export';
import { registerDemo } from './commands/demo';
import { registerBenchImport } from './commands/bench-import';
import { registerEval } from './commands/eval';
import { registerBenchText } from './commands/bench-text';

/**
 * The `passerelle` command. Each command lives in `commands/<name>.ts` and exports a
 * `registerXxx(parent)` function; add one line here to register a new one.
 * Every command accepts the database options (see shared/options.ts) and `--help`.
 */
export function buildProgram(): Command {
  const program = new Command('passerelle')
    .description(
      'Passerelle: skills profiles, labour-market data, matching and case work for migrants into work',
    )
    .showHelpAfterError()
    .exitOverride();
  registerServe(program);
  registerDb(program);
  registerUsers(program);
  registerTokens(program);
  registerAudit(program);
  registerRetention(program);
  registerTaxonomy(program);
  registerImport(program);
  registerExport(program);
  registerDemo(program);
  registerEval(program);
  // Benchmarks: `passerelle bench <what>`; each registers itself on this parent.
  const bench = program.command('bench').description('benchmarks that print JSON figures');
  void bench;
  registerBenchTaxonomy(bench);
  registerBenchMatch(bench);
  registerBenchImport(bench);
  registerBenchText(bench);
  return program;
}
