import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createAuditStore, type Database } from '@passerelle/db';
import { freePort, testDatabaseKinds } from '@passerelle/db/testing';
import { readTableFromBuffer } from '@passerelle/io';
import { defaultDemoSize, demoIds } from '@passerelle/demo';
import { runCli, startServer } from '../testing';
import { cliImportRequestId, importAsOperator } from './import';

// Each test starts real processes; on a busy machine that takes a while.
vi.setConfig({ testTimeout: 300_000 });

const dir = mkdtempSync(join(tmpdir(), 'passerelle-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dataDir = join(dir, 'data');
const db = ['--data-dir', dataDir];
const fixtures = fileURLToPath(new URL('../../../io/fixtures/pes-vacancies/', import.meta.url));

const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

test('import, re-import, export and import the export: the second and third change nothing', async () => {
  const employers = write('employers.csv', 'external_id,name,country\nemp-1,Garage Rustaveli,GE\n');
  const vacancies = write(
    'vacancies.csv',
    'external_id,employer_external_id,title,country,essential_skills\nv-1,emp-1,Mechanic,GE,repair engines <http://x/1>\nv-2,emp-1,Welder,GE,\n',
  );
  const first = await runCli(['import', 'employers', employers, ...db]);
  expect(first.code, first.stderr).toBe(0);
  const imported = await runCli(['import', 'vacancies', vacancies, ...db]);
  expect(imported.code).toBe(0);
  expect(imported.stdout).toContain('2 were created');
  const again = await runCli(['import', 'vacancies', vacancies, ...db, '--json']);
  expect(JSON.parse(again.stdout)).toMatchObject({ committed: true, unchanged: 2, created: 0, updated: 0 });
  const out = join(dir, 'export.xlsx');
  const exported = await runCli(['export', 'vacancies', '--out', out, ...db]);
  expect(exported.code).toBe(0);
  expect(JSON.parse(exported.stdout)).toMatchObject({ rows: 2, format: 'xlsx' });
  const back = await runCli(['import', 'vacancies', out, ...db, '--json']);
  expect(JSON.parse(back.stdout)).toMatchObject({ unchanged: 2, issues: [] });
});

test('a file with a bad row exits 1, prints the row and field, and imports nothing', async () => {
  const file = write(
    'bad.csv',
    'external_id,employer_external_id,title,country\nv-10,emp-1,Painter,GE\nv-11,emp-1,Tiler,Georgia\n',
  );
  const r = await runCli(['import', 'vacancies', file, ...db]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('nothing was imported');
  expect(r.stdout).toMatch(/row 3 \(v-11\), country: .*\[invalid_format\]/);
  const json = await runCli(['import', 'vacancies', file, ...db, '--json']);
  expect(json.code).toBe(1);
  expect(JSON.parse(json.stdout).issues).toEqual([expect.objectContaining({ row: 3, field: 'country' })]);
  const after = await runCli(['export', 'vacancies', '--out', join(dir, 'after.csv'), ...db]);
  expect(JSON.parse(after.stdout).rows).toBe(2);
});

test('a mapping file reads a public employment service export; --dry-run writes nothing', async () => {
  const r = await runCli([
    'import',
    'vacancies',
    `${fixtures}pes-export.csv`,
    '--mapping',
    `${fixtures}pes-mapping.yaml`,
    '--dry-run',
    ...db,
  ]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('4 would be created');
  const out = join(dir, 'dry.csv');
  await runCli(['export', 'vacancies', '--out', out, ...db]);
  expect(readFileSync(out, 'utf8')).not.toContain('pes-be-');
});

const closure = JSON.stringify({ on: '2026-01-15', reason: 'support_ended' }).replaceAll('"', '""');
/** A people file: the first person's case closed when `closed`, the second always open. */
const peopleFile = (closed: boolean) =>
  `external_id,given_name,family_name,case_closure\ncli-c1,Imported,Closed,${closed ? `"${closure}"` : ''}\ncli-c2,Imported,Open,\n`;

test('passerelle import writes the import and each case closure it makes to the audit trail, as the operator', async () => {
  const file = write('people-closed.csv', peopleFile(true));
  const r = await runCli(['import', 'people', file, ...db, '--json']);
  expect(r.code, r.stderr).toBe(0);
  const id = JSON.parse(r.stdout).outcomes.find((o: { externalId: string }) => o.externalId === 'cli-c1').id;
  const listed = await runCli(['audit', 'list', '--limit', '5', ...db]);
  const entries = listed.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(entries.slice(0, 2)).toEqual([
    expect.objectContaining({ action: 'close_case', entity: 'person', personId: id, actorKind: 'system' }),
    expect.objectContaining({
      action: 'import',
      entity: 'person',
      actorKind: 'system',
      requestId: 'cli:import',
    }),
  ]);
  expect((await runCli(['audit', 'verify', ...db])).code).toBe(0);
  // An export of people through the command line is audited too, as through HTTP.
  const exported = await runCli(['export', 'people', '--out', join(dir, 'audited.csv'), ...db]);
  expect(exported.code, exported.stderr).toBe(0);
  const [latest] = (await runCli(['audit', 'list', '--limit', '1', ...db])).stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(latest).toMatchObject({
    action: 'export',
    entity: 'person',
    actorKind: 'system',
    requestId: 'cli:export',
  });
});

describe.each(testDatabaseKinds())(
  'the import of the command line audits as an HTTP import does, on $name',
  (kind) => {
    let database: Database;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ database, drop } = await kind.create());
    });
    afterAll(async () => {
      await database?.close();
      await drop?.();
    });
    const run = async (text: string, dryRun = false) =>
      importAsOperator(database, {
        kind: 'people',
        table: await readTableFromBuffer(Buffer.from(text), 'csv', { name: 'people.csv' }),
        dryRun,
        name: 'people.csv',
      });
    const trail = async () => (await createAuditStore(database).list({ limit: 1000 })).items.reverse();

    test('an import writes its entry and close_case / reopen_case per person whose closure it changes; a dry run or an invalid file writes none', async () => {
      expect((await run(peopleFile(true), true)).caseClosureChanges).toHaveLength(1);
      expect((await run('external_id,given_name,country_of_return\nx,Y,Georgia\n')).committed).toBe(false);
      expect(await trail()).toEqual([]);

      const closed = await run(peopleFile(true));
      const id = closed.outcomes.find((o) => o.externalId === 'cli-c1')!.id;
      const operator = {
        actorKind: 'system',
        actorUserId: null,
        actorRole: 'administrator',
        requestId: cliImportRequestId,
      };
      expect(await trail()).toEqual([
        expect.objectContaining({
          ...operator,
          action: 'import',
          entity: 'person',
          entityId: null,
          changes: { fields: ['created', 'rows', 'updated'] },
        }),
        expect.objectContaining({
          ...operator,
          action: 'close_case',
          entity: 'person',
          entityId: id,
          personId: id,
          changes: { fields: ['caseClosure', 'row', 'via'] },
        }),
      ]);

      // The same file again: an import entry, no closure; without the closure the case reopens.
      await run(peopleFile(true));
      await run(peopleFile(false));
      expect((await trail()).map((e) => [e.action, e.personId])).toEqual([
        ['import', null],
        ['close_case', id],
        ['import', null],
        ['import', null],
        ['reopen_case', id],
      ]);
      expect(await createAuditStore(database).verify()).toMatchObject({ ok: true, checked: 5 });
    });
  },
);

test('an unknown kind or format is a usage error (exit 2)', async () => {
  expect((await runCli(['import', 'spaceships', 'x.csv', ...db])).code).toBe(2);
  expect(
    (await runCli(['export', 'vacancies', '--out', join(dir, 'x'), '--format', 'ods', ...db])).code,
  ).toBe(2);
});

test('demo seed makes the size asked for, and seeding again with the same seed changes nothing', async () => {
  const args = [
    'demo',
    'seed',
    '--people',
    '12',
    '--vacancies',
    '10',
    '--trainings',
    '4',
    '--seed',
    '7',
    '--data-dir',
    join(dir, 'demo'),
  ];
  const first = await runCli(args);
  expect(first.code, first.stderr).toBe(0);
  expect(JSON.parse(first.stdout)).toMatchObject({
    seed: '7',
    people: { created: 12 },
    vacancies: { created: 10 },
    trainings: { created: 4 },
  });
  const second = await runCli(args);
  expect(JSON.parse(second.stdout)).toMatchObject({
    people: { unchanged: 12 },
    vacancies: { unchanged: 10 },
    referrals: 0,
  });
});

test('serve --demo loads the default demo data on first start, and only then', async () => {
  const demoDir = join(dir, 'first-start');
  const port = await freePort();
  const server = await startServer(['--demo', '--data-dir', demoDir], port);
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
  const people = await runCli([
    'export',
    'people',
    '--out',
    join(dir, 'demo-people.csv'),
    '--data-dir',
    demoDir,
  ]);
  expect(JSON.parse(people.stdout).rows).toBe(defaultDemoSize.people);
  const vacancies = await runCli([
    'export',
    'vacancies',
    '--out',
    join(dir, 'demo-vacancies.csv'),
    '--data-dir',
    demoDir,
  ]);
  expect(JSON.parse(vacancies.stdout).rows).toBe(defaultDemoSize.vacancies);
  expect(readFileSync(join(dir, 'demo-vacancies.csv'), 'utf8')).toContain(demoIds.employer);
});
