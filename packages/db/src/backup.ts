import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '@passerelle/core';
import type { Database, RawTx } from './database';
import { appliedMigrations } from './open';

/**
 * Logical backups: gzip'd JSON lines, one row per line as PostgreSQL's own `row_to_json` prints it,
 * tables in foreign-key order. Both drivers speak the same SQL, so a backup of PGlite restores
 * into PostgreSQL and the reverse.
 */
export const backupFormat = 'passerelle-backup';
export const backupFormatVersion = 1;

interface Header {
  format: typeof backupFormat;
  formatVersion: number;
  createdAt: string;
  sourceKind: string;
  migrations: string[];
  tables: string[];
}

const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

/** The tables of the public schema, parents before children. */
export async function listTablesInDependencyOrder(tx: Pick<RawTx, 'query'>): Promise<string[]> {
  const tables = (
    await tx.query<{ name: string }>(
      `select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
  ).map((r) => r.name);
  const edges = await tx.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent
     from pg_constraint k
     join pg_class c on c.oid = k.conrelid join pg_namespace cn on cn.oid = c.relnamespace
     join pg_class p on p.oid = k.confrelid
     where k.contype = 'f' and cn.nspname = 'public' and c.relname <> p.relname`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const e of edges) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (seen.has(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t) ?? []) visit(p, path);
    path.delete(t);
    seen.add(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

/** Writes a backup of every table to `file` (atomically: a partial file never takes its place). */
export async function backupDatabase(
  database: Database,
  file: string,
): Promise<{ tables: Record<string, number> }> {
  const tmp = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(tmp);
  // A file that cannot be written (missing folder, no permission, full disk) must reject the
  // backup, not crash the process with an unhandled stream 'error' event.
  const outputDone = pipeline(gzip, out);
  let outputError: unknown = null;
  outputDone.catch((e: unknown) => {
    outputError ??= e;
  });
  const write = async (obj: unknown) => {
    if (outputError) throw outputError;
    if (!gzip.write(`${JSON.stringify(obj)}\n`)) await Promise.race([once(gzip, 'drain'), outputDone]);
    if (outputError) throw outputError;
  };
  const counts: Record<string, number> = {};
  try {
    const migrations = (await appliedMigrations(database)).map((m) => m.hash);
    await database.transaction(async (tx) => {
      if (database.kind === 'postgres') await tx.query('set transaction isolation level repeatable read');
      const tables = await listTablesInDependencyOrder(tx);
      const header: Header = {
        format: backupFormat,
        formatVersion: backupFormatVersion,
        createdAt: new Date().toISOString(),
        sourceKind: database.kind,
        migrations,
        tables,
      };
      await write(header);
      for (const table of tables) {
        counts[table] = 0;
        const pageSize = 5000;
        for (let offset = 0; ; offset += pageSize) {
          const rows = await tx.query<{ j: string }>(
            `select row_to_json(t)::text as j from ${q(table)} t order by ctid limit ${pageSize} offset ${offset}`,
          );
          for (const r of rows) await write({ t: table, r: JSON.parse(r.j) });
          counts[table] += rows.length;
          if (rows.length < pageSize) break;
        }
      }
    });
    await write({ end: true, counts });
    gzip.end();
    await outputDone;
    renameSync(tmp, file);
    return { tables: counts };
  } catch (e) {
    gzip.destroy();
    out.destroy();
    await outputDone.catch(() => {});
    rmSync(tmp, { force: true });
    // Name the file the user asked for, not our temporary one.
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err === 'object' && err.path === tmp) err.path = file;
    throw e;
  }
}

async function* readLines(file: string): AsyncGenerator<{ line: number; value: unknown }> {
  const gunzip = createGunzip();
  const source = createReadStream(file);
  // `pipe` does not forward the source's errors: without this a missing file is an unhandled
  // 'error' event that kills the process with a stack trace.
  source.on('error', (e) => gunzip.destroy(e));
  const input = source.pipe(gunzip);
  const rl = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of rl) {
      line++;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new DomainError('invalid_file', { file, line, reason: 'a line is not valid JSON' });
      }
      yield { line, value };
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    // A file that cannot be opened is not a broken backup: keep the system error (file not found, ...).
    if ((e as NodeJS.ErrnoException).syscall === 'open') throw e;
    throw new DomainError('invalid_file', {
      file,
      line,
      reason: `not a readable backup (${(e as Error).message})`,
    });
  }
}

/**
 * Replaces every table's rows with the backup's, in one transaction: on any error nothing changes.
 * The target must be migrated to the same migration history as the source.
 */
export async function restoreDatabase(
  database: Database,
  file: string,
): Promise<{ tables: Record<string, number> }> {
  const lines = readLines(file);
  const first = await lines.next();
  const header = first.done ? undefined : (first.value.value as Partial<Header>);
  if (!header || header.format !== backupFormat) {
    throw new DomainError('invalid_file', { file, line: 1, reason: 'not a Passerelle backup' });
  }
  if (header.formatVersion !== backupFormatVersion) {
    throw new DomainError('backup_incompatible', {
      reason: `backup format ${String(header.formatVersion)} is not supported`,
    });
  }
  const ours = (await appliedMigrations(database)).map((m) => m.hash);
  const theirs = header.migrations ?? [];
  if (ours.length !== theirs.length || ours.some((h, i) => h !== theirs[i])) {
    throw new DomainError('backup_incompatible', {
      reason: `the backup has ${theirs.length} migrations and this database ${ours.length}; run the same version of Passerelle on both`,
    });
  }
  const counts: Record<string, number> = {};
  await database.transaction(async (tx) => {
    const tables = await listTablesInDependencyOrder(tx);
    const missing = (header.tables ?? []).filter((t) => !tables.includes(t));
    if (missing.length > 0)
      throw new DomainError('backup_incompatible', { reason: `unknown tables ${missing.join(', ')}` });
    if (tables.length > 0) await tx.query(`truncate ${tables.map(q).join(', ')} cascade`);
    const generated = new Map<string, string[]>();
    for (const r of await tx.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns where table_schema='public' and is_generated='ALWAYS'`,
    )) {
      generated.set(r.table_name, [...(generated.get(r.table_name) ?? []), r.column_name]);
    }
    let batch: unknown[] = [];
    let batchTable: string | null = null;
    const flush = async () => {
      if (batchTable === null || batch.length === 0) return;
      const cols = (
        await tx.query<{ column_name: string }>(
          `select column_name from information_schema.columns where table_schema='public' and table_name=$1 order by ordinal_position`,
          [batchTable],
        )
      )
        .map((r) => r.column_name)
        .filter((c) => !(generated.get(batchTable!) ?? []).includes(c));
      const list = cols.map(q).join(', ');
      await tx.query(
        `insert into ${q(batchTable)} (${list}) select ${list} from json_populate_recordset(null::${q(batchTable)}, $1::json)`,
        [JSON.stringify(batch)],
      );
      counts[batchTable] = (counts[batchTable] ?? 0) + batch.length;
      batch = [];
    };
    let ended = false;
    for await (const { line, value } of lines) {
      const v = value as { t?: string; r?: unknown; end?: boolean; counts?: Record<string, number> };
      if (v.end) {
        ended = true;
        await flush();
        for (const [t, n] of Object.entries(v.counts ?? {})) {
          if ((counts[t] ?? 0) !== n) {
            throw new DomainError('invalid_file', {
              file,
              line,
              reason: `table ${t} has ${counts[t] ?? 0} rows, expected ${n}`,
            });
          }
        }
        break;
      }
      if (typeof v.t !== 'string' || !tables.includes(v.t) || typeof v.r !== 'object' || v.r === null) {
        throw new DomainError('invalid_file', { file, line, reason: 'a line is not a row of a known table' });
      }
      if (v.t !== batchTable || batch.length >= 2000) {
        await flush();
        batchTable = v.t;
      }
      batch.push(v.r);
    }
    if (!ended)
      throw new DomainError('invalid_file', { file, reason: 'the backup is truncated (no end marker)' });
    // Serial and identity columns continue after the restored values.
    const serials = await tx.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
       where table_schema='public' and (column_default like 'nextval(%' or is_identity='YES')`,
    );
    for (const s of serials) {
      await tx.query(
        `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${q(s.column_name)}) from ${q(s.table_name)}), 1), (select count(*) > 0 from ${q(s.table_name)}))`,
        [s.table_name, s.column_name],
      );
    }
  });
  return { tables: counts };
}

/** Every row of every table as sorted JSON text, for comparing two databases. */
export async function snapshotTables(database: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  await database.transaction(async (tx) => {
    for (const t of await listTablesInDependencyOrder(tx)) {
      const rows = await tx.query<{ j: string }>(`select row_to_json(x)::jsonb::text as j from ${q(t)} x`);
      out[t] = rows.map((r) => r.j).sort();
    }
  });
  return out;
}
