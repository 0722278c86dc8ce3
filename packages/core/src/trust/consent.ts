import { z } from 'zod';

/**
 * The consent ledger (C8): per person, per recipient (an organisation or a category of
 * recipients), per purpose, with a start, an optional expiry and a withdrawal. Entries are never
 * edited: a withdrawal sets `withdrawnAt` once, and a new consent is a new entry.
 */

export const consentPurposes = ['matching', 'referral', 'share_profile_with_employer', 'reporting'] as const;
export type ConsentPurposeName = (typeof consentPurposes)[number];

/** How a consent was given. */
export const consentMethods = ['signed_form', 'verbal_with_witness', 'self_service'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

/** Categories of recipients, for consents that name no single organisation. */
export const recipientCategories = [
  'programme',
  'employers',
  'training_providers',
  'partners',
  'donors',
] as const;

export interface ConsentRecord {
  id: string;
  personId: string;
  purpose: ConsentPurposeName;
  recipientOrganisationId: string | null;
  recipientCategory: string | null;
  /** For sharing: the fields of the profile the person agreed to share (null: the default set). */
  fields: string[] | null;
  method: ConsentMethod;
  witness: string | null;
  note: string | null;
  startsAt: string;
  expiresAt: string | null;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawalReason: string | null;
  recordedBy: string | null;
  createdAt: string;
}

export const consentInput = z
  .object({
    purpose: z.enum(consentPurposes),
    recipientOrganisationId: z.string().uuid().nullish(),
    recipientCategory: z.enum(recipientCategories).nullish(),
    fields: z
      .array(z.string().regex(/^[A-Za-z][A-Za-z0-9_.]{0,80}$/))
      .max(100)
      .nullish(),
    method: z.enum(consentMethods),
    witness: z.string().trim().min(1).max(200).nullish(),
    note: z.string().trim().max(2000).nullish(),
    startsAt: z.iso.datetime({ offset: true }).nullish(),
    expiresAt: z.iso.datetime({ offset: true }).nullish(),
  })
  .superRefine((v, ctx) => {
    if (!v.recipientOrganisationId && !v.recipientCategory) {
      ctx.addIssue({
        code: 'custom',
        path: ['recipientOrganisationId'],
        message: 'name a recipient organisation or a recipient category',
      });
    }
    if (v.method === 'verbal_with_witness' && !v.witness) {
      ctx.addIssue({
        code: 'custom',
        path: ['witness'],
        message: 'a verbal consent needs the name of its witness',
      });
    }
    if (v.startsAt && v.expiresAt && Date.parse(v.expiresAt) <= Date.parse(v.startsAt)) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'must be after the start' });
    }
  });
export type ConsentInput = z.infer<typeof consentInput>;

/** The recipient a check is made for. A category consent covers every organisation of that category. */
export interface ConsentTarget {
  organisationId?: string | null;
  category?: string | null;
}

/** True when the consent is in force at `at`. */
export function isConsentActive(
  c: Pick<ConsentRecord, 'startsAt' | 'expiresAt' | 'withdrawnAt'>,
  at: Date,
): boolean {
  const t = at.getTime();
  if (Date.parse(c.startsAt) > t) return false;
  if (c.expiresAt !== null && Date.parse(c.expiresAt) <= t) return false;
  if (c.withdrawnAt !== null && Date.parse(c.withdrawnAt) <= t) return false;
  return true;
}

/** True when the consent names the target (the organisation itself, or its category). */
export function consentCovers(
  c: Pick<ConsentRecord, 'recipientOrganisationId' | 'recipientCategory'>,
  target: ConsentTarget,
): boolean {
  if (target.organisationId && c.recipientOrganisationId === target.organisationId) return true;
  if (target.category && c.recipientCategory === target.category) return true;
  return false;
}

/**
 * The consents in force for a purpose and recipient, newest first. Empty means no consent: every
 * share, referral and export must then refuse.
 */
export function activeConsents(
  consents: readonly ConsentRecord[],
  purpose: ConsentPurposeName,
  target: ConsentTarget,
  at: Date,
): ConsentRecord[] {
  return consents
    .filter((c) => c.purpose === purpose && consentCovers(c, target) && isConsentActive(c, at))
    .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
}

/** The fields shared by the consents in force (the union; null when one of them uses the default set). */
export function sharedFieldsOf(active: readonly ConsentRecord[]): string[] | null {
  if (active.length === 0) return [];
  if (active.some((c) => c.fields === null)) return null;
  return [...new Set(active.flatMap((c) => c.fields ?? []))];
}

/** The category of recipients an organisation kind belongs to. */
export function recipientCategoryOfKind(kind: string | null | undefined): string | null {
  switch (kind) {
    case 'employer':
      return 'employers';
    case 'training_provider':
      return 'training_providers';
    case 'partner':
    case 'financial_institution':
    case 'public_employment_service':
      return 'partners';
    case 'mission':
      return 'programme';
    default:
      return null;
  }
}
