import { z } from 'zod';
import { completenessStates, personFields, personInput, profileSections } from '@passerelle/core';
import { recordMeta } from '../record-kit';

export const personBody = personInput;

export const completenessResponse = z.object({
  overall: z.enum(completenessStates),
  percent: z.number(),
  sections: z.record(z.enum(profileSections), z.enum(completenessStates)),
});

export const duplicateCandidateResponse = z
  .object({
    personId: z.uuid(),
    score: z.number().min(0).max(1),
    reasons: z.array(z.string()),
  })
  .meta({ id: 'DuplicateCandidate' });

const personShape = {
  ...personFields,
  ...recordMeta,
  mergedIntoId: z.uuid().nullable(),
  completeness: completenessResponse,
  /** What the caller may do with this person (single-person answers only, not lists). */
  permissions: z.object({
    /** Close or reopen the case: administrators and those assigned to it (the handover rule). */
    closeCase: z.boolean(),
  }),
};

/** A person as the caller may see it: fields the policy hides are absent. */
export const personResponse = z.object(personShape).partial().meta({ id: 'Person' });

/** The answer of a create: the person and the records that may be the same person. */
export const personCreatedResponse = z
  .object({ ...personShape, duplicates: z.array(duplicateCandidateResponse) })
  .partial()
  .meta({ id: 'PersonCreated' });

export const mergeBody = z.object({
  /** The record to merge into this one; it is archived with a pointer to this one. */
  duplicateId: z.uuid(),
});

export const handoverBody = z.object({
  /** The case manager (usually in the country of return) who takes the case over. */
  toCaseManagerId: z.uuid(),
});

export const handoverResponse = z
  .object({
    personId: z.uuid(),
    fromCounsellorId: z.string().nullable(),
    toCaseManagerId: z.uuid(),
    owningOrganisationId: z.string().nullable(),
    version: z.number().int(),
    /** Whether the caller can still read the person (a counsellor who hands over cannot). */
    callerKeepsAccess: z.boolean(),
  })
  .meta({ id: 'Handover' });

export const historyEntryResponse = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    originalPersonId: z.uuid(),
    action: z.string(),
    version: z.int(),
    changedFields: z.array(z.string()),
    relatedPersonId: z.uuid().nullable(),
    actorId: z.string().nullable(),
    at: z.string(),
  })
  .meta({ id: 'PersonHistoryEntry' });
