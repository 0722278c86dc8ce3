import { z } from 'zod';
import { errors } from '../errors/errors';
import { isoDate, longText } from './common';

/**
 * Why case management ends (C5; domain notes, "Case closure", verified): the planned end, the
 * person no longer meeting the criteria, choosing to stop, leaving the area or dying; the early
 * or abrupt exits the reintegration handbook lists; and the involuntary ends (funding, security).
 */
export const caseClosureReasons = [
  'support_ended',
  'criteria_no_longer_met',
  'person_chose_to_stop',
  'moved_away',
  'deceased',
  'access_barrier',
  'assistance_not_suitable',
  'negative_repercussions',
  'decided_to_remigrate',
  'costs_outweigh_benefits',
  'behaviour_towards_staff',
  'funding_or_security',
  'other',
] as const;
export type CaseClosureReason = (typeof caseClosureReasons)[number];

/** A closed case: when, why, and the counsellor's note (e.g. what was explored before an early exit). */
export const caseClosure = z.object({
  on: isoDate,
  reason: z.enum(caseClosureReasons),
  note: longText.nullish(),
});
export type CaseClosure = z.infer<typeof caseClosure>;

/** The body of a closure: the date defaults to today. */
export const caseClosureInput = caseClosure.extend({ on: isoDate.nullish() });
export type CaseClosureInput = z.infer<typeof caseClosureInput>;

/**
 * Closes a case on `today` (pure): the closure to store. A closed case cannot be closed again,
 * and a closure cannot be dated in the future.
 */
export function closeCase(
  person: { id: string; caseClosure?: CaseClosure | null | undefined },
  input: CaseClosureInput,
  today: string,
): CaseClosure {
  if (person.caseClosure)
    throw errors.invalidTransition('case', person.id, 'closed', 'closed', 'already_closed');
  const on = input.on ?? today;
  if (on > today)
    throw errors.validation([{ path: ['on'], code: 'date_in_future', message: 'must not be after today' }]);
  return { on, reason: input.reason, note: input.note?.trim() ? input.note.trim() : null };
}

/** Reopens a closed case (pure): the closure becomes null; an open case is refused. */
export function reopenCase(person: { id: string; caseClosure?: CaseClosure | null | undefined }): null {
  if (!person.caseClosure) throw errors.invalidTransition('case', person.id, 'open', 'open', 'not_closed');
  return null;
}
