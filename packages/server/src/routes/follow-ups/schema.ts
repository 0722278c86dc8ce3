import { z } from 'zod';
import {
  contractKinds,
  employmentAnswers,
  followUpBody,
  followUpChannels,
  followUpListQuery,
  followUpPoints,
  followUpReplaceBody,
  leftReasons,
} from '@passerelle/core';
import { recordMeta } from '../record-kit';

export const followUpCreateBody = followUpBody;
export const followUpUpdateBody = followUpReplaceBody;
export const followUpQuery = followUpListQuery;

/** The person whose follow-ups are listed or recorded. */
export const personParams = z.object({ id: z.uuid() });

/** A follow-up as the caller may see it. */
export const followUpResponse = z
  .object({
    ...recordMeta,
    personId: z.uuid(),
    referralId: z.uuid().nullable(),
    months: z.literal(followUpPoints).nullable(),
    on: z.string(),
    channel: z.enum(followUpChannels),
    reached: z.boolean(),
    employed: z.enum(employmentAnswers).nullable(),
    sameJob: z.boolean().nullable(),
    monthlyWage: z.number().nullable(),
    currency: z.string().nullable(),
    contract: z.enum(contractKinds).nullable(),
    satisfaction: z.int().nullable(),
    leftReason: z.enum(leftReasons).nullable(),
    notes: z.string().nullable(),
    createdBy: z.string().nullable(),
  })
  .partial()
  .meta({ id: 'FollowUp' });
