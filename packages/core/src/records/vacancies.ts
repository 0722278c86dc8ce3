import { z } from 'zod';
import type { Page } from './pagination';
import { listQueryBase } from './pagination';
import {
  cefrLevel,
  codedConcept,
  codedOccupation,
  countryCode,
  externalId,
  iscedLevel,
  isoDate,
  languageCode,
  longText,
  payRange,
  place,
  queryBoolean,
  recordId,
  shortText,
  sortOrder,
  workingHours,
  type BulkUpsertOptions,
  type BulkUpsertResult,
  type ChangeMeta,
  type RecordListScope,
  type RemoveResult,
} from './common';

/** Vacancies (C2): what an employer offers and requires. Hard requirements filter in matching; the rest scores. */

export const contractTypes = [
  'permanent',
  'fixed_term',
  'temporary',
  'seasonal',
  'daily',
  'apprenticeship',
  'internship',
  'self_employed',
  'other',
] as const;

export const vacancyStatuses = ['draft', 'open', 'filled', 'closed'] as const;
export type VacancyStatus = (typeof vacancyStatuses)[number];

export const vacancyLanguage = z.object({
  language: languageCode,
  /** The level wished (scores); a hard minimum goes in `requirements.languages`. */
  level: cefrLevel.nullish(),
});

export const vacancyFields = {
  externalId: externalId.nullish(),
  employerId: recordId,
  title: shortText.min(1),
  description: longText.nullish(),
  occupation: codedOccupation.nullish(),
  essentialSkills: z.array(codedConcept).max(200).default([]),
  optionalSkills: z.array(codedConcept).max(200).default([]),
  languages: z.array(vacancyLanguage).max(20).default([]),
  education: z
    .object({
      minIscedLevel: iscedLevel.nullish(),
      field: shortText.nullish(),
    })
    .nullish(),
  location: place.default({}),
  contract: z
    .object({
      type: z.enum(contractTypes),
      durationMonths: z.number().min(0).max(600).nullish(),
    })
    .nullish(),
  wage: payRange.nullish(),
  hours: workingHours.nullish(),
  atHomePossible: z.boolean().default(false),
  seats: z.int().min(1).max(100_000).default(1),
  postedOn: isoDate.nullish(),
  applyBy: isoDate.nullish(),
  startsOn: isoDate.nullish(),
  apprenticeship: z.boolean().default(false),
  internship: z.boolean().default(false),
  /** Requirements that exclude a candidate who does not meet them. */
  requirements: z
    .object({
      drivingLicences: z
        .array(z.string().regex(/^[A-Z0-9+]{1,5}$/, 'must be a licence category in capitals, such as B'))
        .max(10)
        .default([]),
      languages: z
        .array(z.object({ language: languageCode, minLevel: cefrLevel }))
        .max(10)
        .default([]),
      /** The candidate must have the right to work in the vacancy's country. */
      rightToWork: z.boolean().default(false),
    })
    .default({ drivingLicences: [], languages: [], rightToWork: false }),
  status: z.enum(vacancyStatuses).default('open'),
};

export const vacancyInput = z.object(vacancyFields).superRefine((v, ctx) => {
  if (v.applyBy && v.postedOn && v.applyBy < v.postedOn) {
    ctx.addIssue({ code: 'custom', path: ['applyBy'], message: 'must not be before postedOn' });
  }
});
export type VacancyInput = z.infer<typeof vacancyInput>;
export type VacancyInputDraft = z.input<typeof vacancyInput>;

export interface Vacancy extends VacancyInput {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export const vacancySorts = ['title', 'createdAt', 'updatedAt'] as const;

export const vacancyListQuery = z.object({
  ...listQueryBase,
  q: z.string().trim().max(200).optional(),
  employerId: recordId.optional(),
  country: countryCode.optional(),
  region: z.string().trim().max(300).optional(),
  status: z.enum(vacancyStatuses).optional(),
  occupationUri: z.string().trim().max(500).optional(),
  iscoCode: z
    .string()
    .regex(/^\d{1,4}$/)
    .optional(),
  skillUri: z.string().trim().max(500).optional(),
  atHomePossible: queryBoolean.optional(),
  apprenticeship: queryBoolean.optional(),
  internship: queryBoolean.optional(),
  externalId: externalId.optional(),
  sort: z.enum(vacancySorts).default('createdAt'),
  order: sortOrder,
});
export type VacancyListQuery = z.infer<typeof vacancyListQuery>;

/** The port the database implements for vacancies. */
export interface VacancyStore {
  create(input: VacancyInput, id: string, meta?: ChangeMeta): Promise<Vacancy>;
  get(id: string): Promise<Vacancy | null>;
  /** One page; `scope` narrows it to what the caller may see. */
  list(query: VacancyListQuery, scope?: RecordListScope): Promise<Page<Vacancy>>;
  update(id: string, expectedVersion: number, input: VacancyInput, meta?: ChangeMeta): Promise<Vacancy>;
  /** Deletes the vacancy, or archives it when referrals point to it. */
  remove(id: string, expectedVersion: number, meta?: ChangeMeta): Promise<RemoveResult<Vacancy>>;
  upsertByExternalId(
    rows: (VacancyInput & { externalId: string })[],
    options: BulkUpsertOptions,
  ): Promise<BulkUpsertResult>;
}
