import { join } from 'node:path';
import { expect, test } from 'vitest';
import { createPostgresDatabase, testPostgresAdminUrl } from '@passerelle/db/testing';
import { escoFixturesDir } from '@passerelle/taxonomy/testing';
import { runCli } from '../testing';

// The benchmark itself runs on ../shared/data/esco (see docs/decisions/011); here it runs on the
// team's small ESCO-layout fixtures, to check what it prints. PostgreSQL: the test run's cluster
// through --database-url when there is one (always in CI).
test('bench taxonomy prints the import times on both databases and the type-ahead percentiles as JSON', async () => {
  const adminUrl = testPostgresAdminUrl();
  const pg = adminUrl ? await createPostgresDatabase(adminUrl) : null;
  try {
    const r = await runCli(
      [
        'bench',
        'taxonomy',
        '--esco',
        join(escoFixturesDir(), 'v1.1.0'),
        '--queries',
        '100',
        '--json',
        ...(pg ? ['--database-url', pg.url] : []),
      ],
      { timeoutMs: 200_000 },
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(['import_s_pglite', 'import_s_postgres', 'search_p50_ms', 'search_p99_ms']),
    );
    expect(out.import_s_pglite).toEqual(expect.any(Number));
    expect(out.import_s_postgres).toEqual(pg ? expect.any(Number) : null);
    expect(out.search_p50_ms as number).toBeLessThanOrEqual(out.search_p99_ms as number);
    expect(out).toMatchObject({
      search_queries: 100,
      index_concepts: 20,
      languages: ['en', 'fr'],
      esco_version: '1.1.0',
      targets: { import_s_pglite: 60, import_s_postgres: 20, search_p50_ms: 2, search_p99_ms: 10 },
    });
  } finally {
    await pg?.drop();
  }
}, 240_000);
