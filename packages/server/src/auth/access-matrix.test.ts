import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  decideAccess,
  fieldAccessFor,
  recordScopeOf,
  resourceKindOf,
  roles,
  type AccessAction,
  type AccessFacts,
  type AccessSubject,
  type Role,
} from '@passerelle/core';
import {
  createApiTokenStore,
  createConsentStore,
  createOrganisationStore,
  type UserRow,
} from '@passerelle/db';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { createTestApp } from '../testing';
import { createTestUser, openTestSession } from './testing';
import type { RegisteredRoute } from '../app';

/**
 * The access-control matrix (C8): every API route registered in the app at test time × every
 * role (and anonymous) × a caller of the record's own organisation or of another one × with or
 * without an `X-Access-Reason`. Expectations come from the rule table in core; the test fails on
 * any answer that lets a caller through where the table says no, on any response that carries a
 * person's ordinary fields to someone who may not read them or their sensitive fields to someone
 * who may not see them, and on any secret in a response. Routes added later are covered
 * automatically (by the naming conventions below); unknown ones are listed in the summary.
 */

/**
 * `own`: the caller is of the person's organisation (and, for a case manager or counsellor,
 * assigned to the person); `unassigned`: of the same organisation but not assigned (case managers
 * and counsellors only); `other`: of another organisation.
 */
type Variant = 'own' | 'unassigned' | 'other';
interface Case {
  route: RegisteredRoute;
  role: Role | 'anonymous';
  variant: Variant;
  reason: boolean;
}

/** Resource type of a collection segment. */
const typeOfCollection: Record<string, string> = {
  people: 'person',
  organisations: 'organisation',
  vacancies: 'vacancy',
  trainings: 'training',
  referrals: 'referral',
  'follow-ups': 'follow_up',
  services: 'service',
  events: 'event',
  users: 'user',
  tokens: 'token',
  consents: 'consent',
  audit: 'audit',
  retention: 'retention',
  taxonomy: 'taxonomy',
  reports: 'report',
  indicators: 'indicator',
  matches: 'match',
};

/** The type and action a route stands for (explicit for trust routes, by convention for the rest). */
function accessOf(route: RegisteredRoute): {
  type: string;
  action: AccessAction;
  self?: boolean;
  exportFull?: boolean;
  collection?: boolean;
} {
  const { method, url } = route;
  const segs = url.split('/').filter(Boolean).slice(1);
  if (segs[0] === 'auth') return { type: 'user', action: 'read', self: true };
  if (url === '/api/people/:personId/consents')
    return { type: 'consent', action: method === 'GET' ? 'list' : 'create' };
  if (url === '/api/consents/:id/withdraw') return { type: 'consent', action: 'update' };
  if (url.startsWith('/api/people/:personId/export'))
    return { type: 'person', action: 'export', exportFull: true };
  if (url === '/api/people/:personId/erase') return { type: 'person', action: 'delete' };
  // A person's follow-ups are case records of the person, not the person itself.
  if (url === '/api/people/:id/follow-ups')
    return { type: 'follow_up', action: method === 'GET' ? 'list' : 'create' };
  if (url === '/api/users/:id/reset-link') return { type: 'user', action: 'update' };
  if (url === '/api/audit/verify') return { type: 'audit', action: 'read' };
  // Tried with `people`: the export that could carry personal and sensitive fields.
  if (url === '/api/exports/:kind') return { type: 'person', action: 'export', collection: true };
  if (segs[0] === 'retention') return { type: 'retention', action: method === 'GET' ? 'list' : 'update' };
  const type = typeOfCollection[segs[0] ?? ''] ?? (segs[0] ?? '').replace(/s$/, '');
  const last = segs[segs.length - 1] ?? '';
  const item = segs.length >= 2 && segs[1]!.startsWith(':');
  if (last === 'export') return { type, action: 'export' };
  if (segs.length > 2) return { type, action: method === 'GET' ? 'read' : 'update' };
  if (method === 'GET') return { type, action: item ? 'read' : 'list' };
  if (method === 'POST') return { type, action: item ? 'update' : 'create' };
  if (method === 'PUT' || method === 'PATCH') return { type, action: 'update' };
  if (method === 'DELETE') return { type, action: type === 'token' ? 'delete' : 'archive' };
  return { type, action: 'read' };
}

describe.each(testDatabaseKinds().slice(0, 1))('access-control matrix on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let orgA: string;
  let orgB: string;
  let admin: Record<string, string>;
  let peopleRoute = false;
  /** Offers of organisation A, when the records routes exist (created by the administrator). */
  let vacancyId: string | null = null;
  let trainingId: string | null = null;
  let serviceId: string | null = null;
  let eventId: string | null = null;
  /** The case manager of organisation A that handovers go to. */
  let handoverTarget: UserRow;
  const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  /** Every person fixture by marker number: its record, for judging what a response may contain. */
  const people = new Map<number, Record<string, unknown>>();
  let counter = 0;

  beforeAll(async () => {
    t = await createTestApp(kind, { actor: null, signInRateLimit: { max: 1_000_000, timeWindow: 60_000 } });
    const orgs = createOrganisationStore(t.database.db);
    orgA = (
      await orgs.create({ kind: 'mission', name: 'Matrix mission A', country: 'GE', data: {} }, randomUUID())
    ).id;
    orgB = (
      await orgs.create({ kind: 'mission', name: 'Matrix mission B', country: 'BE', data: {} }, randomUUID())
    ).id;
    const a = await createTestUser(t.database, { role: 'administrator' });
    admin = await openTestSession(t.database, a.id, { mfa: true });
    peopleRoute = t.app.passerelle.routes.some((r) => r.method === 'POST' && r.url === '/api/people');
    const offer = async (url: string, payload: object) => {
      if (!t.app.passerelle.routes.some((r) => r.method === 'POST' && r.url === url)) return null;
      const res = await t.app.inject({ method: 'POST', url, headers: admin, payload });
      expect(res.statusCode, `creating a fixture at ${url}: ${res.body}`).toBe(201);
      return res.json().id as string;
    };
    vacancyId = await offer('/api/vacancies', { employerId: orgA, title: 'Matrix vacancy' });
    trainingId = await offer('/api/trainings', {
      providerId: orgA,
      title: 'Matrix course',
      type: 'vocational',
    });
    serviceId = await offer('/api/services', {
      providerId: orgA,
      title: 'Matrix service',
      category: 'banking',
    });
    eventId = await offer('/api/events', {
      type: 'job_fair',
      title: 'Matrix fair',
      startsAt,
      organiserId: orgA,
    });
    handoverTarget = await createTestUser(t.database, {
      role: 'case_manager',
      organisationId: orgA,
      country: 'GE',
    });
  }, 120_000);
  afterAll(async () => t.close());

  /** A fresh person in organisation A, assigned to `assignee` when given, with ordinary and sensitive markers. */
  async function makePerson(assignee: string | null): Promise<Record<string, unknown>> {
    const n = ++counter;
    const record: Record<string, unknown> = {
      givenName: `ORDMARK${n}Z`,
      familyName: 'Matrix',
      owningOrganisationId: orgA,
      country: 'GE',
      caseManagerIds: assignee ? [assignee] : [],
      // An ordinary field outside what an employer or a provider is shown by default.
      contact: { phone: `SHAREMARK${n}Z` },
      healthNotes: `SENSMARK${n}Z`,
      psychosocialNotes: `SENSMARK${n}Z`,
      legalStatus: { residenceStatus: `SENSMARK${n}Z` },
      identityDocuments: [{ type: 'passport', number: `SENSMARK${n}Z` }],
    };
    if (peopleRoute) {
      const res = await t.app.inject({ method: 'POST', url: '/api/people', headers: admin, payload: record });
      expect(res.statusCode, `creating a person fixture: ${res.body}`).toBe(201);
      record.id = res.json().id;
    } else {
      record.id = randomUUID();
    }
    people.set(n, record);
    return record;
  }

  function subjectOf(user: UserRow): AccessSubject {
    return {
      role: user.role as Role,
      userId: user.id,
      organisationId: user.organisationId,
      country: user.country,
      personId: user.personId,
      grants: user.grants ?? [],
    };
  }

  /** What the rules say this caller may see of a person fixture. */
  function personAccess(subject: AccessSubject, person: Record<string, unknown>, reason: boolean) {
    const shared = subject.organisationId === orgA;
    const facts: AccessFacts = {
      record: recordScopeOf('person', person),
      sharedWithSubject: subject.role === 'employer' && shared,
      referredToSubject: (subject.role === 'training_provider' || subject.role === 'partner') && shared,
    };
    return fieldAccessFor(subject, 'person', facts, {
      accessReason: reason ? 'matrix: reviewing a complaint' : null,
    });
  }

  const outcomes = { decidedByAuth: 0, allowed: 0, otherStatus: 0, unknownRoutes: new Set<string>() };
  /** Per route: the statuses that were not an authorization decision (validation, not found...). */
  const undecided = new Map<string, { decided: number; other: Set<number> }>();
  const problems: string[] = [];

  interface Fixture {
    actor: UserRow | null;
    headers: Record<string, string>;
    person: Record<string, unknown>;
    consent: { id: string };
    targetUser: UserRow;
    targetToken: string;
    referralId: string | null;
    followUpId: string | null;
  }
  const fixtures = new Map<string, Fixture>();

  /**
   * The caller and the records of one role and variant, made once and shared by the cases (the
   * destructive routes run last). The person belongs to organisation A; in the `own` variant the
   * caller is of organisation A, and a case manager or counsellor is assigned to the person.
   */
  async function fixtureFor(role: Role | 'anonymous', variant: Variant): Promise<Fixture> {
    const key = `${role}|${variant}`;
    const cached = fixtures.get(key);
    if (cached) return cached;
    let actor: UserRow | null = null;
    let headers: Record<string, string> = {};
    const org = variant === 'other' ? orgB : orgA;
    const country = variant === 'other' ? 'BE' : 'GE';
    if (role !== 'anonymous') {
      actor = await createTestUser(t.database, {
        role,
        organisationId: role === 'person' ? null : org,
        country,
      });
      headers = await openTestSession(t.database, actor.id, { mfa: true });
    }
    const assigned = variant === 'own' && (role === 'case_manager' || role === 'counsellor');
    const person = await makePerson(assigned && actor ? actor.id : null);
    if (actor && role === 'person') {
      // The person's own account is linked to the fixture only in the `own` variant.
      const personId = variant === 'own' ? String(person.id) : randomUUID();
      await t.database.query('update users set person_id = $1 where id = $2', [personId, actor.id]);
      actor = { ...actor, personId };
    }
    const consents = createConsentStore(t.database.db);
    const now = new Date(Date.now() - 1000);
    const base = { personId: String(person.id), method: 'signed_form' as const, recordedBy: null, now };
    await consents.record({
      ...base,
      id: randomUUID(),
      purpose: 'share_profile_with_employer',
      recipientOrganisationId: orgA,
    });
    await consents.record({ ...base, id: randomUUID(), purpose: 'referral', recipientOrganisationId: orgA });
    const consent = await consents.record({
      ...base,
      id: randomUUID(),
      purpose: 'matching',
      recipientCategory: 'programme',
    });
    const targetUser = await createTestUser(t.database, { role: 'employer', organisationId: orgA });
    const targetToken = randomUUID();
    await createApiTokenStore(t.database.db).create({
      id: targetToken,
      userId: targetUser.id,
      name: 'm',
      prefix: 'psl_m',
      tokenHash: randomUUID(),
      scopes: ['*:read'],
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    let referralId: string | null = null;
    if (vacancyId) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/referrals',
        headers: admin,
        payload: { personId: person.id, targetKind: 'vacancy', targetId: vacancyId },
      });
      expect(res.statusCode, `creating a referral fixture: ${res.body}`).toBe(201);
      referralId = res.json().id as string;
    }
    let followUpId: string | null = null;
    if (t.app.passerelle.routes.some((r) => r.url === '/api/people/:id/follow-ups')) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/people/${String(person.id)}/follow-ups`,
        headers: admin,
        payload: { on: '2025-01-15', channel: 'phone', reached: false },
      });
      expect(res.statusCode, `creating a follow-up fixture: ${res.body}`).toBe(201);
      followUpId = res.json().id as string;
    }
    const f = { actor, headers, person, consent, targetUser, targetToken, referralId, followUpId };
    fixtures.set(key, f);
    return f;
  }

  async function runCase(c: Case): Promise<void> {
    const access = accessOf(c.route);
    const label = `${c.route.method} ${c.route.url} as ${c.role} (${c.variant}${c.reason ? ', with reason' : ''})`;
    // An allowed archive of organisation A must not change the fixtures of later cases.
    await t.database.query('update organisations set archived_at = null where id = $1 or id = $2', [
      orgA,
      orgB,
    ]);
    const f = await fixtureFor(c.role, c.variant);
    const { actor, person, consent, targetUser, targetToken, referralId, followUpId } = f;
    // Sign-out, password and two-factor routes end or change sessions: they get a session of their own.
    const headers: Record<string, string> =
      actor && c.route.url.startsWith('/api/auth/')
        ? await openTestSession(t.database, actor.id, { mfa: true })
        : { ...f.headers };
    if (c.reason) headers['x-access-reason'] = 'matrix: reviewing a complaint';

    // The URL: known parameters point at this case's fixtures; others at an unknown id.
    const url = c.route.url
      .replace(':personId', String(person.id))
      .replace(/^\/api\/people\/:id/, `/api/people/${String(person.id)}`)
      .replace(/^\/api\/organisations\/:id/, `/api/organisations/${orgA}`)
      .replace(/^\/api\/users\/:id/, `/api/users/${targetUser.id}`)
      .replace(/^\/api\/tokens\/:id/, `/api/tokens/${targetToken}`)
      .replace(/^\/api\/consents\/:id/, `/api/consents/${consent.id}`)
      .replace(/^\/api\/vacancies\/:id/, `/api/vacancies/${vacancyId ?? randomUUID()}`)
      .replace(/^\/api\/trainings\/:id/, `/api/trainings/${trainingId ?? randomUUID()}`)
      .replace(/^\/api\/referrals\/:id/, `/api/referrals/${referralId ?? randomUUID()}`)
      .replace(/^\/api\/follow-ups\/:id/, `/api/follow-ups/${followUpId ?? randomUUID()}`)
      .replace(/^\/api\/services\/:id/, `/api/services/${serviceId ?? randomUUID()}`)
      .replace(/^\/api\/events\/:id/, `/api/events/${eventId ?? randomUUID()}`)
      .replace(/^\/api\/exports\/:kind/, '/api/exports/people')
      .replace(':programme', 'avrr')
      .replace(/:[A-Za-z]+/g, () => randomUUID())
      .replace('*', '');
    const known =
      /^\/api\/(people|organisations|users|tokens|consents|audit|retention|auth|vacancies|trainings|referrals|follow-ups|exports|services|events)\b/.test(
        c.route.url,
      );
    if (!known) outcomes.unknownRoutes.add(`${c.route.method} ${c.route.url}`);

    const bodies: Record<string, unknown> = {
      'POST /api/organisations': { kind: 'employer', name: `Matrix employer ${counter}`, country: 'GE' },
      'PUT /api/organisations/:id': { kind: 'mission', name: 'Matrix mission A', country: 'GE' },
      'POST /api/users': {
        email: `new-${randomUUID()}@passerelle.test`,
        role: 'employer',
        organisationId: orgA,
      },
      'PATCH /api/users/:id': { displayName: 'Renamed' },
      'POST /api/tokens': { name: 'matrix', scopes: ['organisation:read'], expiresInDays: 1 },
      'POST /api/people/:personId/consents': {
        purpose: 'matching',
        recipientCategory: 'programme',
        method: c.role === 'person' ? 'self_service' : 'signed_form',
      },
      'POST /api/consents/:id/withdraw': { reason: 'matrix' },
      'POST /api/people/:personId/erase': { reason: 'matrix erasure test' },
      'POST /api/vacancies': { employerId: orgA, title: 'Matrix vacancy 2' },
      'PUT /api/vacancies/:id': { employerId: orgA, title: 'Matrix vacancy' },
      'POST /api/trainings': { providerId: orgA, title: 'Matrix course 2', type: 'vocational' },
      'PUT /api/trainings/:id': { providerId: orgA, title: 'Matrix course', type: 'vocational' },
      'POST /api/referrals': {
        personId: person.id,
        targetKind: 'training',
        targetId: trainingId ?? randomUUID(),
      },
      'PUT /api/retention/rules/:programme': { afterClosureDays: 365, afterInactivityDays: null },
      'POST /api/services': { providerId: orgA, title: 'Matrix service 2', category: 'banking' },
      'PUT /api/services/:id': { providerId: orgA, title: 'Matrix service', category: 'banking' },
      'POST /api/events': { type: 'job_fair', title: 'Matrix fair 2', startsAt, organiserId: orgA },
      'PUT /api/events/:id': { type: 'job_fair', title: 'Matrix fair', startsAt, organiserId: orgA },
      // The fixture as it was created, so that an allowed replace changes nothing later cases rely on.
      'PUT /api/people/:id': Object.fromEntries(Object.entries(person).filter(([k]) => k !== 'id')),
      'POST /api/people/:id/handover': { toCaseManagerId: handoverTarget.id },
      'POST /api/people/:id/close': { reason: 'other' },
      'POST /api/referrals/:id/status': { to: 'sent' },
      'POST /api/people/:id/follow-ups': { on: '2025-02-15', channel: 'phone', reached: false },
      'PUT /api/follow-ups/:id': { on: '2025-01-15', channel: 'video', reached: false },
      'POST /api/auth/sign-in': { email: 'nobody@passerelle.test', password: 'not a real password' },
      // A created record echoes what its author typed: no fixture markers in it.
      'POST /api/people': {
        givenName: 'Created',
        familyName: 'Matrix',
        owningOrganisationId: orgA,
        healthNotes: 'typed by the author',
      },
    };
    const key = `${c.route.method} ${c.route.url}`;
    if (key === 'POST /api/people/:id/merge') {
      // A duplicate scoped like the case's person, so that an allowed merge is possible.
      const assignee = (person.caseManagerIds as string[])[0] ?? null;
      bodies[key] = { duplicateId: (await makePerson(assignee)).id };
    }
    const method = c.route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    const send: Record<string, string> = { ...headers };
    // Changes of a version (replace, delete, and the POSTs that act on a person or a referral).
    const versioned = /\/(handover|merge|status|close|reopen)$/.exec(url);
    if (method === 'PUT' || method === 'PATCH' || method === 'DELETE' || versioned) {
      // The current version, so that If-Match never hides the authorization decision.
      const of = versioned ? url.slice(0, versioned.index) : url;
      const current = await t.app.inject({ method: 'GET', url: of, headers: admin });
      send['if-match'] = current.headers.etag ? String(current.headers.etag) : '"1"';
    }
    const payload = method === 'GET' || method === 'DELETE' ? undefined : ((bodies[key] ?? {}) as object);
    const res = await t.app.inject({ method, url, headers: send, ...(payload ? { payload } : {}) });

    // Anonymous callers get 401 everywhere but the public routes.
    if (c.role === 'anonymous' || !actor) {
      if (!c.route.public && res.statusCode !== 401)
        problems.push(`${label}: ${res.statusCode}, expected 401`);
      return;
    }
    const subject = subjectOf(actor);
    let expected: boolean;
    if (access.self) expected = true;
    else {
      const kindOf = resourceKindOf(access.type);
      let facts: AccessFacts = { record: null };
      if (access.collection) {
        // A bulk export: allowed to whoever may export some person; the rows are judged by the markers.
      } else if (access.type === 'person' && access.action !== 'list' && access.action !== 'create') {
        facts = {
          record: recordScopeOf('person', person),
          sharedWithSubject: subject.role === 'employer' && subject.organisationId === orgA,
          referredToSubject:
            (subject.role === 'training_provider' || subject.role === 'partner') &&
            subject.organisationId === orgA,
        };
      } else if (access.type === 'consent') {
        facts = {
          record: recordScopeOf('consent', { personId: person.id }),
          person: recordScopeOf('person', person),
        };
      } else if (access.type === 'organisation' && access.action !== 'list') {
        facts = {
          record: recordScopeOf(
            'organisation',
            access.action === 'create' ? { country: 'GE' } : { id: orgA, country: 'GE' },
          ),
        };
        if (access.action === 'create')
          facts = { record: { ...recordScopeOf('organisation', {}), countries: ['GE'] } };
      } else if (
        (access.type === 'vacancy' || access.type === 'training' || access.type === 'service') &&
        access.action !== 'list'
      ) {
        facts = {
          record: recordScopeOf(
            kindOf,
            access.type === 'vacancy' ? { employerId: orgA } : { providerId: orgA },
          ),
        };
      } else if (access.type === 'referral' && access.action !== 'list') {
        facts = {
          record: recordScopeOf('referral', { personId: person.id, organisationId: orgA }),
          person: recordScopeOf('person', person),
        };
      } else if (access.type === 'follow_up') {
        facts = {
          record: recordScopeOf(kindOf, { personId: person.id }),
          person: recordScopeOf('person', person),
        };
      } else if (access.type === 'user' && access.action !== 'list' && access.action !== 'create') {
        facts = { record: recordScopeOf('user', { id: targetUser.id }) };
      } else if (access.type === 'token' && access.action === 'delete') {
        facts = { record: recordScopeOf('token', { id: targetToken, userId: targetUser.id }) };
      } else if (access.type === 'token' && access.action === 'create') {
        facts = { record: recordScopeOf('token', { userId: actor.id }) };
      }
      expected = decideAccess(subject, access.action, kindOf, facts).allowed;
      if (expected && access.exportFull) expected = personAccess(subject, person, c.reason).level === 'full';
    }
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    const tally = undecided.get(key) ?? { decided: 0, other: new Set<number>() };
    undecided.set(key, tally);
    if (ok || res.statusCode === 401 || res.statusCode === 403) {
      outcomes.decidedByAuth++;
      tally.decided++;
    } else {
      outcomes.otherStatus++;
      tally.other.add(res.statusCode);
    }
    if (ok) outcomes.allowed++;
    if (ok && !expected) problems.push(`${label}: ${res.statusCode}, the rules say no`);
    if (res.statusCode === 401 && !access.self) problems.push(`${label}: 401 for a signed-in caller`);

    // Leaks: markers of people the caller may not read, secrets.
    const body = res.body;
    for (const m of body.matchAll(/ORDMARK(\d+)Z/g)) {
      const p = people.get(Number(m[1]));
      if (p && personAccess(subject, p, c.reason).level === 'none')
        problems.push(`${label}: leaks ordinary fields of person ${m[1]}`);
    }
    for (const m of body.matchAll(/SHAREMARK(\d+)Z/g)) {
      const p = people.get(Number(m[1]));
      const level = p ? personAccess(subject, p, c.reason).level : null;
      if (level === 'none' || level === 'shared')
        problems.push(`${label}: leaks a field outside the shared set of person ${m[1]}`);
    }
    for (const m of body.matchAll(/SENSMARK(\d+)Z/g)) {
      const p = people.get(Number(m[1]));
      if (p && personAccess(subject, p, c.reason).level !== 'full')
        problems.push(`${label}: leaks sensitive fields of person ${m[1]}`);
    }
    if (/\$argon2|"passwordHash"|"totpSecret"|"tokenHash"|"secretHash"/.test(body))
      problems.push(`${label}: leaks a secret`);
    if (!c.route.url.startsWith('/api/auth/') && /"csrfToken"/.test(body))
      problems.push(`${label}: leaks a CSRF token`);
  }

  test('no route lets a role through where the rules say no, and no response leaks a field', async () => {
    // MATRIX_ROUTES (a regular expression) narrows the run while working on a few routes.
    const only = process.env.MATRIX_ROUTES ? new RegExp(process.env.MATRIX_ROUTES) : null;
    const routes = t.app.passerelle.routes.filter(
      (r) =>
        r.url.startsWith('/api/') &&
        !r.url.startsWith('/api/docs') &&
        r.url !== '/api/openapi.json' &&
        (!only || only.test(`${r.method} ${r.url}`)),
    );
    expect(routes.length).toBeGreaterThan(only ? 0 : 20);
    const cases: Case[] = [];
    // Destructive routes last, so that earlier cases see the fixtures as built.
    const order = (r: RegisteredRoute) =>
      r.url.includes('erase') ||
      r.url.includes('retention/run') ||
      r.url.endsWith('/handover') ||
      r.url.endsWith('/merge') ||
      r.method === 'DELETE'
        ? 2
        : r.method === 'GET'
          ? 0
          : 1;
    for (const route of [...routes].sort((a, b) => order(a) - order(b))) {
      for (const role of [...roles, 'anonymous'] as const) {
        for (const variant of ['own', 'unassigned', 'other'] as const) {
          for (const reason of [false, true]) {
            if (role === 'anonymous' && (variant !== 'own' || reason)) continue;
            if (variant === 'unassigned' && role !== 'case_manager' && role !== 'counsellor') continue;
            // A reason changes only what administrators see; for others it is tried on reads.
            if (reason && role !== 'administrator' && route.method !== 'GET') continue;
            cases.push({ route, role, variant, reason });
          }
        }
      }
    }
    for (const c of cases) await runCase(c);
    console.info(
      `access matrix: ${routes.length} routes, ${cases.length} cases; ${outcomes.decidedByAuth} decided by authorization (${outcomes.allowed} allowed), ${outcomes.otherStatus} answered otherwise (validation, not found); routes by convention only: ${[...outcomes.unknownRoutes].join(', ') || 'none'}; routes where no signed-in case reached a decision: ${
        [...undecided]
          .filter(([, v]) => v.decided === 0)
          .map(([k, v]) => `${k} (${[...v.other].join('/')})`)
          .join(', ') || 'none'
      }`,
    );
    expect(problems).toEqual([]);
  }, 900_000);
});
