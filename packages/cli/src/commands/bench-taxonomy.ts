import type { Command } from 'commander';
import type { DatabaseConfig, SearchableConcept } from '@passerelle/core';
import {
  createTaxonomyStore,
  findPostgresBinaries,
  openDatabase,
  startThrowawayCluster,
} from '@passerelle/db';
import {
  benchmarkSearch,
  ConceptIndex,
  importEsco,
  makeTypeaheadQueries,
  type BenchQuery,
} from '@passerelle/taxonomy';
import { UsageError } from '../shared/exit';
import { printJson } from '../shared/options';
import { parseLangs } from './taxonomy';

async function timeImport(config: DatabaseConfig, dir: string, langs: string[]) {
  const database = await openDatabase(config, { migrate: true });
  try {
    const store = createTaxonomyStore(database);
    const t = performance.now();
    const summary = await importEsco(store, [dir], { langs });
    const seconds = (performance.now() - t) / 1000;
    return { seconds: Math.round(seconds * 100) / 100, summary, store, database };
  } catch (e) {
    await database.close();
    throw e;
  }
}

function prepareSearch(concepts: SearchableConcept[], langs: string[], count: number) {
  const t = performance.now();
  const index = ConceptIndex.build(concepts);
  const buildSeconds = Math.round((performance.now() - t) / 10) / 100;
  return { index, queries: makeTypeaheadQueries(concepts, langs, count), buildSeconds };
}

/** `passerelle bench taxonomy`: ESCO import time on both databases and type-ahead latency. */
export function registerBenchTaxonomy(bench: Command): void {
  bench
    .command('taxonomy')
    .description(
      'import ESCO (English + French + relations) into a fresh in-memory PGlite and into PostgreSQL, then time type-ahead searches; prints JSON',
    )
    .requiredOption('--esco <dir>', 'the ESCO CSV package folder, e.g. ../shared/data/esco/v1.1.1')
    .option('--lang <codes>', 'languages to import', 'en,fr')
    .option(
      '--database-url <url>',
      'PostgreSQL to import into (its taxonomy tables are overwritten); default: a throwaway local cluster when PostgreSQL is installed',
    )
    .option('--queries <n>', 'number of type-ahead queries', '5000')
    .option('--json', 'print JSON (the default)')
    .action(async (opts) => {
      const langs = parseLangs(opts.lang) ?? ['en', 'fr'];
      const queryCount = Number(opts.queries);
      if (!Number.isInteger(queryCount) || queryCount < 100)
        throw new UsageError('--queries must be a whole number of at least 100');
      const log = (m: string) => process.stderr.write(`${m}\n`);

      log('importing into PGlite (in memory)...');
      const pglite = await timeImport({ kind: 'pglite', dataDir: null }, opts.esco, langs);
      // Build the index and the queries now, so the loaded rows can be freed before timing.
      let prepared: { index: ConceptIndex; queries: BenchQuery[]; buildSeconds: number };
      try {
        prepared = prepareSearch(await pglite.store.loadSearchableConcepts(), langs, queryCount);
      } finally {
        await pglite.database.close();
      }
      log(`  ${pglite.seconds} s`);

      let importPostgres: number | null = null;
      let postgresNote: string;
      if (opts.databaseUrl) {
        log('importing into PostgreSQL (--database-url)...');
        const pg = await timeImport({ kind: 'postgres', url: opts.databaseUrl }, opts.esco, langs);
        await pg.database.close();
        importPostgres = pg.seconds;
        postgresNote = 'the given --database-url';
      } else {
        const bin = findPostgresBinaries();
        if (bin) {
          log('starting a throwaway PostgreSQL cluster...');
          const cluster = await startThrowawayCluster(bin);
          try {
            log('importing into PostgreSQL...');
            const pg = await timeImport({ kind: 'postgres', url: cluster.url }, opts.esco, langs);
            await pg.database.close();
            importPostgres = pg.seconds;
          } finally {
            cluster.stop();
          }
          postgresNote = 'a throwaway local cluster';
        } else {
          postgresNote = 'not measured: no --database-url and no PostgreSQL binaries (initdb, pg_ctl) found';
        }
      }
      if (importPostgres !== null) log(`  ${importPostgres} s`);

      log('timing type-ahead queries...');
      const { index, queries, buildSeconds } = prepared;
      const search = benchmarkSearch(index, queries);

      printJson({
        import_s_pglite: pglite.seconds,
        import_s_postgres: importPostgres,
        search_p50_ms: search.p50_ms,
        search_p99_ms: search.p99_ms,
        search_p90_ms: search.p90_ms,
        search_max_ms: search.max_ms,
        search_queries: search.queries,
        index_build_s: buildSeconds,
        index_concepts: index.conceptCount,
        index_labels: index.entryCount,
        languages: pglite.summary.languages,
        esco_version: pglite.summary.version,
        counts: pglite.summary.counts,
        postgres: postgresNote,
        targets: { import_s_pglite: 60, import_s_postgres: 20, search_p50_ms: 2, search_p99_ms: 10 },
      });
    });
}
