import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { createOrganisationStore } from '@passerelle/db';
import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../../auth/ports';
import { createTestUser, openTestSession } from '../../auth/testing';
import { createTestApp } from '../../testing';

const unknownId = '7f1c0a4e-1b7e-4a55-9a7e-2f0f7a1d2c3b';

describe.each(testDatabaseKinds())('follow-ups API on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const entries: AuditEntry[] = [];
  let orgId: string;
  let vacancyId: string;
  let otherOrgId: string;
  let employerOf: string;
  beforeAll(async () => {
    t = await createTestApp(kind, { audit: { record: async (e) => void entries.push(e) } });
    orgId = (
      await createOrganisationStore(t.database.db).create(
        { kind: 'mission', name: 'Follow-up mission', country: 'GE', data: {} },
        randomUUID(),
      )
    ).id;
    otherOrgId = (
      await createOrganisationStore(t.database.db).create(
        { kind: 'mission', name: 'Another mission', country: 'BE', data: {} },
        randomUUID(),
      )
    ).id;
    const post = async (url: string, payload: object) =>
      (await t.app.inject({ method: 'POST', url, payload })).json();
    // Referral consents name the vacancy's employer.
    employerOf = (await post('/api/organisations', { kind: 'employer', name: 'Bakery Kutaisi' })).id;
    vacancyId = (await post('/api/vacancies', { employerId: employerOf, title: 'Baker' })).id;
  });
  afterAll(async () => t.close());

  const newPerson = async (extra: object = {}) =>
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/people',
        payload: { givenName: 'Nino', owningOrganisationId: orgId, ...extra },
      })
    ).json().id as string;
  const newPlacement = async (personId: string) => {
    const c = await t.app.inject({
      method: 'POST',
      url: `/api/people/${personId}/consents`,
      payload: { purpose: 'referral', recipientOrganisationId: employerOf, method: 'signed_form' },
    });
    expect(c.statusCode).toBe(201);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/referrals',
      payload: { personId, targetKind: 'vacancy', targetId: vacancyId, status: 'sent', on: '2025-01-31' },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const record = (personId: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/people/${personId}/follow-ups`, payload, headers });
  const list = (personId: string, headers: Record<string, string> = {}, query = '') =>
    t.app.inject({ method: 'GET', url: `/api/people/${personId}/follow-ups${query}`, headers });
  const employedAt3 = (referralId: string | null) => ({
    referralId,
    months: 3,
    on: '2025-04-30',
    channel: 'phone',
    reached: true,
    employed: 'yes',
    sameJob: true,
    monthlyWage: 640,
    currency: 'GEL',
    contract: 'fixed_term',
    satisfaction: 4,
  });

  test('records a 3-month follow-up of a placement, lists it newest first, and audits both', async () => {
    const personId = await newPerson();
    const referralId = await newPlacement(personId);
    const res = await record(personId, employedAt3(referralId));
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      personId,
      referralId,
      months: 3,
      monthlyWage: 640,
      currency: 'GEL',
      version: 1,
    });
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/api/follow-ups/${created.id}`);
    const adHoc = await record(personId, {
      on: '2025-05-20',
      channel: 'message',
      reached: false,
      months: null,
    });
    expect(adHoc.statusCode).toBe(201);
    const page = await list(personId);
    expect(page.statusCode).toBe(200);
    expect(page.json().items.map((f: { on: string }) => f.on)).toEqual(['2025-05-20', '2025-04-30']);
    const ofReferral = await list(personId, {}, `?referralId=${referralId}`);
    expect(ofReferral.json().items.map((f: { id: string }) => f.id)).toEqual([created.id]);
    expect(
      entries.some(
        (e) =>
          e.entity === 'follow_up' &&
          e.action === 'create' &&
          e.entityId === created.id &&
          e.personId === personId,
      ),
    ).toBe(true);
    expect(
      entries.some((e) => e.entity === 'follow_up' && e.action === 'list' && e.personId === personId),
    ).toBe(true);
  });

  test('a contact without a date is dated today; a replace must give the date', async () => {
    const personId = await newPerson();
    const { on: _on, ...undated } = employedAt3(null);
    const res = await record(personId, undated);
    expect(res.statusCode).toBe(201);
    expect(res.json().on).toBe(new Date().toISOString().slice(0, 10));
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/follow-ups/${res.json().id}`,
      payload: undated,
      headers: { 'if-match': '"1"' },
    });
    expect(put.statusCode).toBe(400);
    expect(put.json().details.issues[0].path).toEqual(['on']);
  });

  test('bad entries are 400 validation_failed naming the field; nothing is saved', async () => {
    const personId = await newPerson();
    const cases: [object, string][] = [
      [{ ...employedAt3(null), currency: undefined }, 'currency'],
      [{ ...employedAt3(null), on: '2999-01-01' }, 'on'],
      [{ ...employedAt3(null), leftReason: 'dismissed' }, 'leftReason'],
      [{ on: '2025-04-30', channel: 'phone', reached: false, employed: 'yes' }, 'employed'],
      [{ ...employedAt3(null), months: 2 }, 'months'],
      [{ ...employedAt3(null), satisfaction: 0 }, 'satisfaction'],
    ];
    for (const [payload, field] of cases) {
      const res = await record(personId, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(res.json().details.issues.map((i: { path: string[] }) => i.path[0])).toContain(field);
    }
    const future = await record(personId, { ...employedAt3(null), on: '2999-01-01' });
    expect(future.json().details.issues[0]).toMatchObject({ path: ['on'], code: 'date_in_future' });
    expect((await list(personId)).json().items).toEqual([]);
  });

  test("another person's referral is refused on referralId; unknown people and referrals are 404 and 422", async () => {
    const personId = await newPerson();
    const othersReferral = await newPlacement(await newPerson());
    const res = await record(personId, employedAt3(othersReferral));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.issues[0]).toMatchObject({
      path: ['referralId'],
      code: 'referral_of_another_person',
    });
    expect((await record(personId, employedAt3(unknownId))).statusCode).toBe(422);
    expect((await record(unknownId, employedAt3(null))).statusCode).toBe(404);
    expect((await list(unknownId)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/follow-ups/${unknownId}` })).statusCode).toBe(404);
  });

  test('replaces and deletes with If-Match: 428 without, 412 version_conflict when stale', async () => {
    const personId = await newPerson();
    const created = (await record(personId, employedAt3(null))).json();
    const url = `/api/follow-ups/${created.id}`;
    const changed = {
      ...employedAt3(null),
      employed: 'no',
      leftReason: 'resigned_pay',
      monthlyWage: null,
      currency: null,
      sameJob: null,
      contract: null,
    };
    expect((await t.app.inject({ method: 'PUT', url, payload: changed })).statusCode).toBe(428);
    const put = await t.app.inject({ method: 'PUT', url, payload: changed, headers: { 'if-match': '"1"' } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      version: 2,
      employed: 'no',
      leftReason: 'resigned_pay',
      monthlyWage: null,
    });
    expect(put.headers.etag).toBe('"2"');
    const stale = await t.app.inject({
      method: 'PUT',
      url,
      payload: changed,
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('version_conflict');
    const badPut = await t.app.inject({
      method: 'PUT',
      url,
      payload: { ...changed, leftReason: 'x' },
      headers: { 'if-match': '"2"' },
    });
    expect(badPut.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'DELETE', url, headers: { 'if-match': '"1"' } })).statusCode).toBe(
      412,
    );
    expect((await t.app.inject({ method: 'DELETE', url, headers: { 'if-match': '"2"' } })).statusCode).toBe(
      204,
    );
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect(entries.filter((e) => e.entityId === created.id).map((e) => e.action)).toEqual([
      'create',
      'update',
      'delete',
    ]);
  });

  test("the person's case manager records and reads; employers, programme managers, other case managers and the person themself may not write", async () => {
    const cm = await createTestUser(t.database, {
      role: 'case_manager',
      organisationId: orgId,
      country: 'GE',
    });
    const personId = await newPerson({ caseManagerIds: [cm.id] });
    const asCm = await openTestSession(t.database, cm.id);
    const mine = await record(personId, employedAt3(null), asCm);
    expect(mine.statusCode).toBe(201);
    expect((await list(personId, asCm)).json().items).toHaveLength(1);

    // An employer with the person's consent to share the profile still sees no follow-up.
    const employer = await createTestUser(t.database, { role: 'employer', organisationId: employerOf });
    const c = await t.app.inject({
      method: 'POST',
      url: `/api/people/${personId}/consents`,
      payload: {
        purpose: 'share_profile_with_employer',
        recipientOrganisationId: employerOf,
        method: 'signed_form',
      },
    });
    expect(c.statusCode).toBe(201);
    const others = [
      await openTestSession(t.database, employer.id),
      await openTestSession(
        t.database,
        (await createTestUser(t.database, { role: 'programme_manager', grants: ['personal_details'] })).id,
      ),
      await openTestSession(t.database, (await createTestUser(t.database, { role: 'programme_manager' })).id),
      await openTestSession(
        t.database,
        (await createTestUser(t.database, { role: 'case_manager', organisationId: otherOrgId })).id,
      ),
    ];
    for (const headers of others) {
      const read = await list(personId, headers);
      expect(read.statusCode).toBe(403);
      expect(read.body).not.toContain('640');
      expect((await record(personId, employedAt3(null), headers)).statusCode).toBe(403);
      const one = await t.app.inject({ method: 'GET', url: `/api/follow-ups/${mine.json().id}`, headers });
      expect(one.statusCode).toBe(403);
      const del = await t.app.inject({
        method: 'DELETE',
        url: `/api/follow-ups/${mine.json().id}`,
        headers: { ...headers, 'if-match': '"1"' },
      });
      expect(del.statusCode).toBe(403);
    }
    // The person reads their own follow-ups but does not record them.
    const self = await createTestUser(t.database, { role: 'person', personId });
    const asSelf = await openTestSession(t.database, self.id);
    expect((await list(personId, asSelf)).json().items).toHaveLength(1);
    expect((await record(personId, employedAt3(null), asSelf)).statusCode).toBe(403);
  });

  test('the OpenAPI document describes the routes and the FollowUp schema', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/people/{id}/follow-ups', '/api/follow-ups/{id}']),
    );
    expect(Object.keys(doc.paths['/api/follow-ups/{id}'])).toEqual(
      expect.arrayContaining(['get', 'put', 'delete']),
    );
    const schema = JSON.stringify(doc.components.schemas.FollowUp);
    expect(schema).toContain('monthlyWage');
    expect(schema).toContain('12');
  });

  test("the person's data export carries their follow-ups and erasure removes them", async () => {
    const personId = await newPerson();
    const created = (await record(personId, employedAt3(null))).json();
    const exported = await t.app.passerelle.dataRights.exportPerson(personId);
    expect((exported.sections.follow_ups as { id: string }[]).map((f) => f.id)).toEqual([created.id]);
    const erase = await t.app.inject({
      method: 'POST',
      url: `/api/people/${personId}/erase`,
      payload: { reason: 'asked by the person' },
    });
    expect(erase.statusCode).toBeLessThan(300);
    expect((await t.app.inject({ method: 'GET', url: `/api/follow-ups/${created.id}` })).statusCode).toBe(
      404,
    );
  });
});
