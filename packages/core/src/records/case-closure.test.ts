import { expect, test } from 'vitest';
import { caseClosureInput, closeCase, reopenCase } from './case-closure';
import { personInput } from './people';

const today = '2026-03-10';

test('closing a case stores the date (today by default), the reason and a trimmed note', () => {
  const open = { id: 'p1', caseClosure: null };
  expect(closeCase(open, caseClosureInput.parse({ reason: 'support_ended' }), today)).toEqual({
    on: today,
    reason: 'support_ended',
    note: null,
  });
  expect(
    closeCase(
      open,
      { on: '2026-03-01', reason: 'decided_to_remigrate', note: '  explored the reasons  ' },
      today,
    ),
  ).toEqual({ on: '2026-03-01', reason: 'decided_to_remigrate', note: 'explored the reasons' });
});

test('a closed case cannot be closed again, and a closure cannot be dated after today', () => {
  const closed = { id: 'p1', caseClosure: { on: '2026-01-01', reason: 'moved_away' as const } };
  expect(() => closeCase(closed, { reason: 'other' }, today)).toThrow(
    expect.objectContaining({
      code: 'invalid_transition',
      details: expect.objectContaining({ reason: 'already_closed' }),
    }),
  );
  expect(() => closeCase({ id: 'p2' }, { reason: 'other', on: '2026-03-11' }, today)).toThrow(
    expect.objectContaining({ code: 'validation_failed' }),
  );
});

test('reopening clears the closure; an open case cannot be reopened', () => {
  expect(reopenCase({ id: 'p1', caseClosure: { on: '2026-01-01', reason: 'deceased' } })).toBeNull();
  expect(() => reopenCase({ id: 'p2', caseClosure: null })).toThrow(
    expect.objectContaining({
      code: 'invalid_transition',
      details: expect.objectContaining({ reason: 'not_closed' }),
    }),
  );
});

test('an unknown reason or a malformed date is refused by the schema, in the input and in a person', () => {
  expect(caseClosureInput.safeParse({ reason: 'bored' }).success).toBe(false);
  expect(caseClosureInput.safeParse({ reason: 'other', on: '10/03/2026' }).success).toBe(false);
  expect(
    personInput.safeParse({ givenName: 'A', caseClosure: { on: '2026-01-01', reason: 'x' } }).success,
  ).toBe(false);
  expect(
    personInput.parse({ givenName: 'A', caseClosure: { on: '2026-01-01', reason: 'other' } }).caseClosure,
  ).toEqual({
    on: '2026-01-01',
    reason: 'other',
  });
});
