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
  money,
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

/** Training offers (C2): courses that can close a person's skill gaps. */

export const trainingTypes = [
  'vocational',
  'apprenticeship',
  'on_the_job',
  'internship',
  'language',
  'soft_skills',
  'digital',
  'business_planning',
  'formal_education',
] as const;
export type TrainingType = (typeof trainingTypes)[number];

export const deliveryModes = ['in_person', 'online', 'blended'] as const;

export const trainingStatuses = ['draft', 'open', 'full', 'running', 'finished', 'cancelled'] as const;

export const trainingFields = {
  externalId: externalId.nullish(),
  providerId: recordId,
  title: shortText.min(1),
  description: longText.nullish(),
  type: z.enum(trainingTypes),
  /** The occupation the course prepares for, when there is one. */
  occupation: codedOccupation.nullish(),
  skillsTaught: z.array(codedConcept).max(200).default([]),
  /** For language courses: the language taught and the level reached. */
  languageTaught: z.object({ language: languageCode, targetLevel: cefrLevel.nullish() }).nullish(),
  instructionLanguages: z.array(languageCode).max(10).default([]),
  delivery: z.enum(deliveryModes).default('in_person'),
  location: place.default({}),
  startsOn: isoDate.nullish(),
  endsOn: isoDate.nullish(),
  applyBy: isoDate.nullish(),
  durationHours: z.number().min(0).max(20_000).nullish(),
  hours: workingHours.nullish(),
  seats: z.int().min(1).max(100_000).nullish(),
  cost: money.nullish(),
  /** Who pays the cost (the programme, the person, free). */
  costCoveredBy: z.enum(['free', 'programme', 'participant', 'employer', 'other']).nullish(),
  stipend: payRange.nullish(),
  support: z
    .object({
      transport: z.boolean().default(false),
      childcare: z.boolean().default(false),
      meals: z.boolean().default(false),
      accommodation: z.boolean().default(false),
    })
    .default({ transport: false, childcare: false, meals: false, accommodation: false }),
  entryRequirements: z
    .object({
      minIscedLevel: iscedLevel.nullish(),
      languages: z
        .array(z.object({ language: languageCode, minLevel: cefrLevel }))
        .max(10)
        .default([]),
      notes: longText.nullish(),
    })
    .nullish(),
  certification: shortText.nullish(),
  status: z.enum(trainingStatuses).default('open'),
};

export const trainingInput = z.object(trainingFields).superRefine((v, ctx) => {
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'must not be before startsOn' });
  }
});
export type TrainingInput = z.infer<typeof trainingInput>;
export type TrainingInputDraft = z.input<typeof trainingInput>;

export interface Training extends TrainingInput {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export const trainingSorts = ['title', 'startsOn', 'createdAt', 'updatedAt'] as const;

export const trainingListQuery = z.object({
  ...listQueryBase,
  q: z.string().trim().max(200).optional(),
  providerId: recordId.optional(),
  type: z.enum(trainingTypes).optional(),
  delivery: z.enum(deliveryModes).optional(),
  country: countryCode.optional(),
  region: z.string().trim().max(300).optional(),
  status: z.enum(trainingStatuses).optional(),
  skillUri: z.string().trim().max(500).optional(),
  startsFrom: isoDate.optional(),
  startsUntil: isoDate.optional(),
  childcareSupport: queryBoolean.optional(),
  transportSupport: queryBoolean.optional(),
  externalId: externalId.optional(),
  sort: z.enum(trainingSorts).default('createdAt'),
  order: sortOrder,
});
export type TrainingListQuery = z.infer<typeof trainingListQuery>;

/** The port the database implements for training offers. */
export interface TrainingStore {
  create(input: TrainingInput, id: string, meta?: ChangeMeta): Promise<Training>;
  get(id: string): Promise<Training | null>;
  /** One page; `scope` narrows it to what the caller may see. */
  list(query: TrainingListQuery, scope?: RecordListScope): Promise<Page<Training>>;
  update(id: string, expectedVersion: number, input: TrainingInput, meta?: ChangeMeta): Promise<Training>;
  /** Deletes the offer, or archives it when referrals point to it. */
  remove(id: string, expectedVersion: number, meta?: ChangeMeta): Promise<RemoveResult<Training>>;
  upsertByExternalId(
    rows: (TrainingInput & { externalId: string })[],
    options: BulkUpsertOptions,
  ): Promise<BulkUpsertResult>;
}
