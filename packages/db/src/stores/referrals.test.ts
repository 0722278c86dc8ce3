import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { personInput, serviceInput, trainingInput, vacancyInput, type ReferralStore } from '@passerelle/core';
import { testDatabaseKinds } from '../testing/index';
import type { Database } from '../database';
import { createOrganisationStore } from './organisations';
import { createPersonStore } from './people';
import { createReferralStore } from './referrals';
import { createServiceStore } from './services';
import { createTrainingStore } from './trainings';
import { createVacancyStore } from './vacancies';

describe.each(testDatabaseKinds())('referral store on $name', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  let store: ReferralStore;
  let employerId: string;
  let vacancyId: string;
  let trainingId: string;
  let serviceId: string;
  const newPerson = async () =>
    (await createPersonStore(database.db).create(personInput.parse({ givenName: 'P' }), randomUUID())).id;

  beforeAll(async () => {
    ({ database, drop } = await kind.create());
    store = createReferralStore(database.db);
    employerId = randomUUID();
    await createOrganisationStore(database.db).create({ kind: 'employer', name: 'E', data: {} }, employerId);
    vacancyId = (
      await createVacancyStore(database.db).create(
        vacancyInput.parse({ employerId, title: 'Welder' }),
        randomUUID(),
      )
    ).id;
    trainingId = (
      await createTrainingStore(database.db).create(
        trainingInput.parse({ providerId: employerId, title: 'Welding', type: 'vocational' }),
        randomUUID(),
      )
    ).id;
    serviceId = (
      await createServiceStore(database.db).create(
        serviceInput.parse({ providerId: employerId, title: 'Loans', category: 'microcredit' }),
        randomUUID(),
      )
    ).id;
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  test('creates referrals to a vacancy, a training and a service, resolving the receiving organisation', async () => {
    const personId = await newPerson();
    for (const [targetKind, targetId] of [
      ['vacancy', vacancyId],
      ['training', trainingId],
      ['service', serviceId],
    ] as const) {
      const r = await store.create(
        { personId, targetKind, targetId, status: 'proposed', on: '2025-02-01' },
        randomUUID(),
        { actorId: 'u1' },
      );
      expect(r).toMatchObject({
        personId,
        targetKind,
        targetId,
        organisationId: employerId,
        status: 'proposed',
        proposedOn: '2025-02-01',
        createdBy: 'u1',
      });
      expect(await store.get(r.id)).toEqual(r);
    }
    expect(await store.targetOrganisation('vacancy', vacancyId)).toBe(employerId);
  });

  test('a second open referral to the same target is a conflict; missing targets and people are invalid_reference', async () => {
    const personId = await newPerson();
    await store.create(
      { personId, targetKind: 'vacancy', targetId: vacancyId, status: 'proposed', on: '2025-02-01' },
      randomUUID(),
    );
    await expect(
      store.create(
        { personId, targetKind: 'vacancy', targetId: vacancyId, status: 'proposed', on: '2025-02-01' },
        randomUUID(),
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      store.create(
        { personId, targetKind: 'training', targetId: randomUUID(), status: 'proposed', on: '2025-02-01' },
        randomUUID(),
      ),
    ).rejects.toMatchObject({
      code: 'invalid_reference',
      details: { issues: [expect.objectContaining({ path: ['targetId'] })] },
    });
    await expect(
      store.create(
        {
          personId: randomUUID(),
          targetKind: 'vacancy',
          targetId: vacancyId,
          status: 'proposed',
          on: '2025-02-01',
        },
        randomUUID(),
      ),
    ).rejects.toMatchObject({
      code: 'invalid_reference',
      details: { issues: [expect.objectContaining({ path: ['personId'] })] },
    });
  });

  test('walks the pipeline, records every change in the history, and refuses invalid steps', async () => {
    const personId = await newPerson();
    const r = await store.create(
      { personId, targetKind: 'training', targetId: trainingId, status: 'proposed', on: '2025-03-01' },
      randomUUID(),
    );
    const today = '2025-06-01';
    const sent = await store.transition(r.id, 1, { to: 'sent', on: '2025-03-02' }, today);
    await expect(
      store.transition(r.id, 2, { to: 'completed', on: '2025-03-03' }, today),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(
      store.transition(r.id, 1, { to: 'accepted', on: '2025-03-03' }, today),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    const accepted = await store.transition(r.id, sent.version, { to: 'accepted', on: '2025-03-05' }, today);
    const started = await store.transition(
      r.id,
      accepted.version,
      { to: 'started', on: '2025-03-10' },
      today,
    );
    await expect(
      store.transition(r.id, started.version, { to: 'dropped', on: '2025-03-11' }, today),
    ).rejects.toMatchObject({
      details: { reason: 'reason_required' },
    });
    const dropped = await store.transition(
      r.id,
      started.version,
      { to: 'dropped', on: '2025-04-01', reasonCode: 'transport' },
      today,
    );
    expect(dropped).toMatchObject({
      status: 'dropped',
      sentOn: '2025-03-02',
      respondedOn: '2025-03-05',
      startedOn: '2025-03-10',
      endedOn: '2025-04-01',
      reasonCode: 'transport',
    });
    const history = await store.history(r.id, { limit: 2 });
    expect(history.items.map((h) => h.toStatus)).toEqual(['proposed', 'sent']);
    const rest = await store.history(r.id, { limit: 10, cursor: history.nextCursor! });
    expect(rest.items.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      ['sent', 'accepted'],
      ['accepted', 'started'],
      ['started', 'dropped'],
    ]);
    // Once final, a new referral to the same target is allowed.
    await store.create(
      { personId, targetKind: 'training', targetId: trainingId, status: 'proposed', on: '2025-05-01' },
      randomUUID(),
    );
  });

  test('updates the descriptive fields; deletes a fresh proposal and archives a sent referral', async () => {
    const personId = await newPerson();
    const r = await store.create(
      { personId, targetKind: 'service', targetId: serviceId, status: 'proposed', on: '2025-03-01' },
      randomUUID(),
    );
    const u = await store.update(r.id, 1, { notes: 'call on Monday', followUpOn: '2025-03-10' });
    expect(u).toMatchObject({ notes: 'call on Monday', version: 2 });
    const h = await store.history(r.id, { limit: 10 });
    expect(h.items.at(-1)).toMatchObject({ action: 'updated', changedFields: ['followUpOn', 'notes'] });
    const fresh = await store.create(
      { personId, targetKind: 'vacancy', targetId: vacancyId, status: 'proposed', on: '2025-03-01' },
      randomUUID(),
    );
    expect(await store.remove(fresh.id, 1)).toEqual({ outcome: 'deleted', id: fresh.id });
    const sent = await store.create(
      { personId, targetKind: 'vacancy', targetId: vacancyId, status: 'sent', on: '2025-03-01' },
      randomUUID(),
    );
    const removed = await store.remove(sent.id, 1);
    expect(removed.outcome).toBe('archived');
  });

  test('lists by person, status and target with a cursor', async () => {
    const personId = await newPerson();
    await store.create(
      { personId, targetKind: 'vacancy', targetId: vacancyId, status: 'sent', on: '2025-03-01' },
      randomUUID(),
    );
    await store.create(
      { personId, targetKind: 'training', targetId: trainingId, status: 'proposed', on: '2025-03-01' },
      randomUUID(),
    );
    await store.create(
      { personId, targetKind: 'service', targetId: serviceId, status: 'proposed', on: '2025-03-01' },
      randomUUID(),
    );
    const p1 = await store.list({
      personId,
      limit: 2,
      includeArchived: false,
      sort: 'createdAt',
      order: 'desc',
    });
    const p2 = await store.list({
      personId,
      limit: 2,
      cursor: p1.nextCursor!,
      includeArchived: false,
      sort: 'createdAt',
      order: 'desc',
    });
    expect([...p1.items, ...p2.items]).toHaveLength(3);
    expect(p2.nextCursor).toBeNull();
    const sent = await store.list({
      personId,
      status: 'sent',
      limit: 10,
      includeArchived: false,
      sort: 'createdAt',
      order: 'asc',
    });
    expect(sent.items.map((r) => r.targetKind)).toEqual(['vacancy']);
    const byTarget = await store.list({
      personId,
      targetId: trainingId,
      limit: 10,
      includeArchived: false,
      sort: 'createdAt',
      order: 'asc',
    });
    expect(byTarget.items).toHaveLength(1);
  });
  test('lists the referrals of a case manager, open or final, soonest follow-up first', async () => {
    const manager = `counsellor-${randomUUID()}`;
    const people = createPersonStore(database.db);
    const mine = (
      await people.create(personInput.parse({ givenName: 'M', caseManagerIds: [manager] }), randomUUID())
    ).id;
    const other = await newPerson();
    type Kind = 'vacancy' | 'training' | 'service';
    const targets = { vacancy: vacancyId, training: trainingId, service: serviceId };
    const make = async (personId: string, kind: Kind, followUpOn: string | null, dropped = false) => {
      let r = await store.create(
        { personId, targetKind: kind, targetId: targets[kind], status: 'sent', on: '2025-03-01' },
        randomUUID(),
      );
      if (followUpOn) r = await store.update(r.id, r.version, { followUpOn });
      if (dropped)
        r = await store.transition(
          r.id,
          r.version,
          { to: 'dropped', on: '2025-03-05', reasonCode: 'transport' },
          '2025-06-01',
        );
      return r.id;
    };
    // A referral to the vacancy was dropped; a new one to it is open.
    const closed = await make(mine, 'vacancy', '2025-04-01', true);
    const late = await make(mine, 'vacancy', '2025-04-20');
    const soon = await make(mine, 'training', '2025-04-02');
    const none = await make(mine, 'service', null);
    await make(other, 'vacancy', '2025-04-01');
    const base = { limit: 10, includeArchived: false, sort: 'followUpOn', order: 'asc' } as const;

    const open = await store.list({ ...base, caseManagerId: manager, open: true });
    expect(open.items.map((r) => r.id)).toEqual([soon, late, none]);
    const final = await store.list({ ...base, caseManagerId: manager, open: false });
    expect(final.items.map((r) => r.id)).toEqual([closed]);
    const due = await store.list({
      ...base,
      caseManagerId: manager,
      open: true,
      followUpBefore: '2025-04-10',
    });
    expect(due.items.map((r) => r.id)).toEqual([soon]);

    // Pages of one keep the order, across the referral without a follow-up date.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.list({ ...base, limit: 1, caseManagerId: manager, open: true, cursor });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([soon, late, none]);
    const desc = await store.list({ ...base, order: 'desc', caseManagerId: manager });
    expect(desc.items.map((r) => r.id)).toEqual([none, late, soon, closed]);
  });
});
