import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisationStore } from '@passerelle/db';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { starterCatalogue } from '@passerelle/taxonomy';
import { createTestApp } from '../../testing';
import { createTestUser, openTestSession } from '../../auth/testing';

const reason = { 'x-access-reason': 'subject access request 2026-17' };

describe.each(testDatabaseKinds())('consent, export, erasure and retention on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let clock = new Date();
  let mission: string;
  let employerOrg: string;
  let employer: Record<string, string>;
  const erasedElsewhere: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => clock });
    const orgs = createOrganisationStore(t.database.db);
    mission = (
      await orgs.create({ kind: 'mission', name: 'Mission Tbilisi', country: 'GE', data: {} }, randomUUID())
    ).id;
    employerOrg = (
      await orgs.create({ kind: 'employer', name: 'Garage Rustaveli', country: 'GE', data: {} }, randomUUID())
    ).id;
    const e = await createTestUser(t.database, { role: 'employer', organisationId: employerOrg });
    employer = await openTestSession(t.database, e.id);
    // A module holding derived data (like the matching index) hooks into erasure the same way.
    t.app.passerelle.ctx.trust.registerPersonData({
      name: 'test_index',
      async export(personId) {
        return erasedElsewhere.includes(personId) ? null : { indexed: true };
      },
      async erase(personId) {
        erasedElsewhere.push(personId);
        return 1;
      },
    });
  });
  afterAll(async () => t.close());

  async function createPerson(givenName: string) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      payload: {
        givenName,
        familyName: 'Beridze',
        owningOrganisationId: mission,
        country: 'GE',
        healthNotes: `asthma of ${givenName}`,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  test('an employer sees a person only while the person consents, and only the shared fields', async () => {
    const personId = await createPerson('Nino');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/people/${personId}`, headers: employer })).statusCode,
    ).toBe(403);
    const consent = await t.app.inject({
      method: 'POST',
      url: `/api/people/${personId}/consents`,
      payload: {
        purpose: 'share_profile_with_employer',
        recipientOrganisationId: employerOrg,
        method: 'verbal_with_witness',
        witness: 'Tamar K.',
        fields: ['givenName', 'languages', 'healthNotes'],
      },
    });
    expect(consent.statusCode, consent.body).toBe(201);
    expect(consent.json()).toMatchObject({
      active: true,
      recordedBy: expect.any(String),
      method: 'verbal_with_witness',
    });
    const seen = await t.app.inject({ method: 'GET', url: `/api/people/${personId}`, headers: employer });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().givenName).toBe('Nino');
    expect(seen.json()).not.toHaveProperty('healthNotes');
    expect(seen.json()).not.toHaveProperty('familyName');
    expect(
      await t.app.passerelle.ctx.consent.allows(personId, 'share_profile_with_employer', {
        organisationId: employerOrg,
      }),
    ).toBe(true);

    const withdraw = await t.app.inject({
      method: 'POST',
      url: `/api/consents/${consent.json().id}/withdraw`,
      payload: { reason: 'asked by phone' },
    });
    expect(withdraw.statusCode).toBe(200);
    expect(withdraw.json().active).toBe(false);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/people/${personId}`, headers: employer })).statusCode,
    ).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: '/api/people', headers: employer });
    expect(list.body).not.toContain('Nino');
    expect(
      await t.app.passerelle.ctx.consent.allows(personId, 'share_profile_with_employer', {
        organisationId: employerOrg,
      }),
    ).toBe(false);
    await expect(
      t.app.passerelle.ctx.consent.require(personId, 'share_profile_with_employer', {
        organisationId: employerOrg,
      }),
    ).rejects.toMatchObject({ code: 'consent_required' });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/consents/${consent.json().id}/withdraw`,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
  });

  test('an employer sees a candidate for their vacancy only while the person shares their profile with them, and only the shared fields', async () => {
    const occupation = starterCatalogue.occupations.find((o) => o.essentialSkills.length >= 3)!;
    const skills = occupation.essentialSkills.slice(0, 3).map((uri) => ({ uri }));
    const vacancy = await t.app.inject({
      method: 'POST',
      url: '/api/vacancies',
      payload: {
        employerId: employerOrg,
        title: occupation.labels.en.preferred,
        occupation: { uri: occupation.uri, iscoCode: occupation.iscoCode },
        essentialSkills: skills,
        location: { country: 'GE' },
      },
    });
    expect(vacancy.statusCode, vacancy.body).toBe(201);
    const person = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      payload: {
        givenName: 'Mariam',
        familyName: 'Kapanadze',
        owningOrganisationId: mission,
        country: 'GE',
        skills,
        contact: { phone: '+995 555 000 111' },
        healthNotes: 'asthma of Mariam',
      },
    });
    expect(person.statusCode, person.body).toBe(201);
    const personId = person.json().id as string;
    const consent = (payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/people/${personId}/consents`, payload });
    expect(
      (await consent({ purpose: 'matching', recipientCategory: 'programme', method: 'signed_form' }))
        .statusCode,
    ).toBe(201);
    const candidates = async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/vacancies/${vacancy.json().id}/candidates`,
        headers: employer,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res;
    };
    // Matching consent alone does not show the person to the employer.
    expect((await candidates()).body).not.toContain(personId);

    const share = await consent({
      purpose: 'share_profile_with_employer',
      recipientOrganisationId: employerOrg,
      method: 'signed_form',
      fields: ['givenName', 'skills'],
    });
    expect(share.statusCode, share.body).toBe(201);
    const shown = await candidates();
    const item = shown.json().items.find((i: { id: string }) => i.id === personId);
    expect(item?.record.givenName).toBe('Mariam');
    expect(item?.record).not.toHaveProperty('familyName');
    expect(shown.body).not.toContain('Kapanadze');
    expect(shown.body).not.toContain('555 000 111');
    expect(shown.body).not.toContain('asthma');
    // The explanation tells no more than the shared fields: the skill match, not the details of
    // place, limitations, hours or education.
    expect(item?.explanation.skills.matched.length).toBeGreaterThan(0);
    expect(item?.explanation.criteria).toEqual([]);
    expect(shown.body).not.toMatch(/limitedMobility|sameRegion|personLevel/);

    const withdraw = await t.app.inject({
      method: 'POST',
      url: `/api/consents/${share.json().id}/withdraw`,
      payload: { reason: 'asked at the office' },
    });
    expect(withdraw.statusCode, withdraw.body).toBe(200);
    const after = await candidates();
    expect(after.body).not.toContain(personId);
    expect(after.body).not.toContain('Mariam');
  });

  test('an administrator sees sensitive fields and exports only with a reason, and both are audited', async () => {
    const personId = await createPerson('Giorgi');
    const plain = await t.app.inject({ method: 'GET', url: `/api/people/${personId}` });
    expect(plain.json()).not.toHaveProperty('healthNotes');
    const withReason = await t.app.inject({ method: 'GET', url: `/api/people/${personId}`, headers: reason });
    expect(withReason.json().healthNotes).toBe('asthma of Giorgi');
    expect((await t.app.inject({ method: 'GET', url: `/api/people/${personId}/export` })).statusCode).toBe(
      403,
    );
    const audit = await t.app.inject({ method: 'GET', url: `/api/audit?personId=${personId}` });
    const actions = audit
      .json()
      .items.map((e: { action: string; reason: string | null }) => `${e.action}:${e.reason ?? ''}`);
    expect(actions).toContain(`read_sensitive:${reason['x-access-reason']}`);
    expect(actions).toContain('read:');
    expect(JSON.stringify(audit.json())).not.toContain('asthma');
  });

  test('export gives everything held (JSON and a readable document); erasure removes it everywhere and leaves a tombstone', async () => {
    const personId = await createPerson('Levan');
    const account = await createTestUser(t.database, { role: 'person', personId });
    await t.app.inject({
      method: 'POST',
      url: `/api/people/${personId}/consents`,
      payload: { purpose: 'matching', recipientCategory: 'programme', method: 'signed_form' },
    });
    const json = await t.app.inject({
      method: 'GET',
      url: `/api/people/${personId}/export`,
      headers: reason,
    });
    expect(json.statusCode, json.body).toBe(200);
    const sections = json.json().sections;
    expect(sections.profile.person.givenName).toBe('Levan');
    expect(sections.profile.person.healthNotes).toBe('asthma of Levan');
    expect(sections.consents).toHaveLength(1);
    expect(sections.account[0].email).toBe(account.email);
    expect(JSON.stringify(sections.account)).not.toMatch(/passwordHash|totpSecret/);
    expect(sections.test_index).toEqual({ indexed: true });
    const html = await t.app.inject({
      method: 'GET',
      url: `/api/people/${personId}/export.html`,
      headers: reason,
    });
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('Levan');
    expect(html.body).toContain('<h2>Consents</h2>');
    expect(html.body).not.toContain('<script');

    // The person can export their own data too.
    const self = await openTestSession(t.database, account.id);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/people/${personId}/export`, headers: self }))
        .statusCode,
    ).toBe(200);

    const erase = await t.app.inject({
      method: 'POST',
      url: `/api/people/${personId}/erase`,
      payload: { reason: 'request of the person, form 12' },
    });
    expect(erase.statusCode, erase.body).toBe(200);
    expect(erase.json().removed).toMatchObject({
      consents: 1,
      account: 1,
      test_index: 1,
      profile: expect.any(Number),
    });
    expect(erasedElsewhere).toContain(personId);
    expect((await t.app.inject({ method: 'GET', url: `/api/people/${personId}` })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/people/${personId}/export`, headers: reason }))
        .statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/people?q=Levan' })).json().items).toHaveLength(0);
    expect((await t.app.inject({ method: 'GET', url: `/api/auth/session`, headers: self })).statusCode).toBe(
      401,
    );
    const rows = await t.database.query<{ n: number }>(
      `select count(*)::int as n from consents where person_id = $1`,
      [personId],
    );
    expect(rows[0]!.n).toBe(0);
    const trail = await t.database.query<{ t: string }>(
      `select row_to_json(a)::text as t from audit_events a`,
    );
    expect(trail.map((r) => r.t).join('\n')).not.toContain('Levan');
    const tombstone = await t.app.inject({
      method: 'GET',
      url: `/api/audit?personId=${personId}&action=erase`,
    });
    expect(tombstone.json().items).toHaveLength(1);
    expect(tombstone.json().items[0].reason).toBe('request of the person, form 12');
    expect((await t.app.inject({ method: 'GET', url: '/api/audit/verify' })).json().ok).toBe(true);
  });

  test('retention run erases the people a rule has expired, through the same erasure, and reports them', async () => {
    const keep = await createPerson('Ketevan');
    const expire = await createPerson('Irakli');
    t.app.passerelle.ctx.trust.registerRetentionSource({
      name: 'test_closures',
      async listCandidates() {
        return [
          { personId: expire, programme: 'avrr', closedAt: '2020-01-01T00:00:00Z', lastActivityAt: null },
        ];
      },
    });
    const rule = await t.app.inject({
      method: 'PUT',
      url: '/api/retention/rules/avrr',
      payload: { afterClosureDays: 365, afterInactivityDays: null },
    });
    expect(rule.statusCode).toBe(200);
    const run = await t.app.inject({ method: 'POST', url: '/api/retention/run' });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().erased.map((e: { personId: string }) => e.personId)).toEqual([expire]);
    expect((await t.app.inject({ method: 'GET', url: `/api/people/${expire}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/people/${keep}` })).statusCode).toBe(200);
    expect(erasedElsewhere).toContain(expire);

    // A default rule on inactivity, a year later: everyone left is erased.
    await t.app.inject({
      method: 'PUT',
      url: '/api/retention/rules/*',
      payload: { afterClosureDays: null, afterInactivityDays: 365 },
    });
    clock = new Date(Date.now() + 400 * 86_400_000);
    const later = await t.app.inject({ method: 'POST', url: '/api/retention/run' });
    expect(later.json().erased.map((e: { personId: string }) => e.personId)).toContain(keep);
    expect((await t.app.inject({ method: 'GET', url: `/api/people/${keep}` })).statusCode).toBe(404);
    clock = new Date();
  });
});
