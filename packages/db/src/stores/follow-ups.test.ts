import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { followUpInput, personInput, vacancyInput, type FollowUpInputDraft } from '@passerelle/core';
import { testDatabaseKinds } from '../testing/index';
import type { Database } from '../database';
import { createFollowUpStore } from './follow-ups';
import { createOrganisationStore } from './organisations';
import { createPersonStore } from './people';
import { createReferralStore } from './referrals';
import { createVacancyStore } from './vacancies';

describe.each(testDatabaseKinds())('follow-up store on $name', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  let vacancyId: string;
  const store = () => createFollowUpStore(database.db);
  const newPerson = async () =>
    (await createPersonStore(database.db).create(personInput.parse({ givenName: 'F' }), randomUUID())).id;
  const newPlacement = async (personId: string) =>
    (
      await createReferralStore(database.db).create(
        { personId, targetKind: 'vacancy', targetId: vacancyId, status: 'sent', on: '2025-01-31' },
        randomUUID(),
      )
    ).id;
  const input = (v: FollowUpInputDraft) => followUpInput.parse(v);
  const reachedEmployed = (personId: string, extra: Partial<FollowUpInputDraft> = {}) =>
    input({ personId, on: '2025-05-02', channel: 'phone', reached: true, employed: 'yes', ...extra });

  beforeAll(async () => {
    ({ database, drop } = await kind.create());
    const employerId = randomUUID();
    await createOrganisationStore(database.db).create({ kind: 'employer', name: 'E', data: {} }, employerId);
    vacancyId = (
      await createVacancyStore(database.db).create(
        vacancyInput.parse({ employerId, title: 'Baker' }),
        randomUUID(),
      )
    ).id;
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  test('creates a follow-up of a placement and reads it back with every answer', async () => {
    const personId = await newPerson();
    const referralId = await newPlacement(personId);
    const created = await store().create(
      reachedEmployed(personId, {
        referralId,
        months: 3,
        sameJob: false,
        monthlyWage: 612.5,
        currency: 'GEL',
        contract: 'permanent',
        satisfaction: 4,
        notes: 'moved to the night shift',
      }),
      randomUUID(),
      { actorId: 'u1' },
    );
    expect(created).toMatchObject({
      personId,
      referralId,
      months: 3,
      on: '2025-05-02',
      channel: 'phone',
      reached: true,
      employed: 'yes',
      sameJob: false,
      monthlyWage: 612.5,
      currency: 'GEL',
      contract: 'permanent',
      satisfaction: 4,
      leftReason: null,
      notes: 'moved to the night shift',
      createdBy: 'u1',
      version: 1,
      archivedAt: null,
    });
    expect(await store().get(created.id)).toEqual(created);
    expect(await store().get(randomUUID())).toBeNull();
  });

  test('a referral of another person is refused on referralId; a missing one or a missing person is invalid_reference', async () => {
    const personId = await newPerson();
    const otherReferral = await newPlacement(await newPerson());
    await expect(
      store().create(reachedEmployed(personId, { referralId: otherReferral }), randomUUID()),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: {
        issues: [expect.objectContaining({ path: ['referralId'], code: 'referral_of_another_person' })],
      },
    });
    await expect(
      store().create(reachedEmployed(personId, { referralId: randomUUID() }), randomUUID()),
    ).rejects.toMatchObject({
      code: 'invalid_reference',
      details: { issues: [expect.objectContaining({ path: ['referralId'], reason: 'missing' })] },
    });
    await expect(store().create(reachedEmployed(randomUUID()), randomUUID())).rejects.toMatchObject({
      code: 'invalid_reference',
      details: { issues: [expect.objectContaining({ path: ['personId'] })] },
    });
    expect((await store().listByPerson(personId, { limit: 10 })).items).toEqual([]);
  });

  test('a job taken up is due for follow-up a month on; each follow-up recorded moves the reminder to the next point', async () => {
    const referrals = createReferralStore(database.db);
    const personId = await newPerson();
    const placement = await newPlacement(personId);
    const today = '2025-12-31';
    await referrals.transition(placement, 1, { to: 'accepted', on: '2025-01-31' }, today);
    const started = await referrals.transition(placement, 2, { to: 'started', on: '2025-01-31' }, today);
    expect(started.followUpOn).toBe('2025-02-28');
    const at = (months: 1 | 3 | 6 | 12, on: string, reached = true) =>
      store().create(
        input({
          personId,
          referralId: placement,
          months,
          on,
          channel: 'phone',
          reached,
          ...(reached ? { employed: 'yes' as const } : {}),
        }),
        randomUUID(),
        { actorId: 'u1' },
      );
    // A missed call leaves the 1-month point due.
    await at(1, '2025-03-01', false);
    expect((await referrals.get(placement))!).toMatchObject({ followUpOn: '2025-02-28', version: 3 });
    await at(1, '2025-03-03');
    const after1 = (await referrals.get(placement))!;
    expect(after1).toMatchObject({ followUpOn: '2025-04-30', version: 4 });
    const history = (await referrals.history(placement, { limit: 20 })).items;
    expect(history.some((h) => h.action === 'updated' && h.changedFields.includes('followUpOn'))).toBe(true);
    // A date the counsellor set after the contact stays.
    await referrals.update(placement, 4, { followUpOn: '2025-05-15' });
    await at(3, '2025-05-02');
    expect((await referrals.get(placement))!.followUpOn).toBe('2025-05-15');
    // Once the date has passed, the next contact moves it on; after the 12-month one none is left.
    await at(6, '2025-07-31');
    expect((await referrals.get(placement))!.followUpOn).toBe('2026-01-31');
    await at(12, '2026-02-02');
    expect((await referrals.get(placement))!.followUpOn).toBeNull();
  });

  test('lists by person and by referral, newest contact first, page by page', async () => {
    const personId = await newPerson();
    const a = await newPlacement(personId);
    const ids: string[] = [];
    for (const [on, months, referralId] of [
      ['2025-03-01', 1, a],
      ['2025-05-01', 3, a],
      ['2025-04-15', null, null],
    ] as const) {
      ids.push(
        (await store().create(reachedEmployed(personId, { on, months, referralId }), randomUUID())).id,
      );
    }
    await store().create(reachedEmployed(await newPerson()), randomUUID());
    const first = await store().listByPerson(personId, { limit: 2 });
    expect(first.items.map((f) => f.on)).toEqual(['2025-05-01', '2025-04-15']);
    const second = await store().listByPerson(personId, { limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((f) => f.on)).toEqual(['2025-03-01']);
    expect(second.nextCursor).toBeNull();
    expect((await store().listByReferral(a, { limit: 10 })).items.map((f) => f.months)).toEqual([3, 1]);
    expect((await store().listByPerson(personId, { limit: 10, referralId: a })).items).toHaveLength(2);
  });

  test('an update replaces the answers under the expected version; a stale version is version_conflict', async () => {
    const personId = await newPerson();
    const f = await store().create(
      reachedEmployed(personId, { monthlyWage: 100, currency: 'EUR' }),
      randomUUID(),
    );
    const updated = await store().update(
      f.id,
      1,
      input({
        personId,
        on: '2025-05-03',
        channel: 'in_person',
        reached: true,
        employed: 'no',
        leftReason: 'health',
      }),
    );
    expect(updated).toMatchObject({
      version: 2,
      employed: 'no',
      leftReason: 'health',
      monthlyWage: null,
      currency: null,
      on: '2025-05-03',
    });
    await expect(store().update(f.id, 1, reachedEmployed(personId))).rejects.toMatchObject({
      code: 'version_conflict',
      details: { expected: 1, actual: 2 },
    });
    await expect(store().update(randomUUID(), 1, reachedEmployed(personId))).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  test('remove deletes under the expected version', async () => {
    const personId = await newPerson();
    const f = await store().create(reachedEmployed(personId), randomUUID());
    await expect(store().remove(f.id, 3)).rejects.toMatchObject({ code: 'version_conflict' });
    expect(await store().remove(f.id, 1)).toEqual({ outcome: 'deleted', id: f.id });
    expect(await store().get(f.id)).toBeNull();
    await expect(store().remove(f.id, 1)).rejects.toMatchObject({ code: 'not_found' });
  });

  test('erasing a person removes their follow-ups; merging moves them to the survivor; a person with follow-ups is archived, not deleted', async () => {
    const people = createPersonStore(database.db);
    const survivor = await newPerson();
    const duplicate = await newPerson();
    const referralId = await newPlacement(duplicate);
    const f = await store().create(reachedEmployed(duplicate, { referralId, months: 1 }), randomUUID());
    await people.merge(survivor, 1, duplicate);
    expect(await store().get(f.id)).toMatchObject({ personId: survivor, referralId, version: 2 });
    expect((await store().exportForPerson(survivor)).map((x) => x.id)).toEqual([f.id]);

    const kept = await newPerson();
    await store().create(reachedEmployed(kept), randomUUID());
    expect((await people.remove(kept, 1)).outcome).toBe('archived');

    const removed = await people.erase(survivor);
    expect(removed).toBeGreaterThanOrEqual(4);
    expect(await store().get(f.id)).toBeNull();
    expect(await store().exportForPerson(survivor)).toEqual([]);
  });
});
