import { readdirSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { DatabaseConfig } from '@passerelle/core';
import { findPostgresBinaries, openDatabase, startThrowawayCluster } from '@passerelle/db';
import { makeVacancyBenchFiles, runImportBench } from '@passerelle/io';
import { UsageError } from '../shared/exit';
import { printJson } from '../shared/options';

/** utime, stime, cutime and cstime of a process, in seconds (Linux /proc; null elsewhere). */
function processCpu(pid: number): { own: number; children: number; ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const tick = (i: number) => Number(f[i]) / 100;
    return { own: tick(11) + tick(12), children: tick(13) + tick(14), ppid: Number(f[1]) };
  } catch {
    return null;
  }
}

/** CPU seconds used so far by a PostgreSQL server: the postmaster, its live backends and the exited ones. */
function serverCpu(postmaster: number): number | null {
  const main = processCpu(postmaster);
  if (!main) return null;
  let total = main.own + main.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const p = processCpu(Number(entry));
    if (p && p.ppid === postmaster) total += p.own;
  }
  return total;
}

async function timeImport(config: DatabaseConfig, files: Awaited<ReturnType<typeof makeVacancyBenchFiles>>) {
  const database = await openDatabase(config, { migrate: true });
  let postmaster: number | null = null;
  let before: number | null = null;
  if (config.kind === 'postgres') {
    const [row] = await database.query<{ pid: number }>('select pg_backend_pid() as pid');
    postmaster = row ? (processCpu(row.pid)?.ppid ?? null) : null;
    before = postmaster ? serverCpu(postmaster) : null;
  }
  try {
    const { seconds, cpuSeconds } = await runImportBench(database, files);
    const after = postmaster && before !== null ? serverCpu(postmaster) : null;
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      seconds: round(seconds),
      cpuSeconds: round(cpuSeconds),
      serverCpuSeconds: after !== null && before !== null ? round(after - before) : null,
    };
  } finally {
    await database.close();
  }
}

/** `passerelle bench import`: generated vacancy rows imported into PGlite and PostgreSQL. */
export function registerBenchImport(bench: Command): void {
  bench
    .command('import')
    .description(
      'time the import of generated vacancy rows (CSV, our layout, one transaction) into a fresh in-memory PGlite and into PostgreSQL; prints JSON',
    )
    .option('--rows <n>', 'vacancy rows', '100000')
    .option(
      '--database-url <url>',
      'PostgreSQL to import into (use an empty database: vacancies and employers are written); default: a throwaway local cluster when PostgreSQL is installed',
    )
    .option('--json', 'print JSON (the default)')
    .action(async (opts) => {
      const rows = Number(opts.rows);
      if (!Number.isInteger(rows) || rows < 1 || rows > 2_000_000)
        throw new UsageError('--rows must be a whole number from 1 to 2000000');
      const log = (m: string) => process.stderr.write(`${m}\n`);
      log(`generating ${rows} vacancy rows...`);
      const files = await makeVacancyBenchFiles(rows);
      log('importing into PGlite (in memory)...');
      const pglite = await timeImport({ kind: 'pglite', dataDir: null }, files);
      log(`  ${pglite.seconds} s`);
      let postgres: Awaited<ReturnType<typeof timeImport>> | null = null;
      let note: string;
      if (opts.databaseUrl) {
        log('importing into PostgreSQL (--database-url)...');
        postgres = await timeImport({ kind: 'postgres', url: opts.databaseUrl }, files);
        note = 'the given --database-url';
      } else {
        const bin = findPostgresBinaries();
        if (bin) {
          log('starting a throwaway PostgreSQL cluster...');
          const cluster = await startThrowawayCluster(bin);
          try {
            log('importing into PostgreSQL...');
            postgres = await timeImport({ kind: 'postgres', url: cluster.url }, files);
          } finally {
            cluster.stop();
          }
          note = 'a throwaway local cluster';
        } else note = 'not measured: no --database-url and no PostgreSQL binaries (initdb, pg_ctl) found';
      }
      if (postgres !== null) log(`  ${postgres.seconds} s`);
      printJson({
        rows,
        import_s_pglite: pglite.seconds,
        import_s_postgres: postgres?.seconds ?? null,
        // CPU seconds of this process during the timed import: with PGlite that is all the work (a
        // fairer figure on a busy machine); with PostgreSQL the server's own work is not included.
        cpu_s_pglite: pglite.cpuSeconds,
        cpu_s_postgres_client: postgres?.cpuSeconds ?? null,
        // CPU seconds of the PostgreSQL server during the import (Linux, a server on this machine).
        cpu_s_postgres_server: postgres?.serverCpuSeconds ?? null,
        file_mb: Math.round(files.vacancies.length / 1e5) / 10,
        postgres: note,
        targets: { rows: 100_000, import_s_pglite: 60, import_s_postgres: 20 },
      });
    });
}
