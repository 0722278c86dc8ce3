import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test, vi } from 'vitest';
import { freePort } from '@passerelle/db/testing';
import { defaultDemoSize, demoIds } from '@passerelle/demo';
import { runCli, startServer } from '../testing';

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
