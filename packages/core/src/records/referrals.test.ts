import { expect, test } from 'vitest';
import {
  checkReferralTransition,
  isFinalReferralStatus,
  referralStatuses,
  referralTransitions,
  type ReferralStatus,
} from './referrals';

const base = { at: '2025-03-02', previousAt: '2025-03-01', today: '2025-03-10' };
const attempt =
  (
    from: ReferralStatus,
    to: ReferralStatus,
    extra: Partial<Parameters<typeof checkReferralTransition>[1]> = {},
  ) =>
  () =>
    checkReferralTransition('r1', { from, to, ...base, reason: 'x', ...extra });

test('the pipeline proposed → sent → accepted → started → completed is allowed step by step', () => {
  const path: ReferralStatus[] = ['proposed', 'sent', 'accepted', 'started', 'completed'];
  for (let i = 1; i < path.length; i++) expect(attempt(path[i - 1]!, path[i]!)).not.toThrow();
});

test('skipping a step, going back, or leaving a final status is invalid_transition', () => {
  expect(attempt('proposed', 'accepted')).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
  expect(attempt('started', 'sent')).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
  for (const final of ['rejected', 'completed', 'dropped'] as const) {
    expect(isFinalReferralStatus(final)).toBe(true);
    for (const to of referralStatuses)
      expect(attempt(final, to)).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
  }
});

test('every pair outside the table is refused and every pair inside is accepted', () => {
  for (const from of referralStatuses) {
    for (const to of referralStatuses) {
      const allowed = referralTransitions[from].includes(to);
      if (allowed) expect(attempt(from, to)).not.toThrow();
      else expect(attempt(from, to)).toThrow();
    }
  }
});

test('rejected and dropped need a reason', () => {
  expect(attempt('sent', 'rejected', { reason: null, reasonCode: null })).toThrow(
    expect.objectContaining({ details: expect.objectContaining({ reason: 'reason_required' }) }),
  );
  expect(attempt('sent', 'rejected', { reason: null, reasonCode: 'position_filled' })).not.toThrow();
});

test('a date in the future or before the previous change is refused', () => {
  expect(attempt('proposed', 'sent', { at: '2025-04-01' })).toThrow(
    expect.objectContaining({ details: expect.objectContaining({ reason: 'date_in_future' }) }),
  );
  expect(attempt('proposed', 'sent', { at: '2025-02-01' })).toThrow(
    expect.objectContaining({ details: expect.objectContaining({ reason: 'date_before_previous_change' }) }),
  );
});
