import { expect, test } from 'vitest';
import { recordScopeOf, type AccessSubject } from './access-rules';
import {
  applyFieldAccess,
  defaultPersonSensitiveFields,
  fieldAccessFor,
  staffOnlyFields,
} from './field-visibility';
import type { Role } from './roles';

const subject = (role: Role, extra: Partial<AccessSubject> = {}): AccessSubject => ({
  role,
  userId: 'u1',
  organisationId: 'org-a',
  country: null,
  personId: null,
  grants: [],
  ...extra,
});
const record = {
  id: 'p1',
  organisationId: 'org-a',
  caseManagerIds: ['cm-assigned'],
  givenName: 'Amina',
  phone: '+995 555',
  skills: ['welding'],
  healthNotes: 'asthma',
  psychosocialNotes: 'notes',
  legalStatus: 'pending',
  identityDocuments: ['passport'],
  passwordHash: 'never',
};
const facts = { record: recordScopeOf('person', record) };
const view = (s: AccessSubject, input = {}, f: Parameters<typeof fieldAccessFor>[2] = facts) =>
  applyFieldAccess(record, fieldAccessFor(s, 'person', f, input), defaultPersonSensitiveFields);

test('an assigned case manager sees sensitive fields; another case manager of the organisation does not', () => {
  expect(view(subject('case_manager', { userId: 'cm-assigned' }))).toMatchObject({
    healthNotes: 'asthma',
    legalStatus: 'pending',
  });
  const other = view(subject('case_manager', { userId: 'cm-other' }));
  expect(other.givenName).toBe('Amina');
  for (const f of defaultPersonSensitiveFields) expect(other).not.toHaveProperty(f);
});

test('an administrator sees sensitive fields only with a reason', () => {
  const admin = subject('administrator', { organisationId: null });
  expect(view(admin)).not.toHaveProperty('healthNotes');
  expect(view(admin, { accessReason: 'ok' })).not.toHaveProperty('healthNotes');
  const withReason = fieldAccessFor(admin, 'person', facts, { accessReason: 'complaint 2026-114' });
  expect(withReason).toMatchObject({ level: 'full', byReason: true });
  expect(applyFieldAccess(record, withReason, defaultPersonSensitiveFields)).toHaveProperty(
    'healthNotes',
    'asthma',
  );
});

test('an employer sees only the shared fields and never sensitive ones, even if a consent lists them', () => {
  const emp = subject('employer');
  expect(view(emp)).toEqual({});
  const shared = view(
    emp,
    { consentedFields: ['givenName', 'healthNotes', 'skills'] },
    { ...facts, sharedWithSubject: true },
  );
  expect(shared).toEqual({ id: 'p1', givenName: 'Amina', skills: ['welding'] });
});

test('secret fields never leave, even for the person themself', () => {
  const me = view(subject('person', { personId: 'p1', organisationId: null }));
  expect(me).toHaveProperty('healthNotes');
  expect(me).not.toHaveProperty('passwordHash');
});

test('sensitive paths inside nested objects are removed', () => {
  const nested = { id: 'p1', organisationId: 'org-a', limitations: { health: 'x', hours: 'part-time' } };
  const out = applyFieldAccess(
    nested,
    fieldAccessFor(subject('case_manager'), 'person', { record: recordScopeOf('person', nested) }),
    ['limitations.health'],
  );
  expect(out).toEqual({ id: 'p1', organisationId: 'org-a', limitations: { hours: 'part-time' } });
  expect(nested.limitations.health).toBe('x');
});

test('the people attending an event are shown to staff who work with people, not to employers or the people', () => {
  const event = { id: 'e1', title: 'Job fair', people: [{ personId: 'p1', status: 'registered' }] };
  const eventFacts = { record: recordScopeOf('reference', event) };
  const seen = (s: AccessSubject) =>
    'people' in applyFieldAccess(event, fieldAccessFor(s, 'reference', eventFacts), staffOnlyFields.event!);
  expect(seen(subject('counsellor'))).toBe(true);
  expect(seen(subject('case_manager'))).toBe(true);
  expect(seen(subject('administrator'))).toBe(true);
  expect(seen(subject('programme_manager', { grants: ['personal_details'] }))).toBe(true);
  expect(seen(subject('programme_manager'))).toBe(false);
  expect(seen(subject('employer'))).toBe(false);
  expect(seen(subject('training_provider'))).toBe(false);
  expect(seen(subject('person', { personId: 'p1' }))).toBe(false);
  // The rest of the event is there for everyone who may read it.
  expect(
    applyFieldAccess(event, fieldAccessFor(subject('employer'), 'reference', eventFacts), ['people']),
  ).toEqual({
    id: 'e1',
    title: 'Job fair',
  });
});
