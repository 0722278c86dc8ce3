import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { createTestApp } from '../../testing';

describe.each(testDatabaseKinds())('organisations API on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t.close());

  const create = (body: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/organisations', payload: body as object, headers });

  test('creates, reads, updates with If-Match and archives', async () => {
    const res = await create({ kind: 'employer', name: 'Garage Tbilisi', country: 'GE' });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(res.headers.etag).toBe('"1"');
    const read = await t.app.inject({ method: 'GET', url: `/api/organisations/${org.id}` });
    expect(read.json().name).toBe('Garage Tbilisi');
    const upd = await t.app.inject({
      method: 'PUT',
      url: `/api/organisations/${org.id}`,
      headers: { 'if-match': '"1"' },
      payload: { kind: 'employer', name: 'Garage Tbilisi Ltd', country: 'GE' },
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.headers.etag).toBe('"2"');
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/organisations/${org.id}`,
      headers: { 'if-match': '"2"' },
    });
    expect(del.statusCode).toBe(200);
    expect(del.json().archivedAt).not.toBeNull();
  });

  test('answers 400 with field issues for an invalid body, in the caller language', async () => {
    const res = await create(
      { kind: 'spaceship', name: '', country: 'Belgium' },
      { 'accept-language': 'fr' },
    );
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.message).toBe('Certains champs ne sont pas valides.');
    expect(body.details.issues.map((i: { path: string[] }) => i.path[0]).sort()).toEqual([
      'country',
      'kind',
      'name',
    ]);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts/);
  });

  test('answers 400 for malformed JSON and 404 for an unknown id or route', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { 'content-type': 'application/json' },
      payload: '{"kind":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/organisations/7f1c0a4e-1b7e-4a55-9a7e-2f0f7a1d2c3b',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    const notUuid = await t.app.inject({ method: 'GET', url: '/api/organisations/nope' });
    expect(notUuid.statusCode).toBe(400);
    const route = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(route.statusCode).toBe(404);
    expect(route.json().code).toBe('not_found');
  });

  test('requires If-Match (428) and refuses a stale version (412)', async () => {
    const org = (await create({ kind: 'partner', name: 'Chamber' })).json();
    const body = { kind: 'partner', name: 'Chamber of Commerce' };
    const none = await t.app.inject({ method: 'PUT', url: `/api/organisations/${org.id}`, payload: body });
    expect(none.statusCode).toBe(428);
    const ok = await t.app.inject({
      method: 'PUT',
      url: `/api/organisations/${org.id}`,
      payload: body,
      headers: { 'if-match': '"1"' },
    });
    expect(ok.statusCode).toBe(200);
    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/organisations/${org.id}`,
      payload: body,
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('version_conflict');
  });

  test('a replayed Idempotency-Key returns the first result and creates nothing', async () => {
    const headers = { 'idempotency-key': 'key-0001-abcdef' };
    const body = { kind: 'employer', name: 'Idem SARL', country: 'TN' };
    const first = await create(body, headers);
    const again = await create(body, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const list = await t.app.inject({ method: 'GET', url: '/api/organisations?country=TN' });
    expect(list.json().items.filter((o: { name: string }) => o.name === 'Idem SARL')).toHaveLength(1);
    const other = await create({ ...body, name: 'Different' }, headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_conflict');
  });

  test('lists with filters and a cursor; a garbled cursor is 400', async () => {
    for (let i = 0; i < 5; i++) await create({ kind: 'training_provider', name: `TVET ${i}`, country: 'NG' });
    const p1 = await t.app.inject({
      method: 'GET',
      url: '/api/organisations?country=NG&kind=training_provider&limit=2',
    });
    expect(p1.json().items).toHaveLength(2);
    const p2 = await t.app.inject({
      method: 'GET',
      url: `/api/organisations?country=NG&kind=training_provider&limit=2&cursor=${p1.json().nextCursor}`,
    });
    expect(p2.json().items[0].name).toBe('TVET 2');
    const bad = await t.app.inject({ method: 'GET', url: '/api/organisations?cursor=zzz' });
    expect(bad.statusCode).toBe(400);
    const badLimit = await t.app.inject({ method: 'GET', url: '/api/organisations?limit=100000' });
    expect(badLimit.statusCode).toBe(400);
  });
});
