import { expect, test } from 'vitest';
import { selectExpiredPeople } from './retention';
import { checkPassword } from './passwords';
import { parseLifetime, scopesAllow } from './roles';

test('retention expires closed and inactive cases per programme, with a default rule', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const rules = [
    { programme: 'avrr', afterClosureDays: 365, afterInactivityDays: null },
    { programme: '*', afterClosureDays: null, afterInactivityDays: 30 },
  ];
  const out = selectExpiredPeople(
    [
      {
        personId: 'old-closed',
        programme: 'avrr',
        closedAt: '2025-01-01T00:00:00Z',
        lastActivityAt: '2025-01-01T00:00:00Z',
      },
      {
        personId: 'recent-closed',
        programme: 'avrr',
        closedAt: '2026-01-01T00:00:00Z',
        lastActivityAt: '2025-01-01T00:00:00Z',
      },
      {
        personId: 'inactive-other',
        programme: 'mobility',
        closedAt: null,
        lastActivityAt: '2026-04-01T00:00:00Z',
      },
      { personId: 'active-other', programme: null, closedAt: null, lastActivityAt: '2026-05-20T00:00:00Z' },
    ],
    rules,
    now,
  );
  expect(out).toEqual([
    { personId: 'old-closed', programme: 'avrr', rule: 'avrr', because: 'closed' },
    { personId: 'inactive-other', programme: 'mobility', rule: '*', because: 'inactive' },
  ]);
});

test('passwords: long enough, not common, not the e-mail', () => {
  expect(checkPassword('correct horse battery')).toEqual([]);
  expect(checkPassword('short').map((i) => i.code)).toEqual(['too_short']);
  expect(checkPassword('Password1234').map((i) => i.code)).toEqual(['too_common']);
  expect(checkPassword('amina.k@example.org', { email: 'amina.k@example.org' }).map((i) => i.code)).toEqual([
    'same_as_email',
  ]);
});

test('token scopes and lifetimes', () => {
  expect(scopesAllow(['people:read'], 'people', 'read')).toBe(true);
  expect(scopesAllow(['people:read'], 'people', 'update')).toBe(false);
  expect(scopesAllow(['*:write'], 'vacancy', 'list')).toBe(true);
  expect(parseLifetime('30d')).toBe(30 * 86_400_000);
  expect(parseLifetime('0d')).toBeNull();
  expect(parseLifetime('forever')).toBeNull();
});
