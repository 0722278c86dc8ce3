import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { openDatabase } from '@passerelle/db';
import { runCli } from '../testing';

const dir = mkdtempSync(join(tmpdir(), 'passerelle-trust-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = ['--data-dir', join(dir, 'data')];

/** Runs SQL on the CLI's embedded database between two commands (as a superuser would). */
async function tamper(sql: string[]): Promise<void> {
  const database = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'data') });
  try {
    await database.query('alter table audit_events disable trigger audit_events_append_only');
    for (const s of sql) await database.query(s);
    await database.query('alter table audit_events enable trigger audit_events_append_only');
  } finally {
    await database.close();
  }
}

test('users create reads the password from stdin, refuses a weak one, and tokens create prints the token once', async () => {
  const weak = await runCli(
    ['users', 'create', '--email', 'weak@example.org', '--role', 'case_manager', ...db],
    { input: 'short\n' },
  );
  expect(weak.code).toBe(2);
  expect(weak.stderr).toContain('at least 12 characters');
  const created = await runCli(
    ['users', 'create', '--email', 'Admin@Example.org', '--role', 'administrator', ...db],
    {
      input: 'correct horse battery staple\n',
    },
  );
  expect(created.code, created.stderr).toBe(0);
  expect(JSON.parse(created.stdout)).toMatchObject({
    email: 'admin@example.org',
    role: 'administrator',
    password: 'set',
  });
  const dup = await runCli([
    'users',
    'create',
    '--email',
    'admin@example.org',
    '--role',
    'person',
    '--no-password',
    ...db,
  ]);
  expect(dup.code).toBe(1);
  expect(dup.stderr).toContain('already_exists');
  const badRole = await runCli([
    'users',
    'create',
    '--email',
    'x@example.org',
    '--role',
    'king',
    '--no-password',
    ...db,
  ]);
  expect(badRole.code).toBe(2);

  const token = await runCli([
    'tokens',
    'create',
    '--user',
    'admin@example.org',
    '--scopes',
    'person:read,vacancy:write',
    '--expires',
    '30d',
    ...db,
  ]);
  expect(token.code, token.stderr).toBe(0);
  expect(token.stdout.trim()).toMatch(/^psl_[A-Za-z0-9_-]{40,}$/);
  const listed = await runCli(['tokens', 'list', ...db]);
  expect(listed.stdout).not.toContain(token.stdout.trim());
  expect(JSON.parse(listed.stdout)[0].scopes).toEqual(['person:read', 'vacancy:write']);
  expect(
    (
      await runCli([
        'tokens',
        'create',
        '--user',
        'admin@example.org',
        '--scopes',
        'everything',
        '--expires',
        '30d',
        ...db,
      ])
    ).code,
  ).toBe(2);
  expect(
    (
      await runCli([
        'tokens',
        'create',
        '--user',
        'admin@example.org',
        '--scopes',
        '*:read',
        '--expires',
        'forever',
        ...db,
      ])
    ).code,
  ).toBe(2);

  const link = await runCli([
    'users',
    'reset-link',
    '--email',
    'admin@example.org',
    '--base-url',
    'https://passerelle.example.org',
    ...db,
  ]);
  expect(link.code).toBe(0);
  expect(link.stdout.trim()).toMatch(
    /^https:\/\/passerelle\.example\.org\/reset-password#token=[A-Za-z0-9_-]{40,}$/,
  );
}, 300_000);

test('audit verify passes on an intact trail and exits 1 once a row is edited or deleted', async () => {
  const ok = await runCli(['audit', 'verify', ...db]);
  expect(ok.code, ok.stderr).toBe(0);
  const result = JSON.parse(ok.stdout);
  expect(result.ok).toBe(true);
  expect(result.checked).toBeGreaterThanOrEqual(3);
  const anchor = `${result.head.seq}:${result.head.hash}`;

  await tamper([`update audit_events set action = 'nothing_to_see' where seq = 2`]);
  const edited = await runCli(['audit', 'verify', ...db]);
  expect(edited.code).toBe(1);
  expect(JSON.parse(edited.stdout).break).toMatchObject({ seq: 2, problem: 'hash_mismatch' });
  expect(edited.stderr).toContain('broken at entry 2');

  await tamper([`update audit_events set action = 'create' where seq = 2`]);
  expect((await runCli(['audit', 'verify', ...db])).code).toBe(0);

  await tamper([`delete from audit_events where seq = 1`]);
  const deleted = await runCli(['audit', 'verify', ...db]);
  expect(deleted.code).toBe(1);

  const truncated = await runCli(['audit', 'verify', '--anchor', anchor.replace(/^\d+/, '999'), ...db]);
  expect(truncated.code).toBe(1);
}, 300_000);

test('retention run reports what it removed', async () => {
  const set = await runCli(['retention', 'set', '--programme', '*', '--after-closure-days', '365', ...db]);
  expect(set.code, set.stderr).toBe(0);
  const run = await runCli(['retention', 'run', ...db]);
  expect(run.code, run.stderr).toBe(0);
  const report = JSON.parse(run.stdout);
  expect(report).toMatchObject({ peopleErased: 0, sessionsRemoved: 0, tokensRemoved: 0 });
  expect(typeof report.ranAt).toBe('string');
}, 120_000);
