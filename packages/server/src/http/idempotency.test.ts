import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { createTestApp, testAdministratorId } from '../testing';

describe.each(testDatabaseKinds())('Idempotency-Key lifetime on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    // Left by an earlier run, two days ago: purged by the first POST with a key.
    await t.database.query(
      `insert into idempotency_keys (key, request_hash, status_code, body, created_at)
       values ($1, 'x', 201, '{}'::jsonb, now() - interval '2 days')`,
      [`${testAdministratorId}|old-key-purged`],
    );
  });
  afterAll(async () => t.close());

  const create = (name: string, key: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      payload: { kind: 'employer', name, country: 'MA' },
      headers: { 'idempotency-key': key },
    });
  const age = (key: string, interval: string, status?: number) =>
    t.database.query(
      `update idempotency_keys set created_at = now() - $2::interval,
         status_code = coalesce($3::int, status_code) where key = $1`,
      [`${testAdministratorId}|${key}`, interval, status ?? null],
    );
  const countNamed = async (name: string) =>
    (
      await t.database.query<{ n: number }>(`select count(*)::int as n from organisations where name = $1`, [
        name,
      ])
    )[0]?.n;

  test('expired keys are purged', async () => {
    expect((await create('Purge SARL', 'purge-trigger-1')).statusCode).toBe(201);
    const left = await t.database.query(`select key from idempotency_keys where key like '%old-key-purged'`);
    expect(left).toHaveLength(0);
  });

  test('a claim whose request never finished blocks a retry for a while, then is taken over', async () => {
    const first = await create('Crash SARL', 'crash-key-0001');
    expect(first.statusCode).toBe(201);
    // As if the process had died between the claim and the answer.
    await age('crash-key-0001', '1 second', 0);
    const blocked = await create('Crash SARL', 'crash-key-0001');
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('conflict');
    await age('crash-key-0001', '6 minutes');
    const retried = await create('Crash SARL', 'crash-key-0001');
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    const replay = await create('Crash SARL', 'crash-key-0001');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(retried.json().id);
  });

  test('a key is replayed for a day, then may be used for another request', async () => {
    const first = await create('Day One SARL', 'day-key-00001');
    expect(first.statusCode).toBe(201);
    await age('day-key-00001', '23 hours');
    const replay = await create('Day One SARL', 'day-key-00001');
    expect(replay.json().id).toBe(first.json().id);
    expect((await create('Day Two SARL', 'day-key-00001')).json().code).toBe('idempotency_conflict');
    await age('day-key-00001', '25 hours');
    const fresh = await create('Day Two SARL', 'day-key-00001');
    expect(fresh.statusCode).toBe(201);
    expect(fresh.json().id).not.toBe(first.json().id);
    expect(await countNamed('Day One SARL')).toBe(1);
    expect(await countNamed('Day Two SARL')).toBe(1);
  });
});
