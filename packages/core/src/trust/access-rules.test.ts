import { expect, test } from 'vitest';
import {
  decideAccess,
  listScopeFor,
  recordScopeOf,
  handOver,
  mayChangeAssignment,
  resourceKindOf,
  type AccessSubject,
} from './access-rules';
import type { Role } from './roles';

const orgA = 'org-a';
const orgB = 'org-b';
const subject = (role: Role, extra: Partial<AccessSubject> = {}): AccessSubject => ({
  role,
  userId: `${role}-user`,
  organisationId: orgA,
  country: 'GE',
  personId: null,
  grants: [],
  ...extra,
});
const person = (extra: Record<string, unknown> = {}) =>
  recordScopeOf('person', {
    id: 'p1',
    organisationId: orgA,
    country: 'GE',
    caseManagerIds: [],
    counsellorIds: [],
    ...extra,
  });

test('a case manager reads people of their organisation and caseload, not of another organisation', () => {
  const cm = subject('case_manager');
  expect(decideAccess(cm, 'read', 'person', { record: person() }).allowed).toBe(true);
  expect(decideAccess(cm, 'read', 'person', { record: person({ organisationId: orgB }) }).allowed).toBe(
    false,
  );
  const assigned = decideAccess(cm, 'read', 'person', {
    record: person({ organisationId: orgB, caseManagerIds: ['case_manager-user'] }),
  });
  expect(assigned).toEqual({ allowed: true, scope: 'caseload' });
});

test('a programme manager sees no person unless granted personal details', () => {
  expect(decideAccess(subject('programme_manager'), 'read', 'person', { record: person() }).allowed).toBe(
    false,
  );
  expect(
    decideAccess(subject('programme_manager', { grants: ['personal_details'] }), 'read', 'person', {
      record: person(),
    }).allowed,
  ).toBe(true);
  expect(decideAccess(subject('programme_manager'), 'list', 'report', { record: null }).allowed).toBe(true);
});

test('an employer sees a person only when the person shared their profile with the employer', () => {
  const emp = subject('employer');
  expect(decideAccess(emp, 'read', 'person', { record: person() }).allowed).toBe(false);
  expect(decideAccess(emp, 'read', 'person', { record: person(), sharedWithSubject: true }).allowed).toBe(
    true,
  );
  expect(decideAccess(emp, 'update', 'person', { record: person(), sharedWithSubject: true }).allowed).toBe(
    false,
  );
});

test('a handover moves access from the host-country counsellor to the origin-country case manager', () => {
  const counsellor = subject('counsellor', { organisationId: orgB, country: 'BE' });
  const originCm = subject('case_manager', { userId: 'cm-origin', organisationId: 'org-origin' });
  const before = { id: 'p1', owningOrganisationId: orgB, caseManagerIds: ['counsellor-user'] };
  expect(
    decideAccess(counsellor, 'read', 'person', { record: recordScopeOf('person', before) }).allowed,
  ).toBe(true);
  expect(decideAccess(originCm, 'read', 'person', { record: recordScopeOf('person', before) }).allowed).toBe(
    false,
  );
  const after = {
    ...before,
    ...handOver(before, { fromCounsellorId: 'counsellor-user', toCaseManagerId: 'cm-origin' }),
  };
  expect(after.caseManagerIds).toEqual(['cm-origin']);
  expect(decideAccess(counsellor, 'read', 'person', { record: recordScopeOf('person', after) }).allowed).toBe(
    false,
  );
  expect(decideAccess(originCm, 'read', 'person', { record: recordScopeOf('person', after) }).scope).toBe(
    'caseload',
  );
});

test('the person reads their own profile and nobody else', () => {
  const me = subject('person', { personId: 'p1', organisationId: null });
  expect(decideAccess(me, 'read', 'person', { record: person() }).allowed).toBe(true);
  expect(decideAccess(me, 'read', 'person', { record: person({ id: 'p2' }) }).allowed).toBe(false);
  expect(decideAccess(me, 'delete', 'person', { record: person() }).allowed).toBe(false);
});

test('employers manage their own vacancies only; training providers cannot touch vacancies', () => {
  const emp = subject('employer');
  const mine = recordScopeOf('vacancy', { id: 'v1', employerId: orgA });
  const theirs = recordScopeOf('vacancy', { id: 'v2', employerId: orgB });
  expect(decideAccess(emp, 'update', 'vacancy', { record: mine }).allowed).toBe(true);
  expect(decideAccess(emp, 'update', 'vacancy', { record: theirs }).allowed).toBe(false);
  expect(decideAccess(subject('training_provider'), 'create', 'vacancy', { record: null }).allowed).toBe(
    false,
  );
});

test('referrals are visible to the organisation they are addressed to', () => {
  const provider = subject('training_provider');
  const toMe = recordScopeOf('referral', { id: 'r1', personId: 'p1', organisationId: orgA });
  const toOther = recordScopeOf('referral', { id: 'r2', personId: 'p1', organisationId: orgB });
  expect(decideAccess(provider, 'read', 'referral', { record: toMe }).allowed).toBe(true);
  expect(decideAccess(provider, 'read', 'referral', { record: toOther }).allowed).toBe(false);
});

test('only administrators reach users, audit and retention', () => {
  for (const role of [
    'programme_manager',
    'case_manager',
    'counsellor',
    'employer',
    'training_provider',
    'partner',
    'person',
  ] as const) {
    for (const kind of ['user', 'audit', 'retention'] as const) {
      expect(decideAccess(subject(role), 'list', kind, { record: null }).allowed).toBe(false);
    }
  }
  expect(decideAccess(subject('administrator'), 'list', 'audit', { record: null }).allowed).toBe(true);
});

test('list scopes turn the rules into store filters', () => {
  expect(listScopeFor(subject('administrator'), 'person').all).toBe(true);
  const cm = listScopeFor(subject('case_manager'), 'person');
  expect(cm).toMatchObject({
    all: false,
    none: false,
    organisationIds: [orgA],
    caseManagerId: 'case_manager-user',
  });
  expect(listScopeFor(subject('employer'), 'person')).toMatchObject({ all: false, perRecord: true });
  expect(listScopeFor(subject('programme_manager'), 'person').none).toBe(true);
});

test('unknown resource types are case records when they name a person', () => {
  expect(resourceKindOf('outcome', { personId: 'p1' })).toBe('case_record');
  expect(resourceKindOf('outcome', { id: 'x' })).toBe('reference');
  expect(
    decideAccess(subject('employer'), 'read', 'case_record', {
      record: recordScopeOf('case_record', { personId: 'p1', organisationId: orgA }),
    }).allowed,
  ).toBe(false);
});

test('a record about a person is never created as ownerless: without the person, scoped roles are refused', () => {
  const cm = subject('case_manager');
  const consent = recordScopeOf('consent', { personId: 'p9' });
  expect(decideAccess(cm, 'create', 'consent', { record: consent }).allowed).toBe(false);
  expect(
    decideAccess(cm, 'create', 'consent', { record: consent, person: person({ id: 'p9' }) }).allowed,
  ).toBe(true);
  expect(
    decideAccess(cm, 'create', 'person', { record: recordScopeOf('person', { givenName: 'New' }) }).allowed,
  ).toBe(true);
});

test('only administrators and the people already assigned may change who a person is assigned to', () => {
  const mine = { record: person({ caseManagerIds: ['case_manager-user', 'counsellor-user'] }) };
  const notMine = { record: person() };
  expect(mayChangeAssignment(subject('administrator'), notMine)).toBe(true);
  expect(mayChangeAssignment(subject('case_manager'), mine)).toBe(true);
  expect(mayChangeAssignment(subject('counsellor'), mine)).toBe(true);
  // Of the same organisation, allowed to edit the ordinary fields, but not to join the caseload.
  expect(decideAccess(subject('case_manager'), 'update', 'person', notMine).allowed).toBe(true);
  expect(mayChangeAssignment(subject('case_manager'), notMine)).toBe(false);
  expect(mayChangeAssignment(subject('counsellor'), notMine)).toBe(false);
  expect(
    mayChangeAssignment(subject('counsellor'), {
      record: person({ caseManagerIds: ['counsellor-user'], handedOverAt: '2026-01-01' }),
    }),
  ).toBe(false);
  for (const role of ['programme_manager', 'employer', 'training_provider', 'partner', 'person'] as const)
    expect(mayChangeAssignment(subject(role, { personId: 'p1' }), mine)).toBe(false);
});

test('a follow-up is a case record of the person: their case manager and counsellor record it, the person reads it, employers and programme managers do not', () => {
  expect(resourceKindOf('follow_up')).toBe('case_record');
  const p = person({ caseManagerIds: ['case_manager-user'], counsellorIds: ['counsellor-user'] });
  const facts = { record: recordScopeOf('case_record', { personId: 'p1' }), person: p };
  for (const action of ['list', 'read', 'create', 'update', 'archive'] as const) {
    expect(decideAccess(subject('case_manager'), action, 'case_record', facts).allowed).toBe(true);
    expect(
      decideAccess(subject('counsellor', { organisationId: orgB }), action, 'case_record', facts).allowed,
    ).toBe(true);
  }
  const self = subject('person', { personId: 'p1', organisationId: null });
  expect(decideAccess(self, 'read', 'case_record', facts).allowed).toBe(true);
  expect(decideAccess(self, 'create', 'case_record', facts).allowed).toBe(false);
  const shared = { ...facts, sharedWithSubject: true, referredToSubject: true };
  expect(decideAccess(subject('employer'), 'read', 'case_record', shared).allowed).toBe(false);
  expect(
    decideAccess(subject('programme_manager', { grants: ['personal_details'] }), 'read', 'case_record', facts)
      .allowed,
  ).toBe(false);
  const stranger = subject('case_manager', { organisationId: orgB, userId: 'someone-else' });
  expect(decideAccess(stranger, 'read', 'case_record', facts).allowed).toBe(false);
});
