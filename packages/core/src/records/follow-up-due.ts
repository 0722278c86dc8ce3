/**
 * When the follow-ups of a placement are due (C5), and the terms a follow-up is recorded in. Pure
 * date arithmetic on `YYYY-MM-DD` strings and constant lists, with no other import, so that the
 * browser app can use them without the schemas.
 */

/** The follow-up points of a placement, in months after it started. */
export const followUpPoints = [1, 3, 6, 12] as const;
export type FollowUpPoint = (typeof followUpPoints)[number];

/** How the contact was made (the most common first: forms offer them in this order). */
export const followUpChannels = ['phone', 'in_person', 'video', 'message'] as const;
export type FollowUpChannel = (typeof followUpChannels)[number];

export const employmentAnswers = ['yes', 'no'] as const;
export type EmploymentAnswer = (typeof employmentAnswers)[number];

export const contractKinds = ['permanent', 'fixed_term', 'casual', 'self_employed', 'none'] as const;
export type ContractKind = (typeof contractKinds)[number];

/** Why a person is no longer employed. */
export const leftReasons = [
  'contract_ended',
  'dismissed',
  'resigned_pay',
  'resigned_conditions',
  'health',
  'family',
  'moved',
  'other',
] as const;
export type LeftReason = (typeof leftReasons)[number];

function parseDay(day: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The due date of the `months`-month follow-up of a placement that started on `startedOn`: the
 * same day of the month `months` later, or the last day of that month when it is shorter
 * (31 January + 1 month = 28 or 29 February).
 */
export function followUpDue(startedOn: string, months: number): string {
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`not a number of months: ${months}`);
  const { y, m, d } = parseDay(startedOn);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

/**
 * The follow-up point to propose next for a placement: the earliest of 1, 3, 6 and 12 months not
 * yet recorded, with its due date; null when all four are recorded.
 */
export function nextFollowUpPoint(
  startedOn: string,
  recorded: readonly (number | null)[],
): { months: FollowUpPoint; due: string } | null {
  for (const months of followUpPoints) {
    if (!recorded.includes(months)) return { months, due: followUpDue(startedOn, months) };
  }
  return null;
}

/**
 * The follow-up date a placement's reminder should move to once a follow-up of it is recorded on
 * `recordedOn`: the next point not yet recorded (null when all four are), unless the reminder
 * already stands later than that contact (a date the counsellor chose is kept). `undefined`: leave
 * the reminder as it is.
 */
export function followUpOnAfterContact(
  startedOn: string | null,
  currentFollowUpOn: string | null,
  recordedOn: string,
  recorded: readonly (number | null)[],
): string | null | undefined {
  if (!startedOn) return undefined;
  if (currentFollowUpOn !== null && currentFollowUpOn > recordedOn) return undefined;
  return nextFollowUpPoint(startedOn, recorded)?.due ?? null;
}
