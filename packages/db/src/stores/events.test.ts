import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventInput, personInput, type EventInputDraft, type EventStore } from '@passerelle/core';
import { testDatabaseKinds } from '../testing/index';
import type { Database } from '../database';
import { createEventStore } from './events';
import { createOrganisationStore } from './organisations';
import { createPersonStore } from './people';

describe.each(testDatabaseKinds())('event store on $name', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  let store: EventStore;
  let orgA: string;
  let orgB: string;
  let personA: string;
  let personB: string;
  const input = (v: Partial<EventInputDraft> = {}) =>
    eventInput.parse({
      type: 'job_fair',
      title: 'Job fair Tunis',
      startsAt: '2025-05-10T09:00:00.000Z',
      ...v,
    });

  beforeAll(async () => {
    ({ database, drop } = await kind.create());
    store = createEventStore(database.db);
    const orgs = createOrganisationStore(database.db);
    orgA = randomUUID();
    orgB = randomUUID();
    await orgs.create({ kind: 'employer', name: 'A', data: {} }, orgA);
    await orgs.create({ kind: 'employer', name: 'B', data: {} }, orgB);
    const people = createPersonStore(database.db);
    personA = (await people.create(personInput.parse({ givenName: 'Salma' }), randomUUID())).id;
    personB = (await people.create(personInput.parse({ givenName: 'Hedi' }), randomUUID())).id;
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  test('creates an event with attending employers and people, and reads them back in order', async () => {
    const created = await store.create(
      input({
        organiserId: orgA,
        location: { country: 'TN', city: 'Tunis' },
        organisations: [{ organisationId: orgB }, { organisationId: orgA, role: 'sponsor' }],
        people: [{ personId: personB, status: 'attended' }, { personId: personA }],
      }),
      randomUUID(),
    );
    expect(created.organisations).toEqual([
      { organisationId: orgB, role: 'exhibitor' },
      { organisationId: orgA, role: 'sponsor' },
    ]);
    expect(await store.get(created.id)).toEqual(created);
    const byPerson = await store.list({
      personId: personA,
      limit: 10,
      includeArchived: false,
      sort: 'startsAt',
      order: 'asc',
    });
    expect(byPerson.items.map((e) => e.id)).toEqual([created.id]);
    const byOrg = await store.list({
      organisationId: orgB,
      limit: 10,
      includeArchived: false,
      sort: 'startsAt',
      order: 'asc',
    });
    expect(byOrg.items[0]?.people).toHaveLength(2);
  });

  test('unknown attendees are invalid_reference with their position', async () => {
    await expect(
      store.create(input({ people: [{ personId: personA }, { personId: randomUUID() }] }), randomUUID()),
    ).rejects.toMatchObject({
      code: 'invalid_reference',
      details: { issues: [expect.objectContaining({ path: ['people', 1, 'personId'] })] },
    });
  });

  test('updates attendance; an event with people is archived on delete, an empty one deleted', async () => {
    const e = await store.create(input({ title: 'Training fair', type: 'training_fair' }), randomUUID());
    const u = await store.update(
      e.id,
      1,
      input({ title: 'Training fair', type: 'training_fair', people: [{ personId: personA }] }),
    );
    expect(u.people).toEqual([{ personId: personA, status: 'registered' }]);
    await expect(store.update(e.id, 1, input())).rejects.toMatchObject({ code: 'version_conflict' });
    expect((await store.remove(e.id, 2)).outcome).toBe('archived');
    const empty = await store.create(input({ title: 'Empty' }), randomUUID());
    expect(await store.remove(empty.id, 1)).toEqual({ outcome: 'deleted', id: empty.id });
  });

  test('lists by date window with a cursor', async () => {
    for (let d = 1; d <= 5; d++)
      await store.create(
        input({ title: `Day ${d}`, startsAt: `2026-01-0${d}T10:00:00Z`, location: { country: 'MN' } }),
        randomUUID(),
      );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.list({
        country: 'MN',
        from: '2026-01-02',
        until: '2026-01-04',
        limit: 2,
        cursor,
        includeArchived: false,
        sort: 'startsAt',
        order: 'desc',
      });
      seen.push(...page.items.map((e) => e.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['Day 4', 'Day 3', 'Day 2']);
  });
});
