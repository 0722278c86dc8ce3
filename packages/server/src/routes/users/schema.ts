import { z } from 'zod';
import { countryCode, grants, roles } from '@passerelle/core';

export const userResponse = z
  .object({
    id: z.string().uuid(),
    email: z.string(),
    displayName: z.string().nullable(),
    role: z.enum(roles),
    organisationId: z.string().uuid().nullable(),
    country: z.string().nullable(),
    personId: z.string().uuid().nullable(),
    grants: z.array(z.string()),
    totpEnabled: z.boolean(),
    locked: z.boolean(),
    disabledAt: z.string().nullable(),
    lastSignInAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .partial()
  .meta({ id: 'User' });

export const userCreateBody = z.object({
  email: z.string().trim().email().max(320),
  displayName: z.string().trim().min(1).max(200).nullish(),
  role: z.enum(roles),
  organisationId: z.string().uuid().nullish(),
  country: countryCode.nullish(),
  personId: z.string().uuid().nullish(),
  grants: z.array(z.enum(grants)).default([]),
  /** Optional: without one, the administrator prints a reset link for the user. */
  password: z.string().max(1024).optional(),
});

export const userPatchBody = z
  .object({
    displayName: z.string().trim().min(1).max(200).nullable(),
    role: z.enum(roles),
    organisationId: z.string().uuid().nullable(),
    country: countryCode.nullable(),
    personId: z.string().uuid().nullable(),
    grants: z.array(z.enum(grants)),
    disabled: z.boolean(),
    /** Removes the second factor so that the user enrols again. */
    resetTotp: z.literal(true),
  })
  .partial();

export const userListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});

export const userPage = z.object({ items: z.array(userResponse), nextCursor: z.string().nullable() });
export const idParams = z.object({ id: z.string().uuid() });
