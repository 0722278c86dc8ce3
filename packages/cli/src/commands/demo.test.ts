import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { snapshotTables, type Database } from '@passerelle/db';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { demoIds } from '@passerelle/demo';
import { databaseHasNoPeople, seedDemoData } from './demo';

describe.each(testDatabaseKinds())('demo seeding on $name', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await kind.create());
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  const size = { people: 30, vacancies: 25, trainings: 8, referrals: 10, seed: 3 };

  test('seeds people, organisations, vacancies, trainings and referrals with their histories', async () => {
    expect(await databaseHasNoPeople(database)).toBe(true);
    const summary = await seedDemoData(database, size);
    expect(summary.people.created).toBe(30);
    expect(summary.vacancies.created).toBe(25);
    expect(summary.trainings.created).toBe(8);
    expect(summary.referrals).toBeGreaterThan(0);
    expect(await databaseHasNoPeople(database)).toBe(false);
    const [employer] = await database.query<{ kind: string; vacancies: number }>(
      `select o.kind, (select count(*)::int from vacancies v where v.employer_id = o.id) as vacancies
       from organisations o where o.id = $1`,
      [demoIds.employer],
    );
    expect(employer?.kind).toBe('employer');
    expect(employer?.vacancies).toBeGreaterThan(0);
    const statuses = await database.query<{ status: string }>('select distinct status from referrals');
    expect(statuses.length).toBeGreaterThan(1);
    const [history] = await database.query<{ n: number }>('select count(*)::int as n from referral_history');
    expect(history!.n).toBeGreaterThanOrEqual(summary.referrals);
  });

  test('seeding again with the same seed leaves the database identical', async () => {
    const before = await snapshotTables(database);
    const again = await seedDemoData(database, size);
    expect(again.people).toEqual({ created: 0, updated: 0, unchanged: 30 });
    expect(again.referrals).toBe(0);
    expect(await snapshotTables(database)).toEqual(before);
  });
});

describe.each(testDatabaseKinds().slice(0, 1))('demo accounts over demo data on $name', (kind) => {
  test('the demo accounts belong to the demo organisations, with caseloads that consent to matching and referral', async () => {
    const { parseConfig } = await import('@passerelle/core');
    const { buildApp } = await import('@passerelle/server');
    const { database, config: dbConfig, drop } = await kind.create();
    await seedDemoData(database, { people: 60, vacancies: 20, trainings: 5, referrals: 5, seed: 4 });
    const app = await buildApp({
      config: { ...parseConfig({ LOG_LEVEL: 'silent' }), demo: true, database: dbConfig },
      database,
    });
    try {
      const signIn = async (email: string) => {
        const res = await app.inject({ method: 'POST', url: '/api/auth/demo/sign-in', payload: { email } });
        expect(res.statusCode, res.body).toBe(200);
        return {
          cookie: String(res.headers['set-cookie']).split(';')[0]!,
          'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken,
        };
      };
      const caseManager = await signIn('case.manager@demo.passerelle.test');
      const session = await app.inject({ method: 'GET', url: '/api/auth/session', headers: caseManager });
      const me = session.json().user as { id: string; organisationId: string };
      expect(me.organisationId).toBe(demoIds.missionGeorgia);
      const caseload = await app.inject({
        method: 'GET',
        url: `/api/people?caseManagerId=${me.id}&limit=50`,
        headers: caseManager,
      });
      expect(caseload.statusCode).toBe(200);
      const people = caseload.json().items as { id: string; externalId: string }[];
      expect(people.length).toBeGreaterThan(0);
      // The seed decides the caseload (the demo rows share one creation time and have random ids):
      // the mission's people first by external id.
      const first = await database.query<{ external_id: string }>(
        `select external_id from people where owning_organisation_id = $1 order by external_id limit $2`,
        [demoIds.missionGeorgia, people.length],
      );
      expect(people.map((p) => p.externalId).sort()).toEqual(first.map((r) => r.external_id));
      // Their matches show without further set-up: they consented to matching by the programme.
      const matches = await app.inject({
        method: 'GET',
        url: `/api/people/${people[0]!.id}/matches?kind=vacancy`,
        headers: caseManager,
      });
      expect(matches.statusCode, matches.body).toBe(200);

      // They consented to referral to employers too: the case manager refers one to the demo
      // employer's vacancy, and the demo employer sees the referral.
      const [vacancy] = await database.query<{ id: string }>(
        'select id::text as id from vacancies where employer_id = $1 order by id limit 1',
        [demoIds.employer],
      );
      const referral = await app.inject({
        method: 'POST',
        url: '/api/referrals',
        headers: caseManager,
        payload: { personId: people[0]!.id, targetKind: 'vacancy', targetId: vacancy!.id },
      });
      expect(referral.statusCode, referral.body).toBe(201);
      const employer = await signIn('employer@demo.passerelle.test');
      const received = await app.inject({
        method: 'GET',
        url: '/api/referrals?limit=100',
        headers: employer,
      });
      expect(received.statusCode, received.body).toBe(200);
      expect((received.json().items as { id: string }[]).map((r) => r.id)).toContain(referral.json().id);

      const counsellor = await signIn('counsellor@demo.passerelle.test');
      const theirs = await app.inject({ method: 'GET', url: '/api/people?limit=50', headers: counsellor });
      expect(theirs.json().items.length).toBeGreaterThan(0);
      const toTraining = await app.inject({
        method: 'POST',
        url: '/api/referrals',
        headers: counsellor,
        payload: {
          personId: (theirs.json().items as { id: string }[])[0]!.id,
          targetKind: 'training',
          targetId: (
            await database.query<{ id: string }>('select id::text as id from training_offers limit 1')
          )[0]!.id,
        },
      });
      expect(toTraining.statusCode, toTraining.body).toBe(201);

      const person = await signIn('person@demo.passerelle.test');
      const self = (await app.inject({ method: 'GET', url: '/api/auth/session', headers: person })).json()
        .user as {
        personId: string;
      };
      expect(people.map((p) => p.id)).toContain(self.personId);
      const own = await app.inject({ method: 'GET', url: `/api/people/${self.personId}`, headers: person });
      expect(own.statusCode).toBe(200);
      const other = people.find((p) => p.id !== self.personId)!;
      const notOwn = await app.inject({ method: 'GET', url: `/api/people/${other.id}`, headers: person });
      expect(notOwn.statusCode).toBe(403);
    } finally {
      await app.close();
      await database.close();
      await drop();
    }
  });
});
