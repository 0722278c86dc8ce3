import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { starterCatalogue } from '@passerelle/taxonomy';
import { signInTestUser } from '../../auth/testing';
import { createTestApp } from '../../testing';

// An occupation of the starter catalogue with enough essential skills to tell candidates apart.
const occupation = starterCatalogue.occupations.find((o) => o.essentialSkills.length >= 5)!;
const [s1, s2, s3, s4, s5] = occupation.essentialSkills as [string, string, string, string, string];
const other = starterCatalogue.occupations.find(
  (o) =>
    o.essentialSkills.length >= 3 && o.essentialSkills.every((s) => !occupation.essentialSkills.includes(s)),
)!;

/** An employer's profile: contacts and internal notes that a person must never be shown. */
const employerProfile = {
  contacts: [{ name: 'Mariama Sarr', role: 'HR', phone: '+221 77 000 00 00', email: 'hr@atelier.test' }],
  notes: 'Was late with wages once in 2024.',
  vetting: { status: 'vetted', checkedOn: '2025-01-10' },
};

describe.each(testDatabaseKinds())('matching API on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let employerId: string;
  let vacancyId: string;
  let trainingId: string;
  let providerId: string;
  const people: Record<string, string> = {};

  const post = async (url: string, payload: object) => {
    const res = await t.app.inject({ method: 'POST', url, payload });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const person = async (name: string, skills: string[], consent = true) => {
    const p = await post('/api/people', {
      givenName: name,
      familyName: 'Test',
      country: 'SN',
      returnInfo: { returnCountry: 'SN', returnRegion: 'Dakar' },
      skills: skills.map((uri) => ({ uri })),
      languages: [{ language: 'fr', motherTongue: true }],
    });
    if (consent)
      await post(`/api/people/${p.id}/consents`, {
        purpose: 'matching',
        recipientCategory: 'programme',
        method: 'signed_form',
      });
    people[name] = p.id;
    return p.id;
  };
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  /** A vacancy whose closing date passed long ago. */
  const closedVacancy = async (skills: string[]) =>
    (
      await post('/api/vacancies', {
        employerId,
        title: occupation.labels.en.preferred,
        occupation: { uri: occupation.uri, iscoCode: occupation.iscoCode },
        essentialSkills: skills.map((uri) => ({ uri })),
        location: { country: 'SN', region: 'Dakar' },
        postedOn: '2020-01-01',
        applyBy: '2020-02-01',
      })
    ).id;
  /** A training, teaching the skills the others miss, that ended long ago (its own provider). */
  const endedTraining = async (provider: string, title: string) => {
    const providerId = (
      await post('/api/organisations', { kind: 'training_provider', name: provider, country: 'SN' })
    ).id;
    return (
      await post('/api/trainings', {
        providerId,
        title,
        type: 'vocational',
        skillsTaught: [{ uri: s3 }, { uri: s4 }],
        location: { country: 'SN', region: 'Dakar' },
        startsOn: '2020-03-01',
        endsOn: '2020-04-01',
      })
    ).id;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    employerId = (
      await post('/api/organisations', {
        kind: 'employer',
        name: 'Atelier Dakar',
        country: 'SN',
        data: employerProfile,
      })
    ).id;
    providerId = (
      await post('/api/organisations', { kind: 'training_provider', name: 'Centre TVET', country: 'SN' })
    ).id;
    vacancyId = (
      await post('/api/vacancies', {
        employerId,
        title: occupation.labels.en.preferred,
        occupation: { uri: occupation.uri, iscoCode: occupation.iscoCode },
        essentialSkills: [s1, s2, s3, s4].map((uri) => ({ uri })),
        optionalSkills: [{ uri: s5 }],
        location: { country: 'SN', region: 'Dakar' },
      })
    ).id;
    trainingId = (
      await post('/api/trainings', {
        providerId,
        title: 'Course',
        type: 'vocational',
        skillsTaught: [{ uri: s3 }, { uri: s4 }],
        location: { country: 'SN', region: 'Dakar' },
      })
    ).id;
    await person('Awa', [s1, s2, s3, s4, s5]);
    await person('Binta', [s1, s2]);
    await person('Coumba', other.essentialSkills);
    await person('Dior', [s1, s2, s3, s4, s5], false);
  });
  afterAll(async () => t.close());

  test('a person sees who offers each opportunity and whom they were referred to, by name only, and still may not read organisations', async () => {
    const self = await signInTestUser(t.database, { role: 'person', personId: people.Binta });
    const asPerson = (url: string) => t.app.inject({ method: 'GET', url, headers: self });
    const vacancies = await asPerson(`/api/people/${people.Binta}/matches?kind=vacancy`);
    expect(vacancies.statusCode, vacancies.body).toBe(200);
    const vacancy = vacancies.json().items.find((i: { id: string }) => i.id === vacancyId);
    expect(vacancy.offeredBy).toEqual({ id: employerId, name: 'Atelier Dakar' });
    const trainings = await asPerson(`/api/people/${people.Binta}/matches?kind=training`);
    expect(trainings.statusCode, trainings.body).toBe(200);
    const training = trainings.json().items.find((i: { id: string }) => i.id === trainingId);
    expect(training.offeredBy).toEqual({ id: providerId, name: 'Centre TVET' });
    // The person is referred to the vacancy: their referrals name the employer too.
    await post(`/api/people/${people.Binta}/consents`, {
      purpose: 'referral',
      recipientOrganisationId: employerId,
      method: 'signed_form',
    });
    await post('/api/referrals', { personId: people.Binta, targetKind: 'vacancy', targetId: vacancyId });
    const referrals = await asPerson(`/api/referrals?personId=${people.Binta}`);
    expect(referrals.statusCode, referrals.body).toBe(200);
    expect(referrals.json().items.map((r: { organisation: unknown }) => r.organisation)).toEqual([
      { id: employerId, name: 'Atelier Dakar' },
    ]);
    // Nothing else of the employer: no contacts, no internal notes, no vetting.
    for (const body of [vacancies.body, trainings.body, referrals.body]) {
      expect(body).not.toContain('Mariama');
      expect(body).not.toContain('+221');
      expect(body).not.toContain('vetting');
      expect(body).not.toContain('late with wages');
    }
    // The organisations API stays closed to people.
    expect((await asPerson(`/api/organisations/${employerId}`)).statusCode).toBe(403);
    expect((await asPerson(`/api/organisations/${providerId}`)).statusCode).toBe(403);
    expect((await asPerson('/api/organisations')).statusCode).toBe(403);
  });

  test('a person sees vacancies ranked with reasons, and the training that closes the gap', async () => {
    const res = await get(`/api/people/${people.Binta}/matches?kind=vacancy`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items[0].id).toBe(vacancyId);
    const e = body.items[0].explanation;
    expect(e.skills.matched.map((m: { uri: string }) => m.uri)).toEqual(expect.arrayContaining([s1, s2]));
    // s3 and s4 are missing, or held only partly through a near skill.
    expect(e.skills.missingEssential.length).toBeGreaterThan(0);
    for (const m of e.skills.missingEssential) expect([s3, s4]).toContain(m);
    expect(e.trainings.suggestions.map((s: { id: string }) => s.id)).toContain(trainingId);
    expect(e.trainings.scoreAfter).toBeGreaterThan(e.score);
    expect(e.criteria.length).toBeGreaterThan(3);
    expect(body.items[0].record.title).toBe(occupation.labels.en.preferred);
  });

  test('a vacancy whose closing date has passed, and a training that has ended, are neither proposed nor suggested', async () => {
    const closed = await closedVacancy([s1, s2, s3, s4]);
    const ended = await endedTraining('Old centre', 'Last year');
    const vacancies = (await get(`/api/people/${people.Binta}/matches?kind=vacancy&limit=50`)).json();
    const ids = vacancies.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(vacancyId);
    expect(ids).not.toContain(closed);
    for (const item of vacancies.items)
      expect(item.explanation.trainings.suggestions.map((s: { id: string }) => s.id)).not.toContain(ended);
    const trainings = (await get(`/api/people/${people.Binta}/matches?kind=training&limit=50`)).json();
    expect(trainings.items.map((i: { id: string }) => i.id)).toContain(trainingId);
    expect(trainings.items.map((i: { id: string }) => i.id)).not.toContain(ended);
  });

  test('a vacancy sees consenting candidates, best first; people without consent never appear', async () => {
    const res = await get(`/api/vacancies/${vacancyId}/candidates`);
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().items.map((i: { id: string }) => i.id);
    expect(ids[0]).toBe(people.Awa);
    expect(ids.indexOf(people.Awa)).toBeLessThan(ids.indexOf(people.Binta));
    expect(ids).not.toContain(people.Dior);
    const own = await get(`/api/people/${people.Dior}/matches`);
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('consent_required');
  });

  test('candidates are matched as of today: a closed vacancy says so, and no ended training is suggested', async () => {
    const closed = await closedVacancy([s1, s2]);
    const res = await get(`/api/vacancies/${closed}/candidates`);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('closed_for_matching');
    expect(res.json().message).toMatch(/closed or has no seats left/);
    const ended = await endedTraining('Past centre', 'Over');
    const endedCandidates = await get(`/api/trainings/${ended}/candidates`);
    expect(endedCandidates.statusCode, endedCandidates.body).toBe(409);
    expect(endedCandidates.json().code).toBe('closed_for_matching');
    const open = await get(`/api/vacancies/${vacancyId}/candidates`);
    expect(open.statusCode, open.body).toBe(200);
    const binta = open.json().items.find((i: { id: string }) => i.id === people.Binta);
    const suggested = binta.explanation.trainings.suggestions.map((s: { id: string }) => s.id);
    expect(suggested).toContain(trainingId);
    expect(suggested).not.toContain(ended);
  });

  test('trainings rank people whose gaps they close', async () => {
    const res = await get(`/api/trainings/${trainingId}/candidates`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { id: string }) => i.id)).toContain(people.Binta);
  });

  test('a new person and a withdrawn consent show in results at once', async () => {
    const eve = await person('Eve', [s1, s2, s3, s4, s5]);
    let ids = (await get(`/api/vacancies/${vacancyId}/candidates`))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(ids).toContain(eve);
    const consents = (await get(`/api/people/${eve}/consents`)).json();
    const consentId = (consents.items ?? consents)[0].id;
    const w = await t.app.inject({
      method: 'POST',
      url: `/api/consents/${consentId}/withdraw`,
      payload: { reason: 'changed mind' },
    });
    expect(w.statusCode, w.body).toBeLessThan(300);
    ids = (await get(`/api/vacancies/${vacancyId}/candidates`)).json().items.map((i: { id: string }) => i.id);
    expect(ids).not.toContain(eve);
  });

  test('an erased person is gone from the index', async () => {
    const fay = await person('Fay', [s1, s2, s3, s4, s5]);
    const e = await t.app.inject({
      method: 'POST',
      url: `/api/people/${fay}/erase`,
      payload: { reason: 'erasure request' },
    });
    expect(e.statusCode, e.body).toBe(200);
    const ids = (await get(`/api/vacancies/${vacancyId}/candidates`))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(ids).not.toContain(fay);
  });

  test('a closed case is no candidate and gets no matches (409) until it is reopened', async () => {
    const gus = await person('Gus', [s1, s2, s3, s4, s5]);
    const candidates = async () =>
      (await get(`/api/vacancies/${vacancyId}/candidates`)).json().items.map((i: { id: string }) => i.id);
    expect(await candidates()).toContain(gus);
    const close = await t.app.inject({
      method: 'POST',
      url: `/api/people/${gus}/close`,
      payload: { reason: 'moved_away' },
      headers: { 'if-match': '"1"' },
    });
    expect(close.statusCode, close.body).toBe(200);
    expect(await candidates()).not.toContain(gus);
    const matches = await get(`/api/people/${gus}/matches?kind=vacancy`);
    expect(matches.statusCode).toBe(409);
    expect(matches.json()).toMatchObject({ code: 'conflict', details: { reason: 'the case is closed' } });
    const reopen = await t.app.inject({
      method: 'POST',
      url: `/api/people/${gus}/reopen`,
      headers: { 'if-match': close.headers.etag as string },
    });
    expect(reopen.statusCode, reopen.body).toBe(200);
    expect(await candidates()).toContain(gus);
    expect((await get(`/api/people/${gus}/matches?kind=vacancy`)).statusCode).toBe(200);
  });

  test('unknown ids are 404 and bad paging is 400', async () => {
    expect((await get('/api/people/7f1c0a4e-1b7e-4a55-9a7e-2f0f7a1d2c3b/matches')).statusCode).toBe(404);
    expect((await get('/api/vacancies/7f1c0a4e-1b7e-4a55-9a7e-2f0f7a1d2c3b/candidates')).statusCode).toBe(
      404,
    );
    expect((await get(`/api/vacancies/${vacancyId}/candidates?limit=0`)).statusCode).toBe(400);
    expect((await get(`/api/people/${people.Awa}/matches?kind=spouse`)).statusCode).toBe(400);
  });
});
