import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import type { AuditEntry } from '../../auth/ports';
import { createTestApp } from '../../testing';

const unknownId = '7f1c0a4e-1b7e-4a55-9a7e-2f0f7a1d2c3b';

describe.each(testDatabaseKinds())('referrals API on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const entries: AuditEntry[] = [];
  let employerId: string;
  let vacancyId: string;
  let trainingId: string;
  beforeAll(async () => {
    t = await createTestApp(kind, { audit: { record: async (e) => void entries.push(e) } });
    const post = async (url: string, payload: object) =>
      (await t.app.inject({ method: 'POST', url, payload })).json();
    employerId = (await post('/api/organisations', { kind: 'employer', name: 'Bakery Tbilisi' })).id;
    vacancyId = (await post('/api/vacancies', { employerId, title: 'Baker' })).id;
    trainingId = (
      await post('/api/trainings', { providerId: employerId, title: 'Baking', type: 'on_the_job' })
    ).id;
  });
  afterAll(async () => t.close());

  const newPerson = async (consent = true) => {
    const p = (
      await t.app.inject({ method: 'POST', url: '/api/people', payload: { givenName: 'Giorgi' } })
    ).json();
    if (consent) {
      const c = await t.app.inject({
        method: 'POST',
        url: `/api/people/${p.id}/consents`,
        payload: { purpose: 'referral', recipientOrganisationId: employerId, method: 'signed_form' },
      });
      expect(c.statusCode).toBe(201);
    }
    return p.id as string;
  };
  const refer = (payload: object) => t.app.inject({ method: 'POST', url: '/api/referrals', payload });
  const status = (id: string, version: number, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/referrals/${id}/status`,
      payload,
      headers: { 'if-match': `"${version}"` },
    });

  test('a referral needs the person’s consent for the receiving organisation (403 without)', async () => {
    const personId = await newPerson(false);
    const res = await refer({ personId, targetKind: 'vacancy', targetId: vacancyId });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('consent_required');
  });

  test('walks the pipeline with dates and reasons, keeps the history, and audits every change', async () => {
    const personId = await newPerson();
    const res = await refer({
      personId,
      targetKind: 'vacancy',
      targetId: vacancyId,
      motivation: 'baked bread in Istanbul',
      on: '2025-03-01',
    });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      status: 'proposed',
      organisationId: employerId,
      proposedOn: '2025-03-01',
      version: 1,
    });
    expect((await status(r.id, 1, { to: 'sent', on: '2025-03-02' })).json().status).toBe('sent');
    expect((await status(r.id, 2, { to: 'accepted', on: '2025-03-05' })).statusCode).toBe(200);
    expect((await status(r.id, 3, { to: 'started', on: '2025-03-10' })).statusCode).toBe(200);
    const done = await status(r.id, 4, { to: 'completed', on: '2025-06-10' });
    expect(done.json()).toMatchObject({
      status: 'completed',
      endedOn: '2025-06-10',
      startedOn: '2025-03-10',
    });
    const history = await t.app.inject({ method: 'GET', url: `/api/referrals/${r.id}/history` });
    expect(history.json().items.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'proposed',
      'sent',
      'accepted',
      'started',
      'completed',
    ]);
    expect(
      entries.filter((e) => e.entity === 'referral' && e.entityId === r.id && e.action === 'status_change'),
    ).toHaveLength(4);
  });

  test('an invalid step is 409 invalid_transition; a missing reason too; If-Match is required and checked', async () => {
    const personId = await newPerson();
    const r = (await refer({ personId, targetKind: 'training', targetId: trainingId })).json();
    const skip = await status(r.id, 1, { to: 'completed' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json()).toMatchObject({
      code: 'invalid_transition',
      details: { from: 'proposed', to: 'completed' },
    });
    await status(r.id, 1, { to: 'sent' });
    const noReason = await status(r.id, 2, { to: 'rejected' });
    expect(noReason.statusCode).toBe(409);
    expect(noReason.json().details.reason).toBe('reason_required');
    expect((await status(r.id, 2, { to: 'rejected', reasonCode: 'position_filled' })).statusCode).toBe(200);
    const none = await t.app.inject({
      method: 'POST',
      url: `/api/referrals/${r.id}/status`,
      payload: { to: 'sent' },
    });
    expect(none.statusCode).toBe(428);
    expect((await status(r.id, 1, { to: 'sent' })).statusCode).toBe(412);
    expect((await status(r.id, 3, { to: 'flying' })).statusCode).toBe(400);
  });

  test('answers 400, 404, 409 and 422 on create', async () => {
    const personId = await newPerson();
    expect((await refer({ personId, targetKind: 'job', targetId: vacancyId })).statusCode).toBe(400);
    expect(
      (await refer({ personId, targetKind: 'vacancy', targetId: vacancyId, status: 'accepted' })).statusCode,
    ).toBe(400);
    const noPerson = await refer({ personId: unknownId, targetKind: 'vacancy', targetId: vacancyId });
    expect(noPerson.statusCode).toBe(422);
    expect(noPerson.json().details.issues[0].path).toEqual(['personId']);
    const noTarget = await refer({ personId, targetKind: 'service', targetId: unknownId });
    expect(noTarget.statusCode).toBe(422);
    expect(noTarget.json().details.issues[0]).toMatchObject({
      path: ['targetId'],
      entity: 'service',
      reason: 'missing',
    });
    expect((await refer({ personId, targetKind: 'vacancy', targetId: vacancyId })).statusCode).toBe(201);
    const again = await refer({ personId, targetKind: 'vacancy', targetId: vacancyId });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('conflict');
    expect((await t.app.inject({ method: 'GET', url: `/api/referrals/${unknownId}` })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/referrals/${unknownId}/history` })).statusCode,
    ).toBe(404);
  });

  test('replaces notes with If-Match, lists by person, deletes a proposal and archives a sent referral', async () => {
    const personId = await newPerson();
    const a = (await refer({ personId, targetKind: 'vacancy', targetId: vacancyId })).json();
    const b = (
      await refer({ personId, targetKind: 'training', targetId: trainingId, status: 'sent' })
    ).json();
    const url = `/api/referrals/${a.id}`;
    expect((await t.app.inject({ method: 'PUT', url, payload: { notes: 'x' } })).statusCode).toBe(428);
    const upd = await t.app.inject({
      method: 'PUT',
      url,
      payload: { notes: 'interview Monday', followUpOn: '2025-04-01' },
      headers: { 'if-match': '"1"' },
    });
    expect(upd.json()).toMatchObject({ notes: 'interview Monday', version: 2 });
    expect(
      (await t.app.inject({ method: 'PUT', url, payload: { notes: 'y' }, headers: { 'if-match': '"1"' } }))
        .statusCode,
    ).toBe(412);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/referrals?personId=${personId}&sort=createdAt&order=asc`,
    });
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([a.id, b.id]);
    const sent = await t.app.inject({
      method: 'GET',
      url: `/api/referrals?personId=${personId}&status=sent`,
    });
    expect(sent.json().items).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/referrals?status=lost' })).statusCode).toBe(400);
    const delA = await t.app.inject({ method: 'DELETE', url, headers: { 'if-match': '"2"' } });
    expect(delA.statusCode).toBe(200);
    const delB = await t.app.inject({
      method: 'DELETE',
      url: `/api/referrals/${b.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(delB.statusCode).toBe(200);
    expect(delB.json().archivedAt).toEqual(expect.any(String));
    const fresh = await newPerson();
    const c = (await refer({ personId: fresh, targetKind: 'vacancy', targetId: vacancyId })).json();
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/referrals/${c.id}`,
          headers: { 'if-match': '"1"' },
        })
      ).statusCode,
    ).toBe(204);
  });
  test('lists open referrals of a case manager’s people, soonest follow-up first; bad filters are 400', async () => {
    const manager = 'counsellor-follow-ups';
    const p = (
      await t.app.inject({
        method: 'POST',
        url: '/api/people',
        payload: { givenName: 'Nino', caseManagerIds: [manager] },
      })
    ).json();
    const consent = await t.app.inject({
      method: 'POST',
      url: `/api/people/${p.id}/consents`,
      payload: { purpose: 'referral', recipientOrganisationId: employerId, method: 'signed_form' },
    });
    expect(consent.statusCode).toBe(201);
    const later = (
      await refer({ personId: p.id, targetKind: 'vacancy', targetId: vacancyId, followUpOn: '2025-05-01' })
    ).json();
    const sooner = (
      await refer({ personId: p.id, targetKind: 'training', targetId: trainingId, followUpOn: '2025-04-01' })
    ).json();
    const someoneElses = await newPerson();
    await refer({
      personId: someoneElses,
      targetKind: 'vacancy',
      targetId: vacancyId,
      followUpOn: '2025-03-01',
    });

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/referrals?caseManagerId=${manager}&open=true&followUpBefore=2025-12-31&sort=followUpOn&order=asc`,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([sooner.id, later.id]);
    const final = await t.app.inject({
      method: 'GET',
      url: `/api/referrals?caseManagerId=${manager}&open=false`,
    });
    expect(final.json().items).toEqual([]);
    for (const bad of ['open=maybe', 'sort=dueDate', 'caseManagerId=', 'sort=followUpOn&cursor=abc']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/referrals?${bad}` });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().code, bad).toBe('validation_failed');
    }
  });
  test('nobody is referred while their case is closed (409); reopened, they can be', async () => {
    const personId = await newPerson();
    const close = await t.app.inject({
      method: 'POST',
      url: `/api/people/${personId}/close`,
      payload: { reason: 'person_chose_to_stop' },
      headers: { 'if-match': '"1"' },
    });
    expect(close.statusCode, close.body).toBe(200);
    const refused = await refer({ personId, targetKind: 'vacancy', targetId: vacancyId });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'conflict', details: { reason: 'the case is closed' } });
    const reopen = await t.app.inject({
      method: 'POST',
      url: `/api/people/${personId}/reopen`,
      headers: { 'if-match': close.headers.etag as string },
    });
    expect(reopen.statusCode, reopen.body).toBe(200);
    expect((await refer({ personId, targetKind: 'vacancy', targetId: vacancyId })).statusCode).toBe(201);
  });
});
