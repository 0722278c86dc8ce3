import { expect, test } from 'vitest';
import { activeConsents, consentInput, isConsentActive, sharedFieldsOf, type ConsentRecord } from './consent';

const base: ConsentRecord = {
  id: 'c1',
  personId: 'p1',
  purpose: 'share_profile_with_employer',
  recipientOrganisationId: 'org-a',
  recipientCategory: null,
  fields: ['skills'],
  method: 'signed_form',
  witness: null,
  note: null,
  startsAt: '2026-01-01T00:00:00Z',
  expiresAt: '2026-07-01T00:00:00Z',
  withdrawnAt: null,
  withdrawnBy: null,
  withdrawalReason: null,
  recordedBy: 'u1',
  createdAt: '2026-01-01T00:00:00Z',
};

test('a consent is active between its start and its expiry or withdrawal', () => {
  expect(isConsentActive(base, new Date('2025-12-31T23:59:59Z'))).toBe(false);
  expect(isConsentActive(base, new Date('2026-03-01T00:00:00Z'))).toBe(true);
  expect(isConsentActive(base, new Date('2026-07-01T00:00:00Z'))).toBe(false);
  expect(
    isConsentActive({ ...base, withdrawnAt: '2026-02-01T00:00:00Z' }, new Date('2026-02-01T00:00:00Z')),
  ).toBe(false);
});

test('a consent covers its purpose and recipient (organisation or category) only', () => {
  const at = new Date('2026-03-01T00:00:00Z');
  const cat: ConsentRecord = {
    ...base,
    id: 'c2',
    recipientOrganisationId: null,
    recipientCategory: 'employers',
    fields: null,
  };
  expect(
    activeConsents([base, cat], 'share_profile_with_employer', { organisationId: 'org-a' }, at).map(
      (c) => c.id,
    ),
  ).toEqual(['c1']);
  expect(
    activeConsents(
      [base, cat],
      'share_profile_with_employer',
      { organisationId: 'org-b', category: 'employers' },
      at,
    ).map((c) => c.id),
  ).toEqual(['c2']);
  expect(activeConsents([base], 'referral', { organisationId: 'org-a' }, at)).toEqual([]);
  expect(sharedFieldsOf([base])).toEqual(['skills']);
  expect(sharedFieldsOf([base, cat])).toBeNull();
  expect(sharedFieldsOf([])).toEqual([]);
});

test('a verbal consent needs a witness and a recipient', () => {
  const r = consentInput.safeParse({ purpose: 'matching', method: 'verbal_with_witness' });
  expect(r.success).toBe(false);
  expect(r.error?.issues.map((i) => i.path[0]).sort()).toEqual(['recipientOrganisationId', 'witness']);
});
