import { z } from 'zod';
import { DomainError, errors } from '../errors/errors';
import type { Page } from './pagination';
import { listQueryBase } from './pagination';
import {
  isoDate,
  longText,
  recordId,
  sortOrder,
  type ChangeMeta,
  type RecordListScope,
  type RemoveResult,
} from './common';

/**
 * Referrals (C5): a person referred to a vacancy, a training or a service, consent-gated, with a
 * status pipeline and the full history of its changes.
 *
 *   proposed → sent → accepted | rejected
 *                     accepted → started → completed | dropped
 *
 * A referral can also be dropped before it starts (the person withdraws, or the counsellor
 * cancels a proposal). rejected, completed and dropped are final.
 */

export const referralStatuses = [
  'proposed',
  'sent',
  'accepted',
  'rejected',
  'started',
  'completed',
  'dropped',
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const referralTargetKinds = ['vacancy', 'training', 'service'] as const;
export type ReferralTargetKind = (typeof referralTargetKinds)[number];

/** The allowed next statuses of each status. */
export const referralTransitions: Record<ReferralStatus, readonly ReferralStatus[]> = {
  proposed: ['sent', 'dropped'],
  sent: ['accepted', 'rejected', 'dropped'],
  accepted: ['started', 'dropped'],
  rejected: [],
  started: ['completed', 'dropped'],
  completed: [],
  dropped: [],
};

/** Statuses that need a reason (why it was rejected or dropped). */
export const statusesNeedingReason: readonly ReferralStatus[] = ['rejected', 'dropped'];

/** Reason codes for rejected and dropped referrals (free text goes beside them). */
export const referralReasonCodes = [
  'not_qualified',
  'position_filled',
  'no_show',
  'person_declined',
  'person_found_other_option',
  'person_moved',
  'health',
  'family_duties',
  'transport',
  'wage_too_low',
  'working_conditions',
  'employer_ended',
  'course_cancelled',
  'consent_withdrawn',
  'other',
] as const;

export interface TransitionRequest {
  from: ReferralStatus;
  to: ReferralStatus;
  reasonCode?: string | null;
  reason?: string | null;
  /** When the change happened (a date), and when the previous one happened. */
  at: string;
  previousAt: string | null;
  today: string;
}

/**
 * Checks a status change; throws invalid_transition (a stable code with the reason) when it is
 * not allowed: a step outside the pipeline, a missing reason for rejected/dropped, a date in the
 * future or before the previous change.
 */
export function checkReferralTransition(entityId: string, t: TransitionRequest): void {
  const fail = (reason: string) => {
    throw errors.invalidTransition('referral', entityId, t.from, t.to, reason);
  };
  if (!referralTransitions[t.from].includes(t.to)) fail(t.from === t.to ? 'same_status' : 'not_allowed');
  if (statusesNeedingReason.includes(t.to) && !t.reasonCode && !t.reason) fail('reason_required');
  if (t.at > t.today) fail('date_in_future');
  if (t.previousAt && t.at < t.previousAt) fail('date_before_previous_change');
}

/** True when the status is final. */
export function isFinalReferralStatus(status: ReferralStatus): boolean {
  return referralTransitions[status].length === 0;
}

export { referralStatusDates } from './referral-status-dates';

export const referralFields = {
  personId: recordId,
  targetKind: z.enum(referralTargetKinds),
  targetId: recordId,
  /** Why this option was proposed (free text; matching explanations can be pasted here). */
  motivation: longText.nullish(),
  notes: longText.nullish(),
  /** A date to follow up on the referral. */
  followUpOn: isoDate.nullish(),
};

/** The body of a create: a referral starts as proposed (or directly as sent). */
export const referralCreateInput = z.object({
  ...referralFields,
  status: z.enum(['proposed', 'sent']).default('proposed'),
  /** When it was proposed or sent; today by default. */
  on: isoDate.nullish(),
});
export type ReferralCreateInput = z.infer<typeof referralCreateInput>;

/** The body of a replace: the descriptive fields only; the status changes through transitions. */
export const referralUpdateInput = z.object({
  motivation: referralFields.motivation,
  notes: referralFields.notes,
  followUpOn: referralFields.followUpOn,
});
export type ReferralUpdateInput = z.infer<typeof referralUpdateInput>;

/** The body of a status change. */
export const referralTransitionInput = z.object({
  to: z.enum(referralStatuses),
  reasonCode: z.enum(referralReasonCodes).nullish(),
  reason: longText.nullish(),
  /** When it happened; today by default. */
  on: isoDate.nullish(),
});
export type ReferralTransitionInput = z.infer<typeof referralTransitionInput>;

export interface Referral {
  id: string;
  personId: string;
  targetKind: ReferralTargetKind;
  targetId: string;
  /** The organisation receiving the referral: the employer, training provider or service provider. */
  organisationId: string;
  status: ReferralStatus;
  reasonCode: string | null;
  reason: string | null;
  motivation: string | null;
  notes: string | null;
  followUpOn: string | null;
  proposedOn: string | null;
  sentOn: string | null;
  respondedOn: string | null;
  startedOn: string | null;
  endedOn: string | null;
  createdBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

/** One entry of a referral's history. */
export interface ReferralHistoryEntry {
  id: string;
  referralId: string;
  action: 'created' | 'status_changed' | 'updated' | 'archived' | 'person_merged';
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus | null;
  reasonCode: string | null;
  reason: string | null;
  /** The date the change took effect (for status changes). */
  on: string | null;
  changedFields: string[];
  actorId: string | null;
  at: string;
}

/** followUpOn: soonest follow-up first (referrals without one last, in either order's tail). */
export const referralSorts = ['createdAt', 'updatedAt', 'followUpOn'] as const;

export const referralListQuery = z.object({
  ...listQueryBase,
  personId: recordId.optional(),
  targetKind: z.enum(referralTargetKinds).optional(),
  targetId: recordId.optional(),
  organisationId: recordId.optional(),
  status: z.enum(referralStatuses).optional(),
  followUpBefore: isoDate.optional(),
  /** Only the referrals of people this user is a case manager of. */
  caseManagerId: z.string().trim().min(1).max(100).optional(),
  /** true: only referrals that can still move (not rejected, completed or dropped); false: only final ones. */
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.enum(referralSorts).default('createdAt'),
  order: sortOrder,
});
export type ReferralListQuery = z.infer<typeof referralListQuery>;

export const referralHistoryQuery = z.object({ limit: listQueryBase.limit, cursor: listQueryBase.cursor });
export type ReferralHistoryQuery = z.infer<typeof referralHistoryQuery>;

/** What the store needs to create a referral; the route resolves the target's organisation and checks consent. */
export interface ReferralCreate extends ReferralCreateInput {
  on: string;
}

/** The port the database implements for referrals. */
export interface ReferralStore {
  /** Resolves the organisation receiving a referral to this target; invalid_reference when missing or archived. */
  targetOrganisation(targetKind: ReferralTargetKind, targetId: string): Promise<string>;
  create(input: ReferralCreate, id: string, meta?: ChangeMeta): Promise<Referral>;
  get(id: string): Promise<Referral | null>;
  /** One page; `scope` narrows it to what the caller may see. */
  list(query: ReferralListQuery, scope?: RecordListScope): Promise<Page<Referral>>;
  update(
    id: string,
    expectedVersion: number,
    input: ReferralUpdateInput,
    meta?: ChangeMeta,
  ): Promise<Referral>;
  /** Changes the status (checked by checkReferralTransition) and records it in the history. */
  transition(
    id: string,
    expectedVersion: number,
    input: ReferralTransitionInput & { on: string },
    today: string,
    meta?: ChangeMeta,
  ): Promise<Referral>;
  /** Deletes a referral still proposed; archives any other (it records something that happened). */
  remove(id: string, expectedVersion: number, meta?: ChangeMeta): Promise<RemoveResult<Referral>>;
  history(id: string, query: ReferralHistoryQuery): Promise<Page<ReferralHistoryEntry>>;
  /** Every referral of a person with its history (for the export of a person's data). */
  exportForPerson(personId: string): Promise<(Referral & { history: ReferralHistoryEntry[] })[]>;
}

/** Narrowing helper for stored status strings. */
export function asReferralStatus(value: string): ReferralStatus {
  if ((referralStatuses as readonly string[]).includes(value)) return value as ReferralStatus;
  throw new DomainError('internal_error', { reason: `unknown referral status ${value}` });
}
