import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { createTestApp } from '../../testing';
import { createTestUser, openTestSession } from '../../auth/testing';

const unknownId = '7f1c0a4e-1b7e-4a55-9a7e-2f0f7a1d2c3b';

describe.each(testDatabaseKinds())('events API on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let employerId: string;
  let personId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    employerId = (
      await t.app.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { kind: 'employer', name: 'Hotel Dakar' },
      })
    ).json().id;
    personId = (
      await t.app.inject({ method: 'POST', url: '/api/people', payload: { givenName: 'Ousmane' } })
    ).json().id;
  });
  afterAll(async () => t.close());

  const body = (extra: Record<string, unknown> = {}) => ({
    type: 'job_fair',
    title: 'Job fair Dakar',
    startsAt: '2025-11-05T09:00:00Z',
    ...extra,
  });
  const create = (payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/events', payload: payload as object });

  test('creates a fair with attending employers and people, lists it by attendee, archives it on delete', async () => {
    const res = await create(
      body({
        organisations: [{ organisationId: employerId }],
        people: [{ personId, status: 'attended' }],
        location: { country: 'SN', city: 'Dakar' },
      }),
    );
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e.organisations).toEqual([{ organisationId: employerId, role: 'exhibitor' }]);
    expect(e.startsAt).toBe('2025-11-05T09:00:00.000Z');
    const byPerson = await t.app.inject({ method: 'GET', url: `/api/events?personId=${personId}` });
    expect(byPerson.json().items.map((x: { id: string }) => x.id)).toEqual([e.id]);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/events/${e.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(del.statusCode).toBe(200);
    expect(del.json().archivedAt).toEqual(expect.any(String));
  });

  test('only staff see who attends, and only those who may read a person can filter by them', async () => {
    const res = await create(
      body({ title: 'Fair with people', people: [{ personId, status: 'registered' }] }),
    );
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    const employerUser = await createTestUser(t.database, { role: 'employer', organisationId: employerId });
    const employer = await openTestSession(t.database, employerUser.id);
    const asEmployer = await t.app.inject({ method: 'GET', url: `/api/events/${id}`, headers: employer });
    expect(asEmployer.statusCode).toBe(200);
    expect(asEmployer.json().title).toBe('Fair with people');
    expect(asEmployer.json()).not.toHaveProperty('people');
    const listed = await t.app.inject({ method: 'GET', url: '/api/events', headers: employer });
    for (const e of listed.json().items) expect(e).not.toHaveProperty('people');
    const probe = await t.app.inject({
      method: 'GET',
      url: `/api/events?personId=${personId}`,
      headers: employer,
    });
    expect(probe.statusCode).toBe(403);
    const counsellorUser = await createTestUser(t.database, { role: 'counsellor' });
    const counsellor = await openTestSession(t.database, counsellorUser.id);
    const asStaff = await t.app.inject({ method: 'GET', url: `/api/events/${id}`, headers: counsellor });
    expect(asStaff.json().people).toEqual([{ personId, status: 'registered' }]);
    // The administrator (the test's default caller) filters by a person they may read.
    const asAdmin = await t.app.inject({ method: 'GET', url: `/api/events?personId=${personId}` });
    expect(asAdmin.json().items.map((x: { id: string }) => x.id)).toContain(id);
  });

  test('answers 400, 404, 409, 412, 422 and 428 where due', async () => {
    const bad = await create(body({ type: 'party', startsAt: 'tomorrow' }));
    expect(bad.statusCode).toBe(400);
    const twice = await create(body({ people: [{ personId }, { personId }] }));
    expect(twice.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/api/events/${unknownId}` })).statusCode).toBe(404);
    expect((await create(body({ externalId: 'EV-1' }))).statusCode).toBe(201);
    expect((await create(body({ externalId: 'EV-1' }))).statusCode).toBe(409);
    const ref = await create(body({ people: [{ personId: unknownId }] }));
    expect(ref.statusCode).toBe(422);
    expect(ref.json().details.issues[0].path).toEqual(['people', 0, 'personId']);
    const e = (await create(body())).json();
    const url = `/api/events/${e.id}`;
    expect((await t.app.inject({ method: 'PUT', url, payload: body() })).statusCode).toBe(428);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url,
          payload: body({ title: 'Renamed' }),
          headers: { 'if-match': '"1"' },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'PUT', url, payload: body(), headers: { 'if-match': '"1"' } }))
        .statusCode,
    ).toBe(412);
    expect((await t.app.inject({ method: 'DELETE', url, headers: { 'if-match': '"2"' } })).statusCode).toBe(
      204,
    );
  });
});
