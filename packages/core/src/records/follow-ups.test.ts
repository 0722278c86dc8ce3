import { expect, test } from 'vitest';
import {
  checkFollowUpDate,
  followUpBody,
  followUpDue,
  followUpInput,
  followUpReplaceBody,
  nextFollowUpPoint,
} from './follow-ups';

const personId = '7b0c4a52-0d7c-4a38-9a56-5d8f2e3c1a10';
const reached = { personId, on: '2025-06-01', channel: 'phone', reached: true, employed: 'yes' } as const;
const issuesOf = (value: unknown) => {
  const r = followUpInput.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

test('31 January plus one month is the last day of February, in leap and common years', () => {
  expect(followUpDue('2025-01-31', 1)).toBe('2025-02-28');
  expect(followUpDue('2024-01-31', 1)).toBe('2024-02-29');
  expect(followUpDue('2024-01-30', 1)).toBe('2024-02-29');
  expect(followUpDue('2025-01-28', 1)).toBe('2025-02-28');
});

test('the 3, 6 and 12 month follow-ups keep the day of the month and cross the year', () => {
  expect(followUpDue('2025-11-15', 3)).toBe('2026-02-15');
  expect(followUpDue('2025-08-31', 6)).toBe('2026-02-28');
  expect(followUpDue('2025-05-31', 6)).toBe('2025-11-30');
  expect(followUpDue('2024-02-29', 12)).toBe('2025-02-28');
  expect(followUpDue('2025-03-10', 12)).toBe('2026-03-10');
  expect(followUpDue('2025-12-01', 1)).toBe('2026-01-01');
});

test('a bad start date or month count is refused', () => {
  expect(() => followUpDue('2025-1-31', 1)).toThrow(RangeError);
  expect(() => followUpDue('2025-01-31', -1)).toThrow(RangeError);
  expect(() => followUpDue('2025-01-31', 1.5)).toThrow(RangeError);
});

test('the next point proposed is the earliest not yet recorded, with its due date', () => {
  expect(nextFollowUpPoint('2025-01-31', [])).toEqual({ months: 1, due: '2025-02-28' });
  expect(nextFollowUpPoint('2025-01-31', [1, null])).toEqual({ months: 3, due: '2025-04-30' });
  expect(nextFollowUpPoint('2025-01-31', [1, 3, 6])).toEqual({ months: 12, due: '2026-01-31' });
  expect(nextFollowUpPoint('2025-01-31', [12, 6, 3, 1])).toBeNull();
});

test('a reached, employed person with a wage in a currency is valid', () => {
  const parsed = followUpInput.parse({
    ...reached,
    months: 3,
    sameJob: true,
    monthlyWage: 450,
    currency: 'GEL',
    contract: 'fixed_term',
    satisfaction: 4,
    notes: '  likes the team ',
  });
  expect(parsed).toMatchObject({ months: 3, monthlyWage: 450, currency: 'GEL', notes: 'likes the team' });
});

test('employment fields are refused when the person was not reached, each on its own field', () => {
  expect(
    issuesOf({
      personId,
      on: '2025-06-01',
      channel: 'phone',
      reached: false,
      employed: 'no',
      satisfaction: 2,
    }),
  ).toEqual([
    'employed: must be empty when the person was not reached',
    'satisfaction: must be empty when the person was not reached',
  ]);
  expect(issuesOf({ personId, on: '2025-06-01', channel: 'message', reached: false })).toEqual([]);
});

test('a reached person needs an answer to "employed"; a reason for leaving only when they are not', () => {
  expect(issuesOf({ ...reached, employed: undefined })).toEqual([
    'employed: is required when the person was reached',
  ]);
  expect(issuesOf({ ...reached, leftReason: 'dismissed' })).toEqual([
    'leftReason: is only for a person who is no longer employed',
  ]);
  expect(issuesOf({ ...reached, employed: 'no', leftReason: 'resigned_pay' })).toEqual([]);
});

test('a wage needs a currency; out of range values and unknown points are refused', () => {
  expect(issuesOf({ ...reached, monthlyWage: 300 })).toEqual(['currency: is required when a wage is given']);
  expect(issuesOf({ ...reached, monthlyWage: -1, currency: 'EUR' })[0]).toMatch(/^monthlyWage:/);
  expect(issuesOf({ ...reached, satisfaction: 6 })[0]).toMatch(/^satisfaction:/);
  expect(issuesOf({ ...reached, months: 2 })[0]).toMatch(/^months:/);
  expect(issuesOf({ ...reached, currency: 'eur' })[0]).toMatch(/^currency:/);
  expect(issuesOf({ ...reached, months: null })).toEqual([]);
});

test('the body under a person has no personId and follows the same rules', () => {
  const { personId: _omit, ...body } = reached;
  expect(followUpBody.parse(body)).not.toHaveProperty('personId');
  expect(followUpBody.safeParse({ ...body, monthlyWage: 10 }).success).toBe(false);
});

test('a contact dated after today (anywhere) is refused on the on field', () => {
  expect(() => checkFollowUpDate('2025-06-03', '2025-06-01')).toThrow(
    expect.objectContaining({
      code: 'validation_failed',
      details: expect.objectContaining({
        issues: [expect.objectContaining({ path: ['on'], code: 'date_in_future' })],
      }),
    }),
  );
  expect(() => checkFollowUpDate('2025-06-01', '2025-06-01')).not.toThrow();
});

test('a new follow-up may leave the date to the server; a replace must give it', () => {
  const body = { channel: 'phone', reached: true, employed: 'no', leftReason: 'moved' };
  expect(followUpBody.parse(body)).not.toHaveProperty('on');
  expect(followUpBody.safeParse({ ...body, employed: 'yes' }).success).toBe(false);
  const replace = followUpReplaceBody.safeParse(body);
  expect(replace.success ? [] : replace.error.issues.map((i) => i.path.join('.'))).toEqual(['on']);
});

test('a contact may be dated up to the day after the server’s UTC date (a reader east of UTC), not later', () => {
  expect(() => checkFollowUpDate('2026-11-23', '2026-11-23')).not.toThrow();
  expect(() => checkFollowUpDate('2026-11-24', '2026-11-23')).not.toThrow();
  expect(() => checkFollowUpDate('2027-01-01', '2026-12-31')).not.toThrow();
  expect(() => checkFollowUpDate('2026-11-25', '2026-11-23')).toThrow(
    expect.objectContaining({ code: 'validation_failed' }),
  );
});

test('a date of the year 0000 (which no database stores) is refused on its field', () => {
  const result = followUpInput.safeParse({
    personId: crypto.randomUUID(),
    on: '0000-01-01',
    channel: 'phone',
    reached: false,
  });
  expect(result.success).toBe(false);
  expect(result.error?.issues.map((i) => i.path[0])).toEqual(['on']);
});
