import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Command } from 'commander';
import type { DatabaseConfig } from '@passerelle/core';
import { openDatabase } from '@passerelle/db';
import { knowledgeFromCatalogue } from '@passerelle/matching';
import { generatorCatalogueFrom, readEscoFolder, runMatchBenchmark } from '@passerelle/matching/bench';
import { starterCatalogue } from '@passerelle/taxonomy';
import { UsageError } from '../shared/exit';
import { printJson } from '../shared/options';

function wholeNumber(value: string, flag: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`${flag} must be a whole number of at least ${min}`);
  return n;
}

/** A function that forces a full garbage collection, so the heap figure is what stays. */
function gcFunction(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/** `passerelle bench match`: the matching engine at scale, with the SQL overlap baseline; prints JSON. */
export function registerBenchMatch(bench: Command): void {
  bench
    .command('match')
    .description(
      'build the matching index on generated people and vacancies (skills from occupation–skill relations), time top-20 queries both ways, the plain overlap mode, a bare posting-list floor, and the same overlap top-20 in SQL; prints JSON',
    )
    .option('--vacancies <n>', 'vacancies to generate', '1000000')
    .option(
      '--people <n>',
      'people to generate (0: only the vacancies are built and timed, no queries)',
      '1000000',
    )
    .option('--queries <n>', 'queries per direction', '500')
    .option('--seed <n>', 'seed of the generated data and queries', '1')
    .option(
      '--esco <dir>',
      'an ESCO CSV folder (e.g. ../shared/data/esco/v1.1.1); default: the starter catalogue',
    )
    .option('--database-url <url>', 'PostgreSQL for the SQL baseline; default: PGlite in memory')
    .option('--sql-queries <n>', 'queries for the SQL baseline (0 skips it)', '20')
    .option(
      '--verify-queries <n>',
      'after the timings, compare this many queries per direction with scoring every document (slow: linear per query)',
      '0',
    )
    .option('--json', 'print JSON (the default)')
    .action(async (opts) => {
      const vacancies = wholeNumber(opts.vacancies, '--vacancies', 1);
      const people = wholeNumber(opts.people, '--people', 0);
      const queries = wholeNumber(opts.queries, '--queries', 1);
      const seed = wholeNumber(opts.seed, '--seed', 0);
      const sqlQueries = wholeNumber(opts.sqlQueries, '--sql-queries', 0);
      const verifyQueries = wholeNumber(opts.verifyQueries, '--verify-queries', 0);
      const log = (line: string) => process.stderr.write(`${line}\n`);
      let catalogue;
      let knowledge;
      if (opts.esco) {
        log(`reading ESCO relations from ${opts.esco}...`);
        ({ catalogue, knowledge } = readEscoFolder(opts.esco));
      } else {
        log('using the starter catalogue (pass --esco for the full ESCO relations)');
        catalogue = generatorCatalogueFrom(starterCatalogue);
        knowledge = knowledgeFromCatalogue(starterCatalogue);
      }
      const config: DatabaseConfig = opts.databaseUrl
        ? { kind: 'postgres', url: opts.databaseUrl }
        : { kind: 'pglite', dataDir: null };
      const database = sqlQueries > 0 && people > 0 ? await openDatabase(config) : null;
      try {
        const { result, details } = await runMatchBenchmark({
          vacancies,
          people,
          queries,
          seed,
          sqlQueries,
          catalogue,
          knowledge,
          sql: database
            ? { name: config.kind === 'postgres' ? 'postgres' : 'pglite', client: database }
            : undefined,
          log,
          gc: gcFunction(),
          verifyQueries,
        });
        log(`details: ${JSON.stringify(details)}`);
        printJson(result);
        // A ranking that differs from scoring every document is a failure, not a figure.
        if (details.verify && details.verify.mismatches > 0) process.exitCode = 1;
      } finally {
        if (database) {
          await database.query('drop table if exists bench_match_vacancy').catch(() => {});
          await database.close();
        }
      }
    });
}
