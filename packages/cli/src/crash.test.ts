import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createPostgresDatabase, freePort, testPostgresAdminUrl } from '@passerelle/db/testing';
import { createAdminToken, startServer } from './testing';

/**
 * Crash safety: a writer sends numbered records through the HTTP API while the server is killed
 * with SIGKILL and restarted at random moments. Every acknowledged record must be there afterwards.
 */
const dir = mkdtempSync(join(tmpdir(), 'passerelle-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function crashRun(serverArgs: string[], kills: number, seed: number) {
  const random = seeded(seed);
  const auth = await createAdminToken(serverArgs);
  const port = await freePort();
  let server = await startServer(serverArgs, port);
  const acknowledged = new Set<number>();
  let next = 0;
  let stop = false;
  let failures = 0;
  const statuses: Record<number, number> = {};
  const writer = async (lane: number) => {
    while (!stop) {
      const n = next++;
      try {
        const res = await fetch(`${server.url}/api/organisations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth },
          body: JSON.stringify({
            kind: 'employer',
            name: `crash-${n}`,
            externalId: `crash-${n}`,
            data: { lane },
          }),
          signal: AbortSignal.timeout(5000),
        });
        if (res.status === 201) acknowledged.add(n);
        else {
          failures++;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        }
      } catch {
        failures++;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const writers = [writer(0), writer(1)];
  for (let k = 0; k < kills; k++) {
    await new Promise((r) => setTimeout(r, 200 + random() * 1200));
    server.child.kill('SIGKILL');
    await new Promise((r) => server.child.once('exit', r));
    server = await startServer(serverArgs, port);
  }
  await new Promise((r) => setTimeout(r, 500));
  stop = true;
  await Promise.all(writers);
  const present = new Set<number>();
  let cursor: string | null = null;
  do {
    const url: string = `${server.url}/api/organisations?limit=200${cursor ? `&cursor=${cursor}` : ''}`;
    const page = (await (await fetch(url, { headers: auth })).json()) as {
      items: { name: string }[];
      nextCursor: string | null;
    };
    for (const o of page.items) present.add(Number(o.name.replace('crash-', '')));
    cursor = page.nextCursor;
  } while (cursor);
  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.once('exit', r));
  const lost = [...acknowledged].filter((n) => !present.has(n));
  return { acknowledged: acknowledged.size, present: present.size, lost, failures, statuses };
}

describe('crash safety', () => {
  test('PGlite keeps every acknowledged record through 5 SIGKILLs', async () => {
    const r = await crashRun(['--data-dir', join(dir, 'pglite')], 5, 1);
    console.log(`crash test on PGlite: ${JSON.stringify({ ...r, lost: r.lost.length })}`);
    expect(r.acknowledged).toBeGreaterThan(20);
    expect(r.lost).toEqual([]);
  }, 300_000);

  const adminUrl = testPostgresAdminUrl();
  test.runIf(adminUrl)(
    'PostgreSQL keeps every acknowledged record through 5 SIGKILLs',
    async () => {
      const db = await createPostgresDatabase(adminUrl!);
      try {
        const r = await crashRun(['--database-url', db.url], 5, 2);
        console.log(`crash test on PostgreSQL: ${JSON.stringify({ ...r, lost: r.lost.length })}`);
        expect(r.acknowledged).toBeGreaterThan(20);
        expect(r.lost).toEqual([]);
      } finally {
        await db.drop();
      }
    },
    300_000,
  );
});
