import { z } from 'zod';
import type { Page } from './pagination';
import { listQueryBase } from './pagination';
import { countryCode } from './common';
import { organisationProfileSchemas } from './organisation-profiles';

/** Kinds of organisation Passerelle keeps (C2). */
export const organisationKinds = [
  'mission',
  'partner',
  'employer',
  'training_provider',
  'financial_institution',
  'public_employment_service',
] as const;

export { countryCode };

export const organisationInput = z
  .object({
    kind: z.enum(organisationKinds),
    name: z.string().trim().min(1).max(300),
    country: countryCode.nullish(),
    externalId: z.string().trim().min(1).max(200).nullish(),
    /** Kind-specific profile (sector, size, contacts, vetting...), checked against `organisationProfileSchemas[kind]`. */
    data: z.record(z.string(), z.unknown()).default({}),
  })
  .superRefine((v, ctx) => {
    const profile = organisationProfileSchemas[v.kind].safeParse(v.data);
    if (!profile.success) {
      for (const issue of profile.error.issues)
        ctx.addIssue({ ...issue, path: ['data', ...issue.path] } as Parameters<typeof ctx.addIssue>[0]);
    }
  });
export type OrganisationInput = z.infer<typeof organisationInput>;

export interface Organisation {
  id: string;
  kind: (typeof organisationKinds)[number];
  name: string;
  country: string | null;
  externalId: string | null;
  data: Record<string, unknown>;
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export const organisationSorts = ['name', 'createdAt'] as const;

export const organisationListQuery = z.object({
  ...listQueryBase,
  kind: z.enum(organisationKinds).optional(),
  country: countryCode.optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(organisationSorts).default('name'),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuery>;

/** The port the database implements for organisations. */
export interface OrganisationStore {
  create(input: OrganisationInput, id: string): Promise<Organisation>;
  get(id: string): Promise<Organisation | null>;
  list(query: OrganisationListQuery): Promise<Page<Organisation>>;
  /** Replaces the fields; throws version_conflict when `expectedVersion` is stale, not_found when absent. */
  update(id: string, expectedVersion: number, input: OrganisationInput): Promise<Organisation>;
  /** Archives (never deletes) the record; throws like update. */
  archive(id: string, expectedVersion: number): Promise<Organisation>;
}
