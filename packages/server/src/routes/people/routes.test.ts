import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import type { AuditEntry } from '../../auth/ports';
import { createTestApp } from '../../testing';
import { signInTestUser } from '../../auth/testing';

describe.each(testDatabaseKinds())('people API on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const entries: AuditEntry[] = [];
  beforeAll(async () => {
    t = await createTestApp(kind, { audit: { record: async (e) => void entries.push(e) } });
  });
  afterAll(async () => t.close());

  const reason = { 'x-access-reason': 'checking the case file' };
  const create = (body: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/people', payload: body as object, headers });
  const get = (id: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/people/${id}`, headers });
  const put = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'PUT', url: `/api/people/${id}`, payload: body as object, headers });

  test('creates a person with completeness, an ETag and a Location, and audits the change', async () => {
    const res = await create({
      givenName: 'Karim',
      familyName: 'Haddad',
      birthDate: '1990-02-03',
      languages: [{ language: 'ar', motherTongue: true }],
      skills: [{ label: 'repairing motorbikes' }],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/api/people/${body.id}`);
    expect(body.completeness.sections.skills).toBe('partial');
    expect(body.duplicates).toEqual([]);
    expect(entries.some((e) => e.action === 'create' && e.personId === body.id)).toBe(true);
  });

  test('returns duplicate candidates on create, across Arabic and Latin letters', async () => {
    const first = (await create({ givenName: 'محمد', familyName: 'الحسن', birthDate: '1994-03-02' })).json();
    const res = await create({ givenName: 'Mohammed', familyName: 'Al-Hassan', birthDate: '1994-03-02' });
    expect(res.statusCode).toBe(201);
    expect(res.json().duplicates[0]).toMatchObject({
      personId: first.id,
      reasons: expect.arrayContaining(['same_birth_date']),
    });
    const onDemand = await t.app.inject({ method: 'GET', url: `/api/people/${first.id}/duplicates` });
    expect(onDemand.statusCode).toBe(200);
    expect(onDemand.json().items.map((d: { personId: string }) => d.personId)).toContain(res.json().id);
  });

  test('hides sensitive fields unless a reason is given, audits the read, and a replace keeps what the caller could not see', async () => {
    const p = (
      await create({
        givenName: 'Leila',
        healthNotes: 'diabetes',
        identityDocuments: [{ type: 'passport', number: 'P9988776' }],
      })
    ).json();
    expect(p.healthNotes).toBeUndefined();
    const plain = await get(p.id);
    expect(plain.json().healthNotes).toBeUndefined();
    expect(plain.json().givenName).toBe('Leila');
    const withReason = await get(p.id, reason);
    expect(withReason.json().healthNotes).toBe('diabetes');
    expect(entries.some((e) => e.action === 'read' && e.entityId === p.id)).toBe(true);
    const upd = await put(p.id, { givenName: 'Leila', familyName: 'Mansour' }, { 'if-match': '"1"' });
    expect(upd.statusCode).toBe(200);
    const after = await get(p.id, reason);
    expect(after.json()).toMatchObject({ familyName: 'Mansour', healthNotes: 'diabetes' });
    expect(after.json().identityDocuments).toHaveLength(1);
  });

  test('answers 400 for an invalid body and a bad query, 404 for an unknown person', async () => {
    const bad = await create({
      givenName: '',
      birthDate: 'yesterday',
      languages: [{ language: 'Arabic', listening: 'Z9' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
    const paths = bad.json().details.issues.map((i: { path: (string | number)[] }) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['birthDate', 'languages.0.language', 'languages.0.listening']),
    );
    expect((await create({})).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/people?sort=age' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/people?cursor=abc' })).statusCode).toBe(400);
    const missing = await get('7f1c0a4e-1b7e-4a55-9a7e-2f0f7a1d2c3b');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    expect((await get('not-a-uuid')).statusCode).toBe(400);
  });

  test('answers 409 for a second person with the same external id, 422 for an unknown organisation', async () => {
    expect((await create({ givenName: 'A', externalId: 'case-42' })).statusCode).toBe(201);
    const dup = await create({ givenName: 'B', externalId: 'case-42' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('already_exists');
    const ref = await create({
      givenName: 'C',
      owningOrganisationId: '7f1c0a4e-1b7e-4a55-9a7e-2f0f7a1d2c3b',
    });
    expect(ref.statusCode).toBe(422);
    expect(ref.json()).toMatchObject({
      code: 'invalid_reference',
      details: { issues: [{ path: ['owningOrganisationId'], reason: 'missing' }] },
    });
  });

  test('requires If-Match on replace (428) and refuses a stale version (412)', async () => {
    const p = (await create({ givenName: 'Awa' })).json();
    expect((await put(p.id, { givenName: 'Awa' })).statusCode).toBe(428);
    expect((await put(p.id, { givenName: 'Awa B' }, { 'if-match': '"1"' })).statusCode).toBe(200);
    const stale = await put(p.id, { givenName: 'Awa C' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('version_conflict');
    expect((await put(p.id, { givenName: 'Awa' }, { 'if-match': 'nope' })).statusCode).toBe(400);
  });

  test('lists with a name search across scripts, filters and a cursor', async () => {
    for (const [g, f] of [
      ['يوسف', 'بن علي'],
      ['Youssef', 'Diop'],
      ['Aminata', 'Sow'],
    ]) {
      await create({ givenName: g, familyName: f, country: 'SN' });
    }
    const found = await t.app.inject({ method: 'GET', url: '/api/people?q=Yusuf&country=SN' });
    expect(found.statusCode).toBe(200);
    expect(found.json().items).toHaveLength(2);
    const p1 = await t.app.inject({
      method: 'GET',
      url: '/api/people?country=SN&limit=2&sort=createdAt&order=desc',
    });
    const p2 = await t.app.inject({
      method: 'GET',
      url: `/api/people?country=SN&limit=2&sort=createdAt&order=desc&cursor=${p1.json().nextCursor}`,
    });
    expect([...p1.json().items, ...p2.json().items]).toHaveLength(3);
    const wrongSort = await t.app.inject({
      method: 'GET',
      url: `/api/people?country=SN&limit=2&sort=name&cursor=${p1.json().nextCursor}`,
    });
    expect(wrongSort.statusCode).toBe(400);
  });

  test('merges a duplicate: If-Match, history kept, the duplicate archived with a pointer; merging again is 409', async () => {
    const a = (await create({ givenName: 'Nino', familyName: 'Beridze' })).json();
    const b = (await create({ givenName: 'Nino', familyName: 'Beridse', birthDate: '1991-01-01' })).json();
    const url = `/api/people/${a.id}/merge`;
    expect((await t.app.inject({ method: 'POST', url, payload: { duplicateId: b.id } })).statusCode).toBe(
      428,
    );
    const merged = await t.app.inject({
      method: 'POST',
      url,
      payload: { duplicateId: b.id },
      headers: { 'if-match': '"1"' },
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ birthDate: '1991-01-01', version: 2 });
    expect((await get(b.id)).json()).toMatchObject({ mergedIntoId: a.id, archivedAt: expect.any(String) });
    const history = await t.app.inject({ method: 'GET', url: `/api/people/${a.id}/history` });
    expect(
      history
        .json()
        .items.map((h: { action: string }) => h.action)
        .sort(),
    ).toEqual(['created', 'created', 'merged_from']);
    const again = await t.app.inject({
      method: 'POST',
      url,
      payload: { duplicateId: b.id },
      headers: { 'if-match': '"2"' },
    });
    expect(again.statusCode).toBe(409);
    const self = await t.app.inject({
      method: 'POST',
      url,
      payload: { duplicateId: a.id },
      headers: { 'if-match': '"2"' },
    });
    expect(self.statusCode).toBe(409);
    const unknown = await t.app.inject({
      method: 'POST',
      url,
      payload: { duplicateId: '7f1c0a4e-1b7e-4a55-9a7e-2f0f7a1d2c3b' },
      headers: { 'if-match': '"2"' },
    });
    expect(unknown.statusCode).toBe(404);
  });

  test('deletes a person nobody refers to (204), and 404 afterwards', async () => {
    const p = (await create({ givenName: 'Temp' })).json();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/people/${p.id}` })).statusCode).toBe(428);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/people/${p.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(del.statusCode).toBe(204);
    expect((await get(p.id)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/people/${p.id}/history` })).statusCode).toBe(404);
  });
  test('closes a case with a reason and reopens it (If-Match, audited); a replace keeps the closure; lists by case status', async () => {
    const created = (
      await create({ givenName: 'Closure', familyName: 'Test', externalId: 'closure-1' })
    ).json();
    const id = created.id as string;
    const post = (url: string, payload: object | undefined, version: number | null) =>
      t.app.inject({
        method: 'POST',
        url,
        ...(payload ? { payload } : {}),
        headers: version === null ? {} : { 'if-match': `"${version}"` },
      });
    expect((await post(`/api/people/${id}/close`, { reason: 'moved_away' }, null)).statusCode).toBe(428);
    expect((await post(`/api/people/${id}/close`, { reason: 'bored' }, 1)).json().code).toBe(
      'validation_failed',
    );
    const future = await post(`/api/people/${id}/close`, { reason: 'moved_away', on: '2999-01-01' }, 1);
    expect(future.statusCode).toBe(400);
    expect(future.json().details.issues[0].code).toBe('date_in_future');

    const closed = await post(
      `/api/people/${id}/close`,
      { reason: 'decided_to_remigrate', on: '2025-05-02', note: 'talked about the reasons first' },
      1,
    );
    expect(closed.statusCode).toBe(200);
    expect(closed.headers.etag).toBe('"2"');
    expect(closed.json().caseClosure).toEqual({
      on: '2025-05-02',
      reason: 'decided_to_remigrate',
      note: 'talked about the reasons first',
    });
    expect(entries.some((e) => e.action === 'close_case' && e.personId === id)).toBe(true);
    const again = await post(`/api/people/${id}/close`, { reason: 'other' }, 2);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invalid_transition');

    // A replace neither reopens nor rewrites the closure.
    const replaced = await put(
      id,
      { givenName: 'Closure', familyName: 'Tested', externalId: 'closure-1', caseClosure: null },
      { 'if-match': '"2"' },
    );
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().caseClosure.reason).toBe('decided_to_remigrate');

    const list = async (status: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/people?externalId=closure-1&caseStatus=${status}` }))
        .json()
        .items.map((p: { id: string }) => p.id);
    expect(await list('closed')).toEqual([id]);
    expect(await list('open')).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/people?caseStatus=ended' })).statusCode).toBe(400);

    const reopened = await post(`/api/people/${id}/reopen`, undefined, 3);
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().caseClosure ?? null).toBeNull();
    expect(entries.some((e) => e.action === 'reopen_case' && e.personId === id)).toBe(true);
    expect((await post(`/api/people/${id}/reopen`, undefined, 4)).statusCode).toBe(409);
    expect(await list('open')).toEqual([id]);
  });

  test('only an administrator or those assigned close and reopen a case: not the person themselves, nor an unassigned colleague; a create cannot close it', async () => {
    const orgId = (
      await t.app.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { kind: 'mission', name: 'Closure mission', country: 'GE' },
      })
    ).json().id as string;
    const assigned = await signInTestUser(t.database, { role: 'case_manager', organisationId: orgId });
    const colleague = await signInTestUser(t.database, { role: 'case_manager', organisationId: orgId });
    const created = await create(
      {
        givenName: 'Self',
        familyName: 'Service',
        owningOrganisationId: orgId,
        caseClosure: { on: '2999-01-01', reason: 'deceased' },
      },
      assigned,
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().caseClosure ?? null).toBeNull();
    const id = created.json().id as string;
    const self = await signInTestUser(t.database, { role: 'person', personId: id });
    const post = (action: string, headers: Record<string, string>, version: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/people/${id}/${action}`,
        ...(action === 'close' ? { payload: { reason: 'person_chose_to_stop' } } : {}),
        headers: { ...headers, 'if-match': `"${version}"` },
      });
    // The person may read their record (and change their profile) but not close their case.
    expect((await get(id, self)).statusCode).toBe(200);
    const bySelf = await post('close', self, 1);
    expect(bySelf.statusCode).toBe(403);
    expect(bySelf.json().code).toBe('forbidden');
    const byColleague = await post('close', colleague, 1);
    expect(byColleague.statusCode).toBe(403);
    expect((await post('close', assigned, 1)).statusCode).toBe(200);
    expect((await post('reopen', self, 2)).statusCode).toBe(403);
    expect((await post('reopen', colleague, 2)).statusCode).toBe(403);
    expect((await get(id)).json().caseClosure.reason).toBe('person_chose_to_stop');
    expect((await post('reopen', {}, 2)).statusCode).toBe(200);
  });

  test('a person read says whether the caller may close the case, by the same rule as the close endpoint', async () => {
    const orgId = (
      await t.app.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { kind: 'mission', name: 'Permissions mission', country: 'GE' },
      })
    ).json().id as string;
    const assigned = await signInTestUser(t.database, { role: 'case_manager', organisationId: orgId });
    const colleague = await signInTestUser(t.database, { role: 'case_manager', organisationId: orgId });
    const created = await create(
      { givenName: 'Allowed', familyName: 'Who', owningOrganisationId: orgId },
      assigned,
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().permissions).toEqual({ closeCase: true });
    const id = created.json().id as string;
    const self = await signInTestUser(t.database, { role: 'person', personId: id });
    const closeCaseOf = async (headers: Record<string, string>) => {
      const res = await get(id, headers);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().permissions?.closeCase;
    };
    expect(await closeCaseOf({})).toBe(true); // the administrator of the test app
    expect(await closeCaseOf(assigned)).toBe(true);
    // The colleague reads the person (same organisation) but is not assigned: no close offered, and 403 if tried.
    expect(await closeCaseOf(colleague)).toBe(false);
    expect(await closeCaseOf(self)).toBe(false);
    const tried = await t.app.inject({
      method: 'POST',
      url: `/api/people/${id}/close`,
      payload: { reason: 'other' },
      headers: { ...colleague, 'if-match': '"1"' },
    });
    expect(tried.statusCode).toBe(403);
  });
});
