import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { createTestApp } from '../testing';
import { twoEmployers } from './testing';

/**
 * An employer may import vacancies of their own organisation only: each row is checked like a
 * create or an update through the API (C8), so a file cannot write for another employer, take over
 * another employer's vacancy by its external id, or create a new employer.
 */
describe.each(testDatabaseKinds().slice(0, 1))('imports by an employer on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let own: string;
  let other: string;
  let employer: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ own, other, employer } = await twoEmployers(t.database));
    const theirs = await t.app.inject({
      method: 'POST',
      url: '/api/vacancies',
      payload: { employerId: other, title: 'Baker', externalId: 'bakery-1' },
    });
    expect(theirs.statusCode, theirs.body).toBe(201);
  });
  afterAll(async () => t.close());

  const upload = (csv: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/imports/vacancies',
      payload: csv,
      headers: { ...employer, 'content-type': 'text/csv' },
    });

  test('vacancies of their own organisation are imported', async () => {
    const res = await upload(`external_id,employer_id,title\ngarage-1,${own},Mechanic\n`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, created: 1 });
  });

  test('a row for another employer, a takeover by external id or a new employer refuses the whole file', async () => {
    for (const csv of [
      `external_id,employer_id,title\ngarage-2,${own},Painter\ngarage-3,${other},Baker\n`,
      `external_id,employer_id,title\nbakery-1,${own},Baker\n`,
      `external_id,employer_external_id,employer_name,title\ngarage-4,new-emp,New Employer,Welder\n`,
    ]) {
      const res = await upload(csv);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().details.issues).toEqual([expect.objectContaining({ code: 'forbidden' })]);
    }
    const bakery = await t.app.inject({ method: 'GET', url: '/api/vacancies?externalId=bakery-1' });
    expect(bakery.json().items[0]).toMatchObject({ employerId: other, title: 'Baker' });
    const all = await t.app.inject({ method: 'GET', url: '/api/vacancies' });
    expect(
      all
        .json()
        .items.map((v: { externalId: string }) => v.externalId)
        .sort(),
    ).toEqual(['bakery-1', 'garage-1']);
    const orgs = await t.app.inject({ method: 'GET', url: '/api/organisations?q=New%20Employer' });
    expect(orgs.json().items).toHaveLength(0);
  });
});
