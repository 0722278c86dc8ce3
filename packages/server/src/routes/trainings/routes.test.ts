import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { createTestApp } from '../../testing';

const unknownId = '7f1c0a4e-1b7e-4a55-9a7e-2f0f7a1d2c3b';

describe.each(testDatabaseKinds())('trainings API on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let providerId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    providerId = (
      await t.app.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { kind: 'training_provider', name: 'TVET Conakry' },
      })
    ).json().id;
  });
  afterAll(async () => t.close());

  const body = (extra: Record<string, unknown> = {}) => ({
    providerId,
    title: 'Electrical installation',
    type: 'vocational',
    ...extra,
  });
  const create = (payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/trainings', payload: payload as object });

  test('creates, reads, replaces and deletes a training offer', async () => {
    const res = await create(
      body({
        skillsTaught: [{ uri: 'http://data.europa.eu/esco/skill/wiring', label: 'install wiring' }],
        delivery: 'in_person',
        location: { country: 'GN', region: 'Conakry' },
        startsOn: '2025-10-01',
        endsOn: '2026-01-31',
        seats: 20,
        cost: { amount: 0, currency: 'GNF' },
        stipend: { min: 300000, currency: 'GNF', period: 'month' },
        support: { transport: true },
      }),
    );
    expect(res.statusCode).toBe(201);
    const tr = res.json();
    expect(tr.support).toEqual({ transport: true, childcare: false, meals: false, accommodation: false });
    expect((await t.app.inject({ method: 'GET', url: `/api/trainings/${tr.id}` })).json().seats).toBe(20);
    const upd = await t.app.inject({
      method: 'PUT',
      url: `/api/trainings/${tr.id}`,
      payload: body({ seats: 25 }),
      headers: { 'if-match': '"1"' },
    });
    expect(upd.json().seats).toBe(25);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/trainings/${tr.id}`,
          headers: { 'if-match': '"2"' },
        })
      ).statusCode,
    ).toBe(204);
  });

  test('answers 400, 404, 409, 412, 422 and 428 where due', async () => {
    const bad = await create(body({ type: 'juggling', endsOn: '2025-01-01', startsOn: '2025-02-01' }));
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().details.issues.map((i: { path: string[] }) => i.path.join('.'));
    expect(paths).toContain('type');
    const order = await create(body({ endsOn: '2025-01-01', startsOn: '2025-02-01' }));
    expect(order.statusCode).toBe(400);
    expect(order.json().details.issues[0].path).toEqual(['endsOn']);
    expect((await t.app.inject({ method: 'GET', url: `/api/trainings/${unknownId}` })).statusCode).toBe(404);
    expect((await create(body({ externalId: 'TR-1' }))).statusCode).toBe(201);
    expect((await create(body({ externalId: 'TR-1' }))).statusCode).toBe(409);
    const ref = await create(body({ providerId: unknownId }));
    expect(ref.statusCode).toBe(422);
    expect(ref.json().code).toBe('invalid_reference');
    const tr = (await create(body())).json();
    const url = `/api/trainings/${tr.id}`;
    expect((await t.app.inject({ method: 'PUT', url, payload: body() })).statusCode).toBe(428);
    await t.app.inject({ method: 'PUT', url, payload: body(), headers: { 'if-match': '"1"' } });
    expect(
      (await t.app.inject({ method: 'PUT', url, payload: body(), headers: { 'if-match': '"1"' } }))
        .statusCode,
    ).toBe(412);
  });

  test('filters by type, support and start window; sorts by start date', async () => {
    await create(
      body({
        title: 'Arabic B1',
        type: 'language',
        startsOn: '2026-03-01',
        location: { country: 'TN' },
        support: { childcare: true },
      }),
    );
    await create(
      body({ title: 'Excel', type: 'digital', startsOn: '2026-02-01', location: { country: 'TN' } }),
    );
    const lang = await t.app.inject({ method: 'GET', url: '/api/trainings?country=TN&type=language' });
    expect(lang.json().items.map((x: { title: string }) => x.title)).toEqual(['Arabic B1']);
    const care = await t.app.inject({
      method: 'GET',
      url: '/api/trainings?country=TN&childcareSupport=true',
    });
    expect(care.json().items).toHaveLength(1);
    const byDate = await t.app.inject({ method: 'GET', url: '/api/trainings?country=TN&sort=startsOn' });
    expect(byDate.json().items.map((x: { title: string }) => x.title)).toEqual(['Excel', 'Arabic B1']);
    const window = await t.app.inject({
      method: 'GET',
      url: '/api/trainings?country=TN&startsFrom=2026-02-15',
    });
    expect(window.json().items.map((x: { title: string }) => x.title)).toEqual(['Arabic B1']);
  });
});
