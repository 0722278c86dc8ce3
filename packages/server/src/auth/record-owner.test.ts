import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { createTestApp } from '../testing';
import { signInTestUser, twoEmployers } from './testing';

/** A replace is checked against the record as it would become, not only as it is (C8 scoping). */
describe.each(testDatabaseKinds().slice(0, 1))('replacing a record on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let own: string;
  let other: string;
  let employer: Record<string, string>;
  let caseManager: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ own, other, employer } = await twoEmployers(t.database));
    caseManager = await signInTestUser(t.database, {
      role: 'case_manager',
      organisationId: own,
      country: 'GE',
    });
  });
  afterAll(async () => t.close());

  test('an employer cannot move their vacancy to another employer', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/vacancies',
      headers: employer,
      payload: { employerId: own, title: 'Mechanic' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/vacancies/${created.json().id}`;
    const moved = await t.app.inject({
      method: 'PUT',
      url,
      headers: { ...employer, 'if-match': '"1"' },
      payload: { employerId: other, title: 'Mechanic' },
    });
    expect(moved.statusCode, moved.body).toBe(403);
    const renamed = await t.app.inject({
      method: 'PUT',
      url,
      headers: { ...employer, 'if-match': '"1"' },
      payload: { employerId: own, title: 'Senior mechanic' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
  });

  test('a case manager cannot move an organisation of their country to another country', async () => {
    const url = `/api/organisations/${own}`;
    const current = await t.app.inject({ method: 'GET', url, headers: caseManager });
    const etag = String(current.headers.etag);
    const body = { kind: 'employer', name: 'Garage Rustaveli' };
    const moved = await t.app.inject({
      method: 'PUT',
      url,
      headers: { ...caseManager, 'if-match': etag },
      payload: { ...body, country: 'BE' },
    });
    expect(moved.statusCode, moved.body).toBe(403);
    const kept = await t.app.inject({
      method: 'PUT',
      url,
      headers: { ...caseManager, 'if-match': etag },
      payload: { ...body, country: 'GE' },
    });
    expect(kept.statusCode, kept.body).toBe(200);
  });
});
