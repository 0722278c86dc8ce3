import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { createTestApp } from '../../testing';
import { createTestUser, openTestSession } from '../../auth/testing';

describe.each(testDatabaseKinds())('handover on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let counsellor: Record<string, string>;
  let caseManager: Record<string, string>;
  let caseManagerId: string;
  let employerUserId: string;
  let originOrg: string;

  const as = (
    headers: Record<string, string> | null,
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: headers ?? {}, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp(kind, { actor: null });
    const admin = await createTestUser(t.database, { role: 'administrator' });
    const adminHeaders = await openTestSession(t.database, admin.id);
    const org = async (name: string, country: string) => {
      const res = await as(adminHeaders, 'POST', '/api/organisations', { kind: 'mission', name, country });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const hostOrg = await org('Mission Brussels', 'BE');
    originOrg = await org('Mission Dakar', 'SN');
    const c = await createTestUser(t.database, {
      role: 'counsellor',
      organisationId: hostOrg,
      country: 'BE',
    });
    counsellor = await openTestSession(t.database, c.id);
    const cm = await createTestUser(t.database, {
      role: 'case_manager',
      organisationId: originOrg,
      country: 'SN',
    });
    caseManagerId = cm.id;
    caseManager = await openTestSession(t.database, cm.id);
    employerUserId = (await createTestUser(t.database, { role: 'employer', organisationId: hostOrg })).id;
  });
  afterAll(async () => t.close());

  async function newPerson() {
    const res = await as(counsellor, 'POST', '/api/people', {
      givenName: 'Awa',
      familyName: 'Ndiaye',
      country: 'SN',
      returnInfo: { returnCountry: 'SN' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  }
  const handover = (id: string, body: object, version?: number) =>
    t.app.inject({
      method: 'POST',
      url: `/api/people/${id}/handover`,
      headers: { ...counsellor, ...(version ? { 'if-match': `"${version}"` } : {}) },
      payload: body,
    });

  test('access moves from the host-country counsellor to the case manager at once, with an audit entry', async () => {
    const person = await newPerson();
    expect((await as(counsellor, 'GET', `/api/people/${person.id}`)).statusCode).toBe(200);
    expect((await as(caseManager, 'GET', `/api/people/${person.id}`)).statusCode).toBe(403);

    const res = await handover(person.id, { toCaseManagerId: caseManagerId }, person.version);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      personId: person.id,
      toCaseManagerId: caseManagerId,
      owningOrganisationId: originOrg,
      callerKeepsAccess: false,
    });
    expect(res.headers.etag).toBe(`"${person.version + 1}"`);

    expect((await as(counsellor, 'GET', `/api/people/${person.id}`)).statusCode).toBe(403);
    const read = await as(caseManager, 'GET', `/api/people/${person.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().caseManagerIds).toEqual([caseManagerId]);

    const trail = await t.database.query<{ action: string; changes: { fields: string[] } }>(
      `select action, changes from audit_events where entity_id = $1 and action = 'handover'`,
      [person.id],
    );
    expect(trail).toHaveLength(1);
    expect(trail[0]!.changes.fields).toEqual(['caseManagerIds', 'owningOrganisationId']);
  });

  test('needs If-Match, a current version, and a case manager who exists', async () => {
    const person = await newPerson();
    expect((await handover(person.id, { toCaseManagerId: caseManagerId })).statusCode).toBe(428);
    const stale = await handover(person.id, { toCaseManagerId: caseManagerId }, person.version + 5);
    expect(stale.statusCode).toBe(412);
    const unknown = await handover(person.id, { toCaseManagerId: randomUUID() }, person.version);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('invalid_reference');
    const employer = await handover(person.id, { toCaseManagerId: employerUserId }, person.version);
    expect(employer.statusCode).toBe(400);
    expect(employer.json().details.issues[0].code).toBe('not_case_manager');
    const garbled = await handover(person.id, { toCaseManagerId: 'nobody' }, person.version);
    expect(garbled.statusCode).toBe(400);
    // Nothing changed along the way.
    expect((await as(counsellor, 'GET', `/api/people/${person.id}`)).json().version).toBe(person.version);
  });

  test('someone who cannot edit the person cannot hand them over', async () => {
    const person = await newPerson();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/people/${person.id}/handover`,
      headers: { ...caseManager, 'if-match': `"${person.version}"` },
      payload: { toCaseManagerId: caseManagerId },
    });
    expect(res.statusCode).toBe(403);
  });
});
