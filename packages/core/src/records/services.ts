import { z } from 'zod';
import type { Page } from './pagination';
import { listQueryBase } from './pagination';
import {
  contactPerson,
  countryCode,
  currencyCode,
  externalId,
  languageCode,
  longText,
  money,
  place,
  recordId,
  shortText,
  sortOrder,
  type ChangeMeta,
  type RecordListScope,
  type RemoveResult,
} from './common';

/**
 * Service offers (C2, C5): what partners provide and people are referred to — microcredit and
 * bank accounts, business development support, psychosocial support, legal aid, housing, health,
 * employment services, counselling.
 */

export const serviceCategories = [
  'microcredit',
  'banking',
  'business_development',
  'financial_counselling',
  'employment_service',
  'psychosocial_support',
  'legal_aid',
  'health',
  'housing',
  'education',
  'childcare',
  'counselling',
  'cash_assistance',
  'other',
] as const;

/** The three dimensions of reintegration (IOM). */
export const reintegrationDimensions = ['economic', 'social', 'psychosocial'] as const;

export const serviceFields = {
  externalId: externalId.nullish(),
  providerId: recordId,
  title: shortText.min(1),
  description: longText.nullish(),
  category: z.enum(serviceCategories),
  dimension: z.enum(reintegrationDimensions).nullish(),
  location: place.default({}),
  /** Regions served when the service is not tied to one place. */
  areasServed: z.array(shortText.min(1)).max(50).default([]),
  languages: z.array(languageCode).max(20).default([]),
  eligibility: longText.nullish(),
  cost: money.nullish(),
  free: z.boolean().default(true),
  capacityPerMonth: z.int().min(0).max(1_000_000).nullish(),
  contacts: z.array(contactPerson).max(20).default([]),
  /** Loan terms, for microcredit and banking products. */
  loan: z
    .object({
      minAmount: z.number().min(0).nullish(),
      maxAmount: z.number().min(0).nullish(),
      currency: currencyCode,
      /** Annual interest rate in percent. */
      interestRatePercent: z.number().min(0).max(1000).nullish(),
      interestBasis: z.enum(['flat', 'declining_balance']).nullish(),
      termMonthsMin: z.int().min(0).max(600).nullish(),
      termMonthsMax: z.int().min(0).max(600).nullish(),
      gracePeriodMonths: z.int().min(0).max(120).nullish(),
      collateral: shortText.nullish(),
    })
    .nullish(),
  active: z.boolean().default(true),
};

export const serviceInput = z.object(serviceFields);
export type ServiceInput = z.infer<typeof serviceInput>;
export type ServiceInputDraft = z.input<typeof serviceInput>;

export interface Service extends ServiceInput {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export const serviceSorts = ['title', 'createdAt', 'updatedAt'] as const;

export const serviceListQuery = z.object({
  ...listQueryBase,
  q: z.string().trim().max(200).optional(),
  providerId: recordId.optional(),
  category: z.enum(serviceCategories).optional(),
  dimension: z.enum(reintegrationDimensions).optional(),
  country: countryCode.optional(),
  region: z.string().trim().max(300).optional(),
  externalId: externalId.optional(),
  sort: z.enum(serviceSorts).default('title'),
  order: sortOrder,
});
export type ServiceListQuery = z.infer<typeof serviceListQuery>;

/** The port the database implements for service offers. */
export interface ServiceStore {
  create(input: ServiceInput, id: string, meta?: ChangeMeta): Promise<Service>;
  get(id: string): Promise<Service | null>;
  /** One page; `scope` narrows it to what the caller may see. */
  list(query: ServiceListQuery, scope?: RecordListScope): Promise<Page<Service>>;
  update(id: string, expectedVersion: number, input: ServiceInput, meta?: ChangeMeta): Promise<Service>;
  /** Deletes the offer, or archives it when referrals point to it. */
  remove(id: string, expectedVersion: number, meta?: ChangeMeta): Promise<RemoveResult<Service>>;
}
