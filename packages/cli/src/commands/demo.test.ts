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
