import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test, vi } from 'vitest';
import { freePort } from '@passerelle/db/testing';
import { createAdminToken, runCli, startServer } from './testing';

// Each test starts real processes; on a busy machine that takes a while.
vi.setConfig({ testTimeout: 180_000 });

const dir = mkdtempSync(join(tmpdir(), 'passerelle-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+[:(]/);

test('every command answers --help with exit code 0', async () => {
  const root = await runCli(['--help']);
  expect(root.code).toBe(0);
  expect(root.stdout).toContain('serve');
  for (const cmd of [['serve'], ['db', 'migrate'], ['db', 'backup'], ['db', 'restore']]) {
    const r = await runCli([...cmd, '--help']);
    expect(r.code, cmd.join(' ')).toBe(0);
    expect(r.stdout).toContain('--database-url');
    expect(r.stdout).toContain('--data-dir');
  }
});

test('an unknown command or flag is a usage error (exit 2)', async () => {
  expect((await runCli(['fly'])).code).toBe(2);
  expect((await runCli(['db', 'migrate', '--colour', 'blue'])).code).toBe(2);
});

test('every bad configuration value is reported at once with exit code 2 and no stack trace', async () => {
  const r = await runCli(['db', 'migrate', '--database-url', 'mysql://nope', '--log-level', 'loud'], {
    env: { PORT: 'eighty' },
  });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('Invalid configuration');
  expect(r.stderr).toContain('--database-url / DATABASE_URL');
  expect(r.stderr).toContain('--log-level / LOG_LEVEL');
  expect(r.stderr).toContain('--port / PORT');
  noStackTrace(r.stderr);
});

test('an unwritable data directory gives one clear message', async () => {
  const file = join(dir, 'a-file');
  writeFileSync(file, 'x');
  const r = await runCli(['db', 'migrate', '--data-dir', join(file, 'sub')]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--data-dir / PASSERELLE_DATA_DIR');
  expect(r.stderr).toContain('cannot write to');
  noStackTrace(r.stderr);
});

test('an unreachable PostgreSQL server gives one clear message', async () => {
  const port = await freePort();
  const r = await runCli(['db', 'migrate', '--database-url', `postgres://nobody@127.0.0.1:${port}/none`]);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/PostgreSQL is not available/);
  noStackTrace(r.stderr);
});

test('restoring from a missing file gives one clear line and exit code 1, no stack trace', async () => {
  const r = await runCli([
    'db',
    'restore',
    '--in',
    join(dir, 'no-such.backup.gz'),
    '--data-dir',
    join(dir, 'restore'),
  ]);
  expect(r.code).toBe(1);
  expect(r.stderr.trim()).toBe(`Error: file not found: ${join(dir, 'no-such.backup.gz')}`);
  noStackTrace(r.stderr);
});

test('a port in use gives one clear message and exit code 2', async () => {
  const port = await freePort();
  const blocker: Server = createServer();
  await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', () => r()));
  try {
    const r = await runCli(['serve', '--port', String(port), '--data-dir', join(dir, 'busy')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already in use');
    noStackTrace(r.stderr);
  } finally {
    blocker.close();
  }
});

test('a second process on the same data directory is refused while the first runs', async () => {
  const dataDir = join(dir, 'shared');
  const port = await freePort();
  const first = await startServer(['--data-dir', dataDir], port);
  try {
    const r = await runCli(['db', 'migrate', '--data-dir', dataDir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('in use by another Passerelle process');
  } finally {
    first.child.kill('SIGTERM');
    await new Promise((r) => first.child.once('exit', r));
  }
});

test('db migrate is safe to run twice', async () => {
  const dataDir = join(dir, 'migrate-twice');
  const a = await runCli(['db', 'migrate', '--data-dir', dataDir]);
  expect(a.code, a.stderr).toBe(0);
  const b = await runCli(['db', 'migrate', '--data-dir', dataDir]);
  expect(b.code, b.stderr).toBe(0);
  expect(b.stdout).toContain('0 migration(s) applied');
});

test('SIGTERM finishes in-flight requests and closes the database cleanly', async () => {
  const dataDir = join(dir, 'graceful');
  const port = await freePort();
  const auth = await createAdminToken(['--data-dir', dataDir]);
  const server = await startServer(['--data-dir', dataDir], port, { LOG_LEVEL: 'info' });
  // A request whose body is still arriving when SIGTERM comes must still be answered.
  const body = JSON.stringify({ kind: 'employer', name: 'Last one in' });
  const inFlight = new Promise<number>((resolve, reject) => {
    const req = request(
      `${server.url}/api/organisations`,
      {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, 10));
    setTimeout(() => {
      server.child.kill('SIGTERM');
      setTimeout(() => req.end(body.slice(10)), 300);
    }, 300);
  });
  expect(await inFlight).toBe(201);
  const code = await new Promise((r) => server.child.once('exit', r));
  expect(code).toBe(0);
  expect(server.output()).toContain('stopped cleanly');
  // Structured logs: one JSON object a line, requests tagged with their request id.
  const logs = server
    .output()
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { level: number; msg: string; reqId?: string });
  expect(logs.some((l) => l.msg === 'request completed' && typeof l.reqId === 'string')).toBe(true);
  const again = await startServer(['--data-dir', dataDir], port);
  const list = (await (await fetch(`${again.url}/api/organisations`, { headers: auth })).json()) as {
    items: { name: string }[];
  };
  expect(list.items.map((o) => o.name)).toContain('Last one in');
  again.child.kill('SIGTERM');
  await new Promise((r) => again.child.once('exit', r));
});
