import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { createTestApp } from '../../testing';

const unknownId = '7f1c0a4e-1b7e-4a55-9a7e-2f0f7a1d2c3b';

describe.each(testDatabaseKinds())('vacancies API on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let employerId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    employerId = (
      await t.app.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { kind: 'employer', name: 'Garage Erbil', country: 'IQ' },
      })
    ).json().id;
  });
  afterAll(async () => t.close());

  const body = (extra: Record<string, unknown> = {}) => ({
    employerId,
    title: 'Car mechanic',
    location: { country: 'IQ', region: 'Erbil' },
    ...extra,
  });
  const create = (payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/vacancies', payload: payload as object, headers });

  test('creates, reads, replaces with If-Match, and deletes a vacancy nobody refers to', async () => {
    const res = await create(
      body({
        occupation: {
          uri: 'http://data.europa.eu/esco/occupation/m',
          iscoCode: '7231',
          label: 'motor vehicle mechanic',
        },
        essentialSkills: [{ uri: 'http://data.europa.eu/esco/skill/engines', label: 'repair engines' }],
        languages: [{ language: 'ckb', level: 'B1' }],
        wage: { min: 600000, max: 800000, currency: 'IQD', period: 'month' },
        hours: { perWeek: 48, shifts: ['day'] },
        requirements: { drivingLicences: ['B'], rightToWork: true },
        seats: 2,
      }),
    );
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({
      version: 1,
      seats: 2,
      status: 'open',
      requirements: { drivingLicences: ['B'], rightToWork: true, languages: [] },
    });
    expect(res.headers.location).toBe(`/api/vacancies/${v.id}`);
    const read = await t.app.inject({ method: 'GET', url: `/api/vacancies/${v.id}` });
    expect(read.headers.etag).toBe('"1"');
    expect(read.json().wage.currency).toBe('IQD');
    const upd = await t.app.inject({
      method: 'PUT',
      url: `/api/vacancies/${v.id}`,
      payload: body({ title: 'Senior mechanic' }),
      headers: { 'if-match': '"1"' },
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.headers.etag).toBe('"2"');
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/vacancies/${v.id}`,
      headers: { 'if-match': '"2"' },
    });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/vacancies/${v.id}` })).statusCode).toBe(404);
  });

  test('archives a vacancy a referral points to', async () => {
    const v = (await create(body())).json();
    const person = (
      await t.app.inject({ method: 'POST', url: '/api/people', payload: { givenName: 'Rebwar' } })
    ).json();
    const consent = { purpose: 'referral', recipientOrganisationId: employerId, method: 'signed_form' };
    await t.app.inject({ method: 'POST', url: `/api/people/${person.id}/consents`, payload: consent });
    const ref = await t.app.inject({
      method: 'POST',
      url: '/api/referrals',
      payload: { personId: person.id, targetKind: 'vacancy', targetId: v.id },
    });
    expect(ref.statusCode).toBe(201);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/vacancies/${v.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(del.statusCode).toBe(200);
    expect(del.json().archivedAt).toEqual(expect.any(String));
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/vacancies?employerId=${employerId}&limit=200`,
    });
    expect(list.json().items.map((x: { id: string }) => x.id)).not.toContain(v.id);
    const archived = await t.app.inject({
      method: 'GET',
      url: `/api/vacancies?employerId=${employerId}&includeArchived=true&limit=200`,
    });
    expect(archived.json().items.map((x: { id: string }) => x.id)).toContain(v.id);
  });

  test('answers 400 for invalid bodies and queries, 404 for unknown ids', async () => {
    const bad = await create({
      employerId: 'x',
      title: '',
      wage: { min: 10, max: 5, currency: 'euro', period: 'month' },
      seats: 0,
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().details.issues.map((i: { path: (string | number)[] }) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['employerId', 'title', 'wage.currency', 'seats']));
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/vacancies?atHomePossible=maybe' })).statusCode,
    ).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/vacancies?sort=wage' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/api/vacancies/${unknownId}` })).statusCode).toBe(404);
    const put404 = await t.app.inject({
      method: 'PUT',
      url: `/api/vacancies/${unknownId}`,
      payload: body(),
      headers: { 'if-match': '"1"' },
    });
    expect(put404.statusCode).toBe(404);
  });

  test('answers 409 for a duplicate external id and 422 for an unknown or archived employer', async () => {
    expect((await create(body({ externalId: 'PES-0001' }))).statusCode).toBe(201);
    const dup = await create(body({ externalId: 'PES-0001' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('already_exists');
    const missing = await create(body({ employerId: unknownId }));
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({
      code: 'invalid_reference',
      details: { issues: [{ path: ['employerId'], reason: 'missing' }] },
    });
    expect(missing.json().message).toContain('employerId');
    const closed = (
      await t.app.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { kind: 'employer', name: 'Closed' },
      })
    ).json();
    await t.app.inject({
      method: 'DELETE',
      url: `/api/organisations/${closed.id}`,
      headers: { 'if-match': '"1"' },
    });
    const archived = await create(body({ employerId: closed.id }));
    expect(archived.statusCode).toBe(422);
    expect(archived.json().details.issues[0].reason).toBe('archived');
  });

  test('requires If-Match (428) and refuses a stale version (412)', async () => {
    const v = (await create(body())).json();
    const url = `/api/vacancies/${v.id}`;
    expect((await t.app.inject({ method: 'PUT', url, payload: body() })).statusCode).toBe(428);
    expect(
      (await t.app.inject({ method: 'PUT', url, payload: body(), headers: { 'if-match': '"1"' } }))
        .statusCode,
    ).toBe(200);
    const stale = await t.app.inject({ method: 'PUT', url, payload: body(), headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);
    expect((await t.app.inject({ method: 'DELETE', url, headers: { 'if-match': '"1"' } })).statusCode).toBe(
      412,
    );
  });

  test('lists with filters, sorting and a cursor', async () => {
    for (let i = 0; i < 5; i++)
      await create(
        body({
          title: `Tailor ${i}`,
          location: { country: 'GE', region: 'Tbilisi' },
          atHomePossible: i % 2 === 0,
        }),
      );
    const home = await t.app.inject({
      method: 'GET',
      url: '/api/vacancies?country=GE&atHomePossible=true&sort=title&order=desc',
    });
    expect(home.json().items.map((v: { title: string }) => v.title)).toEqual([
      'Tailor 4',
      'Tailor 2',
      'Tailor 0',
    ]);
    const p1 = await t.app.inject({ method: 'GET', url: '/api/vacancies?country=GE&limit=3&sort=title' });
    const p2 = await t.app.inject({
      method: 'GET',
      url: `/api/vacancies?country=GE&limit=3&sort=title&cursor=${p1.json().nextCursor}`,
    });
    expect(p2.json().items.map((v: { title: string }) => v.title)).toEqual(['Tailor 3', 'Tailor 4']);
    expect(p2.json().nextCursor).toBeNull();
    const q = await t.app.inject({ method: 'GET', url: '/api/vacancies?q=tailor%203' });
    expect(q.json().items).toHaveLength(1);
  });
});
