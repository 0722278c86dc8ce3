import { z } from 'zod';
import {
  referralCreateInput,
  referralStatuses,
  referralTargetKinds,
  referralTransitionInput,
  referralUpdateInput,
} from '@passerelle/core';
import { organisationName } from '../organisation-names';
import { recordMeta } from '../record-kit';

export const referralCreateBody = referralCreateInput;
export const referralUpdateBody = referralUpdateInput;
export const referralTransitionBody = referralTransitionInput;

const day = z.string().nullable();

/** A referral as the caller may see it. */
export const referralResponse = z
  .object({
    ...recordMeta,
    personId: z.uuid(),
    targetKind: z.enum(referralTargetKinds),
    targetId: z.uuid(),
    organisationId: z.uuid(),
    /** The receiving organisation's display name (nothing else of it). */
    organisation: organisationName.nullable(),
    status: z.enum(referralStatuses),
    reasonCode: z.string().nullable(),
    reason: z.string().nullable(),
    motivation: z.string().nullable(),
    notes: z.string().nullable(),
    followUpOn: day,
    proposedOn: day,
    sentOn: day,
    respondedOn: day,
    startedOn: day,
    endedOn: day,
    createdBy: z.string().nullable(),
  })
  .partial()
  .meta({ id: 'Referral' });

export const referralHistoryResponse = z
  .object({
    id: z.uuid(),
    referralId: z.uuid(),
    action: z.string(),
    fromStatus: z.enum(referralStatuses).nullable(),
    toStatus: z.enum(referralStatuses).nullable(),
    reasonCode: z.string().nullable(),
    reason: z.string().nullable(),
    on: day,
    changedFields: z.array(z.string()),
    actorId: z.string().nullable(),
    at: z.string(),
  })
  .meta({ id: 'ReferralHistoryEntry' });
