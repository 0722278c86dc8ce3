import { z } from 'zod';
import type { Page } from './pagination';
import { listQueryBase } from './pagination';
import {
  codedConcept,
  codedOccupation,
  codedSector,
  countryCode,
  cefrLevel,
  evidence,
  externalId,
  iscedLevel,
  isoDate,
  languageCode,
  longText,
  partialDate,
  payRange,
  place,
  recordId,
  shifts,
  shortText,
  sortOrder,
  type BulkUpsertOptions,
  type BulkUpsertResult,
  type ChangeMeta,
  type RecordListScope,
  type RemoveResult,
} from './common';
import { caseClosure } from './case-closure';
import type { DuplicateReason } from './duplicates';

/**
 * A person's profile (C1): taken by a counsellor in an interview or by the person, section by
 * section; partial profiles are normal (see profile-completeness.ts). Taxonomy codes sit beside
 * free text. Sex, gender, birth date and nationality are kept for reporting only: matching never
 * reads them.
 */

/** ISCED-F 2013 field of education: a 2-4 digit code and free text. */
export const educationField = z
  .object({
    iscedFCode: z
      .string()
      .regex(/^\d{2,4}$/, 'must be an ISCED-F 2013 code of 2 to 4 digits')
      .nullish(),
    label: shortText.nullish(),
  })
  .refine((v) => Boolean(v.iscedFCode) || Boolean(v.label), {
    message: 'needs a code or a label',
    path: ['label'],
  });

export const certificate = z.object({
  title: shortText.min(1),
  issuer: shortText.nullish(),
  issuedOn: partialDate.nullish(),
  /** A reference to a scanned copy or the certificate number. */
  reference: shortText.nullish(),
});

export const educationEntry = z.object({
  /** ISCED 2011 level; null when unknown or below primary in an informal setting (see `levelLabel`). */
  iscedLevel: iscedLevel.nullish(),
  /** The level as the person names it ("baccalauréat", "Koranic school"). */
  levelLabel: shortText.nullish(),
  formal: z.boolean().default(true),
  field: educationField.nullish(),
  institution: shortText.nullish(),
  country: countryCode.nullish(),
  startDate: partialDate.nullish(),
  endDate: partialDate.nullish(),
  completed: z.boolean().nullish(),
  certificates: z.array(certificate).max(20).default([]),
  evidence: evidence.default({ kind: 'self_declared' }),
});
export type EducationEntry = z.infer<typeof educationEntry>;

export const workArrangements = ['formal', 'informal', 'unpaid'] as const;

export const workEntry = z.object({
  occupation: codedOccupation,
  /** The job title as the person said it. */
  title: shortText.nullish(),
  employer: shortText.nullish(),
  country: countryCode.nullish(),
  region: shortText.nullish(),
  startDate: partialDate.nullish(),
  endDate: partialDate.nullish(),
  current: z.boolean().default(false),
  arrangement: z.enum(workArrangements).nullish(),
  selfEmployed: z.boolean().nullish(),
  skillsUsed: z.array(codedConcept).max(100).default([]),
  description: longText.nullish(),
  evidence: evidence.default({ kind: 'self_declared' }),
});
export type WorkEntry = z.infer<typeof workEntry>;

export const skillProficiencies = ['basic', 'intermediate', 'advanced', 'expert'] as const;

export const skillEntry = z
  .object({
    uri: codedConcept.shape.uri,
    label: codedConcept.shape.label,
    proficiency: z.enum(skillProficiencies).nullish(),
    yearsOfPractice: z.number().min(0).max(80).nullish(),
    evidence: evidence.default({ kind: 'self_declared' }),
  })
  .refine((v) => Boolean(v.uri) || Boolean(v.label), {
    message: 'needs a concept URI or a label',
    path: ['label'],
  });
export type SkillEntry = z.infer<typeof skillEntry>;

/** DigComp 2.2 competence areas. */
export const digCompAreas = [
  'information_and_data_literacy',
  'communication_and_collaboration',
  'digital_content_creation',
  'safety',
  'problem_solving',
] as const;

export const digitalSkillEntry = z.object({
  area: z.enum(digCompAreas),
  /** A DigComp competence number such as "1.1" (optional: many interviews assess whole areas). */
  competence: z
    .string()
    .regex(/^[1-5]\.[1-6]$/, 'must be a DigComp competence such as 1.1')
    .nullish(),
  /** DigComp 2.2 proficiency level, 1 (foundation) to 8 (highly specialised). */
  level: z.int().min(1).max(8),
  evidence: evidence.default({ kind: 'self_declared' }),
});
export type DigitalSkillEntry = z.infer<typeof digitalSkillEntry>;

/** The five CEFR self-assessment scales. */
export const cefrScales = [
  'listening',
  'reading',
  'spokenInteraction',
  'spokenProduction',
  'writing',
] as const;

export const languageEntry = z.object({
  language: languageCode,
  label: shortText.nullish(),
  motherTongue: z.boolean().default(false),
  listening: cefrLevel.nullish(),
  reading: cefrLevel.nullish(),
  spokenInteraction: cefrLevel.nullish(),
  spokenProduction: cefrLevel.nullish(),
  writing: cefrLevel.nullish(),
  evidence: evidence.default({ kind: 'self_declared' }),
});
export type LanguageEntry = z.infer<typeof languageEntry>;

export const drivingLicence = z.object({
  /** The category as printed (B, C1E, ...). */
  category: z
    .string()
    .trim()
    .regex(/^[A-Z0-9+]{1,5}$/, 'must be a licence category in capitals, such as B or C1E'),
  country: countryCode.nullish(),
  validUntil: isoDate.nullish(),
  evidence: evidence.default({ kind: 'self_declared' }),
});

export const workTypes = [
  'wage_employment',
  'self_employment',
  'training',
  'education',
  'apprenticeship',
] as const;

export const aspirations = z.object({
  occupations: z.array(codedOccupation).max(20).default([]),
  sectors: z.array(codedSector).max(20).default([]),
  workTypes: z.array(z.enum(workTypes)).max(workTypes.length).default([]),
  places: z.array(place).max(20).default([]),
  willingToRelocate: z.boolean().nullish(),
  wishedWage: payRange.nullish(),
  notes: longText.nullish(),
});

/** Practical limitations that matching takes into account (not sensitive: no diagnosis here). */
export const limitations = z.object({
  childcare: z.boolean().nullish(),
  familyDuties: z.boolean().nullish(),
  limitedMobility: z.boolean().nullish(),
  /** A health-related restriction exists; the details belong in the sensitive `healthNotes`. */
  healthRestrictions: z.boolean().nullish(),
  workNearHomeOnly: z.boolean().nullish(),
  workAtHomeOnly: z.boolean().nullish(),
  maxTravelKm: z.number().min(0).max(20_000).nullish(),
  hoursPerWeek: z.number().min(0).max(168).nullish(),
  availableShifts: z.array(z.enum(shifts)).max(shifts.length).default([]),
  notes: longText.nullish(),
});

export const returnInfo = z.object({
  hostCountry: countryCode.nullish(),
  returnCountry: countryCode.nullish(),
  returnRegion: shortText.nullish(),
  returnCity: shortText.nullish(),
  returnDate: isoDate.nullish(),
  /** The programme the person is followed in (a code agreed by the mission). */
  programme: shortText.nullish(),
});

export const rightToWorkStatuses = ['yes', 'no', 'pending', 'unknown'] as const;

/** Legal status: sensitive. */
export const legalStatus = z.object({
  residenceStatus: shortText.nullish(),
  rightToWork: z
    .array(z.object({ country: countryCode, status: z.enum(rightToWorkStatuses), until: isoDate.nullish() }))
    .max(20)
    .default([]),
  notes: longText.nullish(),
});

export const identityDocumentTypes = [
  'passport',
  'national_id',
  'travel_document',
  'laissez_passer',
  'residence_permit',
  'birth_certificate',
  'other',
] as const;

/** Identity documents: sensitive. */
export const identityDocument = z.object({
  type: z.enum(identityDocumentTypes),
  number: z.string().trim().min(1).max(100),
  issuingCountry: countryCode.nullish(),
  issuedOn: isoDate.nullish(),
  expiresOn: isoDate.nullish(),
});

export const contact = z.object({
  phone: z.string().trim().max(50).nullish(),
  otherPhones: z.array(z.string().trim().min(1).max(50)).max(5).default([]),
  email: z.email().max(300).nullish(),
  /** Where the person lives now (matching uses the coordinates for travel distance). */
  address: place.nullish(),
  preferredChannel: z.enum(['phone', 'sms', 'whatsapp', 'email', 'in_person']).nullish(),
});

export const sexes = ['female', 'male', 'other', 'unknown'] as const;

export const otherName = z.object({
  value: shortText.min(1),
  script: z.enum(['latin', 'arabic', 'cyrillic', 'georgian', 'other']).nullish(),
  kind: z.enum(['transliteration', 'alias', 'birth_name', 'nickname']).nullish(),
});

/** Sections of the profile that can be declared empty on purpose ("no driving licence"), so they count as complete. */
export const declarableSections = [
  'education',
  'workExperience',
  'skills',
  'digitalSkills',
  'languages',
  'drivingLicences',
] as const;
export type DeclarableSection = (typeof declarableSections)[number];

/**
 * Fields only the assigned case managers (and administrators who give a reason) may see (C8).
 * The trust policy hides them in `visibleFields`; every other module treats them as ordinary.
 */
export const personSensitiveFields = [
  'healthNotes',
  'psychosocialNotes',
  'legalStatus',
  'identityDocuments',
] as const;
export type PersonSensitiveField = (typeof personSensitiveFields)[number];

/** The fields of a person, for composing other schemas (import rows, responses). */
export const personFields = {
  externalId: externalId.nullish(),
  givenName: shortText.default(''),
  familyName: shortText.default(''),
  otherNames: z.array(otherName).max(20).default([]),
  sex: z.enum(sexes).nullish(),
  gender: shortText.nullish(),
  birthDate: isoDate.nullish(),
  /** The birth date is an estimate (only the year is reliable). */
  birthDateApproximate: z.boolean().default(false),
  nationalities: z.array(countryCode).max(5).default([]),
  preferredLanguage: languageCode.nullish(),
  contact: contact.default({ otherPhones: [] }),
  education: z.array(educationEntry).max(50).default([]),
  workExperience: z.array(workEntry).max(100).default([]),
  skills: z.array(skillEntry).max(300).default([]),
  digitalSkills: z.array(digitalSkillEntry).max(30).default([]),
  languages: z.array(languageEntry).max(20).default([]),
  drivingLicences: z.array(drivingLicence).max(20).default([]),
  declaredNone: z.array(z.enum(declarableSections)).max(declarableSections.length).default([]),
  aspirations: aspirations.nullish(),
  limitations: limitations.nullish(),
  returnInfo: returnInfo.nullish(),
  healthNotes: longText.nullish(),
  psychosocialNotes: longText.nullish(),
  legalStatus: legalStatus.nullish(),
  identityDocuments: z.array(identityDocument).max(20).default([]),
  /** Caseload: the organisation that owns the record, the country where the person is followed, the assigned case managers (user ids). */
  owningOrganisationId: recordId.nullish(),
  country: countryCode.nullish(),
  caseManagerIds: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  /** Set while the case is closed; changed only by closing and reopening (a replace keeps it). */
  caseClosure: caseClosure.nullish(),
};

/** The body of a create or a replace. */
export const personInput = z.object(personFields).superRefine((v, ctx) => {
  if (!v.givenName && !v.familyName && v.otherNames.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['givenName'], message: 'a person needs at least one name' });
  }
});
export type PersonInput = z.infer<typeof personInput>;
/** The input as sent (defaults not applied yet), for clients and import rows. */
export type PersonInputDraft = z.input<typeof personInput>;

export const completenessStates = ['empty', 'partial', 'complete'] as const;
export type CompletenessState = (typeof completenessStates)[number];

export const profileSections = [
  'personal',
  'contact',
  'education',
  'workExperience',
  'skills',
  'digitalSkills',
  'languages',
  'drivingLicences',
  'aspirations',
  'limitations',
  'returnInfo',
] as const;
export type ProfileSection = (typeof profileSections)[number];

export interface ProfileCompleteness {
  overall: CompletenessState;
  /** Share of sections that are complete, 0-100. */
  percent: number;
  sections: Record<ProfileSection, CompletenessState>;
}

export interface Person extends PersonInput {
  id: string;
  /** Set when this record was merged into another one (the record is then archived). */
  mergedIntoId: string | null;
  completeness: ProfileCompleteness;
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export const personSorts = ['name', 'createdAt', 'updatedAt'] as const;

export const personListQuery = z.object({
  ...listQueryBase,
  /** Name search across scripts and spellings ("Mohamed" finds "محمد"). */
  q: z.string().trim().max(200).optional(),
  country: countryCode.optional(),
  returnCountry: countryCode.optional(),
  hostCountry: countryCode.optional(),
  programme: z.string().trim().max(300).optional(),
  owningOrganisationId: recordId.optional(),
  caseManagerId: z.string().trim().min(1).max(100).optional(),
  /** open: cases not closed; closed: cases closed (see `caseClosure`). */
  caseStatus: z.enum(['open', 'closed']).optional(),
  externalId: externalId.optional(),
  sort: z.enum(personSorts).default('name'),
  order: sortOrder,
});
export type PersonListQuery = z.infer<typeof personListQuery>;

/** A possible duplicate of a person. */
export interface DuplicateCandidate {
  personId: string;
  score: number;
  reasons: DuplicateReason[];
}

export const personHistoryActions = ['created', 'updated', 'archived', 'merged_into', 'merged_from'] as const;

/** One change of a person's record (kept across merges). */
export interface PersonHistoryEntry {
  id: string;
  personId: string;
  /** The record the change was made on (differs from personId after a merge). */
  originalPersonId: string;
  action: (typeof personHistoryActions)[number];
  version: number;
  /** Names of the fields that changed. */
  changedFields: string[];
  /** For merges: the other record. */
  relatedPersonId: string | null;
  actorId: string | null;
  at: string;
}

export const personHistoryQuery = z.object({
  limit: listQueryBase.limit,
  cursor: listQueryBase.cursor,
});
export type PersonHistoryQuery = z.infer<typeof personHistoryQuery>;

/** The port the database implements for people. */
export interface PersonStore {
  create(input: PersonInput, id: string, meta?: ChangeMeta): Promise<Person>;
  get(id: string): Promise<Person | null>;
  /** One page; `scope` narrows it to what the caller may see. */
  list(query: PersonListQuery, scope?: RecordListScope): Promise<Page<Person>>;
  /** Replaces the fields; version_conflict when stale, not_found when absent, invalid_reference for a missing organisation. */
  update(id: string, expectedVersion: number, input: PersonInput, meta?: ChangeMeta): Promise<Person>;
  /** Deletes the record, or archives it when others refer to it (referrals, events, merges). */
  remove(id: string, expectedVersion: number, meta?: ChangeMeta): Promise<RemoveResult<Person>>;
  /** Candidates that may be the same person, best first (archived records excluded). */
  findDuplicates(
    input: PersonInput,
    options?: { excludeId?: string; limit?: number; minScore?: number },
  ): Promise<DuplicateCandidate[]>;
  /**
   * Merges `duplicateId` into `survivorId`: referrals, event attendance and history move to the
   * survivor, empty sections of the survivor are filled from the duplicate, and the duplicate is
   * archived with `mergedIntoId`.
   */
  merge(survivorId: string, expectedVersion: number, duplicateId: string, meta?: ChangeMeta): Promise<Person>;
  history(id: string, query: PersonHistoryQuery): Promise<Page<PersonHistoryEntry>>;
  /** Erases the person and the records merged into them, with their referrals, attendance and history; returns rows removed. */
  erase(id: string): Promise<number>;
  /** Each person's programme and last activity, for retention rules. */
  retentionCandidates(): Promise<
    { personId: string; programme: string | null; closedAt: string | null; lastActivityAt: string | null }[]
  >;
  /** Creates or updates by external id, all rows in one transaction (or none). */
  upsertByExternalId(
    rows: (PersonInput & { externalId: string })[],
    options: BulkUpsertOptions,
  ): Promise<BulkUpsertResult>;
}
