import { z } from 'zod';
import { errors } from '../errors/errors';
import type { Page } from './pagination';
import { listQueryBase } from './pagination';
import { currencyCode, isoDate, longText, recordId, type ChangeMeta, type RemoveResult } from './common';
import {
  contractKinds,
  employmentAnswers,
  followUpChannels,
  followUpPoints,
  leftReasons,
  type ContractKind,
  type EmploymentAnswer,
  type FollowUpChannel,
  type LeftReason,
} from './follow-up-due';

export {
  contractKinds,
  employmentAnswers,
  followUpChannels,
  followUpDue,
  followUpOnAfterContact,
  followUpPoints,
  leftReasons,
  nextFollowUpPoint,
  type ContractKind,
  type EmploymentAnswer,
  type FollowUpChannel,
  type FollowUpPoint,
  type LeftReason,
} from './follow-up-due';

/**
 * Follow-ups (C5): what a counsellor learnt when they contacted a person after a placement, at
 * 1, 3, 6 and 12 months (or at any other time): reached or not, still employed, wage, contract,
 * satisfaction, and why they left when they did.
 */

/** The fields only a person who was reached can answer. */
export const employmentFields = [
  'employed',
  'sameJob',
  'monthlyWage',
  'currency',
  'contract',
  'satisfaction',
  'leftReason',
] as const;

/** The fields of a follow-up a counsellor records (the person comes from the URL or the record). */
export const followUpFields = {
  /** The placement (a referral of the same person) this follow-up is about. */
  referralId: recordId.nullish(),
  /** The follow-up point in months after the placement started; null for an ad-hoc contact. */
  months: z.literal(followUpPoints).nullish(),
  /** When the contact happened (not in the future; checked against today by `checkFollowUpDate`). */
  on: isoDate,
  channel: z.enum(followUpChannels),
  reached: z.boolean(),
  employed: z.enum(employmentAnswers).nullish(),
  /** Still in the job they were placed in. */
  sameJob: z.boolean().nullish(),
  monthlyWage: z.number().min(0).max(1e12).nullish(),
  currency: currencyCode.nullish(),
  contract: z.enum(contractKinds).nullish(),
  /** 1 (very unhappy) to 5 (very happy). */
  satisfaction: z.int().min(1).max(5).nullish(),
  leftReason: z.enum(leftReasons).nullish(),
  notes: longText.nullish(),
};

const followUpObject = z.object(followUpFields);
type FollowUpDraft = z.output<typeof followUpObject>;

/** The cross-field rules of a follow-up, reported on the field to fix. */
function refineFollowUp(v: FollowUpDraft, ctx: z.RefinementCtx): void {
  if (!v.reached) {
    for (const field of employmentFields) {
      if (v[field] != null)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'must be empty when the person was not reached',
        });
    }
    return;
  }
  if (v.employed == null)
    ctx.addIssue({ code: 'custom', path: ['employed'], message: 'is required when the person was reached' });
  if (v.leftReason != null && v.employed !== 'no')
    ctx.addIssue({
      code: 'custom',
      path: ['leftReason'],
      message: 'is only for a person who is no longer employed',
    });
  if (v.monthlyWage != null && v.currency == null)
    ctx.addIssue({ code: 'custom', path: ['currency'], message: 'is required when a wage is given' });
}

/**
 * The body of a new follow-up under a person (`POST /api/people/:id/follow-ups`). The date of
 * the contact defaults to today (the server's), so that a client east of UTC just after midnight
 * need not send a date the server still sees as tomorrow.
 */
export const followUpBody = followUpObject
  .extend({ on: isoDate.nullish() })
  .superRefine((v, ctx) => refineFollowUp({ ...v, on: v.on ?? '' }, ctx));
export type FollowUpBody = z.infer<typeof followUpBody>;

/** The body of a replace (`PUT /api/follow-ups/:id`): every field, the date included. */
export const followUpReplaceBody = followUpObject.superRefine(refineFollowUp);
export type FollowUpFields = z.infer<typeof followUpReplaceBody>;

/** A follow-up with its person: what the store creates. */
export const followUpInput = z.object({ personId: recordId, ...followUpFields }).superRefine(refineFollowUp);
export type FollowUpInput = z.infer<typeof followUpInput>;
export type FollowUpInputDraft = z.input<typeof followUpInput>;

/**
 * A contact must not be dated in the future. `today` is the server's (UTC) date; a reader east of
 * UTC may already be a day ahead (up to UTC+14), so their today, the day after, is accepted.
 */
export function checkFollowUpDate(on: string, today: string): void {
  const latest = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  if (on > latest)
    throw errors.validation([{ path: ['on'], code: 'date_in_future', message: 'must not be after today' }]);
}

export interface FollowUp {
  id: string;
  personId: string;
  referralId: string | null;
  months: (typeof followUpPoints)[number] | null;
  on: string;
  channel: FollowUpChannel;
  reached: boolean;
  employed: EmploymentAnswer | null;
  sameJob: boolean | null;
  monthlyWage: number | null;
  currency: string | null;
  contract: ContractKind | null;
  satisfaction: number | null;
  leftReason: LeftReason | null;
  notes: string | null;
  createdBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

/** A list of follow-ups, newest contact first: of a person, or of one placement. */
export const followUpListQuery = z.object({
  limit: listQueryBase.limit,
  cursor: listQueryBase.cursor,
  referralId: recordId.optional(),
});
export type FollowUpListQuery = z.infer<typeof followUpListQuery>;

/** The port the database implements for follow-ups. */
export interface FollowUpStore {
  /**
   * invalid_reference when the person or the referral is missing (or the person archived);
   * validation_failed on `referralId` (code `referral_of_another_person`) when the referral is another person's.
   */
  create(input: FollowUpInput, id: string, meta?: ChangeMeta): Promise<FollowUp>;
  get(id: string): Promise<FollowUp | null>;
  /** A person's follow-ups, newest contact first. */
  listByPerson(personId: string, query: FollowUpListQuery): Promise<Page<FollowUp>>;
  /** The follow-ups of one placement, newest contact first. */
  listByReferral(referralId: string, query: FollowUpListQuery): Promise<Page<FollowUp>>;
  /** Replaces the recorded fields (the person stays). */
  update(id: string, expectedVersion: number, input: FollowUpFields, meta?: ChangeMeta): Promise<FollowUp>;
  /** Deletes the follow-up (nothing refers to it). */
  remove(id: string, expectedVersion: number, meta?: ChangeMeta): Promise<RemoveResult<FollowUp>>;
  /** Every follow-up of a person (for the export of a person's data). */
  exportForPerson(personId: string): Promise<FollowUp[]>;
}
