import { expect, test } from 'vitest';
import { followUpOnAfterContact } from './follow-up-due';

test('after a follow-up at a month point the reminder moves to the next point, unless a later date stands', () => {
  // Started 31 January: the 3-month point falls on 30 April.
  expect(followUpOnAfterContact('2025-01-31', '2025-02-28', '2025-03-03', [1])).toBe('2025-04-30');
  expect(followUpOnAfterContact('2025-01-31', null, '2025-03-03', [1])).toBe('2025-04-30');
  // A date the counsellor set after the contact is kept.
  expect(followUpOnAfterContact('2025-01-31', '2025-04-02', '2025-03-03', [1])).toBeUndefined();
  // Every point recorded: no reminder left.
  expect(followUpOnAfterContact('2025-01-31', '2026-01-31', '2026-02-02', [1, 3, 6, 12])).toBeNull();
  // A placement that never started has no points.
  expect(followUpOnAfterContact(null, null, '2025-03-03', [1])).toBeUndefined();
});
