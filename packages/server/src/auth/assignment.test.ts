import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisationStore, type UserRow } from '@passerelle/db';
import { testDatabaseKinds } from '@passerelle/db/testing';
import { createTestApp } from '../testing';
import { createTestUser, openTestSession } from './testing';

/**
 * Sensitive fields are for the assigned case managers (C8). A case manager of the organisation
 * who is not assigned may edit a person's ordinary fields, so the assignment itself must be out of
 * their reach: otherwise they could join the caseload and read the sensitive fields.
 */
describe.each(testDatabaseKinds().slice(0, 1))('changing the assignment on $name', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: string;
  let outsider: UserRow;
  let outsiderHeaders: Record<string, string>;
  let assigned: UserRow;
  let assignedHeaders: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = (
      await createOrganisationStore(t.database.db).create(
        { kind: 'mission', name: 'Mission Tbilisi', country: 'GE', data: {} },
        randomUUID(),
      )
    ).id;
    outsider = await createTestUser(t.database, { role: 'case_manager', organisationId: org, country: 'GE' });
    outsiderHeaders = await openTestSession(t.database, outsider.id);
    assigned = await createTestUser(t.database, { role: 'case_manager', organisationId: org, country: 'GE' });
    assignedHeaders = await openTestSession(t.database, assigned.id);
  });
  afterAll(async () => t.close());

  /** A person of the organisation in `assigned`'s caseload (created by the administrator). */
  async function newPerson(name: string) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      payload: {
        givenName: name,
        familyName: 'Beridze',
        owningOrganisationId: org,
        caseManagerIds: [assigned.id],
        healthNotes: `health of ${name}`,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  }
  const read = (id: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: `/api/people/${id}`, headers });
  /** Replaces the person as `headers` sees it, with `change` applied. */
  async function replace(id: string, headers: Record<string, string>, change: Record<string, unknown>) {
    const current = await read(id, headers);
    const {
      id: _id,
      version,
      createdAt,
      updatedAt,
      archivedAt,
      completeness,
      mergedIntoId,
      ...body
    } = current.json();
    void [version, createdAt, updatedAt, archivedAt, completeness, mergedIntoId];
    return t.app.inject({
      method: 'PUT',
      url: `/api/people/${id}`,
      headers: { ...headers, 'if-match': String(current.headers.etag) },
      payload: { ...body, ...change },
    });
  }

  test('a case manager of the organisation who is not assigned cannot join the caseload by a replace', async () => {
    const p = await newPerson('Nino');
    expect((await read(p.id, outsiderHeaders)).json()).not.toHaveProperty('healthNotes');
    const res = await replace(p.id, outsiderHeaders, {
      caseManagerIds: [outsider.id],
      owningOrganisationId: null,
      familyName: 'Beridze-Lomidze',
    });
    expect(res.statusCode, res.body).toBe(200);
    // The ordinary change is kept; the assignment is not.
    expect(res.json().familyName).toBe('Beridze-Lomidze');
    expect(res.json().caseManagerIds).toEqual([assigned.id]);
    expect(res.json().owningOrganisationId).toBe(org);
    expect(res.body).not.toContain('health of Nino');
    expect((await read(p.id, outsiderHeaders)).json()).not.toHaveProperty('healthNotes');
    expect((await read(p.id, assignedHeaders)).json().healthNotes).toBe('health of Nino');
  });

  test('nor by handing the person over to themself, nor by merging a record of their own into it', async () => {
    const p = await newPerson('Giorgi');
    const handover = await t.app.inject({
      method: 'POST',
      url: `/api/people/${p.id}/handover`,
      headers: { ...outsiderHeaders, 'if-match': `"${p.version}"` },
      payload: { toCaseManagerId: outsider.id },
    });
    expect(handover.statusCode, handover.body).toBe(403);
    expect(handover.json().details.reason).toBe('assignment_change');

    // A record the outsider creates is in their caseload; merging it would join the caseloads.
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: outsiderHeaders,
      payload: { givenName: 'Giorgi', familyName: 'Beridze', owningOrganisationId: org },
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().caseManagerIds).toEqual([outsider.id]);
    const merge = await t.app.inject({
      method: 'POST',
      url: `/api/people/${p.id}/merge`,
      headers: { ...outsiderHeaders, 'if-match': `"${p.version}"` },
      payload: { duplicateId: own.json().id },
    });
    expect(merge.statusCode, merge.body).toBe(403);
    expect(merge.json().details.reason).toBe('assignment_change');
    expect((await read(p.id, outsiderHeaders)).json()).not.toHaveProperty('healthNotes');
  });

  test('an assigned case manager and an administrator can change the assignment', async () => {
    const p = await newPerson('Tamar');
    const res = await replace(p.id, assignedHeaders, { caseManagerIds: [assigned.id, outsider.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().caseManagerIds).toEqual([assigned.id, outsider.id]);
    expect((await read(p.id, outsiderHeaders)).json().healthNotes).toBe('health of Tamar');
    const byAdmin = await replace(
      p.id,
      { 'x-access-reason': 'reassigning the caseload' },
      {
        caseManagerIds: [outsider.id],
      },
    );
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect((await read(p.id, assignedHeaders)).json()).not.toHaveProperty('healthNotes');
  });
});
