import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  personInput,
  selectExpiredPeople,
  vacancyInput,
  type PersonInputDraft,
  type PersonStore,
} from '@passerelle/core';
import { testDatabaseKinds } from '../testing/index';
import type { Database } from '../database';
import { createOrganisationStore } from './organisations';
import { createPersonStore, mergePersonData } from './people';
import { createReferralStore } from './referrals';
import { createVacancyStore } from './vacancies';

const person = (p: PersonInputDraft) => personInput.parse(p);

test('merging keeps the survivor values, fills its gaps and unites names and documents', () => {
  const merged = mergePersonData(
    person({
      givenName: 'Mohamed',
      familyName: 'Hassan',
      birthDate: '1990-01-01',
      identityDocuments: [{ type: 'passport', number: 'A1' }],
    }),
    person({
      givenName: 'محمد',
      familyName: 'حسن',
      birthDate: '1991-01-01',
      contact: { phone: '+964 750 000 0000' },
      identityDocuments: [{ type: 'national_id', number: 'N2' }],
      caseManagerIds: ['u2'],
    }),
  );
  expect(merged.birthDate).toBe('1990-01-01');
  expect(merged.contact.phone).toBe('+964 750 000 0000');
  expect(merged.otherNames.map((n) => n.value)).toEqual(['محمد حسن']);
  expect(merged.identityDocuments.map((d) => d.number)).toEqual(['A1', 'N2']);
  expect(merged.caseManagerIds).toEqual(['u2']);
});

test("merging keeps the survivor's case status: a closed duplicate does not close it, an open one does not reopen it", () => {
  const closed = person({ givenName: 'Old', caseClosure: { on: '2024-02-01', reason: 'deceased' } });
  const open = person({ givenName: 'New' });
  expect(mergePersonData(open, closed).caseClosure ?? null).toBeNull();
  expect(mergePersonData(closed, open).caseClosure).toEqual({ on: '2024-02-01', reason: 'deceased' });
});

describe.each(testDatabaseKinds())('person store on $name', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  let store: PersonStore;
  let orgId: string;

  beforeAll(async () => {
    ({ database, drop } = await kind.create());
    store = createPersonStore(database.db);
    orgId = randomUUID();
    await createOrganisationStore(database.db).create(
      { kind: 'mission', name: 'Mission Erbil', country: 'IQ', data: {} },
      orgId,
    );
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  test('creates and reads a full profile, with its completeness and a history entry', async () => {
    const id = randomUUID();
    const created = await store.create(
      person({
        givenName: 'Karwan',
        familyName: 'Aziz',
        otherNames: [{ value: 'کاروان عەزیز', script: 'arabic', kind: 'transliteration' }],
        birthDate: '1993-07-12',
        sex: 'male',
        nationalities: ['IQ'],
        contact: { phone: '+964 750 123 4567', address: { country: 'IQ', region: 'Erbil', city: 'Erbil' } },
        education: [
          {
            iscedLevel: 3,
            completed: true,
            country: 'IQ',
            evidence: { kind: 'certificate', reference: 'D-77' },
          },
        ],
        workExperience: [
          {
            occupation: {
              uri: 'http://data.europa.eu/esco/occupation/m',
              iscoCode: '7231',
              label: 'mechanic',
            },
            employer: 'Garage Ankara',
            country: 'TR',
            startDate: '2016',
            endDate: '2019-06',
            arrangement: 'informal',
            skillsUsed: [{ uri: 'http://data.europa.eu/esco/skill/engines', label: 'repair engines' }],
          },
        ],
        languages: [{ language: 'ckb', motherTongue: true }],
        returnInfo: {
          hostCountry: 'DE',
          returnCountry: 'IQ',
          returnRegion: 'Erbil',
          returnDate: '2024-03-01',
          programme: 'IQ-AVRR',
        },
        healthNotes: 'asthma',
        identityDocuments: [{ type: 'passport', number: 'A1234567', issuingCountry: 'IQ' }],
        owningOrganisationId: orgId,
        country: 'IQ',
        caseManagerIds: ['user-1'],
      }),
      id,
    );
    expect(created).toMatchObject({
      id,
      version: 1,
      givenName: 'Karwan',
      archivedAt: null,
      mergedIntoId: null,
      healthNotes: 'asthma',
    });
    expect(created.completeness.sections.education).toBe('complete');
    expect(created.completeness.sections.skills).toBe('empty');
    expect(await store.get(id)).toEqual(created);
    const history = await store.history(id, { limit: 10 });
    expect(history.items.map((h) => h.action)).toEqual(['created']);
  });

  test('a missing organisation is invalid_reference; a duplicate external id already_exists', async () => {
    await expect(
      store.create(person({ givenName: 'X', owningOrganisationId: randomUUID() }), randomUUID()),
    ).rejects.toMatchObject({
      code: 'invalid_reference',
    });
    await store.create(person({ givenName: 'Y', externalId: 'case-1' }), randomUUID());
    await expect(
      store.create(person({ givenName: 'Z', externalId: 'case-1' }), randomUUID()),
    ).rejects.toMatchObject({
      code: 'already_exists',
    });
  });

  test('updates from the current version and records the changed fields', async () => {
    const p = await store.create(person({ givenName: 'Awa', familyName: 'Sow' }), randomUUID());
    const v2 = await store.update(
      p.id,
      1,
      person({ givenName: 'Awa', familyName: 'Sow', birthDate: '2000-01-01' }),
      { actorId: 'u9' },
    );
    expect(v2.version).toBe(2);
    await expect(store.update(p.id, 1, person({ givenName: 'Awa' }))).rejects.toMatchObject({
      code: 'version_conflict',
    });
    const history = await store.history(p.id, { limit: 10 });
    expect(history.items.at(-1)).toMatchObject({
      action: 'updated',
      changedFields: ['birthDate'],
      actorId: 'u9',
      version: 2,
    });
  });

  test('finds a person by name across scripts and filters by caseload', async () => {
    const p = await store.create(
      person({ givenName: 'محمد', familyName: 'الحسن', country: 'TN', caseManagerIds: ['cm-7'] }),
      randomUUID(),
    );
    for (const q of ['Mohamed', 'Mohammed Hassan', 'محمد', 'hasan']) {
      const found = await store.list({ q, limit: 50, includeArchived: false, sort: 'name', order: 'asc' });
      expect(
        found.items.map((x) => x.id),
        q,
      ).toContain(p.id);
    }
    const mine = await store.list({
      caseManagerId: 'cm-7',
      limit: 50,
      includeArchived: false,
      sort: 'name',
      order: 'asc',
    });
    expect(mine.items.map((x) => x.id)).toEqual([p.id]);
  });

  test('lists with a cursor in both orders without repeats', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push(
        (
          await store.create(
            person({ givenName: `N${i % 2}`, familyName: 'Cursor', country: 'SV' }),
            randomUUID(),
          )
        ).id,
      );
    for (const order of ['asc', 'desc'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.list({
          limit: 4,
          cursor,
          country: 'SV',
          includeArchived: false,
          sort: 'name',
          order,
        });
        seen.push(...page.items.map((x) => x.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen.sort()).toEqual([...ids].sort());
    }
  });

  test('finds duplicates across Arabic and Latin spellings, by phone and by document number', async () => {
    const a = await store.create(
      person({ givenName: 'Youssef', familyName: 'Ben Salah', birthDate: '1988-02-02' }),
      randomUUID(),
    );
    const b = await store.create(
      person({ givenName: 'Aminata', familyName: 'Camara', contact: { phone: '+224 621 11 22 33' } }),
      randomUUID(),
    );
    const c = await store.create(
      person({
        givenName: 'Nino',
        familyName: 'Beridze',
        identityDocuments: [{ type: 'passport', number: '12AB34567' }],
      }),
      randomUUID(),
    );
    const byName = await store.findDuplicates(
      person({ givenName: 'يوسف', familyName: 'بن صالح', birthDate: '1988-02-02' }),
    );
    expect(byName[0]).toMatchObject({ personId: a.id, reasons: expect.arrayContaining(['same_birth_date']) });
    const byPhone = await store.findDuplicates(
      person({ givenName: 'Aminata', familyName: 'Kamara', contact: { phone: '00224621112233' } }),
    );
    expect(byPhone[0]?.personId).toBe(b.id);
    const byDoc = await store.findDuplicates(
      person({
        givenName: 'Nino',
        familyName: 'Beridse',
        identityDocuments: [{ type: 'passport', number: '12ab 34567' }],
      }),
    );
    expect(byDoc[0]?.personId).toBe(c.id);
    expect(
      await store.findDuplicates(
        person({ givenName: 'Youssef', familyName: 'Ben Salah', birthDate: '1988-02-02' }),
        { excludeId: a.id },
      ),
    ).toEqual([]);
  });

  test('merging moves referrals and history to the survivor and archives the duplicate with a pointer', async () => {
    const employerId = randomUUID();
    await createOrganisationStore(database.db).create({ kind: 'employer', name: 'E', data: {} }, employerId);
    const vacancy = await createVacancyStore(database.db).create(
      vacancyInput.parse({ employerId, title: 'Baker' }),
      randomUUID(),
    );
    const survivor = await store.create(person({ givenName: 'Fatima', familyName: 'Diallo' }), randomUUID());
    const duplicate = await store.create(
      person({ givenName: 'Fatimah', familyName: 'Diallo', birthDate: '1995-05-05' }),
      randomUUID(),
    );
    const referral = await createReferralStore(database.db).create(
      {
        personId: duplicate.id,
        targetKind: 'vacancy',
        targetId: vacancy.id,
        status: 'proposed',
        on: '2025-01-02',
      },
      randomUUID(),
    );
    await expect(store.merge(survivor.id, 7, duplicate.id)).rejects.toMatchObject({
      code: 'version_conflict',
    });
    const merged = await store.merge(survivor.id, 1, duplicate.id, { actorId: 'u1' });
    expect(merged.birthDate).toBe('1995-05-05');
    expect(merged.version).toBe(2);
    const gone = await store.get(duplicate.id);
    expect(gone?.archivedAt).not.toBeNull();
    expect(gone?.mergedIntoId).toBe(survivor.id);
    expect((await createReferralStore(database.db).get(referral.id))?.personId).toBe(survivor.id);
    const history = await store.history(survivor.id, { limit: 50 });
    expect(history.items.map((h) => h.action).sort()).toEqual(['created', 'created', 'merged_from']);
    expect(history.items.filter((h) => h.originalPersonId === duplicate.id)).toHaveLength(1);
    await expect(store.merge(survivor.id, 2, duplicate.id)).rejects.toMatchObject({ code: 'conflict' });
    // Archived people are not reported as duplicates.
    expect(
      (
        await store.findDuplicates(
          person({ givenName: 'Fatimah', familyName: 'Diallo', birthDate: '1995-05-05' }),
        )
      ).map((d) => d.personId),
    ).toEqual([survivor.id]);
  });

  test('a person nobody refers to is deleted; one with a referral is archived', async () => {
    const p = await store.create(person({ givenName: 'Temp' }), randomUUID());
    expect(await store.remove(p.id, 1)).toEqual({ outcome: 'deleted', id: p.id });
    expect(await store.get(p.id)).toBeNull();
  });

  test('bulk upsert by external id is idempotent and all-or-nothing', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      ...person({ givenName: `Bulk${i}`, familyName: 'Person' }),
      externalId: `p-${i}`,
    }));
    const first = await store.upsertByExternalId(rows, { newId: randomUUID });
    expect(first.created).toBe(30);
    const again = await store.upsertByExternalId(rows, { newId: randomUUID });
    expect(again.unchanged).toBe(30);
    const changed = await store.upsertByExternalId(
      rows.map((r, i) => (i === 3 ? { ...r, birthDate: '1999-09-09' } : r)),
      { newId: randomUUID },
    );
    expect([changed.created, changed.updated, changed.unchanged]).toEqual([0, 1, 29]);
    await expect(
      store.upsertByExternalId(
        [
          { ...rows[0]!, familyName: 'Changed' },
          { ...rows[1]!, owningOrganisationId: randomUUID() },
        ],
        { newId: randomUUID },
      ),
    ).rejects.toMatchObject({
      code: 'invalid_reference',
      details: { issues: [expect.objectContaining({ path: [1, 'owningOrganisationId'] })] },
    });
    const p0 = await store.list({
      externalId: 'p-0',
      limit: 1,
      includeArchived: false,
      sort: 'name',
      order: 'asc',
    });
    expect(p0.items[0]?.familyName).toBe('Person');
  });
});

describe.each(testDatabaseKinds())('person store scoping, erasure and retention on $name', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  let store: PersonStore;
  beforeAll(async () => {
    ({ database, drop } = await kind.create());
    store = createPersonStore(database.db);
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });
  const none = {
    all: false,
    none: false,
    organisationIds: [],
    countries: [],
    caseManagerId: null,
    counsellorId: null,
    personId: null,
    recipientOrganisationId: null,
  };

  test('a list scope narrows the list to the caseload, the organisation or the person', async () => {
    const orgId = randomUUID();
    await createOrganisationStore(database.db).create({ kind: 'mission', name: 'M', data: {} }, orgId);
    const mine = await store.create(person({ givenName: 'Mine', caseManagerIds: ['cm-1'] }), randomUUID());
    const org = await store.create(person({ givenName: 'Org', owningOrganisationId: orgId }), randomUUID());
    await store.create(person({ givenName: 'Other' }), randomUUID());
    const q = { limit: 50, includeArchived: false, sort: 'name' as const, order: 'asc' as const };
    expect((await store.list(q, { ...none, caseManagerId: 'cm-1' })).items.map((p) => p.id)).toEqual([
      mine.id,
    ]);
    expect((await store.list(q, { ...none, organisationIds: [orgId] })).items.map((p) => p.id)).toEqual([
      org.id,
    ]);
    expect((await store.list(q, { ...none, personId: org.id })).items.map((p) => p.id)).toEqual([org.id]);
    expect((await store.list(q, { ...none, none: true })).items).toEqual([]);
    expect((await store.list(q, none)).items).toEqual([]);
    expect((await store.list(q, { ...none, all: true })).items).toHaveLength(3);
  });

  test('retention counts from the closure of a case; a reopened case has none', async () => {
    const closed = await store.create(
      person({ givenName: 'Closed', caseClosure: { on: '2025-05-02', reason: 'support_ended' } }),
      randomUUID(),
    );
    const open = await store.create(person({ givenName: 'Open' }), randomUUID());
    const candidates = await store.retentionCandidates();
    expect(candidates.find((c) => c.personId === closed.id)?.closedAt).toBe('2025-05-02T00:00:00.000Z');
    expect(candidates.find((c) => c.personId === open.id)?.closedAt).toBeNull();
    const expired = selectExpiredPeople(
      candidates.filter((c) => c.personId === closed.id || c.personId === open.id),
      [{ programme: '*', afterClosureDays: 365, afterInactivityDays: null }],
      new Date('2026-05-03T00:00:00Z'),
    );
    expect(expired).toEqual([expect.objectContaining({ personId: closed.id, because: 'closed' })]);
    const reopened = await store.update(
      closed.id,
      closed.version,
      person({ givenName: 'Closed', caseClosure: null }),
    );
    expect((await store.retentionCandidates()).find((c) => c.personId === reopened.id)?.closedAt).toBeNull();
    const q = { limit: 50, includeArchived: false, sort: 'name' as const, order: 'asc' as const };
    const all = { ...none, all: true };
    const closedNow = await store.create(
      person({ givenName: 'Closed again', caseClosure: { on: '2025-06-01', reason: 'other' } }),
      randomUUID(),
    );
    const ids = async (caseStatus: 'open' | 'closed') =>
      (await store.list({ ...q, caseStatus }, all)).items.map((p) => p.id);
    expect(await ids('closed')).toContain(closedNow.id);
    expect(await ids('closed')).not.toContain(reopened.id);
    expect(await ids('open')).toEqual(expect.arrayContaining([reopened.id, open.id]));
    expect(await ids('open')).not.toContain(closedNow.id);
  });

  test('erasure removes the person, the records merged into them, their referrals and history', async () => {
    const employerId = randomUUID();
    await createOrganisationStore(database.db).create({ kind: 'employer', name: 'E', data: {} }, employerId);
    const vacancy = await createVacancyStore(database.db).create(
      vacancyInput.parse({ employerId, title: 'Cook' }),
      randomUUID(),
    );
    const a = await store.create(person({ givenName: 'Erase', familyName: 'Me' }), randomUUID());
    const b = await store.create(person({ givenName: 'Erase', familyName: 'Me too' }), randomUUID());
    await createReferralStore(database.db).create(
      { personId: b.id, targetKind: 'vacancy', targetId: vacancy.id, status: 'sent', on: '2025-01-01' },
      randomUUID(),
    );
    await store.merge(a.id, 1, b.id);
    const candidates = await store.retentionCandidates();
    expect(candidates.find((c) => c.personId === a.id)?.lastActivityAt).not.toBeNull();
    expect(candidates.find((c) => c.personId === b.id)).toBeUndefined();
    expect(await store.erase(a.id)).toBeGreaterThanOrEqual(4);
    expect(await store.get(a.id)).toBeNull();
    expect(await store.get(b.id)).toBeNull();
    expect(await createReferralStore(database.db).exportForPerson(a.id)).toEqual([]);
  });
});

test('changed fields ignore the key order jsonb gives back', async () => {
  const { changedFields } = await import('./record-kit');
  expect(
    changedFields({ contact: { phone: '1', otherPhones: [] } }, { contact: { otherPhones: [], phone: '1' } }),
  ).toEqual([]);
  expect(changedFields({ contact: { phone: '1' } }, { contact: { phone: '2' } })).toEqual(['contact']);
});
