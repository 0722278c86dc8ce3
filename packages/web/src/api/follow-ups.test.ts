import { expect, test } from 'vitest';
import { ApiError } from './client';
import {
  fieldProblems,
  followUpBodyOf,
  parseWage,
  toFollowUp,
  toPlacements,
  type FollowUpDraft,
} from './follow-ups';

const draft: FollowUpDraft = {
  referralId: 'r1',
  months: '3',
  on: '2025-05-02',
  channel: 'phone',
  reached: true,
  employed: 'yes',
  sameJob: true,
  monthlyWage: '612,5',
  currency: ' gel ',
  contract: 'fixed_term',
  satisfaction: '4',
  leftReason: 'health',
  notes: '  ',
};

test('the form becomes the API body: numbers parsed, currency upper-cased, no reason while employed', () => {
  expect(followUpBodyOf(draft)).toEqual({
    referralId: 'r1',
    months: 3,
    on: '2025-05-02',
    channel: 'phone',
    reached: true,
    notes: null,
    employed: 'yes',
    sameJob: true,
    monthlyWage: 612.5,
    currency: 'GEL',
    contract: 'fixed_term',
    satisfaction: 4,
    leftReason: null,
  });
});

test("a person not reached sends no employment answer; an ad-hoc contact has no point; the date is the reader's", () => {
  const body = followUpBodyOf({ ...draft, reached: false, months: '', referralId: '' });
  expect(body).toEqual({
    referralId: null,
    months: null,
    on: '2025-05-02',
    channel: 'phone',
    reached: false,
    notes: null,
  });
  expect(followUpBodyOf({ ...draft, employed: 'no' })).toMatchObject({
    leftReason: 'health',
    sameJob: null,
  });
  expect(followUpBodyOf({ ...draft, monthlyWage: '', currency: '' })).toMatchObject({
    monthlyWage: null,
    currency: null,
  });
});

test('placements are vacancy referrals accepted or further, counted from the start (or the answer)', () => {
  const placements = toPlacements([
    { id: 'a', targetKind: 'vacancy', targetId: 'v', status: 'started', startedOn: '2025-01-31' },
    { id: 'b', targetKind: 'vacancy', targetId: 'v', status: 'accepted', respondedOn: '2025-02-10' },
    { id: 'c', targetKind: 'vacancy', targetId: 'v', status: 'sent', sentOn: '2025-02-01' },
    { id: 'd', targetKind: 'training', targetId: 't', status: 'started', startedOn: '2025-01-01' },
    { id: 'e', targetKind: 'vacancy', targetId: 'v', status: 'dropped', startedOn: null },
  ]);
  expect(placements.map((p) => [p.id, p.startedOn])).toEqual([
    ['a', '2025-01-31'],
    ['b', '2025-02-10'],
  ]);
});

test('field problems come from validation and reference errors only, by the first path segment', () => {
  const err = new ApiError(400, 'validation_failed', 'Some fields are not valid.', {
    issues: [{ path: ['currency'], code: 'custom', message: 'is required when a wage is given' }],
  });
  expect(fieldProblems(err)).toEqual([
    { field: 'currency', code: 'custom', message: 'is required when a wage is given' },
  ]);
  const ref = new ApiError(422, 'invalid_reference', 'x', {
    issues: [{ path: ['referralId'], entity: 'referral', id: 'r', reason: 'missing' }],
  });
  expect(fieldProblems(ref)).toEqual([{ field: 'referralId', code: 'missing', message: '' }]);
  expect(fieldProblems(new ApiError(403, 'forbidden', 'no'))).toEqual([]);
  expect(fieldProblems(null)).toEqual([]);
});

test('a stored follow-up is read loosely: missing answers are null', () => {
  expect(toFollowUp({ id: 'f', on: '2025-05-02', channel: 'video', reached: false })).toMatchObject({
    id: 'f',
    reached: false,
    employed: null,
    monthlyWage: null,
    months: null,
  });
});

test('wages are read with a decimal comma or thousands separators; other text goes to the API as typed', () => {
  expect(parseWage('612,5')).toBe(612.5);
  expect(parseWage('1,200')).toBe(1200);
  expect(parseWage('1 200.75')).toBe(1200.75);
  expect(parseWage(' 640 ')).toBe(640);
  expect(parseWage('')).toBeNull();
  expect(parseWage('about 600')).toBe('about 600');
  // Dots as thousands (Dutch, Iraqi dinars), and Arabic-Indic digits as typed on Arabic and
  // Sorani keyboards.
  expect(parseWage('1.200')).toBe(1200);
  expect(parseWage('750.000')).toBe(750000);
  expect(parseWage('1.250,50')).toBe(1250.5);
  expect(parseWage('٦٤٠')).toBe(640);
  expect(parseWage('۷۵۰٬۰۰۰')).toBe(750000);
  expect(parseWage('٦١٢٫٥')).toBe(612.5);
});
