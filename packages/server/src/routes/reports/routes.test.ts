import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { createTestApp } from '../../testing';
import { signInTestUser } from '../../auth/testing';
import { suppressBreakdown, suppressSmall } from './routes';

test('counts of 1 to 4 are suppressed; zero and 5 or more are shown', () => {
  expect([0, 1, 4, 5, 12].map(suppressSmall)).toEqual([0, null, null, 5, 12]);
});

test('when a breakdown hides one count, the smallest other count is hidden too, so the total cannot give it away', () => {
  expect(suppressBreakdown([9, 5, 4, 7])).toEqual([9, null, null, 7]);
  expect(suppressBreakdown([2, 3, 8])).toEqual([null, null, 8]);
  expect(suppressBreakdown([6, 0, 5])).toEqual([6, 0, 5]);
  expect(suppressBreakdown([3])).toEqual([null]);
  expect(suppressBreakdown([3, 0])).toEqual([null, 0]);
});

describe.each(testDatabaseKinds())('report summary on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let missionA: string;
  let missionB: string;
  const as = (role: string, organisationId: string | null = null) =>
    signInTestUser(t.database, { role, organisationId });
  const post = async (url: string, payload: object) => {
    const res = await t.app.inject({ method: 'POST', url, payload });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
    return res.json() as { id: string };
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    missionA = (await post('/api/organisations', { kind: 'mission', name: 'Mission A', country: 'GE' })).id;
    missionB = (await post('/api/organisations', { kind: 'mission', name: 'Mission B', country: 'IQ' })).id;
    const employer = (await post('/api/organisations', { kind: 'employer', name: 'Garage', country: 'GE' }))
      .id;
    const vacancy = (
      await post('/api/vacancies', { employerId: employer, title: 'Mechanic', location: { country: 'GE' } })
    ).id;
    // Six returnees to Georgia (mission A), two to Iraq (mission B); three Georgian ones referred.
    for (let i = 0; i < 8; i++) {
      const georgia = i < 6;
      const p = await post('/api/people', {
        givenName: `P${i}`,
        familyName: 'Report',
        owningOrganisationId: georgia ? missionA : missionB,
        returnInfo: { returnCountry: georgia ? 'GE' : 'IQ' },
      });
      if (georgia && i < 3) {
        await post(`/api/people/${p.id}/consents`, {
          purpose: 'referral',
          recipientCategory: 'employers',
          method: 'signed_form',
        });
        await post('/api/referrals', { personId: p.id, targetKind: 'vacancy', targetId: vacancy });
      }
    }
  });
  afterAll(async () => t.close());

  test('a programme manager sees aggregates of every organisation, small counts suppressed, no personal detail', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/reports/summary',
      headers: await as('programme_manager'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.people.total).toBe(8);
    // Iraq's 2 are hidden, and Georgia's 6 too: with the total, one would give the other away.
    expect(body.people.byReturnCountry).toEqual([
      { key: 'GE', count: null },
      { key: 'IQ', count: null },
    ]);
    expect(body.referrals.total).toBe(3);
    expect(body.referrals.byTargetKind).toEqual([{ key: 'vacancy', count: null }]);
    expect(body.vacancies.open).toBe(1);
    expect(body.suppressedBelow).toBe(5);
    expect(res.body).not.toMatch(/P\d|Report/);
  });

  test('a country filter narrows the people and offers', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/reports/summary?country=IQ',
      headers: await as('programme_manager'),
    });
    expect(res.json().people.total).toBe(2);
    expect(res.json().vacancies.open).toBe(0);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/reports/summary?country=iraq',
      headers: await as('programme_manager'),
    });
    expect(bad.statusCode).toBe(400);
  });

  test('a case manager sees only their organisation; employers, people and anonymous callers are refused', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/reports/summary',
      headers: await as('case_manager', missionB),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().scope.organisationId).toBe(missionB);
    expect(res.json().people.total).toBe(2);
    expect(res.json().referrals.total).toBe(0);
    for (const role of ['employer', 'training_provider', 'person'] as const) {
      const refused = await t.app.inject({
        method: 'GET',
        url: '/api/reports/summary',
        headers: await as(role, missionA),
      });
      expect(refused.statusCode, role).toBe(403);
    }
    const anonymous = await createTestApp(kind, { actor: null });
    try {
      expect((await anonymous.app.inject({ method: 'GET', url: '/api/reports/summary' })).statusCode).toBe(
        401,
      );
    } finally {
      await anonymous.close();
    }
  });
});
