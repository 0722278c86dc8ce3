import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { createTestApp } from '../testing';

/**
 * The error answers of every record route, one row per route and status: 400 (bad input),
 * 404 (unknown record), 409 (conflict), 412 (stale If-Match), 422 (invalid reference) and 428
 * (If-Match missing), each with its stable code.
 */

const unknown = '7f1c0a4e-1b7e-4a55-9a7e-2f0f7a1d2c3b';

interface Ids {
  org: string;
  archivedOrg: string;
  person: string;
  otherPerson: string;
  vacancy: string;
  training: string;
  service: string;
  event: string;
  referral: string;
}

interface Case {
  route: string;
  status: number;
  code: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  ifMatch?: string;
}

const offers = [
  {
    path: '/api/vacancies',
    key: 'vacancy',
    body: (ids: Ids) => ({ employerId: ids.org, title: 'Welder' }),
    owner: 'employerId',
  },
  {
    path: '/api/trainings',
    key: 'training',
    body: (ids: Ids) => ({ providerId: ids.org, title: 'Welding', type: 'vocational' }),
    owner: 'providerId',
  },
  {
    path: '/api/services',
    key: 'service',
    body: (ids: Ids) => ({ providerId: ids.org, title: 'Loans', category: 'microcredit' }),
    owner: 'providerId',
  },
] as const;

const cases: Case[] = [
  // People
  {
    route: 'GET /api/people',
    status: 400,
    code: 'validation_failed',
    method: 'GET',
    url: () => '/api/people?limit=0',
  },
  {
    route: 'POST /api/people',
    status: 400,
    code: 'validation_failed',
    method: 'POST',
    url: () => '/api/people',
    body: () => ({ birthDate: '2020-13-01' }),
  },
  {
    route: 'POST /api/people',
    status: 409,
    code: 'already_exists',
    method: 'POST',
    url: () => '/api/people',
    body: () => ({ givenName: 'X', externalId: 'taken-person' }),
  },
  {
    route: 'POST /api/people',
    status: 422,
    code: 'invalid_reference',
    method: 'POST',
    url: () => '/api/people',
    body: () => ({ givenName: 'X', owningOrganisationId: unknown }),
  },
  {
    route: 'GET /api/people/:id',
    status: 400,
    code: 'validation_failed',
    method: 'GET',
    url: () => '/api/people/123',
  },
  {
    route: 'GET /api/people/:id',
    status: 404,
    code: 'not_found',
    method: 'GET',
    url: () => `/api/people/${unknown}`,
  },
  {
    route: 'PUT /api/people/:id',
    status: 400,
    code: 'validation_failed',
    method: 'PUT',
    url: (i) => `/api/people/${i.person}`,
    body: () => ({ givenName: 'X', sex: 'robot' }),
    ifMatch: '"1"',
  },
  {
    route: 'PUT /api/people/:id',
    status: 404,
    code: 'not_found',
    method: 'PUT',
    url: () => `/api/people/${unknown}`,
    body: () => ({ givenName: 'X' }),
    ifMatch: '"1"',
  },
  {
    route: 'PUT /api/people/:id',
    status: 409,
    code: 'already_exists',
    method: 'PUT',
    url: (i) => `/api/people/${i.person}`,
    body: () => ({ givenName: 'X', externalId: 'taken-person' }),
    ifMatch: '"1"',
  },
  {
    route: 'PUT /api/people/:id',
    status: 412,
    code: 'version_conflict',
    method: 'PUT',
    url: (i) => `/api/people/${i.person}`,
    body: () => ({ givenName: 'X' }),
    ifMatch: '"9"',
  },
  {
    route: 'PUT /api/people/:id',
    status: 422,
    code: 'invalid_reference',
    method: 'PUT',
    url: (i) => `/api/people/${i.person}`,
    body: (i) => ({ givenName: 'X', owningOrganisationId: i.archivedOrg }),
    ifMatch: '"1"',
  },
  {
    route: 'PUT /api/people/:id',
    status: 428,
    code: 'precondition_required',
    method: 'PUT',
    url: (i) => `/api/people/${i.person}`,
    body: () => ({ givenName: 'X' }),
  },
  {
    route: 'DELETE /api/people/:id',
    status: 400,
    code: 'validation_failed',
    method: 'DELETE',
    url: () => '/api/people/x',
    ifMatch: '"1"',
  },
  {
    route: 'DELETE /api/people/:id',
    status: 404,
    code: 'not_found',
    method: 'DELETE',
    url: () => `/api/people/${unknown}`,
    ifMatch: '"1"',
  },
  {
    route: 'DELETE /api/people/:id',
    status: 412,
    code: 'version_conflict',
    method: 'DELETE',
    url: (i) => `/api/people/${i.person}`,
    ifMatch: '"9"',
  },
  {
    route: 'DELETE /api/people/:id',
    status: 428,
    code: 'precondition_required',
    method: 'DELETE',
    url: (i) => `/api/people/${i.person}`,
  },
  {
    route: 'GET /api/people/:id/duplicates',
    status: 400,
    code: 'validation_failed',
    method: 'GET',
    url: (i) => `/api/people/${i.person}/duplicates?limit=500`,
  },
  {
    route: 'GET /api/people/:id/duplicates',
    status: 404,
    code: 'not_found',
    method: 'GET',
    url: () => `/api/people/${unknown}/duplicates`,
  },
  {
    route: 'POST /api/people/:id/merge',
    status: 400,
    code: 'validation_failed',
    method: 'POST',
    url: (i) => `/api/people/${i.person}/merge`,
    body: () => ({ duplicateId: 'x' }),
    ifMatch: '"1"',
  },
  {
    route: 'POST /api/people/:id/merge',
    status: 404,
    code: 'not_found',
    method: 'POST',
    url: (i) => `/api/people/${i.person}/merge`,
    body: () => ({ duplicateId: unknown }),
    ifMatch: '"1"',
  },
  {
    route: 'POST /api/people/:id/merge',
    status: 409,
    code: 'conflict',
    method: 'POST',
    url: (i) => `/api/people/${i.person}/merge`,
    body: (i) => ({ duplicateId: i.person }),
    ifMatch: '"1"',
  },
  {
    route: 'POST /api/people/:id/merge',
    status: 412,
    code: 'version_conflict',
    method: 'POST',
    url: (i) => `/api/people/${i.person}/merge`,
    body: (i) => ({ duplicateId: i.otherPerson }),
    ifMatch: '"9"',
  },
  {
    route: 'POST /api/people/:id/merge',
    status: 428,
    code: 'precondition_required',
    method: 'POST',
    url: (i) => `/api/people/${i.person}/merge`,
    body: (i) => ({ duplicateId: i.otherPerson }),
  },
  {
    route: 'GET /api/people/:id/history',
    status: 400,
    code: 'validation_failed',
    method: 'GET',
    url: (i) => `/api/people/${i.person}/history?cursor=zz`,
  },
  {
    route: 'GET /api/people/:id/history',
    status: 404,
    code: 'not_found',
    method: 'GET',
    url: () => `/api/people/${unknown}/history`,
  },
  // Vacancies, trainings, services
  ...offers.flatMap(({ path, key, body, owner }): Case[] => {
    const id = (i: Ids) => i[key];
    const bad = (i: Ids) => ({ ...body(i), title: '' });
    const taken = (i: Ids) => ({ ...body(i), externalId: `taken-${key}` });
    const archived = (i: Ids) => ({ ...body(i), [owner]: i.archivedOrg });
    return [
      {
        route: `GET ${path}`,
        status: 400,
        code: 'validation_failed',
        method: 'GET',
        url: () => `${path}?order=sideways`,
      },
      {
        route: `POST ${path}`,
        status: 400,
        code: 'validation_failed',
        method: 'POST',
        url: () => path,
        body: bad,
      },
      {
        route: `POST ${path}`,
        status: 409,
        code: 'already_exists',
        method: 'POST',
        url: () => path,
        body: taken,
      },
      {
        route: `POST ${path}`,
        status: 422,
        code: 'invalid_reference',
        method: 'POST',
        url: () => path,
        body: (i) => ({ ...body(i), [owner]: unknown }),
      },
      {
        route: `GET ${path}/:id`,
        status: 400,
        code: 'validation_failed',
        method: 'GET',
        url: () => `${path}/1`,
      },
      {
        route: `GET ${path}/:id`,
        status: 404,
        code: 'not_found',
        method: 'GET',
        url: () => `${path}/${unknown}`,
      },
      {
        route: `PUT ${path}/:id`,
        status: 400,
        code: 'validation_failed',
        method: 'PUT',
        url: (i) => `${path}/${id(i)}`,
        body: bad,
        ifMatch: '"1"',
      },
      {
        route: `PUT ${path}/:id`,
        status: 404,
        code: 'not_found',
        method: 'PUT',
        url: () => `${path}/${unknown}`,
        body,
        ifMatch: '"1"',
      },
      {
        route: `PUT ${path}/:id`,
        status: 409,
        code: 'already_exists',
        method: 'PUT',
        url: (i) => `${path}/${id(i)}`,
        body: taken,
        ifMatch: '"1"',
      },
      {
        route: `PUT ${path}/:id`,
        status: 412,
        code: 'version_conflict',
        method: 'PUT',
        url: (i) => `${path}/${id(i)}`,
        body,
        ifMatch: '"9"',
      },
      {
        route: `PUT ${path}/:id`,
        status: 422,
        code: 'invalid_reference',
        method: 'PUT',
        url: (i) => `${path}/${id(i)}`,
        body: archived,
        ifMatch: '"1"',
      },
      {
        route: `PUT ${path}/:id`,
        status: 428,
        code: 'precondition_required',
        method: 'PUT',
        url: (i) => `${path}/${id(i)}`,
        body,
      },
      {
        route: `DELETE ${path}/:id`,
        status: 400,
        code: 'validation_failed',
        method: 'DELETE',
        url: () => `${path}/1`,
        ifMatch: '"1"',
      },
      {
        route: `DELETE ${path}/:id`,
        status: 404,
        code: 'not_found',
        method: 'DELETE',
        url: () => `${path}/${unknown}`,
        ifMatch: '"1"',
      },
      {
        route: `DELETE ${path}/:id`,
        status: 412,
        code: 'version_conflict',
        method: 'DELETE',
        url: (i) => `${path}/${id(i)}`,
        ifMatch: '"9"',
      },
      {
        route: `DELETE ${path}/:id`,
        status: 428,
        code: 'precondition_required',
        method: 'DELETE',
        url: (i) => `${path}/${id(i)}`,
      },
    ];
  }),
  // Events
  {
    route: 'GET /api/events',
    status: 400,
    code: 'validation_failed',
    method: 'GET',
    url: () => '/api/events?from=soon',
  },
  {
    route: 'POST /api/events',
    status: 400,
    code: 'validation_failed',
    method: 'POST',
    url: () => '/api/events',
    body: () => ({ type: 'job_fair', title: 'F' }),
  },
  {
    route: 'POST /api/events',
    status: 409,
    code: 'already_exists',
    method: 'POST',
    url: () => '/api/events',
    body: () => ({
      type: 'job_fair',
      title: 'F',
      startsAt: '2025-01-01T10:00:00Z',
      externalId: 'taken-event',
    }),
  },
  {
    route: 'POST /api/events',
    status: 422,
    code: 'invalid_reference',
    method: 'POST',
    url: () => '/api/events',
    body: () => ({ type: 'job_fair', title: 'F', startsAt: '2025-01-01T10:00:00Z', organiserId: unknown }),
  },
  {
    route: 'GET /api/events/:id',
    status: 400,
    code: 'validation_failed',
    method: 'GET',
    url: () => '/api/events/1',
  },
  {
    route: 'GET /api/events/:id',
    status: 404,
    code: 'not_found',
    method: 'GET',
    url: () => `/api/events/${unknown}`,
  },
  {
    route: 'PUT /api/events/:id',
    status: 400,
    code: 'validation_failed',
    method: 'PUT',
    url: (i) => `/api/events/${i.event}`,
    body: () => ({ type: 'rave' }),
    ifMatch: '"1"',
  },
  {
    route: 'PUT /api/events/:id',
    status: 404,
    code: 'not_found',
    method: 'PUT',
    url: () => `/api/events/${unknown}`,
    body: () => ({ type: 'job_fair', title: 'F', startsAt: '2025-01-01T10:00:00Z' }),
    ifMatch: '"1"',
  },
  {
    route: 'PUT /api/events/:id',
    status: 409,
    code: 'already_exists',
    method: 'PUT',
    url: (i) => `/api/events/${i.event}`,
    body: () => ({
      type: 'job_fair',
      title: 'F',
      startsAt: '2025-01-01T10:00:00Z',
      externalId: 'taken-event',
    }),
    ifMatch: '"1"',
  },
  {
    route: 'PUT /api/events/:id',
    status: 412,
    code: 'version_conflict',
    method: 'PUT',
    url: (i) => `/api/events/${i.event}`,
    body: () => ({ type: 'job_fair', title: 'F', startsAt: '2025-01-01T10:00:00Z' }),
    ifMatch: '"9"',
  },
  {
    route: 'PUT /api/events/:id',
    status: 422,
    code: 'invalid_reference',
    method: 'PUT',
    url: (i) => `/api/events/${i.event}`,
    body: () => ({
      type: 'job_fair',
      title: 'F',
      startsAt: '2025-01-01T10:00:00Z',
      people: [{ personId: unknown }],
    }),
    ifMatch: '"1"',
  },
  {
    route: 'PUT /api/events/:id',
    status: 428,
    code: 'precondition_required',
    method: 'PUT',
    url: (i) => `/api/events/${i.event}`,
    body: () => ({ type: 'job_fair', title: 'F', startsAt: '2025-01-01T10:00:00Z' }),
  },
  {
    route: 'DELETE /api/events/:id',
    status: 400,
    code: 'validation_failed',
    method: 'DELETE',
    url: () => '/api/events/1',
    ifMatch: '"1"',
  },
  {
    route: 'DELETE /api/events/:id',
    status: 404,
    code: 'not_found',
    method: 'DELETE',
    url: () => `/api/events/${unknown}`,
    ifMatch: '"1"',
  },
  {
    route: 'DELETE /api/events/:id',
    status: 412,
    code: 'version_conflict',
    method: 'DELETE',
    url: (i) => `/api/events/${i.event}`,
    ifMatch: '"9"',
  },
  {
    route: 'DELETE /api/events/:id',
    status: 428,
    code: 'precondition_required',
    method: 'DELETE',
    url: (i) => `/api/events/${i.event}`,
  },
  // Referrals
  {
    route: 'GET /api/referrals',
    status: 400,
    code: 'validation_failed',
    method: 'GET',
    url: () => '/api/referrals?personId=me',
  },
  {
    route: 'POST /api/referrals',
    status: 400,
    code: 'validation_failed',
    method: 'POST',
    url: () => '/api/referrals',
    body: (i) => ({ personId: i.person, targetKind: 'job', targetId: i.vacancy }),
  },
  {
    route: 'POST /api/referrals',
    status: 409,
    code: 'conflict',
    method: 'POST',
    url: () => '/api/referrals',
    body: (i) => ({ personId: i.person, targetKind: 'vacancy', targetId: i.vacancy }),
  },
  {
    route: 'POST /api/referrals',
    status: 422,
    code: 'invalid_reference',
    method: 'POST',
    url: () => '/api/referrals',
    body: (i) => ({ personId: i.person, targetKind: 'training', targetId: unknown }),
  },
  {
    route: 'GET /api/referrals/:id',
    status: 400,
    code: 'validation_failed',
    method: 'GET',
    url: () => '/api/referrals/1',
  },
  {
    route: 'GET /api/referrals/:id',
    status: 404,
    code: 'not_found',
    method: 'GET',
    url: () => `/api/referrals/${unknown}`,
  },
  {
    route: 'PUT /api/referrals/:id',
    status: 400,
    code: 'validation_failed',
    method: 'PUT',
    url: (i) => `/api/referrals/${i.referral}`,
    body: () => ({ followUpOn: 'later' }),
    ifMatch: '"1"',
  },
  {
    route: 'PUT /api/referrals/:id',
    status: 404,
    code: 'not_found',
    method: 'PUT',
    url: () => `/api/referrals/${unknown}`,
    body: () => ({}),
    ifMatch: '"1"',
  },
  {
    route: 'PUT /api/referrals/:id',
    status: 412,
    code: 'version_conflict',
    method: 'PUT',
    url: (i) => `/api/referrals/${i.referral}`,
    body: () => ({}),
    ifMatch: '"9"',
  },
  {
    route: 'PUT /api/referrals/:id',
    status: 428,
    code: 'precondition_required',
    method: 'PUT',
    url: (i) => `/api/referrals/${i.referral}`,
    body: () => ({}),
  },
  {
    route: 'POST /api/referrals/:id/status',
    status: 400,
    code: 'validation_failed',
    method: 'POST',
    url: (i) => `/api/referrals/${i.referral}/status`,
    body: () => ({ to: 'hired' }),
    ifMatch: '"1"',
  },
  {
    route: 'POST /api/referrals/:id/status',
    status: 404,
    code: 'not_found',
    method: 'POST',
    url: () => `/api/referrals/${unknown}/status`,
    body: () => ({ to: 'sent' }),
    ifMatch: '"1"',
  },
  {
    route: 'POST /api/referrals/:id/status',
    status: 409,
    code: 'invalid_transition',
    method: 'POST',
    url: (i) => `/api/referrals/${i.referral}/status`,
    body: () => ({ to: 'completed' }),
    ifMatch: '"1"',
  },
  {
    route: 'POST /api/referrals/:id/status',
    status: 412,
    code: 'version_conflict',
    method: 'POST',
    url: (i) => `/api/referrals/${i.referral}/status`,
    body: () => ({ to: 'sent' }),
    ifMatch: '"9"',
  },
  {
    route: 'POST /api/referrals/:id/status',
    status: 428,
    code: 'precondition_required',
    method: 'POST',
    url: (i) => `/api/referrals/${i.referral}/status`,
    body: () => ({ to: 'sent' }),
  },
  {
    route: 'DELETE /api/referrals/:id',
    status: 400,
    code: 'validation_failed',
    method: 'DELETE',
    url: () => '/api/referrals/1',
    ifMatch: '"1"',
  },
  {
    route: 'DELETE /api/referrals/:id',
    status: 404,
    code: 'not_found',
    method: 'DELETE',
    url: () => `/api/referrals/${unknown}`,
    ifMatch: '"1"',
  },
  {
    route: 'DELETE /api/referrals/:id',
    status: 412,
    code: 'version_conflict',
    method: 'DELETE',
    url: (i) => `/api/referrals/${i.referral}`,
    ifMatch: '"9"',
  },
  {
    route: 'DELETE /api/referrals/:id',
    status: 428,
    code: 'precondition_required',
    method: 'DELETE',
    url: (i) => `/api/referrals/${i.referral}`,
  },
  {
    route: 'GET /api/referrals/:id/history',
    status: 400,
    code: 'validation_failed',
    method: 'GET',
    url: (i) => `/api/referrals/${i.referral}/history?limit=-1`,
  },
  {
    route: 'GET /api/referrals/:id/history',
    status: 404,
    code: 'not_found',
    method: 'GET',
    url: () => `/api/referrals/${unknown}/history`,
  },
];

describe.each(testDatabaseKinds())('error answers of the record routes on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let ids: Ids;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const post = async (url: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url, payload });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
      return res.json().id as string;
    };
    const org = await post('/api/organisations', { kind: 'employer', name: 'Employer' });
    const archivedOrg = await post('/api/organisations', { kind: 'employer', name: 'Closed employer' });
    await t.app.inject({
      method: 'DELETE',
      url: `/api/organisations/${archivedOrg}`,
      headers: { 'if-match': '"1"' },
    });
    const person = await post('/api/people', { givenName: 'Main' });
    const otherPerson = await post('/api/people', { givenName: 'Other' });
    await post('/api/people', { givenName: 'Taken', externalId: 'taken-person' });
    await post(`/api/people/${person}/consents`, {
      purpose: 'referral',
      recipientOrganisationId: org,
      method: 'signed_form',
    });
    const vacancy = await post('/api/vacancies', { employerId: org, title: 'V' });
    await post('/api/vacancies', { employerId: org, title: 'T', externalId: 'taken-vacancy' });
    const training = await post('/api/trainings', { providerId: org, title: 'T', type: 'digital' });
    await post('/api/trainings', {
      providerId: org,
      title: 'T',
      type: 'digital',
      externalId: 'taken-training',
    });
    const service = await post('/api/services', { providerId: org, title: 'S', category: 'other' });
    await post('/api/services', {
      providerId: org,
      title: 'S',
      category: 'other',
      externalId: 'taken-service',
    });
    const event = await post('/api/events', {
      type: 'job_fair',
      title: 'E',
      startsAt: '2025-01-01T10:00:00Z',
    });
    await post('/api/events', {
      type: 'job_fair',
      title: 'E',
      startsAt: '2025-01-01T10:00:00Z',
      externalId: 'taken-event',
    });
    const referral = await post('/api/referrals', {
      personId: person,
      targetKind: 'vacancy',
      targetId: vacancy,
    });
    ids = { org, archivedOrg, person, otherPerson, vacancy, training, service, event, referral };
  });
  afterAll(async () => t.close());

  test.each(cases.map((c) => [`${c.route} → ${c.status} ${c.code}`, c] as const))('%s', async (_name, c) => {
    const headers: Record<string, string> = c.ifMatch ? { 'if-match': c.ifMatch } : {};
    const res = await t.app.inject({
      method: c.method,
      url: c.url(ids),
      headers,
      payload: c.body ? (c.body(ids) as object) : undefined,
    });
    expect(res.statusCode, res.body).toBe(c.status);
    expect(res.json().code).toBe(c.code);
  });

  test('every record route has its error answers listed above', () => {
    // The record modules' routes (other modules add routes under the same paths, e.g. matches).
    const mine =
      /^\/api\/(people|vacancies|trainings|services|events|referrals)(\/:id(\/(duplicates|merge|history|status))?)?$/;
    const routes = (t.app.passerelle?.routes ?? [])
      .filter((r) => mine.test(r.url))
      .map((r) => `${r.method} ${r.url}`);
    expect(routes.length).toBe(35);
    const covered = new Set(cases.map((c) => c.route));
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
  });
});
