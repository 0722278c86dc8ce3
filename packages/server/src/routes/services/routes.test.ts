import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { createTestApp } from '../../testing';

const unknownId = '7f1c0a4e-1b7e-4a55-9a7e-2f0f7a1d2c3b';

describe.each(testDatabaseKinds())('services API on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let providerId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    providerId = (
      await t.app.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: {
          kind: 'financial_institution',
          name: 'Crédit Rural',
          data: {
            institutionType: 'microfinance',
            interestRates: [{ product: 'start-up', ratePercent: 21 }],
            backgroundCheckOn: '2025-01-10',
          },
        },
      })
    ).json().id;
  });
  afterAll(async () => t.close());

  const body = (extra: Record<string, unknown> = {}) => ({
    providerId,
    title: 'Start-up loan',
    category: 'microcredit',
    ...extra,
  });
  const create = (payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/services', payload: payload as object });

  test('creates, reads, lists, replaces and deletes a service offer', async () => {
    const res = await create(
      body({ dimension: 'economic', loan: { currency: 'XOF', maxAmount: 500000, interestRatePercent: 21 } }),
    );
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s.loan.interestRatePercent).toBe(21);
    expect((await t.app.inject({ method: 'GET', url: `/api/services/${s.id}` })).json().title).toBe(
      'Start-up loan',
    );
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/services?category=microcredit&dimension=economic',
    });
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(s.id);
    const upd = await t.app.inject({
      method: 'PUT',
      url: `/api/services/${s.id}`,
      payload: body({ free: false }),
      headers: { 'if-match': '"1"' },
    });
    expect(upd.json().free).toBe(false);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/services/${s.id}`, headers: { 'if-match': '"2"' } }))
        .statusCode,
    ).toBe(204);
  });

  test('answers 400, 404, 409, 412, 422 and 428 where due', async () => {
    const bad = await create(body({ category: 'astrology', loan: { currency: 'francs' } }));
    expect(bad.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/api/services/${unknownId}` })).statusCode).toBe(404);
    expect((await create(body({ externalId: 'SV-1' }))).statusCode).toBe(201);
    expect((await create(body({ externalId: 'SV-1' }))).statusCode).toBe(409);
    expect((await create(body({ providerId: unknownId }))).statusCode).toBe(422);
    const s = (await create(body())).json();
    const url = `/api/services/${s.id}`;
    expect((await t.app.inject({ method: 'DELETE', url })).statusCode).toBe(428);
    await t.app.inject({ method: 'PUT', url, payload: body(), headers: { 'if-match': '"1"' } });
    expect(
      (await t.app.inject({ method: 'PUT', url, payload: body(), headers: { 'if-match': '"1"' } }))
        .statusCode,
    ).toBe(412);
  });
});
