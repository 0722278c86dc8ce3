import { z } from 'zod';
import { organisationInput, organisationKinds } from '@passerelle/core';

export const organisationBody = organisationInput;

export const organisationResponse = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(organisationKinds),
    name: z.string(),
    country: z.string().nullable(),
    externalId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .partial()
  .meta({ id: 'Organisation' });

export const organisationPage = z.object({
  items: z.array(organisationResponse),
  nextCursor: z.string().nullable(),
});

export const idParams = z.object({ id: z.string().uuid() });
