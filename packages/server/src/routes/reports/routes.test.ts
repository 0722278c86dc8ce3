import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { createTestApp } from '../../testing';
import { signInTestUser } from '../../auth/testing';
import { suppressColumn, suppressIndicators, suppressSmall } from './routes';

test('counts of 1 to 4 are suppressed; zero and 5 or more are shown', () => {
  expect([0, 1, 4, 5, 12].map(suppressSmall)).toEqual([0, null, null, 5, 12]);
});

test('when a breakdown hides one count, the smallest other count is hidden too, so the total cannot give it away', () => {
  expect(suppressColumn([9, 5, 4, 7])).toEqual({ cells: [9, null, null, 7], total: 25 });
  expect(suppressColumn([2, 3, 8])).toEqual({ cells: [null, null, 8], total: 13 });
  expect(suppressColumn([6, 0, 5])).toEqual({ cells: [6, 0, 5], total: 11 });
});

test('a total is hidden when it is small, or when one count alone is hidden (it would be the total minus the rest)', () => {
  expect(suppressColumn([3])).toEqual({ cells: [null], total: null });
  expect(suppressColumn([3, 0])).toEqual({ cells: [null, 0], total: null });
  expect(suppressColumn([2, 2, 0])).toEqual({ cells: [null, null, 0], total: null });
  expect(suppressColumn([0, 0])).toEqual({ cells: [0, 0], total: 0 });
  // Marked by another column: hidden whatever its size, and treated as any hidden count.
  expect(suppressColumn([7, 9, 6], [false, true, false])).toEqual({ cells: [7, null, null], total: 22 });
});

test('in work at 6 months is hidden where reached and in work differ by 1 to 4, and its total likewise', () => {
  const row = (key: string, reached6m: number, employed6m: number) => ({
    key,
    people: 50,
    referred: 20,
    placed: 10,
    trained: 10,
    reached6m,
    employed6m,
  });
  const { groups, total } = suppressIndicators([row('a', 9, 6), row('b', 8, 8), row('c', 10, 2)]);
  // 'a': 3 reached and not in work would show, so hidden; 'c' (2) is small itself.
  expect(groups.map((g) => g.employed6m)).toEqual([null, 8, null]);
  expect(groups.map((g) => g.reached6m)).toEqual([9, 8, 10]);
  expect(total.employed6m).toBe(16);
  const apart = suppressIndicators([row('a', 9, 9), row('b', 8, 8), row('c', 10, 7)]);
  // 'c' (3 not in work) hidden, and the smallest other (8) beside it.
  expect(apart.groups.map((g) => g.employed6m)).toEqual([9, null, null]);
  // 27 reached, 24 in work: the total would say 3 were not; hidden.
  expect(apart.total.employed6m).toBeNull();
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
    // 3 referrals: a total that small is hidden too.
    expect(body.referrals.total).toBeNull();
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
    // Only Iraq's 2, hidden, and their total with them.
    expect(res.json().people).toEqual({ total: null, byReturnCountry: [{ key: 'IQ', count: null }] });
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
    expect(res.json().people).toEqual({ total: null, byReturnCountry: [{ key: 'IQ', count: null }] });
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

describe.each(testDatabaseKinds())('programme indicators on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let mission: string;
  let other: string;
  const as = (role: string, organisationId: string | null = null) =>
    signInTestUser(t.database, { role, organisationId });
  const post = async (url: string, payload: object, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: 'POST', url, payload, headers });
    expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
    return res.json() as { id: string; version: number };
  };
  /** Moves a referral through `steps`, each with the version the last one returned. */
  const walk = async (referral: { id: string; version: number }, ...steps: string[]) => {
    let version = referral.version;
    for (const to of steps)
      version = (await post(`/api/referrals/${referral.id}/status`, { to }, { 'if-match': `"${version}"` }))
        .version;
  };
  const get = async (query: string, role = 'programme_manager', organisationId: string | null = null) =>
    t.app.inject({
      method: 'GET',
      url: `/api/reports/indicators${query}`,
      headers: await as(role, organisationId),
    });
  // Born so as to be 39–40 and 21–22 years old whenever the test runs.
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    t = await createTestApp(kind);
    mission = (await post('/api/organisations', { kind: 'mission', name: 'Mission', country: 'GE' })).id;
    other = (await post('/api/organisations', { kind: 'mission', name: 'Other', country: 'IQ' })).id;
    const employer = (await post('/api/organisations', { kind: 'employer', name: 'Garage', country: 'GE' }))
      .id;
    const vacancy = (
      await post('/api/vacancies', { employerId: employer, title: 'Mechanic', location: { country: 'GE' } })
    ).id;
    const training = (
      await post('/api/trainings', { providerId: employer, title: 'Welding', type: 'on_the_job' })
    ).id;
    // Six women of about 40 in programme AVRR: five placed in the job and trained; the sixth not referred.
    for (let i = 0; i < 6; i++) {
      const p = await post('/api/people', {
        givenName: `W${i}`,
        familyName: 'Indicator',
        sex: 'female',
        birthDate: `${year - 40}-01-01`,
        owningOrganisationId: mission,
        returnInfo: { returnCountry: 'GE', programme: 'AVRR' },
      });
      const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
      const contact = (body: object) =>
        post(`/api/people/${p.id}/follow-ups`, { on: day(0), channel: 'phone', reached: true, ...body });
      if (i === 5) {
        // Reached at 6 months, but not about a placement the programme made: not counted.
        await contact({ months: 6, employed: 'no' });
        continue;
      }
      await post(`/api/people/${p.id}/consents`, {
        purpose: 'referral',
        recipientOrganisationId: employer,
        method: 'signed_form',
      });
      const job = await post('/api/referrals', { personId: p.id, targetKind: 'vacancy', targetId: vacancy });
      await walk(job, 'sent', 'accepted', 'started');
      const course = await post('/api/referrals', {
        personId: p.id,
        targetKind: 'training',
        targetId: training,
      });
      await walk(course, 'sent', 'accepted', 'started', 'completed');
      // The five placed are reached at their 6-month follow-up. The first was not in work at 3
      // months (not counted); the last said yes, then no in a later contact (the latest counts).
      if (i === 0) await contact({ referralId: job.id, months: 3, employed: 'no' });
      if (i === 4) await contact({ referralId: job.id, months: 6, employed: 'yes', on: day(1) });
      await contact({ referralId: job.id, months: 6, employed: i === 4 ? 'no' : 'yes' });
      // Two referrals sent each (the job and the course): "referred" counts each woman once.
    }
    // Five men of about 21 in programme AVRR, proposed for the job but not sent: not referred.
    for (let i = 0; i < 5; i++) {
      const p = await post('/api/people', {
        givenName: `M${i}`,
        familyName: 'Indicator',
        sex: 'male',
        birthDate: `${year - 22}-${String(1 + i).padStart(2, '0')}-01`,
        owningOrganisationId: mission,
        returnInfo: { returnCountry: 'GE', programme: 'AVRR' },
      });
      await post(`/api/people/${p.id}/consents`, {
        purpose: 'referral',
        recipientOrganisationId: employer,
        method: 'signed_form',
      });
      await post('/api/referrals', { personId: p.id, targetKind: 'vacancy', targetId: vacancy });
    }
    // One person of the other organisation with nothing recorded.
    await post('/api/people', { givenName: 'X', familyName: 'Indicator', owningOrganisationId: other });
  });
  afterAll(async () => t.close());

  test('by sex: each indicator counts people once; a lone small count hides the next smallest too', async () => {
    const res = await get('?by=sex');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toEqual({
      people: 12,
      referred: 5,
      placed: 5,
      trained: 5,
      reached6m: 5,
      employed6m: null,
    });
    expect(body.groups).toEqual([
      // 5 reached at 6 months, 4 of them in work: the 1 not in work would show; hidden.
      { key: 'female', people: 6, referred: 5, placed: 5, trained: 5, reached6m: 5, employed6m: null },
      // 5 men would give away the 1 unknown with the total: both hidden.
      { key: 'male', people: null, referred: 0, placed: 0, trained: 0, reached6m: 0, employed6m: 0 },
      { key: 'unknown', people: null, referred: 0, placed: 0, trained: 0, reached6m: 0, employed6m: 0 },
    ]);
    expect(body.asOf).toBe(new Date().toISOString().slice(0, 10));
    expect(res.body).not.toMatch(/Indicator|W\d|M\d/);
  });

  test('by age group: bands youngest first, no birth date last', async () => {
    const body = (await get('?by=ageGroup')).json();
    expect(body.groups.map((g: { key: string }) => g.key)).toEqual(['18-24', '35-44', 'unknown']);
    expect(body.groups[1]).toEqual({
      key: '35-44',
      people: 6,
      referred: 5,
      placed: 5,
      trained: 5,
      reached6m: 5,
      employed6m: null,
    });
  });

  test('by programme and country of return, filtered by programme; a case manager sees their organisation only', async () => {
    const byProgramme = (await get('?by=programme')).json();
    expect(byProgramme.groups.map((g: { key: string }) => g.key)).toEqual(['AVRR', 'unknown']);
    // 11 and 1: the 1 is hidden, and the 11 with it (the total would give it away).
    expect(byProgramme.groups[0]).toEqual({
      key: 'AVRR',
      people: null,
      referred: 5,
      placed: 5,
      trained: 5,
      reached6m: 5,
      employed6m: null,
    });
    const avrr = (await get('?by=returnCountry&programme=AVRR')).json();
    expect(avrr.total.people).toBe(11);
    expect(avrr.groups).toEqual([
      { key: 'GE', people: 11, referred: 5, placed: 5, trained: 5, reached6m: 5, employed6m: null },
    ]);
    const own = (await get('?by=sex', 'case_manager', other)).json();
    expect(own.scope.organisationId).toBe(other);
    expect(own.total).toEqual({
      people: null,
      referred: 0,
      placed: 0,
      trained: 0,
      reached6m: 0,
      employed6m: 0,
    });
    expect((await get('?by=sex', 'employer', mission)).statusCode).toBe(403);
  });

  test('a table to download: CSV with a total row and suppressed counts as empty cells; XLSX too', async () => {
    const csv = await get('?by=sex&format=csv');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="indicators-by-sex.csv"');
    expect(
      csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    ).toEqual([
      'sex,people,referred,placed,trained,reached6m,employed6m',
      'female,6,5,5,5,5,',
      'male,,0,0,0,0,0',
      'unknown,,0,0,0,0,0',
      'total,12,5,5,5,5,',
    ]);
    const xlsx = await get('?by=ageGroup&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  test('an unknown breakdown or format is a 400 with the field named', async () => {
    for (const q of ['?by=religion', '?by=sex&format=pdf', '?country=georgia']) {
      const res = await get(q);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
  });
});
